import { useEffect, useState } from 'preact/hooks';
import type { Subscribable } from '../db/observe';

/**
 * The one hook through which components read persisted data: it subscribes to a live query
 * (src/db/observe.ts) and re-renders when the data changes, in this tab or another.
 * `deps` re-creates the subscription, as for `useEffect`.
 */
export function useObservable<T>(
  make: () => Subscribable<T>,
  deps: readonly unknown[],
): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = make().subscribe({
      next: setValue,
      error: (error) => console.error('Lecture locale impossible', error),
    });
    return () => subscription.unsubscribe();
    // The caller lists the inputs in `deps`, as for useEffect.
  }, deps);
  return value;
}
