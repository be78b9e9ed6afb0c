import { useState } from 'preact/hooks';
import { PARTNERS } from '../../../shared/persons/partners';
import { type ReferralTarget, urgencies, urgencyLabels } from '../../../shared/persons/referral';
import { uuidv7 } from '../../../shared/uuidv7';
import { observe } from '../../db/observe';
import { displayName, listGuideServiceNames, readPerson } from '../../db/persons';
import { queueReferral } from '../../db/referrals';
import type { Session } from '../../db/session';
import { hrefFor, navigate } from '../router';
import { useServices } from '../services';
import { useObservable } from '../use-observable';
import { sendingSite } from './sending-site';
import { useDirectory } from './use-directory';

/** Papers usually asked; the agent ticks those the person already gave. */
const DOCUMENTS = [
  'Pièce d’identité',
  'Justificatif de domicile',
  'Avis d’imposition',
  'Attestation CAF',
  'Carte Vitale',
  'RIB',
];

type Kind = ReferralTarget['kind'] | 'service';

/**
 * "Orienter": a referral of the person to a colleague, another MDS, a partner (CAF, CPAM…)
 * or a service of the guide, with the reason, the urgency, the person's consent and the
 * documents checklist. Works offline; the receiver is told at their next sync after this one.
 * It is sent from the person's MDS when the agent works there, else from the agent's MDS,
 * chosen by an agent of several (`sending-site.ts`).
 */
export function ReferralForm({ personId, session }: { personId: string; session: Session }) {
  const { db } = useServices();
  const directory = useDirectory();
  const data = useObservable(
    () =>
      observe(async () => ({
        person: await readPerson(db, personId),
        services: await listGuideServiceNames(db),
      })),
    [db, personId],
  );
  const [kind, setKind] = useState<Kind>('agent');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [urgency, setUrgency] = useState<(typeof urgencies)[number]>('normale');
  const [consent, setConsent] = useState(false);
  const [provided, setProvided] = useState<Set<string>>(new Set());
  const [chosenSite, setChosenSite] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (data === undefined) return <p class="loading">Chargement…</p>;
  if (data.person === undefined) return <p>Fiche introuvable sur la tablette.</p>;
  const person = data.person;
  const colleagues = [...directory.profiles.values()].filter((p) => p.id !== session.agent.id);
  const from = sendingSite(person.siteId, session.agent.siteIds);
  const fromSiteId = 'fixed' in from ? from.fixed : chosenSite;

  function toTarget(): ReferralTarget | undefined {
    if (target === '') return undefined;
    if (kind === 'agent') return { kind: 'agent', agentId: target };
    if (kind === 'site') return { kind: 'site', siteId: target };
    if (kind === 'partner') return { kind: 'partner', partner: target };
    const service = data!.services.find((s) => s.id === target);
    return service ? { kind: 'partner', partner: service.name, serviceId: service.id } : undefined;
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    const to = toTarget();
    if (to === undefined) return setError('Choisissez à qui orienter la personne.');
    if (fromSiteId === '') return setError('Choisissez la MDS d’où part l’orientation.');
    if (reason.trim() === '') return setError('Indiquez le motif de l’orientation.');
    if (!consent) return setError('L’accord de la personne est nécessaire pour l’orienter.');
    await queueReferral(db, session, {
      id: uuidv7(),
      personId,
      fromSiteId,
      to,
      reason: reason.trim(),
      urgency,
      consent: true,
      documents: DOCUMENTS.map((label) => ({ label, provided: provided.has(label) })),
      createdAt: new Date().toISOString(),
    });
    navigate({ name: 'person', id: personId });
  }

  const options: { value: string; label: string }[] =
    kind === 'agent'
      ? colleagues.map((p) => ({
          value: p.id,
          label: `${p.displayName} (${directory.siteNameOf(p.siteIds[0] ?? '')})`,
        }))
      : kind === 'site'
        ? [...directory.sites.values()].map((s) => ({ value: s.id, label: s.name }))
        : kind === 'partner'
          ? PARTNERS.map((p) => ({ value: p, label: p }))
          : data.services.map((s) => ({ value: s.id, label: s.name }));

  return (
    <main id="contenu" class="page">
      <h1>Orienter {displayName(person)}</h1>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <fieldset>
          <legend>Vers</legend>
          {(
            [
              ['agent', 'Un professionnel'],
              ['site', 'Une autre MDS'],
              ['partner', 'Un partenaire (CAF, CPAM, MSA, France Travail, France Services)'],
              ['service', 'Un service du guide'],
            ] as const
          ).map(([value, label]) => (
            <div class="choice" key={value}>
              <input
                type="radio"
                id={`orienter-type-${value}`}
                name="orienter-type"
                checked={kind === value}
                onChange={() => {
                  setKind(value);
                  setTarget('');
                }}
              />
              <label for={`orienter-type-${value}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <label for="orienter-destinataire">Destinataire</label>
        <select
          id="orienter-destinataire"
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
        >
          <option value="">Choisir</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {'choices' in from && (
          <>
            <label for="orienter-depuis">Depuis la MDS</label>
            <select
              id="orienter-depuis"
              value={chosenSite}
              onChange={(e) => setChosenSite(e.currentTarget.value)}
            >
              <option value="">Choisir</option>
              {from.choices.map((id) => (
                <option key={id} value={id}>
                  {directory.siteNameOf(id)}
                </option>
              ))}
            </select>
          </>
        )}
        <label for="orienter-motif">Motif</label>
        <textarea
          id="orienter-motif"
          rows={3}
          maxLength={2000}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <label for="orienter-urgence">Urgence</label>
        <select
          id="orienter-urgence"
          value={urgency}
          onChange={(e) => setUrgency(e.currentTarget.value as typeof urgency)}
        >
          {urgencies.map((u) => (
            <option key={u} value={u}>
              {urgencyLabels[u]}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>Documents déjà fournis par la personne</legend>
          {DOCUMENTS.map((label, index) => (
            <div class="choice" key={label}>
              <input
                type="checkbox"
                id={`orienter-doc-${index}`}
                checked={provided.has(label)}
                onChange={(e) => {
                  const next = new Set(provided);
                  if (e.currentTarget.checked) next.add(label);
                  else next.delete(label);
                  setProvided(next);
                }}
              />
              <label for={`orienter-doc-${index}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <div class="choice">
          <input
            id="orienter-accord"
            type="checkbox"
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
          />
          <label for="orienter-accord">
            La personne est d’accord pour être orientée et pour que ses informations soient
            transmises.
          </label>
        </div>
        {error && (
          <p class="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="button-primary">
            Envoyer l’orientation
          </button>
          <a href={hrefFor({ name: 'person', id: personId })}>Annuler</a>
        </div>
      </form>
    </main>
  );
}
