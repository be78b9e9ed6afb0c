import { useRef, useState } from 'preact/hooks';
import { VISITE_DOMICILE } from '../../shared/forms/visite-domicile-id';
import { listDrafts } from '../db/drafts';
import { observe } from '../db/observe';
import type { LocalVisit } from '../db/rows';
import { countVisits, listVisits } from '../db/visits';
import { visitHeading } from '../forms/visit-heading';
import { AvisOffer } from './avis/AvisOffer';
import { CorrectButton } from './forms/CorrectButton';
import { formatDate, formatInstant } from './format';
import { lazyModule } from './lazy';
import { hrefFor, navigate } from './router';
import { useServices } from './services';
import { useObservable } from './use-observable';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The communes list weighs more than the list screen itself: it loads after the app. */
const useCommunes = lazyModule(() => import('../../shared/communes'));
type CommuneName = (code: string) => string;

/**
 * Visits shown per step of "Voir plus": the list stays fast with tens of thousands of visits on
 * the device, since the live query re-reads only what is on screen when records change.
 */
const PAGE_SIZE = 50;

export function VisitList({ signed = false }: { signed?: boolean }) {
  const { db } = useServices();
  const title = useRef<HTMLHeadingElement>(null);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const data = useObservable(
    () =>
      observe(async () => ({
        visits: await listVisits(db, limit),
        total: await countVisits(db),
        drafts: await listDrafts(db),
      })),
    [db, limit],
  );
  const communes = useCommunes();
  if (data === undefined || communes.state === 'loading') return <p>Chargement…</p>;
  const { visits, total, drafts } = data;
  const communeName: CommuneName = (code) =>
    (communes.state === 'ready' ? communes.value.communeByCode(code)?.nom : undefined) ?? code;

  return (
    <main id="contenu" class="page">
      <div class="page-header">
        <h1 ref={title} tabIndex={-1}>
          Mes visites
        </h1>
        <a class="button-primary" href={hrefFor({ name: 'new-visit' })}>
          Nouvelle visite à domicile
        </a>
        <a class="button-secondary" href={hrefFor({ name: 'forms' })}>
          Autre formulaire
        </a>
        <a class="button-secondary" href={hrefFor({ name: 'avis' })}>
          Mon avis (personne accompagnée)
        </a>
      </div>
      {signed && (
        <AvisOffer
          onDone={() => {
            navigate({ name: 'visits' }, { replace: true });
            title.current?.focus();
          }}
        />
      )}
      {drafts.length > 0 && (
        <section aria-labelledby="drafts-title">
          <h2 id="drafts-title">Brouillons</h2>
          <ul class="cards">
            {drafts.map((draft) => (
              <li key={draft.id} class="card">
                <a href={hrefFor({ name: 'draft', id: draft.id })}>
                  {visitHeading(draft.answers) || 'Visite sans nom'}
                </a>
                <span class="meta">Modifié le {formatInstant(draft.updatedAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="visits-title">
        <h2 id="visits-title">Visites enregistrées</h2>
        {visits.length === 0 ? (
          <p>Aucune visite enregistrée sur cette tablette.</p>
        ) : (
          <ul class="cards" data-testid="visit-list">
            {visits.map((visit) => (
              <VisitItem key={visit.id} visit={visit} communeName={communeName} />
            ))}
          </ul>
        )}
        {visits.length < total && (
          <p class="actions">
            <span class="meta">
              {visits.length} visites affichées sur {total.toLocaleString('fr-FR')}.
            </span>
            <button
              type="button"
              class="button-secondary"
              onClick={() => setLimit((n) => n + PAGE_SIZE)}
            >
              Voir plus
            </button>
          </p>
        )}
      </section>
    </main>
  );
}

function VisitItem({ visit, communeName }: { visit: LocalVisit; communeName: CommuneName }) {
  const { answers } = visit;
  const commune = communeName(text(answers.communeInsee));
  return (
    <li class="card visit" data-testid="visit-item" data-sync-state={visit.syncState}>
      <h3>{visitHeading(answers)}</h3>
      <p class="meta">
        {visit.formId === VISITE_DOMICILE.formId ? 'Visite à domicile' : visit.formId} · {commune} ·{' '}
        {text(answers.date) ? formatDate(text(answers.date)) : ''}
      </p>
      <p>{text(answers.reason)}</p>
      <SyncLine visit={visit} />
      <p class="actions">
        <a class="button-secondary" href={hrefFor({ name: 'guide', visitId: visit.id })}>
          Orienter vers un service
        </a>
        {visit.formId !== VISITE_DOMICILE.formId && <CorrectButton visitId={visit.id} />}
      </p>
    </li>
  );
}

function SyncLine({ visit }: { visit: LocalVisit }) {
  if (visit.receipt) {
    return (
      <p class="receipt" data-testid="receipt">
        Reçu n° {visit.receipt.number} le {formatInstant(visit.receipt.issuedAt)}
      </p>
    );
  }
  if (visit.syncState === 'rejected' || visit.syncState === 'conflict') {
    return (
      <p class="sync-refused">
        À corriger : {visit.reason?.message} <a href={hrefFor({ name: 'to-fix' })}>Voir</a>
      </p>
    );
  }
  return <p class="sync-pending">En attente d’envoi</p>;
}
