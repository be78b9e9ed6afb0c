-- Push ingest (issue 4): the day tables of the dashboard (011) are kept by statement triggers on
-- `visits`, which call these two functions once per push statement. Written in SQL, they were
-- parsed and planned again at every call, through the pilotage_visit_facts view: that planning
-- cost more than the counting itself (about 2 ms a statement, a quarter of the database's work
-- on a push of 10,000 visits). They are now PL/pgSQL, whose plans a session keeps, with the
-- same statements but for the person days, which read their visits once, by id (see below).

-- Adds the visits `ids` that still count to the day tables.
CREATE OR REPLACE FUNCTION pilotage_add_visits(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
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
END
$$;

-- Adds the days the visits `ids` saw their persons. Their facts are read by id first, once for
-- both tables: asked for `person_id IS NOT NULL` beside the ids, the planner could walk every
-- visit naming a person through visits_person_idx and keep those of `ids` (its statistics lag
-- behind a push of visits naming persons, which made each push statement slower than the last).
CREATE OR REPLACE FUNCTION pilotage_add_person_days(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH facts AS MATERIALIZED (
    SELECT site_id, person_id, day FROM pilotage_visit_facts WHERE id = ANY(ids)
  ), by_site AS (
    INSERT INTO pilotage_person_days AS p (site_id, person_id, days)
    SELECT site_id, person_id, range_agg(daterange(day, day, '[]'))
      FROM facts WHERE person_id IS NOT NULL
     GROUP BY 1, 2
    ON CONFLICT (site_id, person_id) DO UPDATE SET days = p.days + excluded.days
  )
  INSERT INTO pilotage_person_seen AS p (person_id, sites, days)
  SELECT person_id, array_agg(DISTINCT site_id ORDER BY site_id), range_agg(daterange(day, day, '[]'))
    FROM facts WHERE person_id IS NOT NULL
   GROUP BY person_id
  ON CONFLICT (person_id) DO UPDATE
     SET sites = CASE WHEN p.sites @> excluded.sites THEN p.sites
                      ELSE (SELECT array_agg(DISTINCT s ORDER BY s) FROM unnest(p.sites || excluded.sites) AS s) END,
         days = p.days + excluded.days;
END
$$;
