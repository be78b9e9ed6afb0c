import type { Role } from '../../../shared/schemas/agent';
import { BLOIS, BRACIEUX, MER } from './demo-sites';

/** Published in the README and printed at start: production refuses to run with demo agents. */
export const DEMO_PASSWORD = 'demo-dernier-km';

export interface DemoAgent {
  login: string;
  displayName: string;
  role: Role;
  siteIds: string[];
}

/** One agent per role; the field agents share the MDS of Blois, two also work at another. */
export const DEMO_AGENTS: readonly DemoAgent[] = [
  {
    login: 'demo.pmi',
    displayName: 'Claire Moreau',
    role: 'puericultrice',
    siteIds: [BLOIS, BRACIEUX],
  },
  {
    login: 'demo.autonomie',
    displayName: 'Nadia Benali',
    role: 'conseillere_autonomie',
    siteIds: [BLOIS],
  },
  {
    login: 'demo.numerique',
    displayName: 'Julien Petit',
    role: 'conseiller_numerique',
    siteIds: [BLOIS, MER],
  },
  {
    login: 'demo.social',
    displayName: 'Sophie Lefèvre',
    role: 'travailleur_social',
    siteIds: [BLOIS],
  },
  { login: 'demo.cadre', displayName: 'Marc Dubois', role: 'cadre', siteIds: [BLOIS] },
  { login: 'demo.admin', displayName: 'Hélène Garnier', role: 'administrateur', siteIds: [BLOIS] },
];
