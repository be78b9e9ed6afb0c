-- Pilotage (issue 9): the territories of Loir-et-Cher, the anonymous "Mon avis" answers, and
-- the indexes the dashboard's aggregates need. Same SQL on PGlite and PostgreSQL 15+.

-- Each commune's territory for social observation: Nord, Centre, Sud. No official split of the
-- communes between MDS or territories was found (shared/domain/loir-et-cher.md), so the
-- territory is the commune's arrondissement (COG INSEE): Vendôme (412) is Nord, Blois (411)
-- Centre, Romorantin-Lanthenay (413) Sud. A site's territory is its commune's.
CREATE TABLE commune_territories (
  commune_insee  text PRIMARY KEY,
  territory      text NOT NULL CHECK (territory IN ('nord', 'centre', 'sud'))
);
INSERT INTO commune_territories (commune_insee, territory) VALUES
  ('41001', 'nord'), ('41002', 'sud'), ('41003', 'nord'), ('41004', 'nord'), ('41006', 'centre'), ('41007', 'nord'),
  ('41008', 'centre'), ('41009', 'centre'), ('41010', 'nord'), ('41012', 'nord'), ('41013', 'centre'), ('41014', 'nord'),
  ('41016', 'sud'), ('41017', 'centre'), ('41018', 'centre'), ('41019', 'centre'), ('41020', 'nord'), ('41022', 'nord'),
  ('41024', 'nord'), ('41025', 'centre'), ('41026', 'nord'), ('41027', 'centre'), ('41028', 'nord'), ('41029', 'centre'),
  ('41030', 'nord'), ('41031', 'centre'), ('41032', 'centre'), ('41034', 'centre'), ('41035', 'centre'), ('41036', 'sud'),
  ('41037', 'nord'), ('41038', 'sud'), ('41039', 'centre'), ('41040', 'centre'), ('41041', 'nord'), ('41042', 'sud'),
  ('41043', 'sud'), ('41044', 'sud'), ('41045', 'centre'), ('41046', 'sud'), ('41047', 'centre'), ('41048', 'nord'),
  ('41049', 'sud'), ('41050', 'centre'), ('41051', 'sud'), ('41052', 'centre'), ('41053', 'nord'), ('41054', 'sud'),
  ('41055', 'centre'), ('41057', 'centre'), ('41058', 'centre'), ('41059', 'sud'), ('41060', 'nord'), ('41061', 'centre'),
  ('41062', 'sud'), ('41063', 'sud'), ('41065', 'nord'), ('41066', 'centre'), ('41067', 'centre'), ('41068', 'sud'),
  ('41069', 'centre'), ('41070', 'nord'), ('41071', 'centre'), ('41072', 'nord'), ('41073', 'nord'), ('41074', 'sud'),
  ('41075', 'nord'), ('41077', 'centre'), ('41078', 'nord'), ('41079', 'nord'), ('41080', 'sud'), ('41081', 'nord'),
  ('41083', 'sud'), ('41084', 'sud'), ('41085', 'centre'), ('41086', 'centre'), ('41087', 'nord'), ('41088', 'nord'),
  ('41089', 'nord'), ('41090', 'nord'), ('41091', 'centre'), ('41093', 'centre'), ('41094', 'sud'), ('41095', 'nord'),
  ('41096', 'nord'), ('41097', 'sud'), ('41098', 'nord'), ('41099', 'sud'), ('41100', 'nord'), ('41101', 'centre'),
  ('41102', 'nord'), ('41103', 'nord'), ('41104', 'centre'), ('41105', 'centre'), ('41106', 'sud'), ('41107', 'nord'),
  ('41108', 'centre'), ('41109', 'centre'), ('41110', 'sud'), ('41112', 'sud'), ('41113', 'nord'), ('41114', 'centre'),
  ('41115', 'nord'), ('41116', 'nord'), ('41118', 'sud'), ('41119', 'centre'), ('41120', 'nord'), ('41121', 'centre'),
  ('41122', 'sud'), ('41123', 'centre'), ('41124', 'nord'), ('41125', 'sud'), ('41126', 'sud'), ('41127', 'sud'),
  ('41128', 'centre'), ('41129', 'centre'), ('41130', 'centre'), ('41131', 'nord'), ('41132', 'sud'), ('41134', 'centre'),
  ('41135', 'sud'), ('41136', 'centre'), ('41137', 'centre'), ('41138', 'nord'), ('41139', 'sud'), ('41140', 'sud'),
  ('41141', 'nord'), ('41142', 'centre'), ('41143', 'nord'), ('41144', 'centre'), ('41145', 'centre'), ('41146', 'sud'),
  ('41147', 'centre'), ('41148', 'centre'), ('41149', 'nord'), ('41150', 'centre'), ('41151', 'sud'), ('41152', 'sud'),
  ('41153', 'nord'), ('41154', 'nord'), ('41155', 'centre'), ('41156', 'centre'), ('41157', 'sud'), ('41158', 'nord'),
  ('41159', 'sud'), ('41160', 'centre'), ('41161', 'sud'), ('41163', 'nord'), ('41164', 'sud'), ('41166', 'sud'),
  ('41167', 'centre'), ('41168', 'sud'), ('41171', 'centre'), ('41172', 'nord'), ('41173', 'centre'), ('41174', 'nord'),
  ('41175', 'nord'), ('41176', 'sud'), ('41177', 'nord'), ('41178', 'centre'), ('41179', 'nord'), ('41180', 'sud'),
  ('41181', 'sud'), ('41182', 'nord'), ('41184', 'nord'), ('41185', 'sud'), ('41186', 'nord'), ('41187', 'nord'),
  ('41188', 'centre'), ('41189', 'centre'), ('41190', 'nord'), ('41191', 'centre'), ('41192', 'nord'), ('41193', 'nord'),
  ('41194', 'sud'), ('41195', 'sud'), ('41196', 'nord'), ('41198', 'sud'), ('41199', 'nord'), ('41200', 'nord'),
  ('41201', 'nord'), ('41203', 'centre'), ('41204', 'centre'), ('41205', 'centre'), ('41206', 'centre'), ('41207', 'centre'),
  ('41208', 'centre'), ('41209', 'nord'), ('41211', 'sud'), ('41212', 'centre'), ('41213', 'nord'), ('41214', 'nord'),
  ('41215', 'nord'), ('41216', 'nord'), ('41217', 'sud'), ('41218', 'sud'), ('41219', 'centre'), ('41220', 'centre'),
  ('41221', 'centre'), ('41222', 'sud'), ('41223', 'centre'), ('41224', 'nord'), ('41225', 'nord'), ('41226', 'nord'),
  ('41228', 'nord'), ('41229', 'sud'), ('41230', 'centre'), ('41231', 'sud'), ('41232', 'sud'), ('41233', 'centre'),
  ('41234', 'centre'), ('41235', 'nord'), ('41236', 'nord'), ('41237', 'sud'), ('41238', 'nord'), ('41239', 'sud'),
  ('41241', 'sud'), ('41242', 'sud'), ('41243', 'nord'), ('41245', 'centre'), ('41246', 'centre'), ('41247', 'sud'),
  ('41248', 'nord'), ('41249', 'sud'), ('41250', 'nord'), ('41251', 'sud'), ('41252', 'centre'), ('41253', 'centre'),
  ('41254', 'nord'), ('41255', 'nord'), ('41256', 'sud'), ('41258', 'sud'), ('41259', 'nord'), ('41260', 'centre'),
  ('41261', 'nord'), ('41262', 'centre'), ('41265', 'nord'), ('41266', 'centre'), ('41267', 'sud'), ('41268', 'sud'),
  ('41269', 'nord'), ('41271', 'sud'), ('41273', 'centre'), ('41274', 'nord'), ('41275', 'nord'), ('41276', 'centre'),
  ('41277', 'nord'), ('41278', 'nord'), ('41279', 'nord'), ('41280', 'sud'), ('41281', 'centre'), ('41282', 'sud'),
  ('41283', 'nord'), ('41284', 'centre'), ('41285', 'sud'), ('41286', 'nord'), ('41287', 'nord'), ('41288', 'centre'),
  ('41289', 'centre'), ('41290', 'nord'), ('41291', 'nord'), ('41292', 'centre'), ('41293', 'nord'), ('41294', 'nord'),
  ('41295', 'centre'), ('41296', 'sud'), ('41297', 'sud');

-- "Mon avis": a person's anonymous answers to the satisfaction questionnaire at the end of a
-- visit. Nothing links a row to the person, the visit or the agent: a random (v4) id, the MDS,
-- the month only, and the answers. Its receipt goes back to the tablet but is not kept here,
-- since receipt numbers follow each other and would pair the answer with the visit's.
CREATE TABLE avis (
  id       uuid PRIMARY KEY,
  site_id  text NOT NULL REFERENCES sites (id),
  month    date NOT NULL CHECK (extract(day FROM month) = 1),
  answers  jsonb NOT NULL
);
CREATE INDEX avis_site_month_idx ON avis (site_id, month);

-- Dashboard aggregates read visits by site and period, with the few answers they count, so
-- most figures come from the index alone; the correction filter needs superseded ids.
CREATE INDEX visits_site_created_idx ON visits (site_id, device_created_at) INCLUDE (form_id, author_id);
CREATE INDEX visits_supersedes_idx ON visits (supersedes) WHERE supersedes IS NOT NULL;
