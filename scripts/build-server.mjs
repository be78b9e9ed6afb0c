// `npm run build`, second half: the server (server/src/main.ts) bundled into one ES module,
// dist-server/main.mjs, beside the files it reads at run time, so `npm start` runs it with Node
// alone (no TypeScript loader at each start). Packages stay in node_modules.
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const OUT = 'dist-server';

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: ['server/src/main.ts'],
  outfile: `${OUT}/main.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
// Read through URLs relative to their module (server/src/db/migrate.ts,
// server/src/seed/demo-guide.ts), hence relative to the bundle once bundled.
cpSync('server/src/db/migrations', `${OUT}/migrations`, { recursive: true });
cpSync('server/src/seed/data', `${OUT}/data`, { recursive: true });
