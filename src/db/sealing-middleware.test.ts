import { afterEach, describe, expect, it } from 'vitest';
import { makeVisit, testSession } from '../../tests/support/fixtures';
import { rawText, readRawDatabase } from '../../tests/support/raw-idb';
import { freshDb, unlocked } from '../../tests/support/test-db';
import { createAesGcmFieldCipher } from '../security/aes-gcm-field-cipher';
import type { FieldCipher } from '../security/field-cipher';
import { uuidv7 } from '../../shared/uuidv7';
import { AppDB } from './AppDB';
import { newDraft, listDrafts, saveDraft } from './drafts';
import { writeMeta } from './meta';
import { countPending, nextBatch, recordAttempt } from './outbox';
import { readSession } from './session';
import { LockedError } from './sealing-middleware';
import { updateSyncStatus, readSyncStatus } from './sync-status';
import { listVisits, queueVisit } from './visits';

let db: AppDB;
afterEach(async () => {
  await db.delete();
});

const visit = makeVisit({
  answers: {
    personName: 'Jeanne Martin',
    address: '12 rue des Lilas, Blois',
    communeInsee: '41018',
    date: '2026-11-20',
    reason: 'Suivi',
    notes: 'Fils absent, voisine aidante',
  },
});
const HLC = '001763600000000-00000-srv';
const SECRETS = ['Jeanne Martin', '12 rue des Lilas', 'Fils absent', 'Paul Durand'];

async function fill(target: AppDB) {
  await queueVisit(target, visit.id, visit);
  const draft = newDraft('visite-domicile', 1);
  await saveDraft(target, { ...draft, answers: { personName: 'Paul Durand' } });
  await writeMeta(target, 'session', testSession);
  await updateSyncStatus(target, { phase: 'idle', lastSuccessAt: '2026-11-23T10:00:00.000Z' });
}

