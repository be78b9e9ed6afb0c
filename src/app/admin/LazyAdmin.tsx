import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Session } from '../../db/session';
import type { AdminScreenProps } from './AdminScreens';

type Loaded = ComponentType<AdminScreenProps>;
let loaded: Promise<Loaded> | undefined;

/**
 * The administration and audit screens load on first use: field agents never open them, so
 * they stay out of the first load (and the service worker precaches the chunk all the same).
 */
export function LazyAdmin(props: { route: AdminScreenProps['route']; session: Session }) {
  const [Screens, setScreens] = useState<Loaded | null>(null);
  useEffect(() => {
    loaded ??= import('./AdminScreens').then((m) => m.AdminScreens);
    let live = true;
    void loaded.then((component) => live && setScreens(() => component));
    return () => {
      live = false;
    };
  }, []);
  if (Screens === null) return <p class="loading">Chargement de l’administration…</p>;
  return <Screens {...props} />;
}
