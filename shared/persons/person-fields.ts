import { z } from 'zod';
import { inseeCodeSchema, isoDateSchema, uuidSchema } from '../schemas/common';
import { hlcSchema } from './hlc';

/** How consent was collected: said aloud, or a signed paper. */
export const consentWays = ['oral', 'écrit'] as const;
export type ConsentWay = (typeof consentWays)[number];
export const consentWayLabels: Record<ConsentWay, string> = {
  oral: 'À l’oral',
  écrit: 'Par écrit (document signé)',
};

/** Consent to the processing of their data (RGPD), as the person gave or refused it. */
export const consentSchema = z.object({
  given: z.boolean(),
  on: isoDateSchema,
  how: z.enum(consentWays).optional(),
});
export type Consent = z.infer<typeof consentSchema>;

/**
 * The fields of a person file. Each one is merged on its own (shared/persons/merge-person.ts):
 * two agents editing different fields offline both keep their edit. The household is merged
 * member by member beside them (shared/persons/household.ts).
 */
export const personFieldSchemas = {
  lastName: z.string().trim().min(1, 'Indiquez le nom.').max(100),
  firstName: z.string().trim().min(1, 'Indiquez le prénom.').max(100),
  birthDate: isoDateSchema.nullable(),
  address: z.string().trim().max(300).nullable(),
  communeInsee: inseeCodeSchema.nullable(),
  phone: z.string().trim().max(40).nullable(),
  email: z.string().trim().max(200).nullable(),
  consent: consentSchema.nullable(),
} as const;

export type PersonFieldName = keyof typeof personFieldSchemas;
export const personFieldNames = Object.keys(personFieldSchemas) as PersonFieldName[];
export type PersonValues = { [K in PersonFieldName]: z.infer<(typeof personFieldSchemas)[K]> };

/** Fields a new file must have. */
export const REQUIRED_PERSON_FIELDS: readonly PersonFieldName[] = ['lastName', 'firstName'];

export const personFieldLabels: Record<PersonFieldName, string> = {
  lastName: 'Nom',
  firstName: 'Prénom',
  birthDate: 'Date de naissance',
  address: 'Adresse',
  communeInsee: 'Commune',
  phone: 'Téléphone',
  email: 'Courriel',
  consent: 'Consentement',
};

/** A value some agent wrote, with when (HLC) and who. */
export const fieldWriteSchema = z.object({
  value: z.unknown(),
  hlc: hlcSchema,
  by: uuidSchema,
});
export type FieldWrite = z.infer<typeof fieldWriteSchema>;

/**
 * A field as merged: the value that wins (the latest HLC), and the concurrent values it beat,
 * kept until an agent chooses. Nothing typed is silently lost.
 */
export const fieldStateSchema = fieldWriteSchema.extend({
  conflicts: z.array(fieldWriteSchema).optional(),
});
export type FieldState = z.infer<typeof fieldStateSchema>;

/**
 * One edit of one field as a device sends it: the new value, its HLC, and `base`, the HLC of
 * the value the agent saw when editing (null when the field was empty on the device). The
 * server treats an edit whose `base` is not the field's current HLC as concurrent.
 */
export const fieldEditSchema = z.object({
  value: z.unknown(),
  hlc: hlcSchema,
  base: hlcSchema.nullable(),
  /** Concurrent values (their HLCs) the agent saw and chose against: they leave the conflict. */
  resolves: z.array(hlcSchema).max(20).optional(),
});
export type FieldEdit = z.infer<typeof fieldEditSchema>;

/** Checks one field's value against its schema. */
export function parseFieldValue(
  name: PersonFieldName,
  value: unknown,
): { success: true; data: unknown } | { success: false; error: z.ZodError } {
  return personFieldSchemas[name].safeParse(value);
}
