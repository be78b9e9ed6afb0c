import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../db/session';

type Props = { draftId: string; session: Session };
let loaded: Promise<ComponentType<Props>> | undefined;

/**
 * The forms engine (definitions evaluated at run time, AGGIR, EPDS, the renderer) is loaded on
 * first use rather than with the app, keeping the first load small. The service worker
 * precaches the chunk, so a form opens offline all the same.
 */
export function LazyFormScreen(props: Props) {
  const [Screen, setScreen] = useState<ComponentType<Props> | null>(null);
  useEffect(() => {
    loaded ??= import('./FormScreen').then((m) => m.FormScreen);
    let live = true;
    void loaded.then((component) => live && setScreen(() => component));
    return () => {
      live = false;
    };
  }, []);
  if (Screen === null) return <p class="loading">Ouverture du formulaire…</p>;
  return <Screen {...props} />;
}
