import { beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBodySchema } from '../../../shared/errors';
import type { Queryable } from '../../../server/src/db/database';
import { skipWhenUnavailable, testDatabases } from '../support/test-databases';
import { useTestServer } from '../support/test-server';
import { type Built, ROUTES, type RouteSpec } from './support/route-table';
import { seededRandom, type Random } from './support/random';
import { send } from './support/send';
import { buildWorld, type World } from './support/world';

const SEED = Number(process.env.DK_FUZZ_SEED ?? 20261123);
const CASES_PER_ROUTE = 40;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Query values no route accepts for any of its keys: bad numbers, dates, ids, enums, cursors. */
const BAD_QUERY_VALUES = [
  '-1',
  '0',
  '1e999',
  'NaN',
  'abc',
  '999999999999999999999',
  '%00',
  '<x>',
  '../..',
  'null',
  '[]',
  '2026-13-45T99:00:00Z',
];

/**
 * Malformed requests to every route of the table: each case is invalid in at least one way
 * (wrong method, bad token, malformed body, bad query value, unknown path parameter), often
 * with random headers and a garbled query string on top. Every answer must be a 4xx with the
 * JSON error shape, never a 5xx, and the database must end exactly as it started.
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
    const cases: Array<Awaited<ReturnType<typeof malformed>>> = [];
    for (const spec of ROUTES) {
      for (let i = 0; i < CASES_PER_ROUTE; i += 1) cases.push(await malformed(random, spec, world));
    }
    const before = await checksums(server().db);
    const failures: string[] = [];
    for (const { request, token, what } of cases) {
      const response = await send(server(), request, token);
      const text = await response.text();
      const ok =
        response.status >= 400 &&
        response.status < 500 &&
        response.headers.get('content-type')?.startsWith('application/json') &&
        apiErrorBodySchema.safeParse(parse(text)).success;
      if (!ok)
        failures.push(
          `${request.method} ${request.path} (${what}) → ${response.status} ${text.slice(0, 200)}`,
        );
    }
    expect(failures).toEqual([]);
    expect(server().logs).toEqual([]);
    expect(await checksums(server().db)).toEqual(before);
  }, 300_000); // about a thousand requests: half a minute alone, more on a loaded 2-core machine
});

async function malformed(
  random: Random,
  spec: RouteSpec,
  world: World,
): Promise<{ request: Built & { headers: Record<string, string> }; token?: string; what: string }> {
  const [method, template] = spec.route.split(' ') as [string, string];
  const role = spec.fuzz.role ?? 'administrateur';
  const token = spec.auth === 'device' ? world.sessions[role].token : undefined;
  const valid = await spec.build(world, 'own', role);
  const strategies = [
    'method',
    ...(spec.auth === 'device' ? ['token'] : []),
    ...(spec.fuzz.body ? ['body'] : []),
    ...(spec.fuzz.query ? ['query'] : []),
    ...(template.includes('/:') && spec.auth === 'device' ? ['param'] : []),
  ];
  const what = random.pick(strategies);
  const headers = randomHeaders(random);
  let request: Built = { ...valid, method };
  let sentToken = valid.token ?? token;
  switch (what) {
    case 'method': {
      // A method the path does not have at all (POST /admin/agents has a GET beside it).
      const taken = ROUTES.filter((r) => r.route.split(' ')[1] === template).map(
        (r) => r.route.split(' ')[0],
      );
      const other = random.pick(METHODS.filter((m) => !taken.includes(m)));
      // A GET carries no body (fetch refuses one).
      request = { ...valid, method: other, ...(other === 'GET' ? { body: undefined } : {}) };
      break;
    }
    case 'token':
      sentToken = undefined;
      headers.authorization = random
        .pick([
          `Bearer ${random.string(60)}`,
          `Bearer ${'A'.repeat(43)}`,
          'Bearer',
          `Basic ${random.string(20)}`,
          random.string(300),
        ])
        // Header values are printable ASCII (fetch refuses the rest before sending).
        .replace(/[^ -~]/g, 'x');
      break;
    case 'body':
      request = { ...valid, body: randomBody(random, spec.fuzz.body!) };
      break;
    case 'query': {
      const key = random.pick(spec.fuzz.query!);
      const url = new URL(valid.path, 'http://x');
      url.searchParams.set(key, random.pick(BAD_QUERY_VALUES));
      request = { ...valid, path: `${url.pathname}${url.search}` };
      break;
    }
    case 'param': {
      const junk = random.pick([
        '0190a4e0-0000-7000-8000-000000000000',
        encodeURIComponent(random.string(30).replace(/[\ud800-\udfff]/g, 'x')) || 'x',
        '%E0%A4%A',
        'null',
      ]);
      const parts = valid.path.split('?')[0]!.split('/');
      const index = template.split('/').findIndex((part) => part.startsWith(':'));
      parts[index] = junk;
      request = { ...valid, path: parts.join('/') };
      break;
    }
  }
  // A garbled query string on top, sometimes: never a reason to fail with a 5xx.
  if (random.next() < 0.3 && what !== 'query') {
    request = {
      ...request,
      path: `${request.path}${request.path.includes('?') ? '&' : '?'}%zz=${random.pick(BAD_QUERY_VALUES)}&a[]=&=`,
    };
  }
  return { request: { ...request, headers }, token: sentToken, what };
}

function randomBody(random: Random, kind: 'strict' | 'loose' | 'raw'): unknown {
  const text = () => random.string(200);
  const choices: Array<() => unknown> = [
    text,
    () => '{"truncated": [1, 2',
    () => '\u0000\u0001\u00ff',
    () => new Uint8Array(Array.from({ length: 64 }, () => random.int(256))),
    () => `${'['.repeat(5000)}${']'.repeat(5000)}`,
  ];
  if (kind !== 'raw') {
    choices.push(
      () => random.pick([0, -1, 1e308, true, null, 'texte', []]),
      () => ({
        [random.string(10) || 'k']: random.string(20),
        nested: { deep: [random.string(5)] },
      }),
      () => JSON.stringify({ __proto__: { admin: true }, constructor: { prototype: {} } }),
    );
  }
  return random.pick(choices)();
}

function randomHeaders(random: Random): Record<string, string> {
  const headers: Record<string, string> = {};
  if (random.next() < 0.5)
    headers['content-type'] = random.pick([
      'text/plain',
      'application/json; charset=latin1',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      '',
    ]);
  if (random.next() < 0.3)
    headers['x-forwarded-for'] = random.pick(['::1', '999.1.1.1', 'a, b, c', '']);
  if (random.next() < 0.3) headers.accept = random.pick(['text/html', '*/*', 'application/xml']);
  if (random.next() < 0.2) headers['content-encoding'] = 'gzip';
  return headers;
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
