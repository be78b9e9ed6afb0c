import { expect } from 'vitest';
import { type LoginResponse, loginResponseSchema } from '../../../shared/api';
import { type ApiErrorBody, apiErrorBodySchema } from '../../../shared/errors';
import type { Role } from '../../../shared/schemas/agent';
import {
  type Mutation,
  type PullResponse,
  type PushResponse,
  pullResponseSchema,
  pushResponseSchema,
} from '../../../shared/sync/protocol-v1';
import { uuidv7 } from '../../../shared/uuidv7';
import { hashPassword, type ScryptParams } from '../../../server/src/auth/password';
import type { Queryable } from '../../../server/src/db/database';
import { insertAgentIfAbsent } from '../../../server/src/db/queries/agents';
import type { TestServer } from './test-server';

export const BLOIS = 'mds-41-41018';
export const MER = 'mds-41-41136';
export const VENDOME = 'mds-41-41269';

/** Cheaper than production so suites stay fast; verification reads them from the hash. */
const FAST_SCRYPT: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };
const TEST_PASSWORD = 'mot-de-passe-de-test';
let agents = 0;

export interface TestSession extends LoginResponse {
  password: string;
}

/** A new agent of `siteIds`, logged in from a new device through the real login route. */
export async function newSession(
  server: TestServer,
  siteIds: string[],
  role: Role = 'travailleur_social',
): Promise<TestSession> {
  agents += 1;
  const login = `agent.${agents}.${Date.now()}`;
  await insertAgentIfAbsent(
    server.db,
    {
      id: uuidv7(),
      login,
      displayName: `Agent de test ${agents}`,
      role,
      siteIds,
      passwordHash: await hashPassword(TEST_PASSWORD, FAST_SCRYPT),
      isDemo: false,
    },
    new Date().toISOString(),
  );
  return { ...(await logIn(server, login, TEST_PASSWORD)), password: TEST_PASSWORD };
}

export async function logIn(
  server: Pick<TestServer, 'app'>,
  login: string,
  password: string,
): Promise<LoginResponse> {
  const response = await postJson(server, '/api/v1/auth/login', {
    login,
    password,
    deviceName: 'Tablette de test',
  });
  expect(response.status).toBe(200);
  return loginResponseSchema.parse(await response.json());
}

export function postJson(
  server: Pick<TestServer, 'app'>,
  path: string,
  body: unknown,
  token?: string,
): Promise<Response> {
  return Promise.resolve(
    server.app.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** A valid `put` of a new visit-domicile v1 visit at `siteId`. */
export function visitPut(siteId: string, answers: Record<string, unknown> = {}): Mutation {
  const visitId = uuidv7();
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    seq: 0,
    entity: 'visit',
    op: 'put',
    entityId: visitId,
    at: now,
    data: {
      id: visitId,
      siteId,
      formId: 'visite-domicile',
      formVersion: 1,
      answers: {
        personName: 'Yvonne Test',
        communeInsee: '41018',
        date: now.slice(0, 10),
        reason: 'Visite de suivi',
        notes: '',
        ...answers,
      },
      status: 'signed',
      createdAt: now,
    },
  };
}

/** Pushes and expects a 200 that follows the protocol. */
export async function push(
  server: TestServer,
  session: LoginResponse,
  mutations: Mutation[],
): Promise<PushResponse> {
  const response = await postJson(
    server,
    '/api/v1/sync/push',
    { v: 1, deviceId: session.deviceId, mutations },
    session.token,
  );
  expect(response.status).toBe(200);
  return pushResponseSchema.parse(await response.json());
}

export async function pull(
  server: Pick<TestServer, 'app'>,
  token: string,
  query = '',
): Promise<PullResponse> {
  const response = await server.app.request(`/api/v1/sync/pull${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return pullResponseSchema.parse(await response.json());
}

export async function count(db: Queryable, table: string): Promise<number> {
  const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]!.n;
}

/** The `error` of a JSON error body, checked against the shared shape. */
export async function errorOf(response: Response): Promise<ApiErrorBody['error']> {
  return apiErrorBodySchema.parse(await response.json()).error;
}
