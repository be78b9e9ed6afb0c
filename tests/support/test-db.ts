import { AppDB } from '../../src/db/AppDB';
import { createAesGcmFieldCipher } from '../../src/security/aes-gcm-field-cipher';
import { newDataKey } from '../../src/security/key-hierarchy';
import { uuidv7 } from '../../shared/uuidv7';

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
