import { Hono } from 'hono';
import type { AppDeps } from '../app';
import type { AppEnv } from '../http/app-env';

export function rgpdRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>();
}
