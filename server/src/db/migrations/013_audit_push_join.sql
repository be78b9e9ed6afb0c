-- Push ingest (issue 4): the push audit (008) found a record's person by comparing text with
-- `persons.id::text`, which no index serves: every push statement hashed the whole persons
-- table, 0.1 s a statement with 100,000 files. The same rows, now found through the primary
-- key: the person id is kept as a uuid, and a `personId` in an older change payload is cast
-- only when it has the shape of one, so no stored text can make the audit fail a push.
CREATE OR REPLACE FUNCTION audit_accepted_mutations() RETURNS trigger AS $$
BEGIN
  INSERT INTO audit_log (at, agent_id, device_id, action, entity, entity_id, site_id, person_id, via)
  SELECT m.applied_at, m.agent_id, m.device_id, 'write', m.entity, m.entity_id::text,
         coalesce(c.site_id, r.from_site_id, p.site_id), about.person_id::text, 'push'
  FROM inserted m
  LEFT JOIN sync_changes c ON c.entity = m.entity AND c.entity_id = m.entity_id::text
  -- A referral status change names its referral; its event is keyed by the mutation's id.
  LEFT JOIN referral_events e ON m.entity = 'referralStatus' AND e.event_id = m.mutation_id
  LEFT JOIN referrals r ON r.id = e.referral_id
  CROSS JOIN LATERAL (
    SELECT CASE
             WHEN m.entity IN ('person', 'follow', 'pin') THEN m.entity_id
             ELSE coalesce(
               c.person_id,
               CASE WHEN c.payload ->> 'personId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                    THEN (c.payload ->> 'personId')::uuid END,
               r.person_id)
           END AS person_id
  ) about
  LEFT JOIN persons p ON p.id = about.person_id
  WHERE m.result ->> 'status' = 'accepted';
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Every visit pushed updated two indexes led by its site: `visits_site_idx` (001) answers
-- nothing that `visits_site_created_idx` (006), whose first column is the site, cannot.
DROP INDEX visits_site_idx;
