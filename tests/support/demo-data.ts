import { cpSync } from 'node:fs';
import { inject } from 'vitest';

/**
 * Copies the demo database made by the global setup (tests/support/demo-data.setup.ts) to
 * `dataDir`, and returns `dataDir`: a server started there opens in a second, on the same data
 * as a first `npm start`.
 */
export function copyDemoData(dataDir: string): string {
  cpSync(inject('demoDataDir'), dataDir, { recursive: true });
  return dataDir;
}
