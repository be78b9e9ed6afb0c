import { beforeAll, describe, expect, it } from 'vitest';
import { BLOIS, logIn, newSession, push, type TestSession } from '../support/fixtures';
import { newPersonPut, scopePut } from '../support/persons';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';
import { fetchReport } from './pilotage-dataset';

/**
 * Persons followed in a past period come from the follows of that period, each started and
 * ended at the server's time of the push (migration 012). Period: first half of 2026; previous
 * period: second half of 2025. All persons are of Blois, created on 1 June 2025 by agent X,
 * who follows them from then:
 * - A1–A5: X stops following them on 1 October 2025 (within the previous period only);
 * - B1–B6: X stops on 15 June 2025, before the previous period; agent Y follows them from
 *   1 February 2026 (after the previous period: the current one only);
 * - C1–C6: X follows them all along (both periods).
 * Nobody is seen in a visit. Followed in the period: B + C = 12; in the previous one:
 * A + C = 11. Today's caseload alone would give 12 and 6.
 */
describe.each(testDatabases())('persons followed over time on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  /** Logs the agent in again at the server's current time (sessions expire). */
  const relog = async (session: TestSession): Promise<TestSession> => ({
    ...(await logIn(server(), session.agent.login, session.password)),
    password: session.password,
  });

  const persons = async (x: TestSession, count: number): Promise<string[]> => {
    const puts = Array.from({ length: count }, (_, i) =>
      newPersonPut(BLOIS, 'Suivi', `Personne ${i + 1}`),
    );
    await push(server(), x, puts);
    return puts.map((put) => put.entityId);
  };

  const at = async (iso: string, session: TestSession) => {
    server().clock.now = new Date(iso);
    return relog(session);
  };

  beforeAll(async () => {
    server().clock.now = new Date('2025-06-01T10:00:00Z');
    let x = await newSession(server(), [BLOIS]);
    const a = await persons(x, 5);
    const b = await persons(x, 6);
    await persons(x, 6);

    x = await at('2025-06-15T10:00:00Z', x);
    await push(
      server(),
      x,
      b.map((id) => scopePut('follow', id, 'delete')),
    );
    x = await at('2025-10-01T10:00:00Z', x);
    await push(
      server(),
      x,
      a.map((id) => scopePut('follow', id, 'delete')),
    );
    server().clock.now = new Date('2026-02-01T10:00:00Z');
    const y = await newSession(server(), [BLOIS]);
    await push(
      server(),
      y,
      b.map((id) => scopePut('follow', id)),
    );
    server().clock.now = new Date('2026-07-01T08:00:00Z');
  });

  it('records when each follow started and ended, at the server’s time', async () => {
    const rows = await server().db.query<{ started: string; ended: string | null; n: number }>(
      `SELECT to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS started,
              to_char(ended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS ended, count(*)::int AS n
         FROM follow_periods GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(rows).toEqual([
      { started: '2025-06-01', ended: '2025-06-15', n: 6 },
      { started: '2025-06-01', ended: '2025-10-01', n: 5 },
      { started: '2025-06-01', ended: null, n: 6 },
      { started: '2026-02-01', ended: null, n: 6 },
    ]);
  });

  it('counts in each period the persons whose follow overlapped it', async () => {
    const cadre = await newSession(server(), [BLOIS], 'cadre');
    const report = await fetchReport(
      server(),
      `from=2026-01-01&to=2026-06-30&siteId=${BLOIS}`,
      cadre.token,
    );
    expect(report.tables.personsFollowed.rows.map((row) => [row.key, row.cells])).toEqual([
      [
        BLOIS,
        [
          { value: 12, previous: 11 },
          { value: 0, previous: 0 },
        ],
      ],
      [
        'ensemble',
        [
          { value: 12, previous: 11 },
          { value: 0, previous: 0 },
        ],
      ],
    ]);
  });

  it('counts a follow that ended in the middle of a period in that period', async () => {
    const cadre = await newSession(server(), [BLOIS], 'cadre');
    // July to December 2025 alone, and the previous one January to June 2025: A and C then
    // (11); before, everybody from 1 June (17).
    const report = await fetchReport(
      server(),
      `from=2025-07-01&to=2025-12-31&siteId=${BLOIS}`,
      cadre.token,
    );
    expect(report.tables.personsFollowed.rows[0]?.cells[0]).toEqual({ value: 11, previous: 17 });
  });
});
