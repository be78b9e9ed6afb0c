import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../db/session';

type Loaded = ComponentType<{ session: Session }>;
let loaded: Promise<Loaded> | undefined;

/** "Mon avis" is loaded on first use, so the app's first load does not grow; precached offline. */
export function LazyAvis(props: { session: Session }) {
  const [Screen, setScreen] = useState<Loaded | null>(null);
  useEffect(() => {
    loaded ??= import('./AvisScreen').then((m) => m.AvisScreen);
    let live = true;
    void loaded.then((component) => live && setScreen(() => component));
    return () => {
      live = false;
    };
  }, []);
  if (Screen === null) return <p class="loading">Chargement…</p>;
  return <Screen {...props} />;
}
