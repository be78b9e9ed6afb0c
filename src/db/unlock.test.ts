import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { makeVisit } from '../../tests/support/fixtures';
import { rawText, readRawDatabase } from '../../tests/support/raw-idb';
import { newDataKey } from '../security/key-hierarchy';
import { MAX_PIN_FAILURES } from '../security/pin-policy';
import { AppDB } from './AppDB';
import { applyPushResults } from './push-results';
import { readKeyring } from './keyring';
import { countPending, nextBatch } from './outbox';
import { logout, readSession, startSession, UnsentDataError, type Session } from './session';
import { choosePin, RecoveryError, unlockWithPin } from './unlock';
import { listVisits, queueVisit } from './visits';
import { uuidv7 } from '../../shared/uuidv7';

let db: AppDB;
afterEach(async () => {
  await db.delete();
});

const sessionOf = (agentId: string, login: string): Session => ({
  token: `jeton-secret-${login}`,
  deviceId: '0190f5c6-0000-7000-8000-000000000009',
  expiresAt: '2027-01-01T00:00:00.000Z',
  agent: {
    id: agentId,
    login,
    displayName: login,
    role: 'travailleur_social',
    siteIds: ['mds-41-41018'],
  },
});
const A = sessionOf('0190f5c6-0000-7000-8000-00000000000a', 'agent.a');
const B = sessionOf('0190f5c6-0000-7000-8000-00000000000b', 'agent.b');
const keyText = () => Buffer.from(newDataKey()).toString('base64url');
const RECOVERY_A = keyText();
const PIN = '482915';
const visit = makeVisit({ answers: { ...makeVisit().answers, personName: 'Lucie Bernard' } });

/** Agent A logs in online, chooses a PIN and saves one visit, still unsent. */
async function agentAWithUnsentVisit(): Promise<void> {
  db = new AppDB(`test-${uuidv7()}`);
  await startSession(db, A, RECOVERY_A);
  await choosePin(db, PIN);
  await queueVisit(db, visit.id, visit);
  db.vault.close();
}

/** Ten wrong PINs, skipping each wait by moving the clock. */
async function tenWrongPins(): Promise<void> {
  let now = Date.now();
  for (let i = 1; i <= MAX_PIN_FAILURES; i += 1) {
    const result = await unlockWithPin(db, '000001', now);
    expect(result.status).toBe(i < MAX_PIN_FAILURES ? 'wrong' : 'wiped');
    now += 10 * 60 * 1000;
  }
}

