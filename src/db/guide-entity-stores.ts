import { orientationRecordSchema } from '../../shared/guide/orientation';
import { serviceRecordSchema, structureRecordSchema } from '../../shared/guide/schemas';
import type { AppDB } from './AppDB';
import type { EntityStore } from './entity-stores';

/**
 * How the service guide is stored on the device. Structures and services are written by the
 * server only (devices never push them), so a pulled change simply replaces the row; a record
 * this app version cannot read is skipped rather than blocking the whole pull page.
 */
export const structureStore: EntityStore = {
  tables: (db) => [db.structures],
  async applyChange(db, change) {
    if (change.op === 'delete') return db.structures.delete(change.entityId);
    const parsed = structureRecordSchema.safeParse(change.data);
    if (parsed.success) await db.structures.put(parsed.data);
  },
  async markSynced() {},
  async markRefused() {},
};

export const serviceStore: EntityStore = {
  tables: (db) => [db.services],
  async applyChange(db, change) {
    if (change.op === 'delete') return db.services.delete(change.entityId);
    const parsed = serviceRecordSchema.safeParse(change.data);
    if (parsed.success) await db.services.put(parsed.data);
  },
  async markSynced() {},
  async markRefused() {},
};

export const orientationStore: EntityStore = {
  tables: (db: AppDB) => [db.orientations],
  async applyChange(db, change) {
    if (change.op === 'delete') return db.orientations.delete(change.entityId);
    const record = orientationRecordSchema.parse(change.data);
    await db.orientations.put({ ...record, syncState: 'synced' });
  },
  async markSynced(db, entityId, version, receipt) {
    await db.orientations.update(entityId, {
      version,
      receipt,
      syncState: 'synced',
      reason: undefined,
    });
  },
  async markRefused(db, entityId, state, reason) {
    await db.orientations.update(entityId, { syncState: state, reason });
  },
};
