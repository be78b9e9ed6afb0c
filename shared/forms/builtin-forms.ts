import type { FormDefinition } from './definition-schema';
import { AGGIR_EVALUATION } from './definitions/aggir-evaluation';
import { CRA_MEDIATION_NUMERIQUE } from './definitions/cra-mediation-numerique';
import { PMI_VISITE } from './definitions/pmi-visite';
import { VISITE_SOCIALE } from './definitions/visite-sociale';

/**
 * The forms the server publishes at start when absent (idempotent): the professions' forms
 * of issue 5. Later versions come from administrators through the API, never by editing these.
 */
export const BUILTIN_FORMS: readonly FormDefinition[] = [
  PMI_VISITE,
  AGGIR_EVALUATION,
  CRA_MEDIATION_NUMERIQUE,
  VISITE_SOCIALE,
];
