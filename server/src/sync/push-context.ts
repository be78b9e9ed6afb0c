import type { Receipt } from '../../../shared/schemas/common';
import type { Agent } from '../../../shared/schemas/agent';
import type { Queryable } from '../db/database';
import { takeChangeSeqs } from '../db/queries/sync-changes';
import { personInScope, personsInScope } from '../persons/person-scope';
import { issueReceipts } from './receipt';

/**
 * What a handler sees of one push batch, built so a batch costs a handful of round trips
 * instead of several per mutation: sequence values and receipt numbers are taken in bulk,
 * existing ids are looked up once per entity, and writes are queued and flushed as multi-row
 * statements at the end of the batch (`fast` mode).
 *
 * In `careful` mode, used to retry a batch whose bulk flush hit a data error, every write goes
 * to the database at once, inside the mutation's savepoint, so the culprit is rejected alone.
 */
export interface BatchWriter<T> {
  name: string;
  flush(tx: Queryable, rows: T[]): Promise<void>;
}

export type PushMode = 'fast' | 'careful';

export interface PushContext {
  tx: Queryable;
  agent: Agent;
  deviceId: string;
  now: Date;
  mode: PushMode;
  /** The next value of the change sequence: a record's new version and its pull position. */
  nextChangeSeq(): Promise<number>;
  issueReceipt(): Promise<Receipt>;
  /**
   * Whether the agent may read and edit this person's file (persons/person-scope.ts). The
   * persons the batch's records name are looked up in one query, whose answers serve until a
   * mutation of the batch could have changed who is in scope; after that, one query each.
   */
  personInScope(personId: string): Promise<boolean>;
  /** Whether the server holds this record, or accepted it earlier in this batch. */
  exists(entity: string, id: string): boolean;
  /**
   * `load()`, read once per batch under `key`: for what no mutation can change, such as a
   * published form version, so a batch of 500 visits of one form reads and compiles it once.
   */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Writes `row` with `writer`: now in careful mode, with the batch's other rows in fast mode. */
  write<T>(writer: BatchWriter<T>, row: T): Promise<void>;
}

/** Values taken from the database `hint` at a time, then one by one if a batch needs more. */
class Pool<T> {
  private values: T[] = [];
  private used = 0;
  constructor(
    private readonly take: (count: number) => Promise<T[]>,
    private hint: number,
  ) {}

  async next(): Promise<T> {
    if (this.used === this.values.length) {
      this.values = await this.take(Math.max(1, this.hint));
      this.used = 0;
      this.hint = 1;
    }
    return this.values[this.used++]!;
  }
}

export function createPushContext(input: {
  tx: Queryable;
  agent: Agent;
  deviceId: string;
  now: Date;
  mode: PushMode;
  expected: number;
  existing: Map<string, Set<string>>;
  /** The persons the batch's records name (valid UUIDs), for `personInScope`. */
  persons: readonly string[];
}): PushContext & {
  /** A mutation that may have changed who is in the agent's scope was decided. */
  scopeMayHaveChanged(): void;
  /**
   * Starts writing the rows queued so far, then `after(tx)`, once every earlier flush is done,
   * and returns at once: the handlers go on deciding while the database stores (fast mode).
   */
  flush(after: (tx: Queryable) => Promise<void>): void;
  /** Waits for every flush started; rejects with the first failure, which skips the others. */
  settle(): Promise<void>;
  accepted(entity: string, id: string): void;
  /** Marks the queued writes; the function returned drops those queued since (fast mode). */
  checkpoint(): () => void;
} {
  const { tx, now, mode } = input;
  const seqs = new Pool((n) => takeChangeSeqs(tx, n), mode === 'fast' ? input.expected : 1);
  const receipts = new Pool((n) => issueReceipts(tx, now, n), mode === 'fast' ? input.expected : 1);
  const queued = new Map<BatchWriter<never>, unknown[]>();
  const loaded = new Map<string, Promise<unknown>>();
  let written = Promise.resolve();
  const named = new Set(input.persons.map((id) => id.toLowerCase()));
  let inScope: Promise<Set<string>> | undefined;
  let scopeUnchanged = true;
  return {
    tx,
    agent: input.agent,
    deviceId: input.deviceId,
    now,
    mode,
    nextChangeSeq: () => seqs.next(),
    issueReceipt: () => receipts.next(),
    personInScope(personId) {
      const key = personId.toLowerCase();
      if (!scopeUnchanged || !named.has(key)) return personInScope(tx, personId, input.agent);
      inScope ??= personsInScope(tx, [...named], input.agent);
      return inScope.then((ids) => ids.has(key));
    },
    scopeMayHaveChanged() {
      scopeUnchanged = false;
    },
    exists: (entity, id) => input.existing.get(entity)?.has(id) ?? false,
    accepted(entity, id) {
      const ids = input.existing.get(entity) ?? new Set<string>();
      ids.add(id);
      input.existing.set(entity, ids);
    },
    once<T>(key: string, load: () => Promise<T>) {
      const value = loaded.get(key) ?? load();
      loaded.set(key, value);
      return value as Promise<T>;
    },
    async write(writer, row) {
      if (mode === 'careful') return writer.flush(tx, [row]);
      const rows = queued.get(writer as BatchWriter<never>) ?? [];
      rows.push(row);
      queued.set(writer as BatchWriter<never>, rows);
    },
    checkpoint() {
      const lengths = new Map([...queued].map(([writer, rows]) => [writer, rows.length]));
      return () => {
        for (const [writer, rows] of queued) rows.length = lengths.get(writer) ?? 0;
      };
    },
    flush(after) {
      const writes = [...queued];
      queued.clear();
      written = written.then(async () => {
        for (const [writer, rows] of writes) await writer.flush(tx, rows as never[]);
        await after(tx);
      });
      // Handled here so a failure waits for settle() instead of crashing the process.
      written.catch(() => undefined);
    },
    settle: () => written,
  };
}
