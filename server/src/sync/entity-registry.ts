import { ENTITY } from '../../../shared/entities';
import type { Mutation } from '../../../shared/sync/protocol-v1';
import { orientationHandlers } from './entities/orientation';
import { visitHandlers } from './entities/visit';
import type { MutationHandler } from './outcome';

/** The operations a device may send for one entity; a missing one is `unsupported_op`. */
export type EntityHandlers = Partial<Record<Mutation['op'], MutationHandler>>;

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
]);
