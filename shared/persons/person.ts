import { z } from 'zod';
import { instantSchema, receiptSchema, siteIdSchema, uuidSchema } from '../schemas/common';
import { householdEditsSchema, householdStateSchema } from './household';
import {
  fieldEditSchema,
  fieldStateSchema,
  personFieldNames,
  type PersonFieldName,
} from './person-fields';

/**
 * A person file (usager). The device sends `PersonEdit` in a `put` mutation: the fields it
 * changed, each with its HLC, and under `household` the fields it changed of each member. The first put of an id creates the file (last and first name
 * required); later ones are merged field by field into what the server holds. Pulls send the
 * merged `PersonRecord`, with the professionals following the person.
 */
const editsShape = Object.fromEntries(
  personFieldNames.map((name) => [name, fieldEditSchema.optional()]),
) as Record<PersonFieldName, z.ZodOptional<typeof fieldEditSchema>>;

export const personEditSchema = z.object({
  id: uuidSchema,
  /** The MDS the file belongs to; only read when the file is created. */
  siteId: siteIdSchema,
  edits: z.strictObject({ ...editsShape, household: householdEditsSchema.optional() }),
  /** Device clock when the agent saved: shown, never used to merge. */
  at: instantSchema,
});
export type PersonEdit = z.infer<typeof personEditSchema>;

const fieldsShape = Object.fromEntries(
  personFieldNames.map((name) => [name, fieldStateSchema.optional()]),
) as Record<PersonFieldName, z.ZodOptional<typeof fieldStateSchema>>;

export const personFieldStatesSchema = z.object({
  ...fieldsShape,
  household: householdStateSchema.optional(),
});
export type PersonFieldStates = z.infer<typeof personFieldStatesSchema>;

export const followerSchema = z.object({ agentId: uuidSchema, since: instantSchema });
export type Follower = z.infer<typeof followerSchema>;

export const personRecordSchema = z.object({
  id: uuidSchema,
  siteId: siteIdSchema,
  fields: personFieldStatesSchema,
  followers: z.array(followerSchema),
  /** Agents keeping the file on their tablet for a tour. */
  pinnedBy: z.array(uuidSchema),
  createdBy: uuidSchema,
  createdAt: instantSchema,
  version: z.number().int().positive(),
  updatedAt: instantSchema,
  receipt: receiptSchema,
});
export type PersonRecord = z.infer<typeof personRecordSchema>;

/** The value of one field of a merged record, or undefined when never set. */
export function fieldValue(fields: PersonFieldStates, name: PersonFieldName): unknown {
  return fields[name]?.value;
}
