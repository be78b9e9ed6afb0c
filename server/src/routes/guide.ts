import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { GUIDE_UPLOAD_MAX_BYTES, type ImportReport } from '../../../shared/guide/import-report';
import type { AppDeps } from '../app';
import { requireDevice } from '../auth/require-device';
import { requireRole } from '../auth/require-role';
import { GuideFileError } from '../guide/guide-file-error';
import { importGuide } from '../guide/import-guide';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';

/**
 * The administrators' upload of a data·inclusion file (JSON or CSV, sent as the raw request
 * body). Answers the import report; a file that is not data·inclusion at all is a 422 with a
 * stable code and nothing changed.
 */
export function guideRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().use('*', requireDevice(deps), requireRole('administrateur')).post(
    '/import',
    bodyLimit({
      maxSize: GUIDE_UPLOAD_MAX_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large');
      },
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      try {
        const report: ImportReport = await importGuide(deps.db, bytes, deps.now());
        return c.json(report);
      } catch (error) {
        if (error instanceof GuideFileError) throw new ApiError(422, error.code, error.detail);
        throw error;
      }
    },
  );
}
