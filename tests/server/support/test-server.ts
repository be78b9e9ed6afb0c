import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../../server/src/app';
import { DEFAULT_APP_CONFIG, type AppConfig } from '../../../server/src/config';
import type { Database } from '../../../server/src/db/database';
import { MDS_SITES } from '../../../server/src/seed/demo-sites';
import { seedSites } from '../../../server/src/seed/seed-sites';
import type { TestDatabase } from './test-databases';

export interface TestServer {
  db: Database;
  app: ReturnType<typeof createApp>;
  /** The server clock; tests move it forward with `clock.advance(ms)`. */
  clock: { now: Date; advance(ms: number): void };
  /** What the app logged (internal errors). */
  logs: string[];
}

/**
 * Every test logs in from the same address: the per-address login limit would refuse them
 * after a few dozen logins. Tests of that limit pass their own `login` config.
 */
const TEST_LOGIN_LIMITS: Partial<AppConfig> = {
  login: { ...DEFAULT_APP_CONFIG.login, maxAttemptsPerIp: 100_000 },
};

/**
 * Registers beforeAll/afterAll in the calling describe: a fresh database with the 12 MDS
 * and the app on it, in process. Returns an accessor usable inside tests.
 */
export function useTestServer(
  target: TestDatabase,
  config: Partial<AppConfig> = {},
): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    const db = await target.open();
    const clock = {
      now: new Date(),
      advance(ms: number) {
        clock.now = new Date(clock.now.getTime() + ms);
      },
    };
    await seedSites(db, MDS_SITES, clock.now);
    const logs: string[] = [];
    const app = createApp({
      db,
      config: { ...TEST_LOGIN_LIMITS, ...config },
      now: () => clock.now,
      log: (line) => logs.push(line),
    });
    server = { db, app, clock, logs };
  });
  afterAll(() => target.release());
  return () => {
    if (!server) throw new Error('The test server is not started (beforeAll failed?)');
    return server;
  };
}
