/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn (or those named on the command line)
 * and prints their figures. Benchmarks print, they never assert: budgets are read by people
 * (DESIGN §9), not enforced by timed tests.
 */
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.includes(w)))
  .sort();

console.log(`Dernier Kilomètre benchmarks — ${new Date().toISOString()}`);
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);

for (const file of files) {
  console.log(`== ${basename(file, '.bench.ts')} ==`);
  const module = (await import(pathToFileURL(join(dir, file)).href)) as {
    default: () => Promise<void>;
  };
  await module.default();
  console.log('');
}
