/**
 * Initial JavaScript (DESIGN §9: ≤ 90 KB gzip): what a tablet must download, parse and run
 * before the first screen, read from the built `dist/index.html` (its module script and the
 * chunks it preloads), gzipped at level 9 as a server would. Printed beside the floor the
 * budget names (Preact + Dexie + zod alone) and the chunks loaded later, on first use.
 * Needs `npm run build` first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
const BUDGET_KB = 90;

const gzipKb = (path: string) =>
  gzipSync(readFileSync(join(DIST, path)), { level: 9 }).length / 1024;

export default async function initialJsBench(): Promise<void> {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(/<script type="module"[^>]*src="\/([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g),
  ].map((match) => match[1]!);
  const total = initial.reduce((sum, path) => sum + gzipKb(path), 0);
  console.log(
    `JS initial : ${total.toFixed(1)} Ko gzip en ${initial.length} fichiers (budget ${BUDGET_KB} Ko ; plancher Preact + Dexie + zod : environ 60 Ko)`,
  );
  for (const path of initial.sort((a, b) => gzipKb(b) - gzipKb(a))) {
    console.log(`  ${gzipKb(path).toFixed(1).padStart(6)} Ko  ${path}`);
  }
  const later = readdirSync(join(DIST, 'assets'))
    .map((name) => `assets/${name}`)
    .filter((path) => path.endsWith('.js') && !initial.includes(path));
  console.log(`Chargé à la demande : ${later.length} fichiers`);
  for (const path of later.sort((a, b) => gzipKb(b) - gzipKb(a))) {
    console.log(`  ${gzipKb(path).toFixed(1).padStart(6)} Ko  ${path}`);
  }
}
