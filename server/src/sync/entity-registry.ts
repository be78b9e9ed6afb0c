import { ENTITY } from '../../../shared/entities';
import type { Mutation } from '../../../shared/sync/protocol-v1';
import type { Queryable } from '../db/database';
import { avisHandlers } from './entities/avis';
import { orientationHandlers } from './entities/orientation';
import { followHandlers, personHandlers, pinHandlers } from './entities/person';
import { referralHandlers, referralStatusHandlers } from './entities/referral';
import { taskHandlers } from './entities/task';
import { visitHandlers } from './entities/visit';
import type { MutationHandler } from './outcome';

/** The operations a device may send for one entity; a missing one is `unsupported_op`. */
export interface EntityHandlers {
  put?: MutationHandler;
  delete?: MutationHandler;
  /** Which of `ids` the server already holds, looked up once per batch for `ctx.exists`. */
  existing?: (tx: Queryable, ids: readonly string[]) => Promise<Set<string>>;
  /** The person a mutation's record names, if any: looked up once per batch for `ctx.personInScope`. */
  personOf?: (mutation: Mutation) => string | undefined;
  /**
   * True when no operation of this entity can change which persons an agent may hold. Any
   * other mutation makes `ctx.personInScope` ask the database again for the rest of the batch.
   */
  keepsScope?: true;
  /**
   * Set for records no one may link to who sent them ("Mon avis"): the push journals them
   * without device, agent, record nor time (sync/journal.ts), and once it has committed calls
   * `unlink` in a transaction of its own to rewrite the records it accepted.
   */
  anonymous?: { unlink(tx: Queryable, mutations: readonly Mutation[]): Promise<void> };
}

/**
 * Entities a push may carry, by the name used in mutations (server/README.md: how to add one).
 * Sites are known but written only by the server, so every device operation on them is refused.
 */
export const entityRegistry: ReadonlyMap<string, EntityHandlers> = new Map<string, EntityHandlers>([
  [ENTITY.visit, visitHandlers],
  [ENTITY.site, {}],
  [ENTITY.structure, {}],
  [ENTITY.service, {}],
  [ENTITY.orientation, orientationHandlers],
  [ENTITY.formDefinition, {}],
  [ENTITY.person, personHandlers],
  [ENTITY.follow, followHandlers],
  [ENTITY.pin, pinHandlers],
  [ENTITY.referral, referralHandlers],
  [ENTITY.referralStatus, referralStatusHandlers],
  [ENTITY.task, taskHandlers],
  [ENTITY.agentProfile, {}],
  [ENTITY.avis, avisHandlers],
]);
