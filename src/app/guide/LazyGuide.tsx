import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../db/session';
import type { GuideScreenProps } from './GuideScreens';

type Loaded = ComponentType<GuideScreenProps>;
let loaded: Promise<Loaded> | undefined;

/**
 * The guide screens are loaded on first use, not with the app: the search library and the
 * opening-hours parser weigh more than the rest of the app. The service worker precaches the
 * chunk, so it opens offline all the same.
 */
export function LazyGuide(props: { route: GuideScreenProps['route']; session: Session }) {
  const [Screens, setScreens] = useState<Loaded | null>(null);
  useEffect(() => {
    loaded ??= import('./GuideScreens').then((m) => m.GuideScreens);
    let live = true;
    void loaded.then((component) => live && setScreens(() => component));
    return () => {
      live = false;
    };
  }, []);
  if (Screens === null) return <p class="loading">Chargement du guide…</p>;
  return <Screens {...props} />;
}
