import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../server/src/db/pglite-lock';
import { SERVICE_A, STRUCTURE_A } from './support/guide-files';

const run = promisify(execFile);
const workDir = mkdtempSync(join(tmpdir(), 'dk-guide-cli-'));
const dataDir = join(workDir, 'data');
const file = join(workDir, 'guide.json');
writeFileSync(file, JSON.stringify({ structures: [STRUCTURE_A], services: [SERVICE_A] }));

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function importCli() {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
  return run('node_modules/.bin/tsx', ['scripts/import-guide.ts', file], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('npm run import:guide on the embedded database', () => {
  it('refuses while the server holds the data directory, then imports once it is stopped', async () => {
    const release = lockDataDir(dataDir); // this test process plays the running server
    const refused = await importCli();
    release();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/déjà ouverte par le processus \d+\. Arrêtez le serveur/);

    const done = await importCli();
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/Structures : 1 nouveaux, 0 mis à jour, 0 inchangés, 0 refusés/);
    expect(done.stdout).toMatch(/Services : 1 nouveaux/);
  }, 120_000); // two cold starts of the embedded database: slow on a loaded 2-core machine
});
