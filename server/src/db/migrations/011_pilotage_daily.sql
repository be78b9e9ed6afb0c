-- Pilotage (issue 9): the visits' figures kept day by day as visits are written, so the
-- dashboard sums a few thousand rows instead of reading a million visits. Same SQL on PGlite
-- and PostgreSQL 15+. Statement-level triggers on `visits` keep them right on every write
-- (push, correction, purge); the rows of before this migration are counted at its end.

-- What the dashboard reads of a visit's answers. Casts are guarded: a malformed answer counts
-- as missing rather than failing the write of the visit.

-- Where a visit took place: the home-visit forms are at home by definition; the others say it
-- in `lieu` (visite sociale), `lieuEvaluation` (AGGIR) or `typeLieu` (CRA). The MDS and the
-- conseiller numérique's usual place count as "accueil".
CREATE FUNCTION pilotage_place(form_id text, answers jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN form_id IN ('visite-domicile', 'pmi-visite') THEN 'domicile'
    WHEN coalesce(answers->>'lieu', answers->>'lieuEvaluation', answers->>'typeLieu') = 'domicile' THEN 'domicile'
    WHEN coalesce(answers->>'lieu', answers->>'typeLieu') IN ('mds', 'lieu_activite') THEN 'accueil'
    WHEN coalesce(answers->>'lieu', answers->>'lieuEvaluation', answers->>'typeLieu') IS NOT NULL THEN 'autre'
    ELSE 'inconnu'
  END
$$;

-- A CRA accompaniment's duration in minutes.
CREATE FUNCTION pilotage_duree(answers jsonb) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN answers->>'duree' ~ '^\s*[+-]?[0-9]{1,9}\s*$' THEN (answers->>'duree')::int END
$$;

-- One bit of 32 for a person (a visit without a person is a person of its own): a group
-- whose OR of bits has 5 bits set has at least 5 persons, so masking needs no exact count.
-- The bits are stored, so the hash must never change: MD5, fixed by its RFC, not hashtext,
-- which PostgreSQL may change between major versions.
CREATE FUNCTION pilotage_person_bit(person_id uuid, visit_id uuid) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 1 << (get_byte(decode(md5(coalesce(person_id, visit_id)::text), 'hex'), 0) & 31)
$$;

-- A visit as the dashboard counts it: its day in Europe/Paris (the day the agent saved it,
-- device time), what it is about, and whether it still counts (no correction replaced it).
CREATE VIEW pilotage_visit_facts AS
SELECT v.id, v.site_id, (v.device_created_at AT TIME ZONE 'Europe/Paris')::date AS day,
       v.form_id, v.author_id, v.person_id,
       pilotage_place(v.form_id, v.answers) AS place,
       CASE WHEN v.form_id = 'aggir-evaluation'
            THEN coalesce(nullif(v.answers->>'girRetenu', ''), v.answers->'gir'->>'gir') END AS gir,
       CASE WHEN v.form_id = 'pmi-visite' AND v.answers->'epdsScore' IS NOT NULL
            THEN coalesce(v.answers->'epdsScore'->'aboveThreshold' = 'true'::jsonb, false) END AS epds_above,
       CASE WHEN v.form_id = 'cra-mediation-numerique' THEN pilotage_duree(v.answers) END AS duree,
       CASE WHEN v.form_id = 'cra-mediation-numerique' AND jsonb_typeof(v.answers->'thematiques') = 'array'
            THEN v.answers->'thematiques' END AS thematiques,
       pilotage_person_bit(v.person_id, v.id) AS person_bit,
       NOT EXISTS (SELECT 1 FROM visits c WHERE c.supersedes = v.id) AS counted
  FROM visits v;

-- Counted visits by day, MDS, form, author, place and the answers the figures break down by:
-- how many, and the OR of their persons' bits.
CREATE TABLE pilotage_visit_days (
  site_id     text NOT NULL,
  day         date NOT NULL,
  form_id     text NOT NULL,
  author_id   uuid NOT NULL,
  place       text NOT NULL,
  gir         text,
  epds_above  boolean,
  duree       integer,
  visits      integer NOT NULL,
  persons     integer NOT NULL,
  UNIQUE NULLS NOT DISTINCT (site_id, day, form_id, author_id, place, gir, epds_above, duree)
);

-- Counted CRA accompaniments by day, MDS and theme (one may have several themes), with the
-- sum of their durations.
CREATE TABLE pilotage_theme_days (
  site_id    text NOT NULL,
  day        date NOT NULL,
  theme      text NOT NULL,
  visits     integer NOT NULL,
  persons    integer NOT NULL,
  duree_sum  bigint NOT NULL,
  PRIMARY KEY (site_id, day, theme)
);

-- The days a person was seen in a visit of an MDS, every visit counting, corrected or not, as
-- "persons followed" has always counted them: one row per MDS and person, whatever the number
-- of visits.
CREATE TABLE pilotage_person_days (
  site_id    text NOT NULL,
  person_id  uuid NOT NULL,
  days       datemultirange NOT NULL,
  PRIMARY KEY (site_id, person_id)
);
CREATE INDEX pilotage_person_days_person_idx ON pilotage_person_days (person_id);

-- The same days, all MDS together, with the MDS they were seen at: a scope holding all of them
-- reads one row per person instead of one per MDS and person.
CREATE TABLE pilotage_person_seen (
  person_id  uuid PRIMARY KEY,
  sites      text[] NOT NULL,
  days       datemultirange NOT NULL
);

-- Adds the visits `ids` that still count to the day tables.
CREATE FUNCTION pilotage_add_visits(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO pilotage_visit_days AS d
         (site_id, day, form_id, author_id, place, gir, epds_above, duree, visits, persons)
  SELECT site_id, day, form_id, author_id, place, gir, epds_above, duree, count(*), bit_or(person_bit)
    FROM pilotage_visit_facts WHERE id = ANY(ids) AND counted
   GROUP BY site_id, day, form_id, author_id, place, gir, epds_above, duree
  ON CONFLICT (site_id, day, form_id, author_id, place, gir, epds_above, duree)
  DO UPDATE SET visits = d.visits + excluded.visits, persons = d.persons | excluded.persons;

  INSERT INTO pilotage_theme_days AS d (site_id, day, theme, visits, persons, duree_sum)
  SELECT f.site_id, f.day, t.theme, count(*), bit_or(f.person_bit), coalesce(sum(f.duree), 0)
    FROM pilotage_visit_facts f CROSS JOIN LATERAL jsonb_array_elements_text(f.thematiques) AS t(theme)
   WHERE f.id = ANY(ids) AND f.counted AND f.thematiques IS NOT NULL
   GROUP BY f.site_id, f.day, t.theme
  ON CONFLICT (site_id, day, theme)
  DO UPDATE SET visits = d.visits + excluded.visits, persons = d.persons | excluded.persons,
                duree_sum = d.duree_sum + excluded.duree_sum;
$$;

-- Adds the days the visits `ids` saw their persons.
CREATE FUNCTION pilotage_add_person_days(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO pilotage_person_days AS p (site_id, person_id, days)
  SELECT site_id, person_id, range_agg(daterange(day, day, '[]'))
    FROM pilotage_visit_facts WHERE id = ANY(ids) AND person_id IS NOT NULL
   GROUP BY 1, 2
  ON CONFLICT (site_id, person_id) DO UPDATE SET days = p.days + excluded.days;

  INSERT INTO pilotage_person_seen AS p (person_id, sites, days)
  SELECT person_id, array_agg(DISTINCT site_id ORDER BY site_id), range_agg(daterange(day, day, '[]'))
    FROM pilotage_visit_facts WHERE id = ANY(ids) AND person_id IS NOT NULL
   GROUP BY person_id
  ON CONFLICT (person_id) DO UPDATE
     SET sites = CASE WHEN p.sites @> excluded.sites THEN p.sites
                      ELSE (SELECT array_agg(DISTINCT s ORDER BY s) FROM unnest(p.sites || excluded.sites) AS s) END,
         days = p.days + excluded.days;
$$;

-- Counts again the days `days[i]` of the MDS `sites[i]` from their visits: what a removal
-- (correction, purge) needs, since an OR of bits cannot be undone.
CREATE FUNCTION pilotage_recount_days(sites text[], days date[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM pilotage_visit_days d USING unnest(sites, days) AS a(site_id, day)
   WHERE d.site_id = a.site_id AND d.day = a.day;
  DELETE FROM pilotage_theme_days d USING unnest(sites, days) AS a(site_id, day)
   WHERE d.site_id = a.site_id AND d.day = a.day;
  SELECT pilotage_add_visits(array_agg(v.id))
    FROM (SELECT DISTINCT * FROM unnest(sites, days)) AS a(site_id, day)
    JOIN visits v ON v.site_id = a.site_id
     AND v.device_created_at >= a.day::timestamp AT TIME ZONE 'Europe/Paris'
     AND v.device_created_at < (a.day + 1)::timestamp AT TIME ZONE 'Europe/Paris';
$$;

-- Counts again the days the persons `persons` were seen, from all their visits.
CREATE FUNCTION pilotage_recount_persons(persons uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM pilotage_person_days WHERE person_id = ANY(persons);
  DELETE FROM pilotage_person_seen WHERE person_id = ANY(persons);
  SELECT pilotage_add_person_days(array_agg(id)) FROM visits WHERE person_id = ANY(persons);
$$;

-- Visit writers hold the change log writer lock (server/src/sync/change-log.ts): the
-- triggers take it too, so two writers never count the same day at once.

CREATE FUNCTION pilotage_visits_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sites text[];
  days date[];
BEGIN
  PERFORM pg_advisory_xact_lock(4100001);
  -- The visits the new ones correct no longer count: their days are counted again (with any
  -- new visit of these days); the other new visits are added.
  SELECT array_agg(f.site_id), array_agg(f.day) INTO sites, days
    FROM pilotage_visit_facts f WHERE f.id IN (SELECT supersedes FROM new_visits WHERE supersedes IS NOT NULL);
  IF sites IS NOT NULL THEN
    PERFORM pilotage_recount_days(sites, days);
  END IF;
  PERFORM pilotage_add_visits(array_agg(n.id))
     FROM new_visits n
    WHERE sites IS NULL OR (n.site_id, (n.device_created_at AT TIME ZONE 'Europe/Paris')::date)
          NOT IN (SELECT * FROM unnest(sites, days));
  PERFORM pilotage_add_person_days(array_agg(id)) FROM new_visits WHERE person_id IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE FUNCTION pilotage_visits_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sites text[];
  days date[];
BEGIN
  PERFORM pg_advisory_xact_lock(4100001);
  -- The days of the removed visits, and those of the visits they corrected, which count again.
  SELECT array_agg(a.site_id), array_agg(a.day) INTO sites, days
    FROM (SELECT site_id, (device_created_at AT TIME ZONE 'Europe/Paris')::date AS day FROM old_visits
          UNION SELECT f.site_id, f.day FROM pilotage_visit_facts f
                 WHERE f.id IN (SELECT supersedes FROM old_visits WHERE supersedes IS NOT NULL)) AS a;
  PERFORM pilotage_recount_days(sites, days);
  PERFORM pilotage_recount_persons(array_agg(DISTINCT person_id))
     FROM old_visits WHERE person_id IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE FUNCTION pilotage_visits_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sites text[];
  days date[];
BEGIN
  PERFORM pg_advisory_xact_lock(4100001);
  SELECT array_agg(a.site_id), array_agg(a.day) INTO sites, days
    FROM (SELECT site_id, (device_created_at AT TIME ZONE 'Europe/Paris')::date AS day FROM old_visits
          UNION SELECT site_id, (device_created_at AT TIME ZONE 'Europe/Paris')::date FROM new_visits
          UNION SELECT f.site_id, f.day FROM pilotage_visit_facts f
                 WHERE f.id IN (SELECT supersedes FROM old_visits WHERE supersedes IS NOT NULL
                                UNION SELECT supersedes FROM new_visits WHERE supersedes IS NOT NULL)) AS a;
  PERFORM pilotage_recount_days(sites, days);
  PERFORM pilotage_recount_persons(array_agg(DISTINCT person_id))
     FROM (SELECT person_id FROM old_visits UNION SELECT person_id FROM new_visits) AS p
    WHERE person_id IS NOT NULL;
  RETURN NULL;
END
$$;

CREATE TRIGGER pilotage_visits_inserted AFTER INSERT ON visits
  REFERENCING NEW TABLE AS new_visits FOR EACH STATEMENT EXECUTE FUNCTION pilotage_visits_inserted();
CREATE TRIGGER pilotage_visits_deleted AFTER DELETE ON visits
  REFERENCING OLD TABLE AS old_visits FOR EACH STATEMENT EXECUTE FUNCTION pilotage_visits_deleted();
CREATE TRIGGER pilotage_visits_updated AFTER UPDATE ON visits
  REFERENCING OLD TABLE AS old_visits NEW TABLE AS new_visits
  FOR EACH STATEMENT EXECUTE FUNCTION pilotage_visits_updated();

-- The visits of before this migration.
INSERT INTO pilotage_visit_days
       (site_id, day, form_id, author_id, place, gir, epds_above, duree, visits, persons)
SELECT site_id, day, form_id, author_id, place, gir, epds_above, duree, count(*), bit_or(person_bit)
  FROM pilotage_visit_facts WHERE counted
 GROUP BY site_id, day, form_id, author_id, place, gir, epds_above, duree;

INSERT INTO pilotage_theme_days (site_id, day, theme, visits, persons, duree_sum)
SELECT f.site_id, f.day, t.theme, count(*), bit_or(f.person_bit), coalesce(sum(f.duree), 0)
  FROM pilotage_visit_facts f CROSS JOIN LATERAL jsonb_array_elements_text(f.thematiques) AS t(theme)
 WHERE f.counted AND f.thematiques IS NOT NULL
 GROUP BY f.site_id, f.day, t.theme;

INSERT INTO pilotage_person_days (site_id, person_id, days)
SELECT site_id, person_id, range_agg(daterange(day, day, '[]'))
  FROM pilotage_visit_facts WHERE person_id IS NOT NULL
 GROUP BY 1, 2;

INSERT INTO pilotage_person_seen (person_id, sites, days)
SELECT person_id, array_agg(DISTINCT site_id ORDER BY site_id), range_agg(daterange(day, day, '[]'))
  FROM pilotage_visit_facts WHERE person_id IS NOT NULL
 GROUP BY person_id;
