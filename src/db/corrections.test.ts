import { afterEach, describe, expect, it } from 'vitest';
import { makeVisit } from '../../tests/support/fixtures';
import { freshDb } from '../../tests/support/test-db';
import type { AppDB } from './AppDB';
import { discardRefused, reopenAsDraft } from './corrections';
import { readDraft } from './drafts';
import { countPending, listNeedingAttention, nextBatch } from './outbox';
import { applyPushResults } from './push-results';
import { listVisits, queueVisit, readVisit } from './visits';

let db: AppDB;
afterEach(async () => {
  await db.delete();
});

async function refusedVisit() {
  db = freshDb();
  const visit = makeVisit();
  await queueVisit(db, visit.id, visit);
  const [row] = await nextBatch(db, 1, 1e9);
  await applyPushResults(
    db,
    [row!],
    [{ id: row!.id, status: 'rejected', reason: { code: 'invalid_record', message: 'x' } }],
  );
  return { visit, outboxId: row!.id };
}

describe('corrections of refused records', () => {
  it('reopens a refused visit as a draft, and the corrected save replaces the refused attempt', async () => {
    const { visit, outboxId } = await refusedVisit();
    const draft = await reopenAsDraft(db, outboxId);
    expect(draft).toMatchObject({ id: visit.id, answers: visit.answers });
    expect(await listNeedingAttention(db)).toHaveLength(1); // still there until saved

    const corrected = { ...visit, answers: { ...visit.answers, reason: 'Motif corrigé' } };
    await queueVisit(db, draft.id, corrected);
    expect(await listNeedingAttention(db)).toEqual([]);
    expect(await countPending(db)).toBe(1);
    const [resend] = await nextBatch(db, 10, 1e9);
    expect(resend!.id).not.toBe(outboxId);
    expect(await readVisit(db, visit.id)).toMatchObject({
      syncState: 'pending',
      answers: { reason: 'Motif corrigé' },
    });
  });

  it('discards a refused visit only when asked, with its local copy', async () => {
    const { visit, outboxId } = await refusedVisit();
    await discardRefused(db, outboxId);
    expect(await listNeedingAttention(db)).toEqual([]);
    expect(await listVisits(db)).toEqual([]);
    expect(await readDraft(db, visit.id)).toBeUndefined();
  });

  it('refuses to discard a record that is still waiting to be sent', async () => {
    db = freshDb();
    const visit = makeVisit();
    await queueVisit(db, visit.id, visit);
    const [row] = await nextBatch(db, 1, 1e9);
    await expect(discardRefused(db, row!.id)).rejects.toThrow('en attente');
    expect(await countPending(db)).toBe(1);
  });
});
