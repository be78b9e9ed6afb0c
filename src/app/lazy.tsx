import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Code loaded on first use rather than with the app, so the first load stays within its budget
 * (DESIGN §9). The service worker precaches every chunk: a lazy screen opens offline all the
 * same. A failed load (a chunk gone after an update, storage evicted) is said, and the next
 * use tries again.
 */
export type Loading<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed' };

/** A hook giving the module `load` resolves to, loaded once for the whole app. */
export function lazyModule<T>(load: () => Promise<T>): () => Loading<T> {
  let loaded: Promise<T> | undefined;
  return function useLazyModule() {
    const [result, setResult] = useState<Loading<T>>({ state: 'loading' });
    useEffect(() => {
      loaded ??= load();
      const attempt = loaded;
      let live = true;
      attempt.then(
        (value) => live && setResult({ state: 'ready', value }),
        (error: unknown) => {
          console.error('Chargement impossible', error);
          if (loaded === attempt) loaded = undefined;
          if (live) setResult({ state: 'failed' });
        },
      );
      return () => {
        live = false;
      };
    }, []);
    return result;
  };
}

/** A screen whose code is loaded on first use; `waiting` is shown meanwhile. */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  waiting = 'Chargement…',
): ComponentType<P> {
  const useScreen = lazyModule(load);
  return function LazyScreen(props: P) {
    const screen = useScreen();
    if (screen.state === 'failed') {
      return (
        <p class="alert alert-error" role="alert">
          Cet écran n’a pas pu être chargé. Rechargez la page ; s’il manque encore, reconnectez la
          tablette au réseau pour récupérer la dernière version de l’application.
        </p>
      );
    }
    if (screen.state === 'loading') return <p class="loading">{waiting}</p>;
    const Screen = screen.value;
    return <Screen {...props} />;
  };
}
