import { z } from 'zod';
import { instantSchema, receiptSchema, siteIdSchema, uuidSchema } from '../schemas/common';
import { PARTNERS } from './partners';
import { referralStatusSchema, type ReferralSide } from './referral-status';

/**
 * A referral (orientation) of a person to another professional, another MDS or a partner.
 * Created once by a `put` of `ReferralData`; each later status change is its own mutation
 * (`referralStatus`, `ReferralStatusChange`), checked against the state machine on both sides.
 * Pulls send `ReferralRecord`, with the whole status history.
 */
export const urgencies = ['normale', 'prioritaire', 'urgente'] as const;
export const urgencySchema = z.enum(urgencies);
export const urgencyLabels: Record<z.infer<typeof urgencySchema>, string> = {
  normale: 'Normale',
  prioritaire: 'Prioritaire (sous 8 jours)',
  urgente: 'Urgente (sous 48 heures)',
};

export const referralTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent'), agentId: uuidSchema }),
  z.object({ kind: z.literal('site'), siteId: siteIdSchema }),
  z.object({
    kind: z.literal('partner'),
    /** One of PARTNERS, or a service of the guide by its name. */
    partner: z.string().trim().min(1).max(150),
    serviceId: z.string().min(1).max(200).optional(),
  }),
]);
export type ReferralTarget = z.infer<typeof referralTargetSchema>;

export const documentItemSchema = z.object({
  label: z.string().trim().min(1).max(200),
  provided: z.boolean(),
});
export type DocumentItem = z.infer<typeof documentItemSchema>;

export const referralDataSchema = z.object({
  id: uuidSchema,
  personId: uuidSchema,
  /** The sender's MDS. */
  fromSiteId: siteIdSchema,
  to: referralTargetSchema,
  reason: z.string().trim().min(1, 'Indiquez le motif de l’orientation.').max(2000),
  urgency: urgencySchema,
  /** The person agreed to their information being shared with the receiver. */
  consent: z.literal(true, { error: 'L’accord de la personne est nécessaire pour l’orienter.' }),
  documents: z.array(documentItemSchema).max(30),
  /** Device clock when the agent saved it: shown, never used to order. */
  createdAt: instantSchema,
});
export type ReferralData = z.infer<typeof referralDataSchema>;

export const referralEventSchema = z.object({
  seq: z.number().int().positive(),
  status: referralStatusSchema,
  /** Server time the change was accepted. */
  at: instantSchema,
  agentId: uuidSchema,
  reason: z.string().optional(),
});
export type ReferralEvent = z.infer<typeof referralEventSchema>;

export const referralRecordSchema = referralDataSchema.extend({
  fromAgentId: uuidSchema,
  status: referralStatusSchema,
  events: z.array(referralEventSchema).min(1),
  version: z.number().int().positive(),
  updatedAt: instantSchema,
  receipt: receiptSchema,
});
export type ReferralRecord = z.infer<typeof referralRecordSchema>;

/**
 * A status change, sent as a `put` of entity `referralStatus` whose `entityId` is the
 * referral's id (so the tablet keeps its own change until the server answers it). `from` is the status the agent saw: the server refuses a change whose
 * transition from the status it holds is not allowed.
 */
export const referralStatusChangeSchema = z.object({
  id: uuidSchema,
  referralId: uuidSchema,
  from: referralStatusSchema,
  to: referralStatusSchema,
  reason: z.string().trim().max(2000).optional(),
  at: instantSchema,
});
export type ReferralStatusChange = z.infer<typeof referralStatusChangeSchema>;

/** On which sides an agent stands for a referral. */
export function referralSides(
  referral: Pick<ReferralRecord, 'fromAgentId' | 'to'>,
  agent: { id: string; siteIds: readonly string[] },
): ReferralSide[] {
  const sides: ReferralSide[] = [];
  const isSender = referral.fromAgentId === agent.id;
  if (isSender) sides.push('sender');
  const to = referral.to;
  const receives =
    (to.kind === 'agent' && to.agentId === agent.id) ||
    (to.kind === 'site' && agent.siteIds.includes(to.siteId)) ||
    // A partner has no account: the sender records its answers.
    (to.kind === 'partner' && isSender);
  if (receives) sides.push('receiver');
  return sides;
}

export { PARTNERS };
