import { liveQuery } from 'dexie';

/** A value that changes over time; what the UI subscribes to (src/app/use-observable.ts). */
export interface Subscribable<T> {
  subscribe(observer: { next: (value: T) => void; error?: (error: unknown) => void }): {
    unsubscribe(): void;
  };
}

/**
 * Re-runs `query` whenever a table it read changes, in this tab or another one (Dexie's live
 * queries are cross-tab), so the UI never polls and all tabs agree.
 *
 * The query is wrapped in an `async` function on purpose: Dexie keeps track of the tables read
 * across native `await`s only when the function it is given is itself async. Given
 * `() => readPersonFile(db, id)`, it lost track after the first awaits, and a task planned from
 * the file did not show in its history until something else changed.
 */
export function observe<T>(query: () => Promise<T>): Subscribable<T> {
  return liveQuery(async () => query());
}
