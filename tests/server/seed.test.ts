import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../shared/schemas/agent';
import { visitRecordSchema } from '../../shared/schemas/visit';
import { createApp } from '../../server/src/app';
import type { Database } from '../../server/src/db/database';
import { seedDemo } from '../../server/src/seed/demo';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-agents';
import { BLOIS, count, logIn, pull } from './support/fixtures';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';

const TABLES = [
  'sites',
  'agents',
  'agent_sites',
  'devices',
  'visits',
  'applied_mutations',
  'sync_changes',
];
const counts = (db: Database) => Promise.all(TABLES.map((table) => count(db, table)));

describe.each(testDatabases())('demo seed on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => target.release());

  it('adds the 12 MDS, an agent of each role and their visits once; a second run adds nothing', async () => {
    expect(await seedDemo(db, new Date())).toEqual({
      sites: 12,
      agents: 6,
      visits: 13,
      persons: 3,
    });
    const before = await counts(db);
    expect(await seedDemo(db, new Date(Date.now() + 86_400_000))).toEqual({
      sites: 0,
      agents: 0,
      visits: 0,
      persons: 0,
    });
    expect(await counts(db)).toEqual(before);
  });

  it('has one agent of each role, and field agents sharing the MDS of Blois', async () => {
    const agents = await db.query<{ login: string; role: string; is_demo: boolean }>(
      'SELECT login, role, is_demo FROM agents ORDER BY login',
    );
    expect(new Set(agents.map((a) => a.role))).toEqual(new Set(roles));
    expect(agents.every((a) => a.is_demo)).toBe(true);
    const atBlois = await db.query('SELECT agent_id FROM agent_sites WHERE site_id = $1', [BLOIS]);
    expect(atBlois.length).toBeGreaterThanOrEqual(4);
  });

  it('gives each field agent 3 or 4 visits written like a push: version, receipt, change', async () => {
    const perAuthor = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM visits GROUP BY author_id',
    );
    expect(perAuthor).toHaveLength(4);
    for (const { n } of perAuthor) expect([3, 4]).toContain(n);
    const journalled = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM applied_mutations WHERE entity = 'visit' AND result->>'status' = 'accepted'",
    );
    expect(journalled[0]!.n).toBe(13);
    const changes = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM sync_changes WHERE entity = 'visit'",
    );
    expect(changes[0]!.n).toBe(13);
  });

  it('lets demo.social log in with the demo password and pull the visits of Blois only', async () => {
    const server = { app: createApp({ db, log: () => undefined }) };
    const { token, agent } = await logIn(server, 'demo.social', DEMO_PASSWORD);
    expect(agent).toMatchObject({
      displayName: 'Sophie Lefèvre',
      role: 'travailleur_social',
      siteIds: [BLOIS],
    });
    const { changes, hasMore } = await pull(server, token, '?limit=1000');
    expect(hasMore).toBe(false);
    const visits = changes
      .filter((c) => c.entity === 'visit')
      .map((c) => visitRecordSchema.parse(c.op === 'put' && c.data));
    const atBlois = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM visits WHERE site_id = $1',
      [BLOIS],
    );
    expect(visits).toHaveLength(atBlois[0]!.n);
    expect(visits.every((v) => v.siteId === BLOIS)).toBe(true);
    expect(changes.filter((c) => c.entity === 'site')).toHaveLength(12);
  });
});
