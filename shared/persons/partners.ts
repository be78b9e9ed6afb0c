/**
 * Partners a person can be oriented to outside the département's own professionals. The
 * services of the guide are offered too ("Orienter vers un service"), named by the service.
 */
export const PARTNERS = ['CAF', 'CPAM', 'MSA', 'France Travail', 'France Services'] as const;
