import type { TestServer } from '../../support/test-server';

/** Sends a request to the app in process: objects as JSON, strings and bytes as they are. */
export function send(
  server: Pick<TestServer, 'app'>,
  request: { method: string; path: string; body?: unknown; headers?: Record<string, string> },
  token?: string,
): Promise<Response> {
  const { body } = request;
  const raw =
    body === undefined
      ? undefined
      : body instanceof Uint8Array
        ? new Uint8Array(body)
        : typeof body === 'string'
          ? body
          : JSON.stringify(body);
  return Promise.resolve(
    server.app.request(request.path, {
      method: request.method,
      headers: {
        ...(typeof body === 'object' && !(body instanceof Uint8Array)
          ? { 'content-type': 'application/json' }
          : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...request.headers,
      },
      ...(raw === undefined ? {} : { body: raw }),
    }),
  );
}

/** `METHOD /path` of every route the app registered (middleware excluded). */
export function registeredRoutes(app: TestServer['app']): string[] {
  return [
    ...new Set(
      app.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method} ${route.path}`),
    ),
  ].sort();
}
