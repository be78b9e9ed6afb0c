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
 */
export function observe<T>(query: () => Promise<T>): Subscribable<T> {
  return liveQuery(query);
}
