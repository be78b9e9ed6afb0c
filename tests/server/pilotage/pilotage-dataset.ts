import { randomUUID } from 'node:crypto';
import { uuidv7 } from '../../../shared/uuidv7';
import type { Queryable } from '../../../server/src/db/database';
import { BLOIS, MER, newSession, VENDOME } from '../support/fixtures';
import type { TestServer } from '../support/test-server';

/**
 * A small dataset whose figures the tests state by hand. Period: first half of 2026; previous
 * period: second half of 2025. Visits are inserted as the server stores them (forms' computed
 * values included), with the device time that places them in a month.
 *
 * At Blois in the period (34 visits once the corrected one is left out):
 * - 7 `visite-domicile` (travailleur social): 1 on 31 Dec 2025 23:30 UTC, which is already
 *   1 January in Paris, 6 in February, one of which is a correction of an 8th (not counted);
 * - 3 `visite-sociale` at the MDS (travailleur social), March;
 * - 10 `pmi-visite` with an EPDS (puéricultrice), January, 5 above the threshold;
 * - 8 `aggir-evaluation` (conseillère autonomie), April: 6 at home, 2 in an establishment;
 *   computed GIR 4 ×5 and GIR 2 ×3, one of which the team kept as GIR 3;
 * - 6 `cra-mediation-numerique` (conseiller numérique), May: 30, 30, 30, 45, 60, 90 min, all
 *   "email", 5 also "santé"; 5 at the usual place, 1 at home.
 * At Blois in the previous period: 5 `visite-domicile` in November 2025. At Blois before both
 * periods: 1 visit (2024). At Mer in the period: 2 CRA. At Vendôme (Nord): 4 visits.
 * "Mon avis" at Blois: 6 answers in March 2026, 2 in December 2025.
 */
export async function seedPilotageDataset(server: TestServer): Promise<void> {
  const social = (await newSession(server, [BLOIS], 'travailleur_social')).agent.id;
  const pmi = (await newSession(server, [BLOIS], 'puericultrice')).agent.id;
  const autonomie = (await newSession(server, [BLOIS], 'conseillere_autonomie')).agent.id;
  const numerique = (await newSession(server, [BLOIS, MER], 'conseiller_numerique')).agent.id;
  const db = server.db;
  const visit = (author: string, siteId: string, formId: string, at: string, answers: object) =>
    insertVisit(db, { author, siteId, formId, at, answers });

  await visit(social, BLOIS, 'visite-domicile', '2025-12-31T23:30:00Z', {
    personName: 'Yvonne Secret',
  });
  for (let i = 0; i < 5; i++)
    await visit(social, BLOIS, 'visite-domicile', '2026-02-10T10:00:00Z', {});
  const original = await visit(social, BLOIS, 'visite-domicile', '2026-02-11T10:00:00Z', {});
  await insertVisit(db, {
    author: social,
    siteId: BLOIS,
    formId: 'visite-domicile',
    at: '2026-02-11T11:00:00Z',
    answers: {},
    supersedes: original,
  });
  for (let i = 0; i < 3; i++)
    await visit(social, BLOIS, 'visite-sociale', '2026-03-05T09:00:00Z', { lieu: 'mds' });
  for (let i = 0; i < 10; i++) {
    await visit(pmi, BLOIS, 'pmi-visite', '2026-01-20T14:00:00Z', {
      epdsScore: { total: i < 5 ? 14 : 6, aboveThreshold: i < 5, selfHarmAlert: false },
    });
  }
  for (let i = 0; i < 8; i++) {
    await visit(autonomie, BLOIS, 'aggir-evaluation', '2026-04-15T08:00:00Z', {
      lieuEvaluation: i < 6 ? 'domicile' : 'etablissement',
      gir: i < 5 ? { gir: 4, rank: 10, group: 'G' } : { gir: 2, rank: 4, group: 'C' },
      ...(i === 7 ? { girRetenu: '3' } : {}),
    });
  }
  for (const [i, duree] of [30, 30, 30, 45, 60, 90].entries()) {
    await visit(numerique, BLOIS, 'cra-mediation-numerique', '2026-05-12T10:00:00Z', {
      duree,
      thematiques: i < 5 ? ['email', 'sante'] : ['email'],
      typeLieu: i < 5 ? 'lieu_activite' : 'domicile',
    });
  }
  for (let i = 0; i < 5; i++)
    await visit(social, BLOIS, 'visite-domicile', '2025-11-11T10:00:00Z', {});
  await visit(social, BLOIS, 'visite-domicile', '2024-03-01T10:00:00Z', {});
  for (let i = 0; i < 2; i++) {
    await visit(numerique, MER, 'cra-mediation-numerique', '2026-02-01T10:00:00Z', {
      duree: 30,
      thematiques: ['email'],
      typeLieu: 'lieu_activite',
    });
  }
  const vendome = (await newSession(server, [VENDOME], 'travailleur_social')).agent.id;
  for (let i = 0; i < 4; i++)
    await visit(vendome, VENDOME, 'visite-domicile', '2026-02-10T10:00:00Z', {});

  const avis = (month: string, answers: object) =>
    db.query('INSERT INTO avis (id, site_id, month, answers) VALUES ($1, $2, $3, $4)', [
      randomUUID(),
      BLOIS,
      `${month}-01`,
      JSON.stringify(answers),
    ]);
  for (let i = 0; i < 6; i++) {
    await avis('2026-03', {
      accueil: 'oui',
      compris: i < 4 ? 'oui' : 'moyen',
      aide: i < 5 ? 'oui' : 'non',
    });
  }
  for (let i = 0; i < 2; i++) await avis('2025-12', { accueil: 'oui' });
}

/** Inserts a stored visit and returns its id. */
async function insertVisit(
  db: Queryable,
  visit: {
    author: string;
    siteId: string;
    formId: string;
    at: string;
    answers: object;
    supersedes?: string;
  },
): Promise<string> {
  const id = uuidv7();
  await db.query(
    `INSERT INTO visits (id, site_id, form_id, form_version, answers, status, device_created_at,
                         author_id, version, updated_at, receipt_number, receipt_issued_at, supersedes)
     VALUES ($1, $2, $3, 1, $4, 'signed', $5, $6, nextval('change_seq'), $5, $8, $5, $7)`,
    [
      id,
      visit.siteId,
      visit.formId,
      JSON.stringify(visit.answers),
      visit.at,
      visit.author,
      visit.supersedes ?? null,
      `test-${id}`,
    ],
  );
  return id;
}
