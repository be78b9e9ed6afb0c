import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { PublishFormResponse } from '../../../shared/forms/form-definition-record';
import { validateFormDefinition } from '../../../shared/forms/validate-definition';
import type { AppDeps } from '../app';
import { requireDevice } from '../auth/require-device';
import { requireRole } from '../auth/require-role';
import { publishForm } from '../forms/publish-form';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';

/** Largest definition an administrator may upload. */
const FORM_DEFINITION_MAX_BYTES = 512 * 1024; // 512 KiB, about ten times the AGGIR form

/**
 * Administrators publish form definitions. A definition with any problem is refused with
 * every problem listed (422 `invalid_form_definition`) and nothing is stored; a valid one
 * is published as the next version of its form (its `version` is the server's to give), and
 * devices pull it. Versions already published never change.
 */
export function formRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().use('*', requireDevice(deps), requireRole('administrateur')).post(
    '/',
    bodyLimit({
      maxSize: FORM_DEFINITION_MAX_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large');
      },
    }),
    async (c) => {
      const checked = validateFormDefinition(await readJson(c));
      if (!checked.ok) throw new ApiError(422, 'invalid_form_definition', checked.errors);
      const version = await publishForm(deps.db, checked.definition, {
        version: 'next',
        publishedBy: c.get('session').agent.id,
        now: deps.now(),
      });
      if (version === undefined)
        throw new Error('Version de formulaire déjà publiée pendant la publication.');
      const body: PublishFormResponse = { formId: checked.definition.formId, version };
      return c.json(body, 201);
    },
  );
}
