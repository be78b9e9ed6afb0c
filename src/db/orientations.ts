import { ENTITY } from '../../shared/entities';
import { type OrientationData, orientationDataSchema } from '../../shared/guide/orientation';
import type { AppDB } from './AppDB';
import { type LocalOrientation, localOrientationSchema } from './guide-rows';
import { appendMutation } from './outbox';

/**
 * Records "Orienter vers ce service" in ONE transaction: the orientation row and its outbox
 * mutation, so a crash keeps both or neither. Offline that is all; the sync engine pushes it
 * later. If the server refuses it (the service left the guide, a site the agent lost), the row
 * stays marked with the server's reason and the outbox entry waits in "À corriger".
 */
export async function queueOrientation(
  db: AppDB,
  orientation: OrientationData,
  now: Date = new Date(),
): Promise<LocalOrientation> {
  const data = orientationDataSchema.parse(orientation);
  const local: LocalOrientation = { ...data, syncState: 'pending' };
  await db.transaction('rw', [db.orientations, db.outbox, db.meta], async () => {
    await db.orientations.put(local);
    await appendMutation(
      db,
      { entity: ENTITY.orientation, op: 'put', entityId: data.id, data },
      now,
    );
  });
  return local;
}

/** The orientations recorded towards one service, newest first. */
export async function listOrientationsForService(
  db: AppDB,
  serviceId: string,
): Promise<LocalOrientation[]> {
  const rows = await db.orientations.orderBy('createdAt').reverse().toArray();
  return rows.flatMap((row) => {
    const parsed = localOrientationSchema.safeParse(row);
    return parsed.success && parsed.data.serviceId === serviceId ? [parsed.data] : [];
  });
}
