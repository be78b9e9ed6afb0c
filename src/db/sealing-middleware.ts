import Dexie, { type DBCore, type DBCoreCursor, type DBCoreTable, type Middleware } from 'dexie';
import { SEALED_PROPERTY, SEALED_TABLES, type SealedTable } from '../security/sealed-tables';
import type { Vault } from '../security/Vault';
import { RecentPlaintexts } from './recent-plaintexts';

/** A write of personal data while the app is locked: there is no key to encrypt it with. */
export class LockedError extends Error {
  constructor() {
    super('Application verrouillée : données personnelles inaccessibles');
    this.name = 'LockedError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
type Row = Record<string, unknown>;

/**
 * The encryption layer under Dexie: every table of `SEALED_TABLES` has its listed fields
 * encrypted into one `sealed` blob on the way to IndexedDB, and decrypted on the way back,
 * with the data key of the vault. Domain code (visits, drafts, outbox, sync) reads and writes
 * plain objects and never knows.
 *
 * While locked, reads return sealed rows as stored (the sealed fields absent, so every schema
 * parse fails and nothing personal reaches the UI or the sync), a sealed row written back
 * unchanged passes, and a write carrying personal fields throws `LockedError`.
 *
 * Sits below Dexie's cache and hooks (level -2), right above IndexedDB.
 */
export function sealingMiddleware(vault: Vault): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'sealing',
    level: -2,
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        const config = SEALED_TABLES[name];
        return config === undefined ? table : sealedTable(table, config, vault);
      },
    }),
  };
}

