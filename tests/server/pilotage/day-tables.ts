import { expect } from 'vitest';
import type { Database } from '../../../server/src/db/database';

/**
 * The day tables of migration 011 as the triggers kept them, and as counted again from every
 * visit now: after any write they must be equal.
 */
async function dayTables(db: Database) {
  const visitKeys = 'site_id, day, form_id, author_id, place, gir, epds_above, duree';
  const visitColumns = `site_id, day::text AS day, form_id, author_id::text AS author_id, place, gir,
                        epds_above, duree`;
  const read = async (sql: string) => db.query(sql);
  const kept = {
    visits: await read(
      `SELECT ${visitColumns}, visits, persons FROM pilotage_visit_days ORDER BY ${visitKeys}`,
    ),
    themes: await read(
      `SELECT site_id, day::text AS day, theme, visits, persons, duree_sum::int AS duree_sum
         FROM pilotage_theme_days ORDER BY site_id, day, theme`,
    ),
    persons: await read(
      `SELECT site_id, person_id::text AS person_id, days::text AS days
         FROM pilotage_person_days ORDER BY site_id, person_id`,
    ),
    seen: await read(
      `SELECT person_id::text AS person_id, sites, days::text AS days
         FROM pilotage_person_seen ORDER BY person_id`,
    ),
  };
  const counted = {
    visits: await read(
      `SELECT ${visitColumns}, count(*)::int AS visits, bit_or(person_bit) AS persons
         FROM pilotage_visit_facts WHERE counted GROUP BY ${visitKeys} ORDER BY ${visitKeys}`,
    ),
    themes: await read(
      `SELECT f.site_id, f.day::text AS day, t.theme, count(*)::int AS visits,
              bit_or(f.person_bit) AS persons, coalesce(sum(f.duree), 0)::int AS duree_sum
         FROM pilotage_visit_facts f CROSS JOIN LATERAL jsonb_array_elements_text(f.thematiques) AS t(theme)
        WHERE f.counted AND f.thematiques IS NOT NULL
        GROUP BY f.site_id, f.day, t.theme ORDER BY f.site_id, f.day, t.theme`,
    ),
    persons: await read(
      `SELECT site_id, person_id::text AS person_id,
              range_agg(daterange(day, day, '[]'))::text AS days
         FROM pilotage_visit_facts WHERE person_id IS NOT NULL
        GROUP BY site_id, person_id ORDER BY site_id, person_id`,
    ),
    seen: await read(
      `SELECT person_id::text AS person_id, array_agg(DISTINCT site_id ORDER BY site_id) AS sites,
              range_agg(daterange(day, day, '[]'))::text AS days
         FROM pilotage_visit_facts WHERE person_id IS NOT NULL
        GROUP BY person_id ORDER BY person_id`,
    ),
  };
  return { kept, counted };
}

/** The day tables as kept equal the same tables counted from scratch. */
export async function expectKeptAsCounted(db: Database): Promise<void> {
  const { kept, counted } = await dayTables(db);
  expect(kept).toEqual(counted);
}
