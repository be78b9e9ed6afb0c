import type { Table } from 'dexie';
import { ENTITY } from '../../shared/entities';
import { siteSchema } from '../../shared/schemas/site';
import { visitRecordSchema } from '../../shared/schemas/visit';
import { visitDateOf, type AppDB } from './AppDB';
import { avisStore } from './avis-store';
import type { EntityStore, EntityStores } from './entity-stores';
import { formDefinitionStore } from './form-definitions';
import { orientationStore, serviceStore, structureStore } from './guide-entity-stores';
import { sweepLeavingPersons } from './person-removal';
import { echoedVisits, hasReceipt, storeVisitReceipts } from './visit-receipts';
import {
  agentProfileStore,
  personLinkStore,
  personStore,
  referralStatusStore,
  referralStore,
  taskStore,
} from './person-stores';

/** The store of each synced entity (entity-stores.ts), loaded on first sync. */
const visitStore: EntityStore = {
  tables: (db) => [db.visits, db.visitReceipts],
  async applyChange(db, change) {
    if (change.op === 'delete') {
      await db.visits.delete(change.entityId);
      return;
    }
    const record = visitRecordSchema.parse(change.data);
    await db.visits.put({ ...record, syncState: 'synced', visitDate: visitDateOf(record) });
  },
  // A pushed visit's receipt goes to the ledger, the visit row is left as saved.
  async markSynced(db, entityId, version, receipt) {
    await storeVisitReceipts(db, [{ entityId, version, receipt }]);
  },
  markSyncedMany: storeVisitReceipts,
  heldAlready: echoedVisits,
  async markRefused(db, entityId, state, reason) {
    // A refusal of a later attempt never hides that the server holds this visit already.
    if (!(await hasReceipt(db, await db.visits.get(entityId))))
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

export const entityStores: EntityStores = {
  store: (entity) => stores.get(entity),
  tables: (db: AppDB): Table[] => [...stores.values()].flatMap((store) => store.tables(db)),
  afterPullPage: sweepLeavingPersons,
};
