import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../server/src/start';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An embedded database directory migrated and seeded with the demo data, to copy. */
    demoDataDir: string;
  }
}

/**
 * Global setup of the suites that run the real server on the embedded database: the server is
 * started once with the demo data, then closed, and its data directory is what every test
 * copies (tests/support/demo-data.ts). Creating, migrating and seeding a PGlite directory takes
 * about 8 s; opening a copy takes one.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'dk-demo-data-'));
  const dataDir = join(dir, 'data');
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    distDir: join(dir, 'no-dist'),
    demo: true,
    log: () => {},
  });
  await server.close();
  project.provide('demoDataDir', dataDir);
  return () => rmSync(dir, { recursive: true, force: true });
}
