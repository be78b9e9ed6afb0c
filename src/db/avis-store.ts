import type { AppDB } from './AppDB';
import type { EntityStore } from './entity-stores';

/**
 * How "Mon avis" answers are kept on the device (src/db/avis.ts writes them). Answers are
 * pushed, never pulled: the server sends no change for them. Once the server holds one, the
 * tablet forgets it, so the agent's tablet keeps no answer beside the visits it was given
 * after. Kept apart from avis.ts so the sync code, in the app's first load, does not carry
 * the questionnaire's schemas.
 */
export const avisStore: EntityStore = {
  tables: (db: AppDB) => [db.avis],
  async applyChange() {},
  async markSynced(db, entityId) {
    await db.avis.delete(entityId);
  },
  async markRefused(db, entityId, state, reason) {
    await db.avis.update(entityId, { syncState: state, reason });
  },
};
