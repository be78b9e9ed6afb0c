import { useEffect, useRef } from 'preact/hooks';
import { navigate } from '../router';

/**
 * Shown on the visit list right after a visit is signed, with the focus on it: the agent may
 * hand the tablet over for "Mon avis", or carry on. Nothing of the visit goes along: the
 * questionnaire opens at its own address, with no visit or person in it (shared/avis/avis.ts).
 */
export function AvisOffer({ onDone }: { onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="card avis-offer" aria-labelledby="avis-offer-title">
      <h2 id="avis-offer-title" ref={heading} tabIndex={-1}>
        Visite enregistrée
      </h2>
      <p>
        Vous pouvez maintenant tendre la tablette à la personne pour qu’elle donne son avis. C’est
        anonyme : ses réponses ne sont reliées ni à elle, ni à cette visite, ni à vous.
      </p>
      <div class="actions">
        <button
          type="button"
          class="button-primary"
          onClick={() => navigate({ name: 'avis' }, { replace: true })}
        >
          Proposer « Mon avis » à la personne
        </button>
        <button type="button" class="button-secondary" onClick={onDone}>
          Terminer sans avis
        </button>
      </div>
    </section>
  );
}
