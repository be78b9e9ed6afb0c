import { z } from 'zod';
import { isoDateSchema, siteIdSchema, uuidSchema } from '../schemas/common';

/**
 * Duplicate search across the département (`GET /api/v1/persons/duplicates`), online, before a
 * new file is created: the tablet holds only its scope, so a file of another MDS is found here.
 * The answer says only what is needed to recognise the person and ask for the file.
 */
export const duplicateQuerySchema = z.object({
  lastName: z.string().trim().min(1).max(100),
  firstName: z.string().trim().min(1).max(100),
  birthDate: isoDateSchema.optional(),
});
export type DuplicateQuery = z.infer<typeof duplicateQuerySchema>;

export const duplicateMatchSchema = z.object({
  id: uuidSchema,
  siteId: siteIdSchema,
  lastName: z.string(),
  firstName: z.string(),
  birthDate: isoDateSchema.nullable(),
});
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;

export const duplicatesResponseSchema = z.object({ matches: z.array(duplicateMatchSchema) });
export type DuplicatesResponse = z.infer<typeof duplicatesResponseSchema>;
