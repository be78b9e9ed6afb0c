import { randomUUID } from 'node:crypto';
import { uuidv7 } from '../../../shared/uuidv7';
import type { Queryable } from '../../../server/src/db/database';
import { expect } from 'vitest';
import { pilotageReportSchema, type PilotageReport } from '../../../shared/pilotage/report';
import { BLOIS, MER, newSession, VENDOME } from '../support/fixtures';
import type { TestServer } from '../support/test-server';

const BRACIEUX = 'mds-41-41025';

/** A table as `{ row label: [value, previous, value, previous…] }`, null where masked. */
export function figures(report: PilotageReport, id: keyof PilotageReport['tables']) {
  return Object.fromEntries(
    report.tables[id].rows.map((row) => [
      row.label,
      row.cells.flatMap((cell) => [cell.value, cell.previous]),
    ]),
  );
}

/** The Pilotage page's answer for `query` (a query string), as `token`'s holder asks it. */
export async function fetchReport(
  server: TestServer,
  query: string,
  token: string,
): Promise<PilotageReport> {
  const response = await server.app.request(`/api/v1/pilotage?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return pilotageReportSchema.parse(await response.json());
}

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
 * At Bracieux in the period: 6 visits of one same person (masked: one person).
 * "Mon avis" at Blois: 6 answers in March 2026, 2 in December 2025.
 *
 * Persons of Blois (created June 2025): P1–P6 in a caseload since June 2025; P7 in none, seen
 * in one of the March visits; P8 in a caseload, deleted in September 2025.
 * Referrals from Blois in February 2026: to a partner for P1–P5, received after 1, 2, 3, 4 and
 * 5 days, taken on 2 days later, two of them closed 10 days after; to another MDS for P6,
 * received after 10 days.
 * Tasks of Blois due 1 March 2026: P1 done on time, P2 and P3 done late, P4–P6 not done; P7's
 * due 1 August 2026, not done. The tests compute "late" on 1 July 2026.
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
  const persons = await insertPersons(db, social);
  for (let i = 0; i < 3; i++) {
    await insertVisit(db, {
      author: social,
      siteId: BLOIS,
      formId: 'visite-sociale',
      at: '2026-03-05T09:00:00Z',
      answers: { lieu: 'mds' },
      ...(i === 0 ? { personId: persons[6] } : {}),
    });
  }
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

  const samePerson = randomUUID();
  for (let i = 0; i < 6; i++) {
    await insertVisit(db, {
      author: social,
      siteId: BRACIEUX,
      formId: 'visite-domicile',
      at: '2026-06-02T10:00:00Z',
      answers: {},
      personId: samePerson,
    });
  }
  await insertReferrals(db, social, persons);
  await insertTasks(db, social, persons);

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
export async function insertVisit(
  db: Queryable,
  visit: {
    author: string;
    siteId: string;
    formId: string;
    at: string;
    answers: object;
    supersedes?: string;
    personId?: string;
  },
): Promise<string> {
  const id = uuidv7();
  await db.query(
    `INSERT INTO visits (id, site_id, form_id, form_version, answers, status, device_created_at,
                         author_id, version, updated_at, receipt_number, receipt_issued_at, supersedes,
                         person_id)
     VALUES ($1, $2, $3, 1, $4, 'signed', $5, $6, nextval('change_seq'), $5, $8, $5, $7, $9)`,
    [
      id,
      visit.siteId,
      visit.formId,
      JSON.stringify(visit.answers),
      visit.at,
      visit.author,
      visit.supersedes ?? null,
      `test-${id}`,
      visit.personId ?? null,
    ],
  );
  return id;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const plusDays = (at: string, days: number) =>
  new Date(Date.parse(at) + days * DAY_MS).toISOString();

/** P1–P8 of Blois; P1–P6 and P8 in `agent`'s caseload, P8 deleted. Returns their ids. */
async function insertPersons(db: Queryable, agent: string): Promise<string[]> {
  const ids = Array.from({ length: 8 }, () => randomUUID());
  for (const [index, id] of ids.entries()) {
    await db.query(
      `INSERT INTO persons (id, site_id, name_key, fields, created_by, created_at, version, updated_at,
                            deleted_at, receipt_number, receipt_issued_at)
       VALUES ($1, $2, $3, '{}', $4, '2025-06-01T10:00:00Z', nextval('change_seq'), '2025-06-01T10:00:00Z',
               $5, $6, '2025-06-01T10:00:00Z')`,
      [
        id,
        BLOIS,
        `personne ${index + 1}`,
        agent,
        index === 7 ? '2025-09-01T10:00:00Z' : null,
        `p-${id}`,
      ],
    );
    if (index !== 6) {
      await db.query(
        "INSERT INTO person_followers (person_id, agent_id, since) VALUES ($1, $2, '2025-06-01T10:00:00Z')",
        [id, agent],
      );
      await db.query(
        "INSERT INTO follow_periods (person_id, agent_id, started_at) VALUES ($1, $2, '2025-06-01T10:00:00Z')",
        [id, agent],
      );
    }
  }
  return ids;
}

async function insertReferrals(db: Queryable, agent: string, persons: readonly string[]) {
  const sent = '2026-02-01T09:00:00Z';
  const referral = async (
    person: string,
    kind: 'partner' | 'site',
    events: Array<[string, number]>,
  ) => {
    const id = randomUUID();
    await db.query(
      `INSERT INTO referrals (id, person_id, from_agent_id, from_site_id, to_kind, to_site_id, to_partner,
                              reason, urgency, consent, documents, status, device_created_at, created_at,
                              version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'Accompagnement', 'normale', true, '[]', $8, $9, $9,
               nextval('change_seq'), $9)`,
      [
        id,
        person,
        agent,
        BLOIS,
        kind,
        kind === 'site' ? MER : null,
        kind === 'partner' ? 'CCAS de Blois' : null,
        events.at(-1)![0],
        sent,
      ],
    );
    for (const [seq, [status, days]] of events.entries()) {
      await db.query(
        `INSERT INTO referral_events (referral_id, seq, status, at, agent_id, event_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, seq + 1, status, plusDays(sent, days), agent, randomUUID()],
      );
    }
  };
  for (let i = 0; i < 5; i++) {
    await referral(persons[i]!, 'partner', [
      ['envoyee', 0],
      ['recue', i + 1],
      ['en_cours', i + 3],
      ...(i < 2 ? ([['cloturee', i + 13]] as Array<[string, number]>) : []),
    ]);
  }
  await referral(persons[5]!, 'site', [
    ['envoyee', 0],
    ['recue', 10],
  ]);
}

async function insertTasks(db: Queryable, agent: string, persons: readonly string[]) {
  const task = (person: string, dueOn: string, doneAt: string | null) =>
    db.query(
      `INSERT INTO tasks (id, person_id, site_id, assignee_id, kind, title, due_on, done_at, created_by,
                          created_at, version, updated_at)
       VALUES ($1, $2, $3, $4, 'tache', 'Rappeler', $5, $6, $4, '2026-01-10T10:00:00Z',
               nextval('change_seq'), '2026-01-10T10:00:00Z')`,
      [randomUUID(), person, BLOIS, agent, dueOn, doneAt],
    );
  await task(persons[0]!, '2026-03-01', '2026-02-28T15:00:00Z');
  await task(persons[1]!, '2026-03-01', '2026-03-05T15:00:00Z');
  await task(persons[2]!, '2026-03-01', '2026-03-09T15:00:00Z');
  for (const person of persons.slice(3, 6)) await task(person, '2026-03-01', null);
  await task(persons[6]!, '2026-08-01', null);
}
