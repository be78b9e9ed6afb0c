import type { z } from 'zod';
import {
  type PublishFormResponse,
  publishFormResponseSchema,
} from '../../shared/forms/form-definition-record';
import { loginResponseSchema, type LoginRequest, type LoginResponse } from '../../shared/api';
import { apiErrorBodySchema, apiErrorCodes } from '../../shared/errors';
import { importReportSchema, type ImportReport } from '../../shared/guide/import-report';
import type { PilotageQuery } from '../../shared/pilotage/query';
import type { PilotageReport } from '../../shared/pilotage/report';
import {
  type DuplicateQuery,
  type DuplicatesResponse,
  duplicatesResponseSchema,
} from '../../shared/persons/duplicates';
import {
  pullResponseSchema,
  pushResponseSchema,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync/protocol-v1';

/**
 * The one place the app talks to the network. Every answer is parsed with its shared schema;
 * non-2xx answers become a typed `HttpError` with the server's stable code; a request that got
 * no answer (offline, connection cut, timeout) becomes a `NetworkError`.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export class NetworkError extends Error {
  /**
   * How long the failed request had been on its way (undefined when unknown): a request that
   * fails at once (no network, server down) says nothing about the link's speed; one that
   * times out or is cut after seconds may have been too big for the link.
   */
  readonly elapsedMs: number | undefined;

  constructor(cause: unknown, elapsedMs?: number) {
    super('Serveur injoignable', { cause });
    this.name = 'NetworkError';
    this.elapsedMs = elapsedMs;
  }
}

