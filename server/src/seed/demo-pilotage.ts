import type { Database } from '../db/database';
import { demoUuid } from './demo-ids';

/** Visits and "Mon avis" answers of the statistics sample, spread over the last two years. */
export const SAMPLE_VISITS = 2400;
const SAMPLE_AVIS = 300;

/**
 * A sample of past activity so the Pilotage page of `demo.cadre` (MDS of Blois, territory
 * Centre) shows figures with a previous period to compare with: home visits, PMI visits with
 * an EPDS, AGGIR evaluations, digital-help reports and "Mon avis" answers, over the two years
 * before `now`, mostly in the Centre MDS. Written straight in SQL without pull changes: they
 * are statistics only, no tablet downloads them, and they name no person. Fixed ids: a second
 * run adds nothing. Returns the number of visits added.
 */
export async function seedDemoPilotage(db: Database, now: Date): Promise<number> {
  const authors = await db.query<{ login: string; id: string }>(
    "SELECT login, id::text AS id FROM agents WHERE login IN ('demo.social', 'demo.pmi', 'demo.autonomie', 'demo.numerique')",
  );
  if (authors.length < 4) return 0;
  const author = Object.fromEntries(authors.map((a) => [a.login, a.id]));
  const added = await db.query<{ id: string }>(
    `INSERT INTO visits (id, site_id, form_id, form_version, answers, status, device_created_at,
                         author_id, version, updated_at, receipt_number, receipt_issued_at)
     SELECT md5($1 || i)::uuid, s.site, s.form, 1, s.answers, 'signed', s.at,
            s.author, nextval('change_seq'), s.at, 'DEMO-STAT-' || i, s.at
       FROM generate_series(1, $2::int) AS i
       CROSS JOIN LATERAL (
         SELECT (ARRAY['mds-41-41018', 'mds-41-41018', 'mds-41-41018', 'mds-41-41136',
                       'mds-41-41025', 'mds-41-41167', 'mds-41-41269', 'mds-41-41194'])[1 + i % 8] AS site,
                (ARRAY['visite-domicile', 'pmi-visite', 'aggir-evaluation', 'cra-mediation-numerique',
                       'visite-sociale'])[1 + i % 5] AS form,
                ($3::timestamptz - make_interval(days => (i * 37) % 730, hours => i % 9)) AS at,
                (ARRAY[$4, $5, $6, $7, $4]::uuid[])[1 + i % 5] AS author,
                CASE i % 5
                  WHEN 0 THEN jsonb_build_object('personName', 'Personne de démonstration',
                                'communeInsee', '41018', 'reason', 'Suivi', 'notes', '')
                  WHEN 1 THEN jsonb_build_object('epdsScore', jsonb_build_object(
                                'total', 4 + i % 17, 'aboveThreshold', 4 + i % 17 >= 12, 'selfHarmAlert', false))
                  WHEN 2 THEN jsonb_build_object('lieuEvaluation', CASE WHEN i % 7 = 0 THEN 'etablissement' ELSE 'domicile' END,
                                'gir', jsonb_build_object('gir', 1 + (i * 7) % 6))
                  WHEN 3 THEN jsonb_build_object('duree', (ARRAY[15, 30, 30, 45, 60, 90, 120])[1 + i % 7],
                                'typeLieu', CASE WHEN i % 4 = 0 THEN 'domicile' ELSE 'lieu_activite' END,
                                'thematiques', (ARRAY['["email"]', '["aide_aux_demarches_administratives"]',
                                  '["sante", "email"]', '["prendre_en_main_du_materiel"]',
                                  '["banque_et_achats_en_ligne"]', '["aide_aux_demarches_administratives", "securite_numerique"]'])[1 + i % 6]::jsonb)
                  ELSE jsonb_build_object('lieu', CASE WHEN i % 3 = 0 THEN 'domicile' ELSE 'mds' END)
                END AS answers
       ) AS s
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [
      demoUuid('pilotage-sample'),
      SAMPLE_VISITS,
      now.toISOString(),
      author['demo.social'],
      author['demo.pmi'],
      author['demo.autonomie'],
      author['demo.numerique'],
    ],
  );
  await db.query(
    `INSERT INTO avis (id, site_id, month, answers)
     SELECT md5($1 || i)::uuid, (ARRAY['mds-41-41018', 'mds-41-41018', 'mds-41-41136', 'mds-41-41025'])[1 + i % 4],
            date_trunc('month', $3::timestamptz - make_interval(days => (i * 11) % 700))::date,
            jsonb_build_object('accueil', (ARRAY['oui', 'oui', 'oui', 'moyen'])[1 + i % 4],
                               'compris', (ARRAY['oui', 'oui', 'moyen', 'non'])[1 + i % 4],
                               'aide', (ARRAY['oui', 'moyen', 'oui'])[1 + i % 3],
                               'suite', (ARRAY['oui', 'non', 'moyen', 'oui', 'oui'])[1 + i % 5])
       FROM generate_series(1, $2::int) AS i
     ON CONFLICT (id) DO NOTHING`,
    [demoUuid('pilotage-avis'), SAMPLE_AVIS, now.toISOString()],
  );
  return added.length;
}
