import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../db/session';
import type { PersonsRoute } from './persons-routes';

type Loaded = ComponentType<{ route: PersonsRoute; session: Session }>;
let loaded: Promise<Loaded> | undefined;

/**
 * The person screens (files, caseload, referrals, tasks, follow-up sheet, cadre view) load on
 * first use, not with the app, so the first load stays within its budget. The service worker
 * precaches the chunk: they open offline all the same.
 */
export function LazyPersons(props: { route: PersonsRoute; session: Session }) {
  const [Screens, setScreens] = useState<Loaded | null>(null);
  useEffect(() => {
    loaded ??= import('./PersonScreens').then((m) => m.PersonScreens);
    let live = true;
    void loaded.then((component) => live && setScreens(() => component));
    return () => {
      live = false;
    };
  }, []);
  if (Screens === null) return <p class="loading">Chargement…</p>;
  return <Screens {...props} />;
}
