import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../../shared/schemas/agent';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';

/** After requireDevice: refuses with 403 `forbidden` an agent whose role is not one of `roles`. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!roles.includes(c.get('session').agent.role)) throw new ApiError(403, 'forbidden');
    await next();
  };
}
