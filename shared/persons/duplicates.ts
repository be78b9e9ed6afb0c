import { z } from 'zod';
import { isoDateSchema, siteIdSchema, uuidSchema } from '../schemas/common';

/**
 * Duplicate search across the département (`GET /api/v1/persons/duplicates`), online, before a
 * new file is created: the tablet holds only its scope, so a file of another MDS is found here.
 * The answer says only what is needed to recognise the person and ask for the file.
 */
/** A name as people write it: letters, accents, spaces, hyphens, apostrophes and dots. */
const nameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(
    /^[\p{L}\p{M}' ’.-]+$/u,
    'Un nom ne contient que des lettres, espaces, tirets et apostrophes.',
  );

export const duplicateQuerySchema = z.object({
  lastName: nameSchema,
  firstName: nameSchema,
  birthDate: isoDateSchema.optional(),
});
export type DuplicateQuery = z.infer<typeof duplicateQuerySchema>;

export const duplicateMatchSchema = z.object({
  id: uuidSchema,
  siteId: siteIdSchema,
  lastName: z.string(),
  firstName: z.string(),
  /** Null when the query gave no birth date (a name alone does not reveal it) or none is known. */
  birthDate: isoDateSchema.nullable(),
});
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;

export const duplicatesResponseSchema = z.object({ matches: z.array(duplicateMatchSchema) });
export type DuplicatesResponse = z.infer<typeof duplicatesResponseSchema>;
