import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

/**
 * Three suites, one entry point (`npm test`):
 * - unit: browser code and shared contracts on happy-dom + fake-indexeddb;
 * - server: the Hono app in process on PGlite and on a throwaway PostgreSQL 15;
 * - reliability: the sync code in Node against the real server through faults (flaky links,
 *   killed server processes);
 * - e2e: the built PWA in a real Chromium against the real server.
 * Unit and server files run side by side on every core (Vitest would keep one core idle); the
 * reliability and e2e files, which load the machine on their own, run one at a time after them.
 */
export default defineConfig({
  test: {
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'shared/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['tests/support/fake-indexeddb.setup.ts'],
          // Hundreds of records in fake-indexeddb take seconds on a busy 2-core machine.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'tests/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/server/support/postgres.setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'reliability',
          include: ['tests/reliability/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/demo-data.setup.ts'],
          // Before any module loads Dexie, which takes the `indexedDB` it finds then.
          setupFiles: ['tests/support/fake-indexeddb.setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/demo-data.setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
