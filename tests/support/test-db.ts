import { AppDB } from '../../src/db/AppDB';
import { uuidv7 } from '../../shared/uuidv7';

/** A fresh device database on fake-indexeddb, isolated from other tests by its name. */
export function freshDb(): AppDB {
  return new AppDB(`test-${uuidv7()}`);
}
