/** Names of the synced entities, as they appear in mutations and pulled changes. */
export const ENTITY = {
  visit: 'visit',
  site: 'site',
  structure: 'structure',
  service: 'service',
  orientation: 'orientation',
  formDefinition: 'formDefinition',
  // The person at the centre (issue 8): shared/persons/.
  person: 'person',
  referral: 'referral',
  referralStatus: 'referralStatus',
  task: 'task',
  follow: 'follow',
  pin: 'pin',
  agentProfile: 'agentProfile',
  // Anonymous "Mon avis" answers (issue 9): shared/avis/.
  avis: 'avis',
} as const;
export type EntityName = (typeof ENTITY)[keyof typeof ENTITY];
