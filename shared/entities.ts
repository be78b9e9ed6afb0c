/** Names of the synced entities, as they appear in mutations and pulled changes. */
export const ENTITY = {
  visit: 'visit',
  site: 'site',
  structure: 'structure',
  service: 'service',
  orientation: 'orientation',
  formDefinition: 'formDefinition',
  avis: 'avis',
} as const;
export type EntityName = (typeof ENTITY)[keyof typeof ENTITY];
