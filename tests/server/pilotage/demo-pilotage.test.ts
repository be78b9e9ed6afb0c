import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/src/app';
import type { Database } from '../../../server/src/db/database';
import { seedBuiltinForms } from '../../../server/src/forms/seed-builtin-forms';
import { seedDemo } from '../../../server/src/seed/demo';
import { DEMO_PASSWORD } from '../../../server/src/seed/demo-agents';
import { seedDemoPilotage } from '../../../server/src/seed/demo-pilotage';
import { pilotageReportSchema } from '../../../shared/pilotage/report';
import { count, logIn } from '../support/fixtures';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';

describe.each(testDatabases())('demo sample for the Pilotage page on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  let db: Database;
  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(() => target.release());

  it('adds its visits and answers once, and demo.cadre reads figures of both periods', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    await seedBuiltinForms(db, now);
    await seedDemo(db, now);
    expect(await seedDemoPilotage(db, now)).toBe(2400);
    const visits = await count(db, 'visits');
    expect(await seedDemoPilotage(db, new Date(now.getTime() + 86_400_000))).toBe(0);
    expect(await count(db, 'visits')).toBe(visits);
    expect(await count(db, 'avis')).toBe(300);

    const app = createApp({ db, config: {}, now: () => now, log: () => {} });
    const { token } = await logIn({ app }, 'demo.cadre', DEMO_PASSWORD);
    const response = await app.request('/api/v1/pilotage?from=2026-01-01&to=2026-12-31', {
      headers: { authorization: `Bearer ${token}` },
    });
    const report = pilotageReportSchema.parse(await response.json());
    const blois = report.tables.visitsBySite.rows.find((row) => row.key === 'mds-41-41018')!;
    expect(blois.cells[0]!.value).toBeGreaterThan(100);
    expect(blois.cells[0]!.previous).toBeGreaterThan(100);
    expect(report.tables.avis.rows[0]!.cells[0]!.value).toBeGreaterThan(5);
  });
});
