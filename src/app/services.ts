import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppDB } from '../db/AppDB';
import type { ApiClient } from '../sync/api-client';
import type { SyncEngine } from '../sync/sync-engine';

/** What the UI is given at start-up (src/main.tsx): storage, network and sync, never globals. */
export interface Services {
  db: AppDB;
  api: ApiClient;
  sync: SyncEngine;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('ServicesContext manquant');
  return services;
}
