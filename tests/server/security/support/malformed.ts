import type { z } from 'zod';
import { type Built, ROUTES, type RouteSpec } from './route-table';
import type { Random } from './random';
import type { World } from './world';

export type FuzzCase = {
  spec: RouteSpec;
  request: Built & { headers: Record<string, string> };
  token?: string;
  what: string;
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Bad numbers, dates, ids, enums and cursors; each key is sent those its schema refuses. */
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
 * Values no query key of any route may accept, whatever its schema says: a cursor is any
 * string to its schema, and the route must still refuse these.
 */
const ALWAYS_REFUSED = ['<x>', '[]', '../..', ' ', '\u0000x', 'x'.repeat(300)];

/** The request of `spec` a role passing authorization sends for its own site: valid. */
export async function validCase(spec: RouteSpec, world: World): Promise<FuzzCase> {
  const role = spec.fuzz.role ?? 'administrateur';
  const valid = await spec.build(world, 'own', role);
  const token = spec.auth === 'device' ? (valid.token ?? world.sessions[role].token) : undefined;
  return { spec, request: { ...valid, headers: {} }, ...(token ? { token } : {}), what: 'valid' };
}

/**
 * A request to `spec` invalid in at least one way (wrong method, bad token, malformed body,
 * bad query value, unknown path parameter), with random headers and, sometimes, a garbled
 * query string on top.
 */
export async function malformedCase(
  random: Random,
  spec: RouteSpec,
  world: World,
): Promise<FuzzCase> {
  const template = spec.route.split(' ')[1]!;
  const strategies = [
    'method',
    ...(spec.auth === 'device' ? ['token'] : []),
    ...(spec.fuzz.body ? ['body'] : []),
    ...(spec.fuzz.query ? ['query'] : []),
    ...(template.includes('/:') ? ['param'] : []),
  ];
  const what = random.pick(strategies);
  const base = await validCase(spec, world);
  let { request, token } = base;
  switch (what) {
    case 'method': {
      // A method the path does not have at all (POST /admin/agents has a GET beside it).
      const taken = ROUTES.filter((r) => r.route.split(' ')[1] === template).map(
        (r) => r.route.split(' ')[0],
      );
      const other = random.pick(METHODS.filter((m) => !taken.includes(m)));
      // A GET carries no body (fetch refuses one).
      request = { ...request, method: other, ...(other === 'GET' ? { body: undefined } : {}) };
      break;
    }
    case 'token':
      token = undefined;
      request = { ...request, headers: { authorization: printable(randomAuthorization(random)) } };
      break;
    case 'body':
      request = { ...request, body: randomBody(random, spec.fuzz.body!) };
      break;
    case 'query':
      return queryCase(random, base, random.pick(Object.keys(spec.fuzz.query!.shape)));
    case 'param': {
      const junk = random.pick([
        '0190a4e0-0000-7000-8000-000000000000',
        encodeURIComponent(random.string(30).replace(/[\ud800-\udfff]/g, 'x')) || 'x',
        '%E0%A4%A',
        'null',
      ]);
      const parts = request.path.split('?')[0]!.split('/');
      parts[template.split('/').findIndex((part) => part.startsWith(':'))] = junk;
      request = { ...request, path: parts.join('/') };
      break;
    }
  }
  // A garbled query string on top, sometimes: never a reason to fail with a 5xx.
  if (random.next() < 0.3) {
    request = {
      ...request,
      path: `${request.path}${request.path.includes('?') ? '&' : '?'}%zz=${random.pick(BAD_QUERY_VALUES)}&a[]=&=`,
    };
  }
  return {
    spec,
    request: { ...request, headers: { ...malformedHeaders(random), ...request.headers } },
    ...(token ? { token } : {}),
    what,
  };
}

/** The valid request of `base` with `key` set to a value it must refuse. */
export function queryCase(random: Random, base: FuzzCase, key: string): FuzzCase {
  const field = base.spec.fuzz.query!.shape[key] as z.ZodType;
  const value = random.pick([
    ...ALWAYS_REFUSED,
    ...BAD_QUERY_VALUES.filter((v) => !field.safeParse(v).success),
  ]);
  const url = new URL(base.request.path, 'http://x');
  url.searchParams.set(key, value);
  return {
    ...base,
    request: {
      ...base.request,
      path: `${url.pathname}${url.search}`,
      headers: malformedHeaders(random),
    },
    what: `query ${key}=${JSON.stringify(value.slice(0, 20))}`,
  };
}

/** One to four odd or malformed headers; never `authorization`, which the case decides. */
export function malformedHeaders(random: Random): Record<string, string> {
  const choices: Array<[string, string[]]> = [
    [
      'content-type',
      [
        'text/plain',
        'application/json; charset=latin1',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        '',
        ';;;',
        'application/json; boundary=',
      ],
    ],
    ['x-forwarded-for', ['::1', '999.1.1.1', 'a, b, c', '', ', , ,', '1.1.1.1, '.repeat(400)]],
    ['x-forwarded-proto', ['gopher', 'https, http', '']],
    ['accept', ['text/html', '*/*', 'application/xml', ';;', 'application/json;q=abc']],
    ['accept-encoding', ['gzip', 'br;q=x', 'identity;q=0']],
    ['content-encoding', ['gzip', 'br', 'x-inconnu']],
    ['accept-language', ['fr-FR,fr;q=0.9', 'zz', ';q=']],
    ['cookie', ['a=b; =; ;;', printable(random.string(200))]],
    ['origin', ['null', 'https://exemple.invalid']],
    ['range', ['bytes=abc', 'bytes=0-0,1-1']],
    ['if-none-match', ['*', '"x"', 'W/']],
    ['if-modified-since', ['hier', '0']],
    ['x-http-method-override', ['DELETE', 'PATCH']],
    [
      `x-${printable(random.string(10)).replace(/[^a-z0-9-]/gi, '') || 'x'}`,
      [printable(random.string(4000))],
    ],
  ];
  const headers: Record<string, string> = {};
  for (let n = 1 + random.int(4); n > 0; n -= 1) {
    const [name, values] = random.pick(choices);
    headers[name] = random.pick(values);
  }
  return headers;
}

function randomAuthorization(random: Random): string {
  return random.pick([
    `Bearer ${random.string(60)}`,
    `Bearer ${'A'.repeat(43)}`,
    'Bearer',
    `Basic ${random.string(20)}`,
    random.string(300),
  ]);
}

/** Header values are printable ASCII (fetch refuses the rest before sending). */
function printable(value: string): string {
  return value.replace(/[^ -~]/g, 'x');
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
