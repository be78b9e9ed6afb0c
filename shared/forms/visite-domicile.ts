import { z } from 'zod';
import { communeByCode } from '../communes';

/**
 * The generic home visit form ("visite à domicile"), version 1: who was visited, where, when,
 * why, and free notes. Any profession may use it. Profession-specific forms come from
 * published form definitions (issue "Forms engine").
 */
export const visiteDomicileAnswersSchema = z.object({
  personName: z
    .string({ error: 'Indiquez le nom de la personne.' })
    .trim()
    .min(1, 'Indiquez le nom de la personne.')
    .max(200, '200 caractères au plus.'),
  communeInsee: z
    .string({ error: 'Choisissez une commune de Loir-et-Cher.' })
    .refine((code) => communeByCode(code) !== undefined, 'Choisissez une commune de Loir-et-Cher.'),
  date: z.iso
    .date({ error: 'Indiquez la date de la visite (jj/mm/aaaa).' })
    .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'Date invalide.'),
  reason: z
    .string({ error: 'Indiquez le motif de la visite.' })
    .trim()
    .min(1, 'Indiquez le motif de la visite.')
    .max(500, '500 caractères au plus.'),
  notes: z.string({ error: 'Texte attendu.' }).max(20_000, '20 000 caractères au plus.'),
});
export type VisiteDomicileAnswers = z.infer<typeof visiteDomicileAnswersSchema>;
