import { z } from 'zod';
import { instantSchema, receiptSchema, uuidSchema } from '../schemas/common';

/**
 * Sync protocol v1 (DESIGN §5). A new version goes beside this one as protocol-v2.ts; this
 * file is never edited in a way that changes what v1 clients send or receive.
 */
export const PROTOCOL_VERSION = 1;
export const MAX_MUTATIONS_PER_PUSH = 500;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 200;

/**
 * One change made on a device. `entity` is a free string here so that an entity the server
 * does not know is refused for that mutation alone, never for the whole batch.
 */
export const mutationSchema = z.object({
  id: uuidSchema,
  /** Per-device counter, for ordering and diagnostics. */
  seq: z.number().int().nonnegative(),
  entity: z.string().min(1).max(64),
  op: z.enum(['put', 'delete']),
  entityId: uuidSchema,
  data: z.unknown().optional(),
  /** Server version the edit was made on; absent for a creation. */
  baseVersion: z.number().int().positive().optional(),
  /** Device clock, informative only. */
  at: instantSchema,
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  deviceId: uuidSchema,
  mutations: z.array(mutationSchema).min(1).max(MAX_MUTATIONS_PER_PUSH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const reasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type Reason = z.infer<typeof reasonSchema>;

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({
    id: uuidSchema,
    status: z.literal('accepted'),
    version: z.number().int(),
    receipt: receiptSchema,
  }),
  /** Seen before: the original receipt, nothing changed. */
  z.object({
    id: uuidSchema,
    status: z.literal('duplicate'),
    version: z.number().int(),
    receipt: receiptSchema,
  }),
  z.object({ id: uuidSchema, status: z.literal('rejected'), reason: reasonSchema }),
  z.object({
    id: uuidSchema,
    status: z.literal('conflict'),
    reason: reasonSchema,
    serverVersion: z.number().int(),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  results: z.array(mutationResultSchema),
  serverTime: instantSchema,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});

/** A record as the server now holds it; `delete` carries no data. */
export const changeSchema = z.discriminatedUnion('op', [
  z.object({
    entity: z.string(),
    entityId: z.string(),
    op: z.literal('put'),
    version: z.number().int(),
    data: z.unknown(),
  }),
  z.object({
    entity: z.string(),
    entityId: z.string(),
    op: z.literal('delete'),
    version: z.number().int(),
  }),
]);
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  changes: z.array(changeSchema),
  /** Opaque to the client: store it and send it back. */
  cursor: z.string(),
  hasMore: z.boolean(),
  serverTime: instantSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
