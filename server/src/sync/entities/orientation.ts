import { ENTITY } from '../../../../shared/entities';
import { toFieldIssues } from '../../../../shared/field-issues';
import {
  orientationDataSchema,
  type OrientationRecord,
} from '../../../../shared/guide/orientation';
import { guideServiceExists } from '../../db/queries/guide-records';
import { existingOrientationIds, insertOrientations } from '../../db/queries/guide-orientations';
import type { EntityHandlers } from '../entity-registry';
import { type MutationHandler, reject } from '../outcome';
import { acceptNewRecord, loggedWriter } from '../accept-record';

const orientationWriter = loggedWriter<OrientationRecord>(
  ENTITY.orientation,
  'orientations',
  insertOrientations,
);

/**
 * An orientation towards a guide service, recorded once from a visit. Like a visit it is not
 * edited afterwards (the referrals work will add status changes as their own records), so a
 * put of an id the server holds is `immutable_record`. The service must be in the guide: a
 * tablet with a guide older than a removal gets `invalid_record` and the agent sees why.
 */
const put: MutationHandler = async (ctx, mutation) => {
  const parsed = orientationDataSchema.safeParse(mutation.data);
  if (!parsed.success) return reject('invalid_record', toFieldIssues(parsed.error));
  const data = parsed.data;
  if (data.id !== mutation.entityId) return reject('entity_id_mismatch');
  if (!ctx.agent.siteIds.includes(data.siteId))
    return reject('forbidden_site', { siteId: data.siteId });
  if (!(await guideServiceExists(ctx.tx, data.serviceId))) {
    return reject('invalid_record', [{ path: 'serviceId', message: 'Service absent du guide.' }]);
  }
  if (ctx.exists(ENTITY.orientation, data.id)) return reject('immutable_record');

  return acceptNewRecord(ctx, orientationWriter, data);
};

export const orientationHandlers: EntityHandlers = {
  put,
  existing: existingOrientationIds,
  keepsScope: true,
};
