import type { Receipt } from '../../../shared/schemas/common';
import { type RejectionCode, rejectionMessage } from '../../../shared/errors';
import type { Mutation, Reason } from '../../../shared/sync/protocol-v1';
import type { PushContext } from './push-context';

export type { PushContext } from './push-context';

/** A MutationResult without its id; `duplicate` is decided by apply-push, never by a handler. */
export type MutationOutcome =
  | { status: 'accepted'; version: number; receipt: Receipt }
  | { status: 'rejected'; reason: Reason }
  | { status: 'conflict'; reason: Reason; serverVersion: number };

/**
 * Applies one mutation of its entity. It decides every rejection or conflict before its first
 * `ctx.write` (writes may be deferred to the end of the batch, see push-context.ts), and writes
 * only through `ctx.write`. A database error from its writes rejects it alone.
 */
export type MutationHandler = (ctx: PushContext, mutation: Mutation) => Promise<MutationOutcome>;

export function reject(code: RejectionCode, details?: unknown): MutationOutcome {
  const reason: Reason = { code, message: rejectionMessage(code) };
  if (details !== undefined) reason.details = details;
  return { status: 'rejected', reason };
}
