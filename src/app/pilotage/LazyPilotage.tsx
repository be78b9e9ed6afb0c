import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../db/session';
import type { PilotageRoute } from './pilotage-routes';

type Loaded = ComponentType<{ route: PilotageRoute; session: Session }>;
let loaded: Promise<Loaded> | undefined;

/**
 * The Pilotage screens and their charting library are loaded only when a cadre or an
 * administrator opens them: field agents never download them, and the app's first load does
 * not grow.
 */
export function LazyPilotage(props: { route: PilotageRoute; session: Session }) {
  const [Screens, setScreens] = useState<Loaded | null>(null);
  useEffect(() => {
    loaded ??= import('./PilotageScreens').then((m) => m.PilotageScreens);
    let live = true;
    void loaded.then((component) => live && setScreens(() => component));
    return () => {
      live = false;
    };
  }, []);
  if (Screens === null) return <p class="loading">Chargement du pilotage…</p>;
  return <Screens {...props} />;
}
