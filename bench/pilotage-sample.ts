import type { Database } from '../server/src/db/database';

/** The size of the Pilotage benchmark's département: DESIGN-sized, about ten years of MDS work. */
export const SAMPLE = {
  persons: 100_000,
  visits: 1_000_000,
  referrals: 50_000,
  tasks: 100_000,
  avis: 50_000,
};
const CHUNK = 100_000; // rows per INSERT: PGlite's memory stays small
const SPAN_S = 3 * 365 * 24 * 3600; // visits spread over the three years before `now`

/**
 * Fills a migrated database, with its 12 MDS and one agent of each field role in `authors`,
 * with SAMPLE rows generated in SQL (generate_series): persons, caseloads, visits of the five
 * built-in forms with their computed answers, referrals with their status history, tasks and
 * "Mon avis" answers. Deterministic: the same rows on PGlite and PostgreSQL.
 */
export async function fillPilotageSample(
  db: Database,
  sites: readonly string[],
  authors: readonly string[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  for (let from = 1; from <= SAMPLE.persons; from += CHUNK) {
    await db.query(
      `INSERT INTO persons (id, site_id, birth_date, name_key, fields, created_by, created_at, version,
                            updated_at, receipt_number, receipt_issued_at)
       SELECT md5('p' || i)::uuid, ($1::text[])[1 + i % 12], date '1940-01-01' + i % 30000,
              'personne ' || i, '{}', ($2::uuid[])[1 + i % 4], $3::timestamptz - interval '4 years', i,
              $3::timestamptz, 'P' || i, $3::timestamptz
         FROM generate_series($4::int, $5::int) AS i`,
      [sites, authors, at, from, Math.min(from + CHUNK - 1, SAMPLE.persons)],
    );
  }
  await db.query(
    `INSERT INTO person_followers (person_id, agent_id, since)
     SELECT md5('p' || i)::uuid, ($1::uuid[])[1 + i % 4], $2::timestamptz - interval '4 years'
       FROM generate_series(1, $3::int) AS i WHERE i % 5 <> 0`,
    [authors, at, SAMPLE.persons],
  );
  // Their history (migration 012), and as many follows ended two years ago.
  await db.query(
    `INSERT INTO follow_periods (person_id, agent_id, started_at, ended_at)
     SELECT person_id, agent_id, since, NULL FROM person_followers
     UNION ALL
     SELECT md5('p' || i)::uuid, ($1::uuid[])[1 + (i + 1) % 4], $2::timestamptz - interval '4 years',
            $2::timestamptz - interval '2 years'
       FROM generate_series(1, $3::int) AS i WHERE i % 5 <> 1`,
    [authors, at, SAMPLE.persons],
  );
  for (let from = 1; from <= SAMPLE.visits; from += CHUNK) {
    await db.query(
      `INSERT INTO visits (id, site_id, form_id, form_version, answers, status, device_created_at,
                           author_id, version, updated_at, receipt_number, receipt_issued_at, person_id)
       SELECT md5('v' || i)::uuid, ($1::text[])[1 + i % 12], f.form, 1, f.answers, 'signed', t.at,
              ($2::uuid[])[1 + i % 4], i, t.at, 'V' || i, t.at,
              CASE WHEN i % 5 = 3 THEN NULL ELSE md5('p' || (1 + i % $6::int))::uuid END
         FROM generate_series($4::int, $5::int) AS i
        CROSS JOIN LATERAL (SELECT $3::timestamptz - make_interval(secs => (i::bigint * 7919) % $7::int) AS at) AS t
        CROSS JOIN LATERAL (
          SELECT (ARRAY['visite-domicile', 'pmi-visite', 'aggir-evaluation', 'cra-mediation-numerique',
                        'visite-sociale'])[1 + i % 5] AS form,
                 CASE i % 5
                   WHEN 0 THEN jsonb_build_object('communeInsee', '41018', 'reason', 'Suivi')
                   WHEN 1 THEN jsonb_build_object('epdsScore', jsonb_build_object(
                                 'total', i % 25, 'aboveThreshold', i % 25 >= 12, 'selfHarmAlert', false))
                   WHEN 2 THEN jsonb_build_object('lieuEvaluation', 'domicile',
                                 'gir', jsonb_build_object('gir', 1 + i % 6))
                   WHEN 3 THEN jsonb_build_object('duree', 15 * (1 + i % 8), 'typeLieu', 'lieu_activite',
                                 'thematiques', jsonb_build_array('email', 'sante'))
                   ELSE jsonb_build_object('lieu', 'mds')
                 END AS answers
        ) AS f`,
      [sites, authors, at, from, Math.min(from + CHUNK - 1, SAMPLE.visits), SAMPLE.persons, SPAN_S],
    );
  }
  await db.query(
    `INSERT INTO referrals (id, person_id, from_agent_id, from_site_id, to_kind, to_site_id, to_partner,
                            reason, urgency, consent, documents, status, device_created_at, created_at,
                            version, updated_at)
     SELECT md5('r' || i)::uuid, md5('p' || (1 + i % $4::int))::uuid, ($2::uuid[])[1 + i % 4],
            ($1::text[])[1 + i % 12], CASE WHEN i % 2 = 0 THEN 'partner' ELSE 'site' END,
            CASE WHEN i % 2 = 0 THEN NULL ELSE ($1::text[])[1 + (i + 1) % 12] END,
            CASE WHEN i % 2 = 0 THEN 'Partenaire' END, 'Orientation', 'normale', true, '[]',
            (ARRAY['envoyee', 'recue', 'en_cours', 'cloturee'])[1 + i % 4], t.at, t.at, i, t.at
       FROM generate_series(1, $5::int) AS i
      CROSS JOIN LATERAL (SELECT $3::timestamptz - make_interval(secs => (i::bigint * 104729) % $6::int) AS at) AS t`,
    [sites, authors, at, SAMPLE.persons, SAMPLE.referrals, SPAN_S],
  );
  await db.query(
    `INSERT INTO referral_events (referral_id, seq, status, at, agent_id, event_id)
     SELECT r.id, s.seq, s.status, r.created_at + make_interval(days => (s.seq * (1 + i % 9))::int), r.from_agent_id,
            md5('e' || i || '-' || s.seq)::uuid
       FROM (SELECT r.*, row_number() OVER (ORDER BY r.id) AS i FROM referrals r) AS r
      CROSS JOIN LATERAL (VALUES (1, 'envoyee'), (2, 'recue'), (3, 'en_cours'), (4, 'cloturee')) AS s(seq, status)
      WHERE s.seq <= 1 + r.i % 4`,
  );
  await db.query(
    `INSERT INTO tasks (id, person_id, site_id, assignee_id, kind, title, due_on, done_at, created_by,
                        created_at, version, updated_at)
     SELECT md5('t' || i)::uuid, md5('p' || (1 + i % $4::int))::uuid, ($1::text[])[1 + i % 12],
            ($2::uuid[])[1 + i % 4], 'tache', 'Rappeler', d.due,
            CASE WHEN i % 3 = 0 THEN NULL ELSE d.due + (i % 5 - 2) * interval '1 day' END,
            ($2::uuid[])[1 + i % 4], $3::timestamptz, i, $3::timestamptz
       FROM generate_series(1, $5::int) AS i
      CROSS JOIN LATERAL (SELECT ($3::timestamptz - make_interval(days => i % 1095))::date AS due) AS d`,
    [sites, authors, at, SAMPLE.persons, SAMPLE.tasks],
  );
  await db.query(
    `INSERT INTO avis (id, site_id, month, answers)
     SELECT md5('a' || i)::uuid, ($1::text[])[1 + i % 12],
            date_trunc('month', $2::timestamptz - make_interval(days => i % 1095))::date,
            jsonb_build_object('accueil', (ARRAY['oui', 'moyen', 'non'])[1 + i % 3], 'aide', 'oui')
       FROM generate_series(1, $3::int) AS i`,
    [sites, at, SAMPLE.avis],
  );
  await db.exec('ANALYZE');
}