function sealedTable(table: DBCoreTable, config: SealedTable, vault: Vault): DBCoreTable {
  const keyOf = table.schema.primaryKey.extractKey;
  const context = (key: unknown) => encoder.encode(`${table.name}\u0000${String(key)}`);
  const applies = (key: unknown) =>
    config.onlyKeys === undefined || config.onlyKeys.includes(String(key));

  const recent = new RecentPlaintexts();

  function openRow(value: unknown): unknown {
    if (value === null || typeof value !== 'object' || !(SEALED_PROPERTY in value)) return value;
    const cipher = vault.cipher;
    if (cipher === undefined) return value;
    const { [SEALED_PROPERTY]: sealed, ...rest } = value as Row;
    const key = String(keyOf?.(value));
    let json = recent.recall(cipher, key, sealed as Uint8Array);
    if (json === undefined) {
      json = decoder.decode(cipher.open(sealed as Uint8Array, context(key)));
      recent.remember(cipher, key, sealed as Uint8Array, json);
    }
    return { ...rest, ...(JSON.parse(json) as Row) };
  }

  /**
   * Opens many rows at once. A read-only transaction that Dexie made for this one read (a list,
   * a live query) ends with it, so its rows are opened by WebCrypto, native and in parallel.
   * Anywhere else (a `db.transaction()` scope, a `modify` that writes back what it read) the
   * transaction goes on, so they are opened synchronously.
   */
  function openRows(rows: unknown[], trans: unknown): unknown[] | Promise<unknown[]> {
    const cipher = vault.cipher;
    const { mode, _explicit } = trans as { mode?: string; _explicit?: boolean };
    if (cipher === undefined || _explicit || mode !== 'readonly') return rows.map(openRow);
    const out = [...rows];
    const toOpen: Array<{ index: number; key: string; sealed: Uint8Array; rest: Row }> = [];
    rows.forEach((value, index) => {
      if (value === null || typeof value !== 'object' || !(SEALED_PROPERTY in value)) return;
      const { [SEALED_PROPERTY]: sealed, ...rest } = value as Row;
      const key = String(keyOf?.(value));
      const json = recent.recall(cipher, key, sealed as Uint8Array);
      if (json === undefined) toOpen.push({ index, key, sealed: sealed as Uint8Array, rest });
      else out[index] = { ...rest, ...(JSON.parse(json) as Row) };
    });
    if (toOpen.length === 0) return out;
    return cipher
      .openMany(toOpen.map(({ key, sealed }) => ({ sealed, context: context(key) })))
      .then((plains) => {
        plains.forEach((plain, i) => {
          const { index, key, sealed, rest } = toOpen[i]!;
          const json = decoder.decode(plain);
          recent.remember(cipher, key, sealed, json);
          out[index] = { ...rest, ...(JSON.parse(json) as Row) };
        });
        return out;
      });
  }

  function sealRow(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    const key = keyOf?.(value);
    if (!applies(key)) return value;
    const row = value as Row;
    const present = config.fields.filter((field) => row[field] !== undefined);
    if (present.length === 0) return value; // nothing personal, or already sealed
    const cipher = vault.cipher;
    if (cipher === undefined) throw new LockedError();
    // A row read while locked and completed since keeps its sealed fields under the new ones.
    const base = SEALED_PROPERTY in row ? (openRow(row) as Row) : row;
    const plain: Row = {};
    const out: Row = { ...base };
    delete out[SEALED_PROPERTY];
    for (const field of config.fields) {
      const fieldValue = field in row ? row[field] : base[field];
      if (fieldValue !== undefined) plain[field] = fieldValue;
      delete out[field];
    }
    const json = JSON.stringify(plain);
    let sealed = recent.reusable(cipher, String(key), json);
    if (sealed === undefined) {
      sealed = cipher.seal(encoder.encode(json), context(key));
      recent.remember(cipher, String(key), sealed, json);
    }
    out[SEALED_PROPERTY] = sealed;
    return out;
  }

  /**
   * A cursor whose `value` is opened. It delegates instead of inheriting: the browser's own
   * cursor getters (`key`, `primaryKey`) refuse any other `this`.
   */
  function openCursor(cursor: DBCoreCursor): DBCoreCursor {
    let openedFor: unknown = {};
    let opened: unknown;
    const wrapper: DBCoreCursor = {
      get trans() {
        return cursor.trans;
      },
      get key() {
        return cursor.key;
      },
      get primaryKey() {
        return cursor.primaryKey;
      },
      get done() {
        return cursor.done;
      },
      get value() {
        const raw = cursor.value;
        if (raw !== openedFor) {
          openedFor = raw;
          opened = openRow(raw);
        }
        return opened;
      },
      continue: (key) => cursor.continue(key),
      continuePrimaryKey: (key, primaryKey) => cursor.continuePrimaryKey(key, primaryKey),
      advance: (count) => cursor.advance(count),
      start: (onNext) => cursor.start(onNext),
      stop: (value) => cursor.stop(value),
      next: () => cursor.next().then(() => wrapper),
      fail: (error) => cursor.fail(error),
    };
    return wrapper;
  }

  // No `async` here: Dexie keeps a transaction's zone across its own promises only, so each
  // step chains on the promise of the layer below.
  return {
    ...table,
    mutate(req) {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      // Schema upgrades run before any unlock: rows they rewrite stay as they were.
      if (!vault.unlocked && isUpgrade(req.trans)) return table.mutate(req);
      let values: unknown[];
      try {
        values = req.values.map(sealRow);
      } catch (error) {
        return Dexie.Promise.reject(error);
      }
      return table.mutate({ ...req, values });
    },
    get: (req) => table.get(req).then(openRow),
    getMany: (req) => table.getMany(req).then((rows) => openRows(rows, req.trans)),
    query: (req) =>
      table.query(req).then((response) =>
        req.values
          ? Dexie.Promise.resolve(openRows(response.result, req.trans)).then((result) => ({
              ...response,
              result,
            }))
          : response,
      ),
    openCursor: (req) =>
      table
        .openCursor(req)
        .then((cursor) => (cursor === null || !req.values ? cursor : openCursor(cursor))),
  };
}

function isUpgrade(trans: unknown): boolean {
  return (trans as Partial<IDBTransaction>).mode === 'versionchange';
}