// Each PIN try derives its key with the real 600,000 PBKDF2 iterations.
describe('PIN, wipe and recovery', { timeout: 60_000 }, () => {
  it('unlocks with the PIN, counts a wrong one and makes the third wait', async () => {
    await agentAWithUnsentVisit();
    const now = Date.now();
    expect(await unlockWithPin(db, '000001', now)).toEqual({
      status: 'wrong',
      remaining: 9,
      retryAt: undefined,
    });
    await unlockWithPin(db, '000001', now);
    expect(await unlockWithPin(db, '000001', now)).toEqual({
      status: 'wrong',
      remaining: 7,
      retryAt: now + 5_000,
    });
    expect(await unlockWithPin(db, PIN, now + 1_000)).toEqual({
      status: 'wait',
      retryAt: now + 5_000,
    });
    expect(await unlockWithPin(db, PIN, now + 5_000)).toEqual({ status: 'unlocked' });
    expect((await readKeyring(db))?.failures).toBe(0);
    expect((await listVisits(db))[0]?.answers.personName).toBe('Lucie Bernard');
    expect((await readSession(db))?.token).toBe(A.token);
  });

  it('wipes after ten wrong PINs, keeping the unsent visit sealed, then recovers it at the same agent’s login', async () => {
    await agentAWithUnsentVisit();
    await unlockWithPin(db, PIN);
    const pulled = makeVisit();
    await db.visits.put({ ...pulled, syncState: 'synced', visitDate: '2026-11-20' });
    db.vault.close();
    await tenWrongPins();
    expect(await db.visits.toCollection().primaryKeys()).toEqual([visit.id]);
    const ring = await readKeyring(db);
    expect(ring).toMatchObject({
      wiped: 'pin-failures',
      failures: 0,
      owner: { agentId: A.agent.id },
    });
    expect(ring?.pin).toBeUndefined();
    expect(await readSession(db)).toBeUndefined();
    expect(await countPending(db)).toBe(1);
    const raw = rawText(await readRawDatabase(indexedDB, db.name));
    expect(raw).not.toContain('Lucie Bernard');
    expect(raw).not.toContain(A.token);
    expect(await unlockWithPin(db, PIN)).toEqual({ status: 'wiped' });

    // Another agent may not take the tablet while A's records wait.
    await expect(startSession(db, B, keyText())).rejects.toBeInstanceOf(UnsentDataError);
    expect(db.vault.unlocked).toBe(false);

    await startSession(db, A, RECOVERY_A);
    expect((await nextBatch(db, 10, 1e9))[0]?.data).toEqual(visit);
    expect((await readKeyring(db))?.pin).toBeUndefined(); // a new PIN is asked for
  });

  it('refuses to recover with another recovery key', async () => {
    await agentAWithUnsentVisit();
    await tenWrongPins();
    await expect(startSession(db, A, keyText())).rejects.toBeInstanceOf(RecoveryError);
    expect(await countPending(db)).toBe(1);
  });

  it('resets a forgotten PIN through an online login, with the same data', async () => {
    await agentAWithUnsentVisit();
    await startSession(db, A, RECOVERY_A);
    await choosePin(db, '739164');
    db.vault.close();
    expect((await unlockWithPin(db, PIN)).status).toBe('wrong');
    expect(await unlockWithPin(db, '739164')).toEqual({ status: 'unlocked' });
    expect(await countPending(db)).toBe(1);
  });

  it('leaves no key nor record of the agent after a logout, and the next agent starts empty', async () => {
    await agentAWithUnsentVisit();
    await unlockWithPin(db, PIN);
    const sent = await nextBatch(db, 1, 1e9);
    const [row] = sent;
    await applyPushResults(db, sent, [
      {
        id: row!.id,
        status: 'accepted',
        version: 1,
        receipt: { number: '2026-000001', issuedAt: '2026-11-23T10:00:00.000Z' },
      },
    ]);
    await logout(db);
    const ring = await readKeyring(db);
    expect(ring?.owner).toBeUndefined();
    expect(ring?.pin).toBeUndefined();
    expect(ring?.recovery).toBeUndefined();
    expect(db.vault.unlocked).toBe(false);
    expect(rawText(await readRawDatabase(indexedDB, db.name))).not.toContain('Lucie');

    await startSession(db, B, keyText());
    expect(await listVisits(db)).toEqual([]);
    expect((await readKeyring(db))?.owner?.agentId).toBe(B.agent.id);
  });

  it('seals the clear rows of a tablet set up before encryption when its agent chooses a PIN', async () => {
    const name = `test-${uuidv7()}`;
    const old = new Dexie(name);
    old.version(4).stores({ visits: 'id, siteId, createdAt, visitDate', meta: 'key' });
    await old.table('visits').put({ ...visit, syncState: 'pending', visitDate: '2026-11-20' });
    await old.table('meta').put({ key: 'session', value: A });
    old.close();
    db = new AppDB(name);
    expect((await readSession(db))?.agent.id).toBe(A.agent.id);
    expect(rawText(await readRawDatabase(indexedDB, db.name))).toContain('Lucie Bernard');
    await choosePin(db, PIN, { agentId: A.agent.id, login: 'agent.a', displayName: 'agent.a' });
    const raw = rawText(await readRawDatabase(indexedDB, db.name));
    expect(raw).not.toContain('Lucie Bernard');
    expect(raw).not.toContain(A.token);
    expect((await listVisits(db))[0]?.answers).toEqual(visit.answers);
  });
});
