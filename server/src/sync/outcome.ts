import type { Agent } from '../../../shared/schemas/agent';
import type { Receipt } from '../../../shared/schemas/common';
import { type RejectionCode, rejectionMessage } from '../../../shared/errors';
import type { Mutation, Reason } from '../../../shared/sync/protocol-v1';
import type { Queryable } from '../db/database';

/** What a handler sees: the open push transaction, who pushes, and the server clock. */
export interface PushContext {
  tx: Queryable;
  agent: Agent;
  deviceId: string;
  now: Date;
}

/** A MutationResult without its id; `duplicate` is decided by apply-push, never by a handler. */
export type MutationOutcome =
  | { status: 'accepted'; version: number; receipt: Receipt }
  | { status: 'rejected'; reason: Reason }
  | { status: 'conflict'; reason: Reason; serverVersion: number };

/**
 * Applies one mutation of its entity. It runs inside a savepoint: on a rejection or conflict
 * everything it wrote is rolled back, so it may return one at any point.
 */
export type MutationHandler = (ctx: PushContext, mutation: Mutation) => Promise<MutationOutcome>;

export function reject(code: RejectionCode, details?: unknown): MutationOutcome {
  const reason: Reason = { code, message: rejectionMessage(code) };
  if (details !== undefined) reason.details = details;
  return { status: 'rejected', reason };
}
