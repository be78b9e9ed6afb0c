import { navigate } from '../router';
import { useServices } from '../services';

/**
 * "Corriger" a signed visit: a new draft that will supersede it; the signed visit stays as it
 * is. The form definitions' code loads on the click, not with the visit list.
 */
export function CorrectButton({ visitId }: { visitId: string }) {
  const { db } = useServices();
  return (
    <button
      type="button"
      class="button-secondary"
      onClick={async () => {
        const { startCorrection } = await import('../../db/form-definitions');
        const draft = await startCorrection(db, visitId);
        navigate({ name: 'draft', id: draft.id });
      }}
    >
      Corriger
    </button>
  );
}
