// First, before any module loads Dexie, which takes the `indexedDB` it finds then (the bench
// loads this file outside Vitest, whose setup file does it for the tests).
import 'fake-indexeddb/auto';
import { AppDB } from '../../src/db/AppDB';
import { countPending } from '../../src/db/outbox';
import type { Session } from '../../src/db/session';
import { listVisits, queueVisit } from '../../src/db/visits';
import {
  createApiClient,
  HttpError,
  NetworkError,
  type ApiClient,
} from '../../src/sync/api-client';
import { login } from '../../src/sync/login';
import { pullChanges } from '../../src/sync/pull';
import { pushOutbox } from '../../src/sync/push';
import type { MutationResult } from '../../shared/sync/protocol-v1';
import { uuidv7 } from '../../shared/uuidv7';
import { makeVisit } from './fixtures';

export const DEMO_PASSWORD = 'demo-dernier-km';

/**
 * A tablet simulated in Node: the app's own storage (Dexie on fake-indexeddb) and sync code,
 * talking HTTP to a real server, for tests that push thousands of records through faults.
 */
export interface NodeDevice {
  db: AppDB;
  api: ApiClient;
  session: Session;
  /** How many push answers of each status the device received. */
  answers: Record<MutationResult['status'], number>;
  queueVisits(count: number, tag: string): Promise<string[]>;
  /** Pulls until the server has no more, retrying after every fault; returns how many faults. */
  pullUntilDone(options?: { pageSize?: number; pauseMs?: number }): Promise<number>;
  /**
   * Pushes until the outbox is empty, retrying after every fault; returns how many faults.
   * Gives up after `maxFaults` faults in a row with no mutation answered in between (a server
   * restarting for seconds makes hundreds of quick faults, but then answers again).
   */
  pushUntilDone(options?: {
    maxFaults?: number;
    pauseMs?: number;
    batchSize?: number;
  }): Promise<number>;
  close(): Promise<void>;
}

export async function createNodeDevice(
  baseUrl: string,
  loginName = 'demo.social',
): Promise<NodeDevice> {
  const db = new AppDB(`device-${uuidv7()}`);
  const answers = { accepted: 0, duplicate: 0, rejected: 0, conflict: 0 };
  const client = createApiClient({ baseUrl });
  const api: ApiClient = {
    ...client,
    async push(...args) {
      const response = await client.push(...args);
      for (const result of response.results) answers[result.status] += 1;
      return response;
    },
  };
  let session: Session | undefined;
  for (let attempt = 0; session === undefined; attempt += 1) {
    try {
      session = await login(db, api, {
        login: loginName,
        password: DEMO_PASSWORD,
        deviceName: 'Tablette de test',
      });
    } catch (error) {
      if (attempt > 50 || !isFault(error)) throw error;
      await pause(50);
    }
  }
  const device: NodeDevice = {
    db,
    api,
    session,
    answers,
    async queueVisits(count, tag) {
      const ids: string[] = [];
      const siteId = session.agent.siteIds[0]!;
      for (let i = 0; i < count; i += 1) {
        const visit = makeVisit({
          siteId,
          answers: { ...makeVisit().answers, personName: `${tag} ${i}` },
        });
        await queueVisit(db, visit.id, visit);
        ids.push(visit.id);
      }
      return ids;
    },
    async pullUntilDone({ pageSize, pauseMs = 20 } = {}) {
      let faults = 0;
      for (;;) {
        try {
          await pullChanges(db, api, session, { pageSize });
          return faults;
        } catch (error) {
          if (!isFault(error)) throw error;
          faults += 1;
          await pause(pauseMs);
        }
      }
    },
    async pushUntilDone({ maxFaults = 10_000, pauseMs = 20, batchSize } = {}) {
      let faults = 0;
      let inARow = 0;
      while ((await countPending(db)) > 0) {
        let answered = 0;
        try {
          await pushOutbox(db, api, session, {
            maxMutations: batchSize,
            onProgress: ({ done }) => (answered = done),
          });
        } catch (error) {
          inARow = answered > 0 ? 1 : inARow + 1;
          faults += 1;
          if (!isFault(error) || inARow > maxFaults) throw error;
          await pause(pauseMs);
        }
      }
      return faults;
    },
    async close() {
      db.close();
      await db.delete();
    },
  };
  return device;
}

/** A fault on the way (retry), as opposed to an answer that will not change. */
export function isFault(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof HttpError && error.status >= 500);
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function receiptedVisits(db: AppDB, tag: string) {
  const visits = (await listVisits(db)).filter((v) => String(v.answers.personName).startsWith(tag));
  return {
    total: visits.length,
    receipted: visits.filter((v) => v.receipt !== undefined).length,
    receipts: new Set(visits.map((v) => v.receipt?.number)).size,
  };
}
