import { ENTITY } from '../../shared/entities';
import { agentProfileSchema } from '../../shared/persons/directory';
import { personRecordSchema } from '../../shared/persons/person';
import { referralRecordSchema } from '../../shared/persons/referral';
import { taskRecordSchema } from '../../shared/persons/task';
import type { EntityStore } from './entity-stores';
import { observeFields } from './hlc-clock';
import { readFloor } from './outbox';
import { leaveScope } from './person-removal';
import { readSession } from './session';

/**
 * How person files, referrals, tasks and the directory are stored on the device (issue 8).
 * A person pulled as `delete` left the agent's scope: it goes, with its records, once nothing
 * about it waits in the outbox (person-removal.ts).
 */
export const personStore: EntityStore = {
  tables: (db) => [db.persons, db.referrals, db.tasks, db.visits],
  async applyChange(db, change) {
    if (change.op === 'delete') return leaveScope(db, change.entityId);
    const record = personRecordSchema.parse(change.data);
    const session = await readSession(db);
    if (session) await observeFields(db, record.fields, session.deviceId);
    await db.persons.put({ ...record, syncState: 'synced' });
  },
  async applyWhileWaiting(db, change) {
    // The local edits win until the server answers them; a scope exit waits for them.
    if (change.op === 'delete') await leaveScope(db, change.entityId);
  },
  async markSynced(db, entityId, version, receipt) {
    const person = await db.persons.get(entityId);
    if (person === undefined) return;
    await db.persons.update(entityId, {
      receipt,
      syncState: 'synced',
      reason: undefined,
      ...((person.version ?? 0) < version ? { version } : {}),
    });
  },
  async markRefused(db, entityId, state, reason) {
    await db.persons.update(entityId, { syncState: state, reason });
  },
};

/** Follow and pin mutations change the person's row, whose pulled record says the outcome. */
export const personLinkStore: EntityStore = {
  tables: (db) => [db.persons],
  async applyChange() {},
  async markSynced() {},
  async markRefused(db, entityId, state, reason) {
    await db.persons.update(entityId, { syncState: state, reason });
  },
};

export const referralStore: EntityStore = {
  tables: (db) => [db.referrals],
  async applyChange(db, change) {
    if (change.op === 'delete') return db.referrals.delete(change.entityId);
    const record = referralRecordSchema.parse(change.data);
    await db.referrals.put({ ...record, syncState: 'synced' });
  },
  async markSynced(db, entityId, version, receipt) {
    await db.referrals.update(entityId, {
      version,
      receipt,
      syncState: 'synced',
      syncReason: undefined,
    });
  },
  async markRefused(db, entityId, state, reason) {
    await db.referrals.update(entityId, { syncState: state, syncReason: reason });
  },
};

/** A status change answered: the pulled referral brings the server's history and time. */
export const referralStatusStore: EntityStore = {
  tables: (db) => [db.referrals],
  async applyChange() {},
  async markSynced(db, entityId) {
    const referral = await db.referrals.get(entityId);
    const change = referral?.pendingChange;
    if (referral === undefined || change === undefined) return;
    await db.referrals.update(entityId, {
      status: change.to,
      pendingChange: undefined,
      syncState: 'synced',
      syncReason: undefined,
    });
  },
  async markRefused(db, entityId, state, reason) {
    await db.referrals.update(entityId, {
      pendingChange: undefined,
      syncState: state,
      syncReason: reason,
    });
  },
};

/**
 * Tasks. Their receipts are only ever given to the tablet that sent the change (the server's
 * `tasks` table has no receipt), so a pulled task keeps the receipt this tablet holds.
 */
export const taskStore: EntityStore = {
  tables: (db) => [db.tasks],
  async applyChange(db, change) {
    if (change.op === 'delete') return db.tasks.delete(change.entityId);
    const record = taskRecordSchema.parse(change.data);
    const receipt = (await db.tasks.get(record.id))?.receipt;
    await db.tasks.put({ ...record, ...(receipt ? { receipt } : {}), syncState: 'synced' });
  },
  async markSynced(db, entityId, version, receipt) {
    await db.tasks.update(entityId, { version, receipt, syncState: 'synced', reason: undefined });
    // A change queued while the task's creation was on its way had no version to name: it is
    // based on the version the server just gave, not a creation. Rows at or below the floor
    // were delivered (this creation among them) and are left as they are, to be purged.
    const floor = await readFloor(db);
    await db.outbox
      .where('entityId')
      .equals(entityId)
      .modify((row) => {
        const waiting = row.status === 'pending' && row.seq > floor;
        if (row.entity === ENTITY.task && waiting && row.baseVersion === undefined)
          row.baseVersion = version;
      });
  },
  async markRefused(db, entityId, state, reason) {
    await db.tasks.update(entityId, { syncState: state, reason });
  },
};

export const agentProfileStore: EntityStore = {
  tables: (db) => [db.agentProfiles],
  async applyChange(db, change) {
    if (change.op === 'delete') return db.agentProfiles.delete(change.entityId);
    const parsed = agentProfileSchema.safeParse(change.data);
    if (parsed.success) await db.agentProfiles.put(parsed.data);
  },
  async markSynced() {},
  async markRefused() {},
};
