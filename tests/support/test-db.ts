import { AppDB } from '../../src/db/AppDB';
import { queueVisit } from '../../src/db/visits';
import { createAesGcmFieldCipher } from '../../src/security/aes-gcm-field-cipher';
import { newDataKey } from '../../src/security/key-hierarchy';
import type { VisitData } from '../../shared/schemas/visit';
import { uuidv7 } from '../../shared/uuidv7';
import { makeVisit } from './fixtures';

/**
 * A fresh device database on fake-indexeddb, isolated from other tests by its name, and
 * unlocked as after a PIN, so every test also goes through the encryption layer.
 */
export function freshDb(): AppDB {
  return unlocked(new AppDB(`test-${uuidv7()}`));
}

/** Opens the vault of `db` with a new random data key. */
export function unlocked(db: AppDB): AppDB {
  const dataKey = newDataKey();
  db.vault.open(dataKey, createAesGcmFieldCipher(dataKey));
  return db;
}

/** Saves `count` made-up visits as the app does (visit and outbox rows), one after the other. */
export async function queueMadeUpVisits(db: AppDB, count: number): Promise<VisitData[]> {
  const visits: VisitData[] = [];
  for (let i = 0; i < count; i += 1) {
    const visit = makeVisit();
    await queueVisit(db, visit.id, visit);
    visits.push(visit);
  }
  return visits;
}
