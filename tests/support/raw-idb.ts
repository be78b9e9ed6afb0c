import type { Page } from 'playwright-core';

/**
 * Every row of every store of an IndexedDB database, read with the raw API (no Dexie, no
 * encryption layer): what someone copying the tablet's storage would get.
 */
export function readRawDatabase(
  factory: IDBFactory,
  name: string,
): Promise<Record<string, unknown[]>> {
  return new Promise((resolve, reject) => {
    const open = factory.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names, 'readonly');
      const out: Record<string, unknown[]> = {};
      for (const store of names) {
        const request = tx.objectStore(store).getAll();
        request.onsuccess = () => {
          out[store] = request.result;
        };
      }
      tx.oncomplete = () => {
        db.close();
        resolve(out);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Text of the rows, bytes shown as numbers: a clear name would appear in it. */
export function rawText(rows: Record<string, unknown[]>): string {
  return JSON.stringify(rows, (_key, value: unknown) =>
    value instanceof Uint8Array ? `bytes(${value.length})` : value,
  );
}

/**
 * The same read from inside a Chromium page, on the app's database `dernier-km`: the function
 * runs in the page, so it repeats the read rather than import it.
 */
export function rawPageText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('dernier-km');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const rows: Record<string, unknown[]> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (rows[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(
              JSON.stringify(rows, (_key, value: unknown) =>
                value instanceof Uint8Array ? `bytes(${value.length})` : value,
              ),
            );
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
