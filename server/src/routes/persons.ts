import { Hono } from 'hono';
import { duplicateQuerySchema, type DuplicatesResponse } from '../../../shared/persons/duplicates';
import { nameKey } from '../../../shared/persons/name-key';
import type { AppDeps } from '../app';
import { recordAudit } from '../audit/record-audit';
import { PERSON_DATA_ROLES } from '../auth/access-policy';
import { requireDevice } from '../auth/require-device';
import { requireRole } from '../auth/require-role';
import type { AppEnv } from '../http/app-env';
import { parseOr400 } from '../http/read-json';
import { selectDuplicates } from '../persons/persons-table';

/** Most files one duplicate search answers: a name shared by more is asked more precisely. */
const MAX_MATCHES = 20;

/**
 * GET /api/v1/persons/duplicates?lastName=&firstName=&birthDate=: the files of the whole
 * département with the same name (accents, case and hyphens ignored) and, when given, the same
 * birth date. For the field roles and the cadre; each file named in the answer is logged as
 * read in the audit log before it is sent. A birth date is told only to who gave one (it is
 * then theirs, or the file has none): a name alone must not reveal when someone was born.
 */
export function personRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('*', requireDevice(deps), requireRole(...PERSON_DATA_ROLES))
    .get('/duplicates', async (c) => {
      const query = parseOr400(duplicateQuerySchema, c.req.query(), 'invalid_query');
      const { agent, deviceId } = c.get('session');
      const matches = await selectDuplicates(deps.db, {
        nameKey: nameKey(query.lastName, query.firstName),
        birthDate: query.birthDate,
        limit: MAX_MATCHES,
      });
      await recordAudit(
        deps.db,
        deps.now(),
        matches.map((m) => ({
          agentId: agent.id,
          deviceId,
          action: 'read',
          entity: 'person',
          entityId: m.id,
          siteId: m.siteId,
          personId: m.id,
          via: 'GET /api/v1/persons/duplicates',
        })),
      );
      return c.json({
        matches: query.birthDate ? matches : matches.map((m) => ({ ...m, birthDate: null })),
      } satisfies DuplicatesResponse);
    });
}
