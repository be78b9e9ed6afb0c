import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { startServer, type RunningServer } from '../../server/src/start';

/**
 * Copies the demo database made by the global setup (tests/support/demo-data.setup.ts) to
 * `dataDir`, and returns `dataDir`: a server started there opens in a second, on the same data
 * as a first `npm start`.
 */
export function copyDemoData(dataDir: string): string {
  cpSync(inject('demoDataDir'), dataDir, { recursive: true });
  return dataDir;
}

/**
 * The server as `npm start` runs it, in this process, on a fresh copy of the demo database in
 * `workDir`: with `distDir`, serving that built PWA too, else the API only.
 */
export function startDemoServer(
  workDir: string,
  options: { distDir?: string } = {},
): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: copyDemoData(join(workDir, 'data')),
    distDir: options.distDir ?? join(workDir, 'no-dist'),
    demo: true,
    log: () => {},
  });
}
