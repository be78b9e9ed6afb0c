import { z } from 'zod';
import { roleSchema, type Role } from '../schemas/agent';
import { type Condition, conditionSchema } from './condition';

/**
 * The shape of a form definition: versioned JSON (`formId`, `version`, title, sections of
 * fields) published by an administrator and pulled by every device. This file checks the
 * structure only; the rules between fields (unique ids, known references, bounds) are in
 * validate-definition.ts, which lists every problem at once.
 */

export const FIELD_ID_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
const fieldId = z
  .string()
  .regex(
    FIELD_ID_PATTERN,
    'Identifiant de champ : lettres, chiffres et _ (64 au plus), commençant par une lettre.',
  );
const text = z.string().trim().min(1).max(2000);

export interface ChoiceOption {
  value: string;
  label: string;
}
const optionSchema = z.strictObject({ value: z.string().min(1).max(100), label: text });

interface Base {
  id: string;
  label: string;
  help?: string;
  required?: boolean;
  visibleIf?: Condition;
}
const base = {
  id: fieldId,
  label: text,
  help: z.string().max(2000).optional(),
  required: z.boolean().optional(),
  visibleIf: conditionSchema.optional(),
};

export type TextField = Base & { type: 'text' | 'longText'; maxLength?: number };
export type NumberField = Base & {
  type: 'number';
  unit?: string;
  min?: number;
  max?: number;
  step?: number;
};
export type DateField = Base & { type: 'date'; min?: string; max?: string };
export type TimeField = Base & { type: 'time' };
export type SingleChoiceField = Base & { type: 'singleChoice'; options: ChoiceOption[] };
export type MultipleChoiceField = Base & {
  type: 'multipleChoice';
  options: ChoiceOption[];
  minSelected?: number;
  maxSelected?: number;
};
/** `mustBeYes`: an acknowledgement the agent has to give (EPDS item 10 alert). */
export type YesNoField = Base & { type: 'yesNo'; mustBeYes?: boolean };
export type ScaleField = Base & {
  type: 'scale';
  min: number;
  max: number;
  minLabel?: string;
  maxLabel?: string;
};
export type NoteField = Omit<Base, 'required'> & {
  type: 'note';
  tone?: 'info' | 'warning' | 'alert';
};
/** Value given by a named function of the code (computed-functions.ts), from other fields. */
export type ComputedField = Omit<Base, 'required'> & {
  type: 'computed';
  function: string;
  args: Record<string, string | string[]>;
  params?: Record<string, string | number | boolean>;
};
/** Fields grouped under a heading; their answers sit beside the others, not nested. */
export type SectionField = Omit<Base, 'required'> & { type: 'section'; fields: FieldDefinition[] };
/** A list of items, each answering `fields` (household members, children…). */
export type RepeatField = Base & {
  type: 'repeat';
  fields: FieldDefinition[];
  itemLabel?: string;
  minItems?: number;
  maxItems?: number;
};

export type FieldDefinition =
  | TextField
  | NumberField
  | DateField
  | TimeField
  | SingleChoiceField
  | MultipleChoiceField
  | YesNoField
  | ScaleField
  | NoteField
  | ComputedField
  | SectionField
  | RepeatField;
export type FieldType = FieldDefinition['type'];

const isoDate = z.iso.date();
const count = z.number().int().nonnegative();

export const fieldDefinitionSchema: z.ZodType<FieldDefinition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      ...base,
      type: z.enum(['text', 'longText']),
      maxLength: z.number().int().positive().optional(),
    }),
    z.strictObject({
      ...base,
      type: z.literal('number'),
      unit: z.string().max(20).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      step: z.number().positive().optional(),
    }),
    z.strictObject({
      ...base,
      type: z.literal('date'),
      min: isoDate.optional(),
      max: isoDate.optional(),
    }),
    z.strictObject({ ...base, type: z.literal('time') }),
    z.strictObject({ ...base, type: z.literal('singleChoice'), options: z.array(optionSchema) }),
    z.strictObject({
      ...base,
      type: z.literal('multipleChoice'),
      options: z.array(optionSchema),
      minSelected: count.optional(),
      maxSelected: count.optional(),
    }),
    z.strictObject({ ...base, type: z.literal('yesNo'), mustBeYes: z.boolean().optional() }),
    z.strictObject({
      ...base,
      type: z.literal('scale'),
      min: z.number().int(),
      max: z.number().int(),
      minLabel: z.string().max(200).optional(),
      maxLabel: z.string().max(200).optional(),
    }),
    z.strictObject({
      ...noRequired(),
      type: z.literal('note'),
      tone: z.enum(['info', 'warning', 'alert']).optional(),
    }),
    z.strictObject({
      ...noRequired(),
      type: z.literal('computed'),
      function: z.string().min(1),
      args: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    }),
    z.strictObject({
      ...noRequired(),
      type: z.literal('section'),
      fields: z.array(fieldDefinitionSchema),
    }),
    z.strictObject({
      ...base,
      type: z.literal('repeat'),
      fields: z.array(fieldDefinitionSchema).min(1),
      itemLabel: z.string().max(200).optional(),
      minItems: count.optional(),
      maxItems: count.optional(),
    }),
  ]),
);

/** The common properties without `required`, for fields that take no answer of their own. */
function noRequired() {
  return { id: base.id, label: base.label, help: base.help, visibleIf: base.visibleIf };
}

export interface SectionDefinition {
  id: string;
  title: string;
  description?: string;
  visibleIf?: Condition;
  fields: FieldDefinition[];
}
export const sectionDefinitionSchema: z.ZodType<SectionDefinition> = z.strictObject({
  id: fieldId,
  title: text,
  description: z.string().max(2000).optional(),
  visibleIf: conditionSchema.optional(),
  fields: z.array(fieldDefinitionSchema).min(1),
});

/** A form may ask for the person's consent before the visit can be saved. */
export interface ConsentRequirement {
  required: boolean;
  purpose: string;
}

export interface FormDefinition {
  formId: string;
  version: number;
  title: string;
  description?: string;
  /** Roles whose agents see this form in the picker. */
  roles: Role[];
  consent?: ConsentRequirement;
  sections: SectionDefinition[];
}

export const formDefinitionSchema: z.ZodType<FormDefinition> = z.strictObject({
  formId: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{1,63}$/,
      'Identifiant de formulaire : minuscules, chiffres et tirets.',
    ),
  version: z.number().int().positive(),
  title: text,
  description: z.string().max(2000).optional(),
  roles: z.array(roleSchema).min(1),
  consent: z.strictObject({ required: z.boolean(), purpose: text }).optional(),
  sections: z.array(sectionDefinitionSchema).min(1),
});
