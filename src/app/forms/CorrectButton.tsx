import { startCorrection } from '../../db/form-definitions';
import { navigate } from '../router';
import { useServices } from '../services';

/** "Corriger" a signed visit: a new draft that will supersede it; the signed visit stays as it is. */
export function CorrectButton({ visitId }: { visitId: string }) {
  const { db } = useServices();
  return (
    <button
      type="button"
      class="button-secondary"
      onClick={() =>
        void startCorrection(db, visitId).then((draft) => navigate({ name: 'draft', id: draft.id }))
      }
    >
      Corriger
    </button>
  );
}
