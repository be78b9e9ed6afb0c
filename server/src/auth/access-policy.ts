import type { Agent, Role } from '../../../shared/schemas/agent';

/**
 * Who may see and write the records about people (visits, orientations, persons, referrals,
 * tasks): the field roles and the cadre, for the sites they are attached to. Administrators
 * manage accounts, devices, sites, forms and the guide, and hold no person record: least
 * privilege, so an administrator account taken over reads nobody's file.
 */
export const PERSON_DATA_ROLES: readonly Role[] = [
  'puericultrice',
  'conseillere_autonomie',
  'conseiller_numerique',
  'travailleur_social',
  'cadre',
];

/** The sites whose person records `agent` may read and write; none for an administrator. */
export function personDataSites(agent: Agent): string[] {
  return PERSON_DATA_ROLES.includes(agent.role) ? agent.siteIds : [];
}

/** Whether `agent` may read or write a record of `siteId` about a person. */
export function mayAccessSite(agent: Agent, siteId: string): boolean {
  return personDataSites(agent).includes(siteId);
}

/** RGPD requests of a person (export, rectification) are handled by the cadre of their site. */
export function mayHandleRgpdRequest(agent: Agent, siteId: string): boolean {
  return agent.role === 'cadre' && mayAccessSite(agent, siteId);
}