describe('the encryption layer under Dexie', () => {
  it('stores no name, address, note nor token in clear, and reads them back whole', async () => {
    db = freshDb();
    await fill(db);
    const raw = await readRawDatabase(indexedDB, db.name);
    const text = rawText(raw);
    for (const secret of [...SECRETS, testSession.token === 't' ? '"token"' : testSession.token])
      expect(text).not.toContain(secret);
    // What indexes and the locked app need stays readable.
    expect(raw.visits![0]).toMatchObject({ id: visit.id, visitDate: '2026-11-20' });
    expect(raw.outbox![0]).toMatchObject({ entityId: visit.id, status: 'pending' });
    expect(text).toContain('lastSuccessAt');

    expect((await listVisits(db))[0]?.answers).toEqual(visit.answers);
    expect((await nextBatch(db, 10, 1e9))[0]?.data).toEqual(visit);
    expect((await listDrafts(db))[0]?.answers).toEqual({ personName: 'Paul Durand' });
    expect(await readSession(db)).toEqual(testSession);
  });

  it('seals person files, referrals and tasks (issue 8) the same way', async () => {
    db = freshDb();
    const personId = uuidv7();
    await db.persons.put({
      id: personId,
      siteId: 'mds-41-41018',
      fields: { lastName: { value: 'Dubreuil', hlc: HLC, by: testSession.agent.id } },
      followers: [],
      pinnedBy: [],
      syncState: 'pending',
    });
    await db.tasks.put({
      id: uuidv7(),
      personId,
      siteId: 'mds-41-41018',
      assigneeId: testSession.agent.id,
      kind: 'tache',
      title: 'Appeler Mme Dubreuil pour le dossier APA',
      dueOn: '2026-12-01',
      doneAt: null,
      createdAt: '2026-11-23T10:00:00.000Z',
      syncState: 'pending',
    });
    const raw = rawText(await readRawDatabase(indexedDB, db.name));
    expect(raw).not.toContain('Dubreuil');
    expect(raw).toContain(personId); // the index of a person's records stays usable
    expect((await db.tasks.where('personId').equals(personId).toArray())[0]?.title).toContain(
      'Dubreuil',
    );
  });

  it('while locked: hides sealed fields, refuses personal writes, keeps sealed rows intact', async () => {
    db = freshDb();
    await fill(db);
    db.vault.close();
    expect(await listVisits(db)).toEqual([]);
    expect(await listDrafts(db)).toEqual([]);
    expect(await readSession(db)).toBeUndefined();
    expect((await readSyncStatus(db)).lastSuccessAt).toBe('2026-11-23T10:00:00.000Z');
    expect(await countPending(db)).toBe(1);
    await expect(saveDraft(db, newDraft('visite-domicile', 1))).rejects.toBeInstanceOf(LockedError);
    // A change of clear fields only (a delivery attempt) keeps the sealed payload.
    const [row] = (await db.outbox.toArray()) as unknown as { id: string; sealed: Uint8Array }[];
    expect(row?.sealed).toBeInstanceOf(Uint8Array);
    await recordAttempt(db, [row!.id]);
    const [after] = await db.outbox.toArray();
    expect(after).toMatchObject({ attempts: 1, sealed: row!.sealed });
    // Nor is a batch read for the push: its records would go without their personal fields.
    await expect(nextBatch(db, 10, 1e9)).rejects.toBeInstanceOf(LockedError);

    // Another key opens nothing: the tag check fails.
    const other = unlocked(new AppDB(db.name));
    await expect(listVisits(other)).rejects.toThrow();
    await expect(other.transaction('r', other.visits, () => listVisits(other))).rejects.toThrow(
      /invalid tag/,
    );
    other.close();
  });

  it('keeps the blob of a row written back with the same personal fields, seals a change anew', async () => {
    db = freshDb();
    await fill(db);
    const sealedOf = async () =>
      ((await readRawDatabase(indexedDB, db.name)).visits![0] as { sealed: Uint8Array }).sealed;
    const before = await sealedOf();
    const receipt = { number: '2026-000001', issuedAt: '2026-11-23T10:00:00.000Z' };
    await db.visits.bulkUpdate([{ key: visit.id, changes: { receipt, syncState: 'synced' } }]);
    expect(await sealedOf()).toEqual(before);

    await db.visits.update(visit.id, { answers: { ...visit.answers, notes: 'Revu le 23' } });
    const changed = await sealedOf();
    expect(changed).not.toEqual(before);
    expect(rawText(await readRawDatabase(indexedDB, db.name))).not.toContain('Revu le 23');
    expect((await listVisits(db))[0]).toMatchObject({
      receipt,
      answers: { ...visit.answers, notes: 'Revu le 23' },
    });
  });

  it('opens a blob it sealed or opened lately without decrypting it again, for this unlock only', async () => {
    db = freshDb();
    const original = new Uint8Array(db.vault.dataKey!);
    const copy = () => new Uint8Array(original); // a vault zeroes its key when it closes
    let opens = 0;
    const counting = (cipher: FieldCipher): FieldCipher => ({
      ...cipher,
      open: (sealed, context) => {
        opens += 1;
        return cipher.open(sealed, context);
      },
    });
    const key = copy();
    db.vault.open(key, counting(createAesGcmFieldCipher(key)));
    const visits = [1, 2, 3].map(() => makeVisit());
    for (const one of visits) await queueVisit(db, one.id, one);
    const receipt = { number: '2026-000001', issuedAt: '2026-11-23T10:00:00.000Z' };
    const storeReceipts = () =>
      db.transaction('rw', db.visits, () =>
        db.visits.bulkUpdate(visits.map(({ id }) => ({ key: id, changes: { receipt } }))),
      );
    await storeReceipts();
    expect(opens).toBe(0);

    // Changed by another connection: the new blob is opened, and reads the new answers.
    const other = new AppDB(db.name);
    const otherKey = copy();
    other.vault.open(otherKey, createAesGcmFieldCipher(otherKey));
    await other.visits.update(visits[0]!.id, {
      answers: { ...visits[0]!.answers, notes: 'Autre' },
    });
    other.close();
    expect(
      (await db.transaction('r', db.visits, () => db.visits.get(visits[0]!.id)))?.answers,
    ).toMatchObject({ notes: 'Autre' });
    expect(opens).toBe(1);

    // A lock forgets every plaintext: after it, each row is decrypted again.
    db.vault.close();
    const again = copy();
    db.vault.open(again, counting(createAesGcmFieldCipher(again)));
    await storeReceipts();
    expect(opens).toBe(1 + visits.length);
  });

  it('opens again with the same key after a lock', async () => {
    db = freshDb();
    await fill(db);
    const key = new Uint8Array(db.vault.dataKey!);
    db.vault.close();
    expect(db.vault.dataKey).toBeUndefined();
    db.vault.open(key, createAesGcmFieldCipher(key));
    expect((await nextBatch(db, 10, 1e9))[0]).toMatchObject({ data: visit });
  });
});
