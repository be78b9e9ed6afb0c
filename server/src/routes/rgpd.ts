import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { uuidSchema } from '../../../shared/schemas/common';
import {
  exportQuerySchema,
  rectifyPersonSchema,
  updateRetentionSchema,
} from '../../../shared/security/rgpd-api';
import type { AppDeps } from '../app';
import { recordAudit } from '../audit/record-audit';
import { mayHandleRgpdRequest } from '../auth/access-policy';
import { requireDevice } from '../auth/require-device';
import { requireRole } from '../auth/require-role';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { pathParam } from '../http/path-param';
import { parseOr400, readJson } from '../http/read-json';
import { collectPersonFile } from '../rgpd/collect-person-file';
import { collectVisitFile, type HeldFile } from '../rgpd/collect-visit-file';
import { purgeExpired, readRetentionPolicies } from '../rgpd/purge-expired';
import { rectifyPerson } from '../rgpd/rectify-person';
import { FILE_PAGE_CSP, renderFileHtml } from '../rgpd/render-file-html';
import { updateRetention } from '../rgpd/update-retention';

const ENTITY_NAME = z.string().regex(/^[a-z][A-Za-z]{0,40}$/);

/** Records of an export, as audit entries: every table but the audit log itself. */
function exportedRecords(file: HeldFile): Array<{ entity: string; entityId: string }> {
  const entityOf: Record<string, string> = {
    persons: 'person',
    visits: 'visit',
    orientations: 'orientation',
    referrals: 'referral',
    tasks: 'task',
  };
  return Object.entries(file.tables).flatMap(([table, rows]) => {
    const entity = entityOf[table];
    return entity ? rows.map((row) => ({ entity, entityId: String(row.id) })) : [];
  });
}

/**
 * The RGPD rights on the server. Export: everything held about a person (or, for visits that
 * name no person file, about the person of one visit), in JSON or as a printable page, for the
 * cadre of the record's site (another site, or an id that does not exist, is the same 404).
 * Rectification: the cadre corrects fields of a person's file; devices pull the new values. Retention: the periods per record type, read by cadres and
 * administrators, set by administrators; purge: administrators run it now (the same job as
 * `npm run purge`).
 */
export function rgpdRoutes(deps: AppDeps) {
  /** Export of the file of a visit or a person, as JSON or a printable page, audited first. */
  async function sendExport(
    c: Context<AppEnv>,
    subject: 'visit' | 'person',
    collect: (id: string) => Promise<HeldFile | undefined>,
  ) {
    const query = parseOr400(exportQuerySchema, c.req.query(), 'invalid_query');
    const id = pathParam(c, 'id', uuidSchema);
    const { agent, deviceId } = c.get('session');
    const file = await collect(id);
    if (!file || !mayHandleRgpdRequest(agent, file.siteId)) throw new ApiError(404, 'not_found');
    const now = deps.now();
    await recordAudit(
      deps.db,
      now,
      exportedRecords(file).map((r) => ({
        ...r,
        agentId: agent.id,
        deviceId,
        action: 'export',
        siteId: file.siteId,
        personId: subject === 'person' ? id : null,
        via: `GET /api/v1/rgpd/${subject}s/:id/export`,
      })),
    );
    const generatedAt = now.toISOString();
    if (query.format === 'json')
      return c.json({ generatedAt, subject: { [subject]: id }, ...file });
    c.header('Content-Security-Policy', FILE_PAGE_CSP);
    const title =
      subject === 'person'
        ? `Données détenues sur la personne ${id}`
        : `Données détenues — visite ${id}`;
    return c.html(renderFileHtml(file, { title, generatedAt }));
  }

  return new Hono<AppEnv>()
    .use('*', requireDevice(deps))
    .get('/visits/:id/export', requireRole('cadre'), (c) =>
      sendExport(c, 'visit', (id) => collectVisitFile(deps.db, id)),
    )
    .get('/persons/:id/export', requireRole('cadre'), (c) =>
      sendExport(c, 'person', (id) => collectPersonFile(deps.db, id)),
    )
    .patch('/persons/:id', requireRole('cadre'), async (c) => {
      const personId = pathParam(c, 'id', uuidSchema);
      const values = parseOr400(rectifyPersonSchema, await readJson(c), 'invalid_body');
      const { agent, deviceId } = c.get('session');
      const fields = await rectifyPerson(deps.db, {
        personId,
        values,
        agent,
        deviceId,
        now: deps.now(),
      });
      return c.json({ id: personId, fields });
    })
    .get('/retention', requireRole('cadre', 'administrateur'), async (c) =>
      c.json({ policies: await readRetentionPolicies(deps.db) }),
    )
    .put('/retention/:entity', requireRole('administrateur'), async (c) => {
      const body = parseOr400(updateRetentionSchema, await readJson(c), 'invalid_body');
      const entity = pathParam(c, 'entity', ENTITY_NAME);
      const policy = await updateRetention(deps.db, entity, body.retentionDays);
      if (!policy) throw new ApiError(404, 'not_found');
      const { agent, deviceId } = c.get('session');
      await recordAudit(deps.db, deps.now(), [
        {
          agentId: agent.id,
          deviceId,
          action: 'write',
          entity: 'retention_policy',
          entityId: policy.entity,
          via: 'PUT /api/v1/rgpd/retention/:entity',
        },
      ]);
      return c.json(policy);
    })
    .post('/purge', requireRole('administrateur'), async (c) => {
      const { agent, deviceId } = c.get('session');
      const report = await purgeExpired(deps.db, {
        now: deps.now(),
        by: { agentId: agent.id, deviceId },
        via: 'POST /api/v1/rgpd/purge',
      });
      return c.json(report);
    });
}
