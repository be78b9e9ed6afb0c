import { VISITE_DOMICILE } from '../../../shared/forms/visite-domicile-id';
import { ENTITY } from '../../../shared/entities';
import type { Mutation } from '../../../shared/sync/protocol-v1';
import { hashPassword } from '../auth/password';
import type { Database } from '../db/database';
import { existingLogins, findAgentById, insertAgentIfAbsent } from '../db/queries/agents';
import { insertDevice } from '../db/queries/devices';
import { applyPush } from '../sync/apply-push';
import { DEMO_AGENTS, DEMO_PASSWORD } from './demo-agents';
import { seedDemoGuide } from './demo-guide';
import { seedDemoPersons } from './demo-persons';
import { demoUuid } from './demo-ids';
import { MDS_SITES } from './demo-sites';
import { DEMO_VISITS, type DemoVisit } from './demo-visits';
import { seedSites } from './seed-sites';

export interface DemoSeedSummary {
  sites: number;
  agents: number;
  visits: number;
  persons: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Seeds the demo data: the 12 MDS, one agent per role, example visits of each field agent,
 * and person files with their caseloads, referrals and tasks (demo-persons.ts). Everything has a fixed id, so it is idempotent: on the same database a second run
 * adds nothing (visits come back `duplicate`). Visits go through applyPush, the code a device
 * push runs, so they get versions, receipts and pull changes like any other. Never called in
 * production (main.ts). Returns what was added.
 */
export async function seedDemo(db: Database, now: Date): Promise<DemoSeedSummary> {
  const sites = await seedSites(db, MDS_SITES, now);
  const agents = await seedAgents(db, now);
  await seedDemoGuide(db, now);
  let visits = 0;
  for (const [login, demoVisits] of Object.entries(DEMO_VISITS)) {
    visits += await seedVisits(db, login, demoVisits, now);
  }
  const persons = await seedDemoPersons(db, now);
  return { sites, agents, visits, persons };
}

/**
 * The demo agents, their sites and a token-less device each (the author of their demo visits),
 * in one transaction: a crash leaves none, and the next start adds them all.
 */
async function seedAgents(db: Database, now: Date): Promise<number> {
  const logins = DEMO_AGENTS.map((agent) => agent.login);
  if ((await existingLogins(db, logins)).length === DEMO_AGENTS.length) return 0;
  // One hash for all: they share a published password anyway, and scrypt is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    let added = 0;
    for (const agent of DEMO_AGENTS) {
      const id = demoUuid(`agent:${agent.login}`);
      const agentRow = { ...agent, id, passwordHash, isDemo: true };
      if (await insertAgentIfAbsent(tx, agentRow, now.toISOString())) added += 1;
      await insertDevice(tx, {
        id: demoDeviceId(agent.login),
        agentId: id,
        name: 'Données de démonstration',
        now: now.toISOString(),
      });
    }
    return added;
  });
}

async function seedVisits(
  db: Database,
  login: string,
  visits: readonly DemoVisit[],
  now: Date,
): Promise<number> {
  const agent = await findAgentById(db, demoUuid(`agent:${login}`));
  if (!agent) return 0;
  const mutations = visits.map((visit, index): Mutation => {
    const visitId = demoUuid(`visit:${visit.key}`);
    const visitedAt = new Date(now.getTime() - visit.daysAgo * DAY_MS);
    return {
      id: demoUuid(`mutation:${visit.key}`),
      seq: index,
      entity: ENTITY.visit,
      op: 'put',
      entityId: visitId,
      at: visitedAt.toISOString(),
      data: {
        id: visitId,
        siteId: visit.siteId,
        formId: VISITE_DOMICILE.formId,
        formVersion: VISITE_DOMICILE.version,
        answers: { ...visit.answers, date: visitedAt.toISOString().slice(0, 10) },
        status: 'signed',
        createdAt: visitedAt.toISOString(),
      },
    };
  });
  const results = await applyPush(db, { agent, deviceId: demoDeviceId(login), mutations, now });
  const refused = results.filter((r) => r.status === 'rejected' || r.status === 'conflict');
  if (refused.length > 0)
    throw new Error(`Visites de démonstration refusées : ${JSON.stringify(refused)}`);
  return results.filter((r) => r.status === 'accepted').length;
}

function demoDeviceId(login: string): string {
  return demoUuid(`device:${login}`);
}