export interface ApiClient {
  login(request: LoginRequest, signal?: AbortSignal): Promise<LoginResponse>;
  push(token: string, request: PushRequest, signal?: AbortSignal): Promise<PushResponse>;
  pull(
    token: string,
    cursor: string | undefined,
    limit: number,
    signal?: AbortSignal,
  ): Promise<PullResponse>;
  /** Administrators: imports a data·inclusion file (JSON or CSV) into the service guide. */
  uploadGuide(token: string, file: Blob, signal?: AbortSignal): Promise<ImportReport>;
  /**
   * Administration, audit log and RGPD (online only): one JSON request, its answer parsed by
   * `schema` (typed wrappers in src/sync/admin-api.ts).
   */
  office<S extends z.ZodType>(
    token: string,
    request: { method: string; path: string; body?: unknown },
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.infer<S>>;
  /**
   * An office document as the server wrote it (the RGPD export, JSON or a printable page), to be
   * saved or shown as it is; errors as for `office`.
   */
  officeDocument(token: string, path: string, signal?: AbortSignal): Promise<string>;
  /** Person files of the whole département with this name (and birth date): duplicates. */
  findPersonDuplicates(
    token: string,
    query: DuplicateQuery,
    signal?: AbortSignal,
  ): Promise<DuplicatesResponse>;
  /** Administrators: publishes a form definition as its next version (422 lists every error). */
  uploadFormDefinition(
    token: string,
    definition: unknown,
    signal?: AbortSignal,
  ): Promise<PublishFormResponse>;
  /** Cadres and administrators: the Pilotage figures of a period and scope. */
  pilotage(token: string, query: PilotageQuery, signal?: AbortSignal): Promise<PilotageReport>;
}

/** Request bodies encoded before their request is made (`encodeAhead`), by the body they encode. */
const encodedAhead = new WeakMap<object, Blob>();

/**
 * Encodes a JSON body now, for a request made later with the same object: the push encodes
 * its next batch while the one before it travels, instead of after its answer.
 */
export function encodeAhead(body: object): void {
  encodedAhead.set(body, encodeJson(body));
}

// A Blob: Chromium hands it to the network as it is, where a string body of a full push
// batch (500 KB) costs 15–20 ms of main thread inside `fetch()` and a slower upload: about
// 25 ms more per batch, measured in Chromium 138.
function encodeJson(body: unknown): Blob {
  return new Blob([JSON.stringify(body)], { type: 'application/json' });
}

const REQUEST_TIMEOUT_MS = 30_000; // a 3G link may be slow, but a stuck request must end

export function createApiClient(
  options: { baseUrl?: string; fetch?: typeof fetch } = {},
): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));

  /** One request and its body as text; an error answer becomes an HttpError or NetworkError. */
  async function send(path: string, init: RequestInit, signal?: AbortSignal) {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    let text: string;
    const started = Date.now();
    try {
      response = await fetchImpl(`${baseUrl}${path}`, { ...init, signal: combined });
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new NetworkError(error, Date.now() - started);
    }
    if (!response.ok) {
      const parsed = apiErrorBodySchema.safeParse(parseJson(text));
      if (parsed.success) {
        const { code, message, details } = parsed.data.error;
        throw new HttpError(response.status, code, message, details);
      }
      // A proxy or a dying server may answer HTML: a fault on the way, not an answer.
      if (response.status >= 500)
        throw new NetworkError(new Error(`HTTP ${response.status}`), Date.now() - started);
      throw new HttpError(response.status, 'http_error', `Erreur HTTP ${response.status}`);
    }
    return { text, started };
  }

  async function request<S extends z.ZodType>(
    path: string,
    init: RequestInit,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.infer<S>> {
    const { text, started } = await send(path, init, signal);
    const parsed = schema.safeParse(parseJson(text));
    // A truncated or garbled body is a delivery fault: retry later, like a cut connection.
    if (!parsed.success)
      throw new NetworkError(new Error(`Réponse illisible pour ${path}`), Date.now() - started);
    return parsed.data;
  }

  const json = (method: string, body: unknown, token?: string): RequestInit => ({
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body:
      body === undefined
        ? undefined
        : (typeof body === 'object' && body !== null && encodedAhead.get(body)) || encodeJson(body),
  });

  return {
    office: (token, { method, path, body }, schema, signal) =>
      request(path, json(method, body, token), schema, signal),
    officeDocument: async (token, path, signal) =>
      (await send(path, json('GET', undefined, token), signal)).text,
    login: (body, signal) =>
      request('/api/v1/auth/login', json('POST', body), loginResponseSchema, signal),
    push: (token, body, signal) =>
      request('/api/v1/sync/push', json('POST', body, token), pushResponseSchema, signal),
    pull: (token, cursor, limit, signal) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor !== undefined) query.set('cursor', cursor);
      return request(
        `/api/v1/sync/pull?${query}`,
        json('GET', undefined, token),
        pullResponseSchema,
        signal,
      );
    },
    findPersonDuplicates: (token, query, signal) =>
      request(
        `/api/v1/persons/duplicates?${new URLSearchParams(
          Object.entries(query).filter(
            (entry): entry is [string, string] => entry[1] !== undefined,
          ),
        )}`,
        json('GET', undefined, token),
        duplicatesResponseSchema,
        signal,
      ),
    uploadFormDefinition: (token, definition, signal) =>
      request('/api/v1/forms', json('POST', definition, token), publishFormResponseSchema, signal),
    pilotage: async (token, query, signal) => {
      const params = new URLSearchParams({ from: query.from, to: query.to });
      if (query.territory) params.set('territory', query.territory);
      if (query.siteId) params.set('siteId', query.siteId);
      // Loaded on first use, like the Pilotage screens: the field app's first load stays small.
      const { pilotageReportSchema } = await import('../../shared/pilotage/report');
      return request(
        `/api/v1/pilotage?${params}`,
        json('GET', undefined, token),
        pilotageReportSchema,
        signal,
      );
    },
    uploadGuide: (token, file, signal) =>
      request(
        '/api/v1/guide/import',
        {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
          body: file,
        },
        importReportSchema,
        signal,
      ),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** French message for an error code, whatever its origin. */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof HttpError) {
    const known = (apiErrorCodes as Record<string, string>)[error.code];
    return { code: error.code, message: known ?? error.message };
  }
  if (error instanceof NetworkError)
    return { code: 'network', message: 'Serveur injoignable : réseau absent ou instable.' };
  // db/sealing-middleware.ts `LockedError`, known by its name: this module loads no storage.
  if (error instanceof Error && error.name === 'LockedError')
    return {
      code: 'locked',
      message: 'Application verrouillée : l’envoi reprendra au déverrouillage.',
    };
  return { code: 'unexpected', message: 'Erreur inattendue pendant la synchronisation.' };
}
