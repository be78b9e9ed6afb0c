import type { Table } from 'dexie';
import { ENTITY } from '../../shared/entities';
import type { Receipt } from '../../shared/schemas/common';
import { siteSchema } from '../../shared/schemas/site';
import { visitRecordSchema } from '../../shared/schemas/visit';
import type { Change, Reason } from '../../shared/sync/protocol-v1';
import { visitDateOf, type AppDB } from './AppDB';
import { avisStore } from './avis-store';
import { formDefinitionStore } from './form-definitions';
import { orientationStore, serviceStore, structureStore } from './guide-entity-stores';
import {
  agentProfileStore,
  personLinkStore,
  personStore,
  referralStatusStore,
  referralStore,
  taskStore,
} from './person-stores';
import type { SyncState } from './rows';

/**
 * How each synced entity is stored on the device: what a pulled change does, and what the
 * server's answer to a pushed mutation does. Adding a synced entity means adding an entry
 * here (src/db/README.md). All functions run inside the caller's transaction.
 */
export interface EntityStore {
  tables(db: AppDB): Table[];
  applyChange(db: AppDB, change: Change): Promise<void>;
  /**
   * A pulled change of a record that still has a local change in the outbox: skipped (the
   * local change wins until the server answers it) unless the store says otherwise here.
   */
  applyWhileWaiting?(db: AppDB, change: Change): Promise<void>;
  markSynced(db: AppDB, entityId: string, version: number, receipt: Receipt): Promise<void>;
  /** Optional bulk form of `markSynced`, for entities pushed by the thousand (visits). */
  markSyncedMany?(db: AppDB, answers: readonly SyncedAnswer[]): Promise<void>;
  markRefused(
    db: AppDB,
    entityId: string,
    state: Exclude<SyncState, 'pending' | 'synced'>,
    reason: Reason,
  ): Promise<void>;
}

export interface SyncedAnswer {
  entityId: string;
  version: number;
  receipt: Receipt;
}

const visitStore: EntityStore = {
  tables: (db) => [db.visits],
  async applyChange(db, change) {
    if (change.op === 'delete') {
      await db.visits.delete(change.entityId);
      return;
    }
    const record = visitRecordSchema.parse(change.data);
    await db.visits.put({ ...record, syncState: 'synced', visitDate: visitDateOf(record) });
  },
  async markSynced(db, entityId, version, receipt) {
    await db.visits.update(entityId, { version, receipt, syncState: 'synced', reason: undefined });
  },
  async markSyncedMany(db, answers) {
    await db.visits.bulkUpdate(
      answers.map(({ entityId, version, receipt }) => ({
        key: entityId,
        changes: { version, receipt, syncState: 'synced', reason: undefined },
      })),
    );
  },
  async markRefused(db, entityId, state, reason) {
    // A refusal of a later attempt never hides that the server holds this visit already.
    const visit = await db.visits.get(entityId);
    if (visit?.receipt === undefined)
      await db.visits.update(entityId, { syncState: state, reason });
  },
};

const siteStore: EntityStore = {
  tables: (db) => [db.sites],
  async applyChange(db, change) {
    if (change.op === 'delete') await db.sites.delete(change.entityId);
    else await db.sites.put(siteSchema.parse(change.data));
  },
  async markSynced() {},
  async markRefused() {},
};

const stores = new Map<string, EntityStore>([
  [ENTITY.visit, visitStore],
  [ENTITY.site, siteStore],
  [ENTITY.structure, structureStore],
  [ENTITY.service, serviceStore],
  [ENTITY.orientation, orientationStore],
  [ENTITY.formDefinition, formDefinitionStore],
  [ENTITY.person, personStore],
  [ENTITY.follow, personLinkStore],
  [ENTITY.pin, personLinkStore],
  [ENTITY.referral, referralStore],
  [ENTITY.referralStatus, referralStatusStore],
  [ENTITY.task, taskStore],
  [ENTITY.agentProfile, agentProfileStore],
  [ENTITY.avis, avisStore],
]);

export function entityStore(entity: string): EntityStore | undefined {
  return stores.get(entity);
}

export function allEntityTables(db: AppDB): Table[] {
  return [...stores.values()].flatMap((store) => store.tables(db));
}
