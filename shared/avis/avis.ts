import { z } from 'zod';
import { siteIdSchema } from '../schemas/common';

/**
 * "Mon avis": the anonymous easy-to-read (FALC) questionnaire a person may answer on the tablet
 * at the end of a visit. The record carries nothing that points to the person: no person, no
 * visit, no agent, the month only (not the day), and a random UUID v4 id, since a UUID v7
 * would carry the minute it was answered and pair the answer with the visit.
 */
export const AVIS_ANSWERS = ['oui', 'moyen', 'non'] as const;
export const avisAnswerSchema = z.enum(AVIS_ANSWERS);
export type AvisAnswer = z.infer<typeof avisAnswerSchema>;

export const AVIS_ANSWER_LABELS: Record<AvisAnswer, string> = {
  oui: 'Oui',
  moyen: 'Un peu',
  non: 'Non',
};

/** The questions, in the order asked, in short everyday words (FALC). */
export const AVIS_QUESTIONS = [
  { id: 'accueil', text: 'Vous avez été bien accueilli ?' },
  { id: 'compris', text: 'Vous avez compris ce que le professionnel vous a dit ?' },
  { id: 'aide', text: 'Ce rendez-vous vous a aidé ?' },
  { id: 'suite', text: 'Vous savez ce qui va se passer ensuite ?' },
] as const;
export type AvisQuestionId = (typeof AVIS_QUESTIONS)[number]['id'];

/** A v4 UUID: random bits only, no time inside. */
export const randomUuidSchema = z.uuid({ version: 'v4' });
/** The month of the answer, `YYYY-MM`. */
export const avisMonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois attendu (AAAA-MM).');

/** A question may be left unanswered: the person skips what they do not want to say. */
export const avisDataSchema = z.strictObject({
  id: randomUuidSchema,
  siteId: siteIdSchema,
  month: avisMonthSchema,
  answers: z.strictObject({
    accueil: avisAnswerSchema.optional(),
    compris: avisAnswerSchema.optional(),
    aide: avisAnswerSchema.optional(),
    suite: avisAnswerSchema.optional(),
  }),
});
export type AvisData = z.infer<typeof avisDataSchema>;
