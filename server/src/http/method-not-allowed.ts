import type { Handler, Hono } from 'hono';
import type { ApiErrorCode } from '../../../shared/errors';
import { errorBody } from './api-error';

/**
 * The fallback of /api/*: 405 `method_not_allowed` with `Allow` when the path exists for other
 * methods, else 404 `not_found`. Reads the routes the app registered (middleware excluded).
 */
export function apiFallback(app: Hono<never>): Handler {
  const routes = app.routes
    .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
    .map((route) => ({ method: route.method, pattern: patternOf(route.path) }));
  return (c) => {
    const allowed = [
      ...new Set(routes.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method)),
    ];
    if (allowed.length === 0) return c.json(errorBody('not_found' satisfies ApiErrorCode), 404);
    if (allowed.includes('GET')) allowed.push('HEAD');
    return c.json(errorBody('method_not_allowed'), 405, { Allow: allowed.join(', ') });
  };
}

function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) =>
      part.startsWith(':')
        ? '[^/]+'
        : part === '*'
          ? '.*'
          : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}
