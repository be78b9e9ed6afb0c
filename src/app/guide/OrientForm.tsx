import { useState } from 'preact/hooks';
import type { ServiceRecord } from '../../../shared/guide/schemas';
import { uuidv7 } from '../../../shared/uuidv7';
import { observe } from '../../db/observe';
import { listOrientationsForService, queueOrientation } from '../../db/orientations';
import { listVisits } from '../../db/visits';
import { countOf, formatInstant } from '../format';
import { useServices } from '../services';
import { useObservable } from '../use-observable';

/**
 * "Orienter vers ce service": records, for one of the agent's visits, that the person was
 * directed to this service. Works offline; the orientation is sent with the next sync.
 */
export function OrientForm({ service, visitId }: { service: ServiceRecord; visitId?: string }) {
  const { db } = useServices();
  const data = useObservable(
    () =>
      observe(async () => ({
        visits: await listVisits(db),
        done: (await listOrientationsForService(db, service.id)).filter(
          (o) => o.syncState !== 'rejected',
        ),
      })),
    [db, service.id],
  );
  const [chosen, setChosen] = useState(visitId ?? '');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  if (!data) return null;
  const visit =
    data.visits.find((v) => v.id === chosen) ?? data.visits.find((v) => v.id === visitId);

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (!visit) return;
    await queueOrientation(db, {
      id: uuidv7(),
      siteId: visit.siteId,
      serviceId: service.id,
      serviceName: service.nom,
      visitId: visit.id,
      ...(note.trim() ? { note: note.trim() } : {}),
      createdAt: new Date().toISOString(),
    });
    setNote('');
    setSaved(true);
  }

  const personOf = (v: (typeof data.visits)[number]) => String(v.answers.personName ?? 'Personne');
  return (
    <section class="card no-print orient" aria-labelledby="orienter-titre">
      <h2 id="orienter-titre">Orienter vers ce service</h2>
      {data.visits.length === 0 ? (
        <p>Enregistrez d’abord une visite : l’orientation y sera rattachée.</p>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)}>
          <label for="orienter-visite">Visite</label>
          <select
            id="orienter-visite"
            value={visit?.id ?? ''}
            onChange={(e) => {
              setChosen(e.currentTarget.value);
              setSaved(false);
            }}
          >
            <option value="">Choisir une visite</option>
            {data.visits.slice(0, 30).map((v) => (
              <option
                key={v.id}
                value={v.id}
              >{`${personOf(v)} — ${formatInstant(v.createdAt)}`}</option>
            ))}
          </select>
          <label for="orienter-note">Précision (facultatif)</label>
          <textarea
            id="orienter-note"
            rows={2}
            maxLength={2000}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <div class="actions">
            <button type="submit" class="button-primary" disabled={!visit}>
              Orienter vers ce service
            </button>
          </div>
          {saved && (
            <p role="status" class="receipt">
              Orientation enregistrée. Elle sera envoyée à la prochaine synchronisation.
            </p>
          )}
        </form>
      )}
      {data.done.length > 0 && (
        <p class="meta" data-testid="orientations">
          {`${countOf(data.done.length, 'orientation', 'orientations')} vers ce service depuis cette tablette, `}
          {`${data.done.filter((o) => o.syncState === 'pending').length} en attente d’envoi.`}
        </p>
      )}
    </section>
  );
}
