import type { AppDB } from './AppDB';
import { KEYRING_ID } from './keyring';
import { purgeDeliveredNow } from './outbox-purge';

const OUTBOX_SEQ_KEY = 'outbox-seq';

/**
 * Everything of an agent's that is not unsent work: for a logout or another agent's login,
 * inside their transaction (it includes `db.outbox`), once nothing unsent is left.
 */
export async function clearPersonalData(db: AppDB): Promise<void> {
  await purgeDeliveredNow(db); // before `meta`, which holds the floor below which they lie
  await Promise.all([
    db.visits.clear(),
    db.visitReceipts.clear(),
    db.sites.clear(),
    db.meta.clear(),
    db.orientations.clear(),
    db.persons.clear(),
    db.referrals.clear(),
    db.tasks.clear(),
  ]);
}

/**
 * The wipe after too many wrong PINs, or when the server says this tablet was revoked: the key
 * held in memory is dropped, the PIN-wrapped data key deleted, the session (and its token)
 * and every synced personal record removed. Unsent work (outbox, drafts, visits and
 * orientations, person files, referrals and tasks not yet accepted) is NEVER deleted (DESIGN §11): it stays sealed, readable only
 * with the data key wrapped by the recovery key that the server gives this agent alone at an
 * online login (src/db/unlock.ts `loginKeys`). Runs while locked: it reads only clear fields.
 */
export async function wipePersonalData(
  db: AppDB,
  reason: 'pin-failures' | 'revoked',
): Promise<void> {
  db.vault.close();
  await db.transaction(
    'rw',
    [
      db.visits,
      db.visitReceipts,
      db.outbox,
      db.sites,
      db.meta,
      db.orientations,
      db.persons,
      db.referrals,
      db.tasks,
      db.keyring,
    ],
    async () => {
      await purgeDeliveredNow(db); // delivered: synced records too
      const synced = (rows: { id: string; syncState?: unknown }[]) =>
        rows.filter((row) => row.syncState === 'synced').map((row) => row.id);
      // Visits pushed from this tablet have their receipt in the ledger, not in their row.
      const answered = (await db.visitReceipts.toArray()).flatMap((batch) => batch.visitIds);
      await db.visits.bulkDelete([...synced(await db.visits.toArray()), ...answered]);
      await db.visitReceipts.clear();
      await db.orientations.bulkDelete(synced(await db.orientations.toArray()));
      await db.persons.bulkDelete(synced(await db.persons.toArray()));
      await db.referrals.bulkDelete(synced(await db.referrals.toArray()));
      await db.tasks.bulkDelete(synced(await db.tasks.toArray()));
      await db.sites.clear();
      const metaKeys = await db.meta.toCollection().primaryKeys();
      await db.meta.bulkDelete(metaKeys.filter((key) => key !== OUTBOX_SEQ_KEY));
      await db.keyring.update(KEYRING_ID, {
        pin: undefined,
        failures: 0,
        retryAt: undefined,
        wiped: reason,
      });
    },
  );
}

/** After a logout with nothing unsent: no key material of the agent is left on the tablet. */
export async function forgetKeys(db: AppDB): Promise<void> {
  db.vault.close();
  await db.keyring.update(KEYRING_ID, {
    owner: undefined,
    pin: undefined,
    recovery: undefined,
    failures: 0,
    retryAt: undefined,
    wiped: undefined,
  });
}
