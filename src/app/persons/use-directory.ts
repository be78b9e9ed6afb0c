import type { Site } from '../../../shared/schemas/site';
import { observe } from '../../db/observe';
import type { LocalAgentProfile } from '../../db/person-rows';
import { readDirectory } from '../../db/persons';
import { useServices } from '../services';
import { useObservable } from '../use-observable';

export interface DirectoryView {
  profiles: Map<string, LocalAgentProfile>;
  sites: Map<string, Site>;
  /** A name for any agent id, even one not pulled yet. */
  nameOf: (agentId: string) => string;
  siteNameOf: (siteId: string) => string;
}

/** The directory of professionals and the MDS, read offline from the tablet. */
export function useDirectory(): DirectoryView {
  const { db } = useServices();
  const directory = useObservable(() => observe(() => readDirectory(db)), [db]);
  const profiles = directory?.profiles ?? new Map<string, LocalAgentProfile>();
  const sites = directory?.sites ?? new Map<string, Site>();
  return {
    profiles,
    sites,
    nameOf: (id) => profiles.get(id)?.displayName ?? 'Professionnel·le',
    siteNameOf: (id) => sites.get(id)?.name ?? id,
  };
}
