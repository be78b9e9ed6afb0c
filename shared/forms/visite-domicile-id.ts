/**
 * The generic home visit form's id and version, apart from its answer schema so that screens
 * naming it (the visit list, the drafts) do not load the communes list the schema checks with.
 */
export const VISITE_DOMICILE = { formId: 'visite-domicile', version: 1 } as const;
