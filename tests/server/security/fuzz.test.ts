import { beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../../shared/errors';
import type { Queryable } from '../../../server/src/db/database';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { type TestServer, useTestServer } from '../support/test-server';
import {
  type FuzzCase,
  malformedCase,
  malformedHeaders,
  queryCase,
  validCase,
} from './support/malformed';
import { cellOf, ROUTES } from './support/route-table';
import { seededRandom } from './support/random';
import { send } from './support/send';
import { buildWorld, type World } from './support/world';

const SEED = Number(process.env.DK_FUZZ_SEED ?? 20261123);
const CASES_PER_ROUTE = 32;
const HEADER_CASES_PER_ROUTE = 3;

/**
 * Malformed requests to every route of the table (support/malformed.ts): random ones, plus one
 * per query key of every route, so no key the route reads goes unfuzzed. Every answer must be
 * a 4xx with the JSON error shape, never a 5xx, and the database must end exactly as it
 * started. Then valid requests carrying only odd or malformed headers: the headers must
 * change nothing of the answer.
 */
describe.each(testDatabases())('fuzz on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(server());
  });

  it(`answers every malformed request with a JSON 4xx and changes nothing (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    // Built first: some valid requests need a fresh session or agent, which is setup, not effect.
    const cases: FuzzCase[] = [];
    for (const spec of ROUTES) {
      for (let i = 0; i < CASES_PER_ROUTE; i += 1) {
        cases.push(await malformedCase(random, spec, world));
      }
      for (const key of Object.keys(spec.fuzz.query?.shape ?? {})) {
        cases.push(queryCase(random, await validCase(spec, world), key));
      }
    }
    const before = await checksums(server().db);
    const failures: string[] = [];
    for (const fuzzCase of cases) {
      const { status, text, type } = await answer(server(), fuzzCase);
      const page = fuzzCase.what === 'param' ? fuzzCase.spec.fuzz.page : undefined;
      const ok = page
        ? status === 404 && type.startsWith('text/html') && text.includes(page)
        : isJsonError(status, text, type);
      if (!ok) failures.push(describeFailure(fuzzCase, status, text));
    }
    expect(failures).toEqual([]);
    expect(server().logs).toEqual([]);
    expect(await checksums(server().db)).toEqual(before);
  }, 300_000); // over a thousand requests: half a minute alone, more on a loaded 2-core machine

  it(`answers valid requests carrying odd or malformed headers as without them (seed ${SEED})`, async () => {
    const random = seededRandom(SEED + 1);
    const failures: string[] = [];
    for (const spec of ROUTES) {
      const expected = cellOf(spec, spec.fuzz.role ?? 'administrateur', 'own');
      for (let i = 0; i < HEADER_CASES_PER_ROUTE; i += 1) {
        const valid = await validCase(spec, world);
        const fuzzCase = {
          ...valid,
          request: { ...valid.request, headers: malformedHeaders(random) },
          what: 'headers',
        };
        const { status, text } = await answer(server(), fuzzCase);
        // The matrix's cell for this role and its own site; a push or pull answers 200.
        if (status !== (typeof expected === 'number' ? expected : 200)) {
          failures.push(describeFailure(fuzzCase, status, text));
        }
      }
    }
    expect(failures).toEqual([]);
    expect(server().logs).toEqual([]);
  }, 300_000);
});

async function answer(server: TestServer, { request, token }: FuzzCase) {
  const response = await send(server, request, token);
  return {
    status: response.status,
    text: await response.text(),
    type: response.headers.get('content-type') ?? '',
  };
}

function isJsonError(status: number, text: string, type: string): boolean {
  return (
    status >= 400 &&
    status < 500 &&
    type.startsWith('application/json') &&
    apiErrorBodySchema.safeParse(parse(text)).success
  );
}

function describeFailure({ request, what }: FuzzCase, status: number, text: string): string {
  return `${request.method} ${request.path.slice(0, 200)} (${what}; headers ${JSON.stringify(request.headers).slice(0, 200)}) → ${status} ${text.slice(0, 200)}`;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** An md5 of every row of every table: equal before and after means nothing changed. */
async function checksums(db: Queryable): Promise<Record<string, string>> {
  const tables = await db.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const sums: Record<string, string> = {};
  for (const { table_name } of tables) {
    const rows = await db.query<{ sum: string | null }>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${table_name}" t`,
    );
    sums[table_name] = rows[0]?.sum ?? '';
  }
  return sums;
}
