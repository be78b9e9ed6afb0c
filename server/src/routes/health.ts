import { Hono } from 'hono';
import type { HealthResponse } from '../../../shared/api';
import type { AppDeps } from '../app';

export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/', async (c) => {
    // A real round trip, so a load balancer stops sending traffic to a server without its database.
    await deps.db.query('SELECT 1');
    return c.json({ status: 'ok', database: deps.db.kind } satisfies HealthResponse);
  });
}
