import { VISITE_DOMICILE } from '../../../shared/forms/visite-domicile-id';
import { readDraft } from '../../db/drafts';
import { observe } from '../../db/observe';
import type { Session } from '../../db/session';
import { useServices } from '../services';
import { useObservable } from '../use-observable';
import { VisitForm } from '../VisitForm';
import { LazyFormScreen } from '../lazy-screens';

/** A draft opens in the hand-built generic form, or in the forms engine for a published definition. */
export function DraftScreen({ draftId, session }: { draftId: string; session: Session }) {
  const { db } = useServices();
  const found = useObservable(
    () => observe(async () => ({ formId: (await readDraft(db, draftId))?.formId })),
    [db, draftId],
  );
  if (found === undefined) return <p>Chargement…</p>;
  if (found.formId === undefined || found.formId === VISITE_DOMICILE.formId)
    return <VisitForm draftId={draftId} session={session} />;
  return <LazyFormScreen draftId={draftId} session={session} />;
}
