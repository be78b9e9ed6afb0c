import { Hono } from 'hono';
import { buildFalcSheet } from '../../../shared/guide/falc-sheet';
import { serviceSchema, structureSchema } from '../../../shared/guide/schemas';
import type { AppDeps } from '../app';
import { findGuideService, findGuideStructure } from '../db/queries/guide-records';
import { describeHours, renderSheetHtml, SHEET_CSP } from '../guide/render-sheet-html';

/** A service id: at most 300 characters, none of them a control character. */
function isServiceId(id: string): boolean {
  return (
    id.length > 0 &&
    id.length <= 300 &&
    [...id].every((ch) => ch.charCodeAt(0) > 0x1f && ch !== '\u007f')
  );
}

/**
 * GET /fiche/:serviceId: the public sheet of a service, the page its QR code opens. No login:
 * the guide is public information and the page holds no personal data.
 */
export function ficheRoutes(deps: AppDeps) {
  return new Hono().get('/:serviceId', async (c) => {
    const id = c.req.param('serviceId');
    // A control character (a NUL byte) names no service and never reaches the database.
    const parsed = serviceSchema.safeParse(
      isServiceId(id) ? await findGuideService(deps.db, id) : undefined,
    );
    c.header('Content-Security-Policy', SHEET_CSP);
    c.header('Cache-Control', 'public, max-age=300');
    if (!parsed.success) {
      return c.html(
        '<!doctype html><html lang="fr"><title>Fiche introuvable</title><h1>Fiche introuvable</h1><p>Ce service n’est plus dans le guide.</p></html>',
        404,
      );
    }
    const service = parsed.data;
    const structure = structureSchema.safeParse(
      await findGuideStructure(deps.db, service.structure_id),
    );
    const sheet = buildFalcSheet(service, structure.success ? structure.data : undefined);
    const hours = describeHours(
      service.horaires_accueil ?? (structure.success ? structure.data.horaires_accueil : undefined),
      deps.now(),
    );
    return c.html(renderSheetHtml(sheet, hours));
  });
}
