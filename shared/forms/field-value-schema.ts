import { z } from 'zod';
import type { FieldDefinition } from './definition-schema';

/**
 * The zod schema of one answered field, with French reasons. Unanswered fields never reach
 * here (evaluate-form.ts decides whether they were required).
 */
export const REQUIRED_MESSAGE = 'Ce champ est obligatoire.';
const SHORT_TEXT_MAX = 500; // characters
const LONG_TEXT_MAX = 20_000; // characters
const STEP_TOLERANCE = 1e-9; // floating point slack when checking a step
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

const frenchDate = (iso: string) => iso.split('-').reverse().join('/');
const withUnit = (n: number, unit?: string) =>
  `${String(n).replace('.', ',')}${unit ? ` ${unit}` : ''}`;

export function fieldValueSchema(field: FieldDefinition): z.ZodType | undefined {
  switch (field.type) {
    case 'text':
    case 'longText': {
      const max = field.maxLength ?? (field.type === 'text' ? SHORT_TEXT_MAX : LONG_TEXT_MAX);
      return z.string({ error: 'Texte attendu.' }).trim().max(max, `${max} caractères au plus.`);
    }
    case 'number': {
      let schema = z
        .number({ error: 'Nombre attendu.' })
        .refine(Number.isFinite, 'Nombre attendu.');
      const { min, max, step, unit } = field;
      if (min !== undefined)
        schema = schema.refine(
          (n) => n >= min,
          `La valeur doit être au moins ${withUnit(min, unit)}.`,
        );
      if (max !== undefined)
        schema = schema.refine(
          (n) => n <= max,
          `La valeur doit être au plus ${withUnit(max, unit)}.`,
        );
      if (step !== undefined) {
        const origin = min ?? 0;
        schema = schema.refine(
          (n) => {
            const steps = (n - origin) / step;
            return Math.abs(steps - Math.round(steps)) < STEP_TOLERANCE;
          },
          `Valeur par pas de ${withUnit(step, unit)}.`,
        );
      }
      return schema;
    }
    case 'date': {
      let schema = z.iso.date({ error: 'Date attendue (jj/mm/aaaa).' });
      const { min, max } = field;
      if (min !== undefined)
        schema = schema.refine(
          (d) => d >= min,
          `La date doit être le ${frenchDate(min)} ou après.`,
        );
      if (max !== undefined)
        schema = schema.refine(
          (d) => d <= max,
          `La date doit être le ${frenchDate(max)} ou avant.`,
        );
      return schema;
    }
    case 'time':
      return z
        .string({ error: 'Heure attendue (hh:mm).' })
        .regex(TIME_PATTERN, 'Heure attendue (hh:mm).');
    case 'singleChoice': {
      const values = new Set(field.options.map((o) => o.value));
      return z
        .string({ error: 'Choisissez une des propositions.' })
        .refine((v) => values.has(v), 'Choisissez une des propositions.');
    }
    case 'multipleChoice': {
      const values = new Set(field.options.map((o) => o.value));
      let schema = z
        .array(z.string(), { error: 'Liste de choix attendue.' })
        .refine((list) => list.every((v) => values.has(v)), 'Choisissez parmi les propositions.')
        .refine((list) => new Set(list).size === list.length, 'Un choix est coché deux fois.');
      const { minSelected, maxSelected } = field;
      if (minSelected !== undefined)
        schema = schema.refine(
          (l) => l.length >= minSelected,
          `Cochez au moins ${minSelected} choix.`,
        );
      if (maxSelected !== undefined)
        schema = schema.refine(
          (l) => l.length <= maxSelected,
          `Cochez au plus ${maxSelected} choix.`,
        );
      return schema;
    }
    case 'yesNo': {
      const schema = z.boolean({ error: 'Répondez oui ou non.' });
      return field.mustBeYes
        ? schema.refine((v) => v, 'Cette confirmation est obligatoire.')
        : schema;
    }
    case 'scale': {
      const message = `Choisissez une valeur de ${field.min} à ${field.max}.`;
      return z
        .number({ error: message })
        .int(message)
        .min(field.min, message)
        .max(field.max, message);
    }
    case 'note':
    case 'section':
    case 'computed':
    case 'repeat':
      return undefined;
  }
}

/** The consent block: given, refused, or not asked — and then why. */
export const consentStatuses = ['donne', 'refuse', 'non_demande'] as const;
export const consentAnswerSchema = z
  .object(
    {
      statut: z.enum(consentStatuses, {
        error: 'Indiquez si le consentement a été donné, refusé ou non demandé.',
      }),
      motif: z.string().trim().max(500, '500 caractères au plus.').optional(),
    },
    { error: 'Indiquez si le consentement a été donné, refusé ou non demandé.' },
  )
  .refine((c) => c.statut !== 'non_demande' || (c.motif ?? '') !== '', {
    message: 'Indiquez pourquoi le consentement n’a pas été demandé.',
    path: ['motif'],
  });
export type ConsentAnswer = z.infer<typeof consentAnswerSchema>;
