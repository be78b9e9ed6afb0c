import { ENTITY } from '../../shared/entities';
import { visitDataSchema, type VisitData } from '../../shared/schemas/visit';
import { visitDateOf, type AppDB } from './AppDB';
import { supersedeRefused } from './corrections';
import { appendMutation } from './outbox';
import { localVisitSchema, type LocalVisit } from './rows';
import { withReceipts } from './visit-receipts';

/**
 * Turns a draft into a saved visit waiting for the server, in ONE transaction: the visit row,
 * its outbox mutation, the removal of the draft, and of any refused earlier attempt at the same
 * visit that this corrected one replaces. A crash or a closed tab leaves either the
 * draft (nothing saved yet) or the queued visit, never both and never neither.
 *
 * Offline this is all that happens; the sync engine pushes the mutation later. If the server
 * refuses it, the visit stays on the device marked "À corriger" with the server's reason.
 */
export async function queueVisit(
  db: AppDB,
  draftId: string,
  visit: VisitData,
  now: Date = new Date(),
): Promise<LocalVisit> {
  const data = visitDataSchema.parse(visit);
  const local: LocalVisit = { ...data, syncState: 'pending', visitDate: visitDateOf(data) };
  return db.transaction('rw', [db.visits, db.outbox, db.meta, db.drafts], async () => {
    // A second tap on "Enregistrer", or a draft recreated by a late keystroke in another tab,
    // must not queue the same visit twice: once saved and not refused, it is done.
    const existing = await db.visits.get(data.id);
    if (
      existing !== undefined &&
      (existing.syncState === 'pending' || existing.syncState === 'synced')
    ) {
      await db.drafts.delete(draftId);
      return localVisitSchema.parse(existing);
    }
    await supersedeRefused(db, data.id);
    await db.visits.put(local);
    await appendMutation(db, { entity: ENTITY.visit, op: 'put', entityId: data.id, data }, now);
    await db.drafts.delete(draftId);
    return local;
  });
}

/**
 * Visits on the device, the most recent visit date first (never the device clock's order);
 * rows an older app wrote in another shape are skipped.
 */
export async function listVisits(db: AppDB, limit: number = Infinity): Promise<LocalVisit[]> {
  const rows = await db.visits.orderBy('visitDate').reverse().limit(limit).toArray();
  return withReceipts(
    db,
    rows.flatMap((row) => {
      const parsed = localVisitSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    }),
  );
}

export function countVisits(db: AppDB): Promise<number> {
  return db.visits.count();
}

export async function readVisit(db: AppDB, id: string): Promise<LocalVisit | undefined> {
  const row = await db.visits.get(id);
  return row === undefined ? undefined : (await withReceipts(db, [localVisitSchema.parse(row)]))[0];
}
