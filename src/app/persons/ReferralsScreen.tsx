import { useState } from 'preact/hooks';
import { referralSides } from '../../../shared/persons/referral';
import {
  nextStatuses,
  type ReferralStatus,
  referralStatusLabels,
} from '../../../shared/persons/referral-status';
import { urgencyLabels } from '../../../shared/persons/referral';
import { rejectionMessage } from '../../../shared/errors';
import { observe } from '../../db/observe';
import type { LocalReferral } from '../../db/person-rows';
import { displayName, listPersons } from '../../db/persons';
import {
  listReferrals,
  queueReferralStatus,
  shownStatus,
  TransitionRefusedError,
} from '../../db/referrals';
import type { Session } from '../../db/session';
import { formatInstant } from '../format';
import { hrefFor } from '../router';
import { useServices } from '../services';
import { useObservable } from '../use-observable';
import { targetLabel } from './target-label';
import { useDirectory } from './use-directory';

const ACTION_LABELS: Partial<Record<ReferralStatus, string>> = {
  recue: 'Accuser réception',
  en_cours: 'Prendre en charge',
  cloturee: 'Clôturer',
  refusee: 'Refuser',
};

/** Referrals received (to the agent or their MDS) and sent, with the status changes each side may make. */
export function ReferralsScreen({ session }: { session: Session }) {
  const { db } = useServices();
  const data = useObservable(
    () =>
      observe(async () => ({
        referrals: await listReferrals(db),
        names: new Map((await listPersons(db)).map((p) => [p.id, displayName(p)])),
      })),
    [db],
  );
  if (data === undefined) return <p class="loading">Chargement…</p>;
  const received = data.referrals.filter(
    (r) =>
      r.fromAgentId !== session.agent.id && referralSides(r, session.agent).includes('receiver'),
  );
  const sent = data.referrals.filter((r) => r.fromAgentId === session.agent.id);
  return (
    <main id="contenu" class="page">
      <h1>Orientations</h1>
      <h2>Reçues ({received.length})</h2>
      <List
        referrals={received}
        names={data.names}
        session={session}
        empty="Aucune orientation reçue."
      />
      <h2>Envoyées ({sent.length})</h2>
      <List
        referrals={sent}
        names={data.names}
        session={session}
        empty="Aucune orientation envoyée."
      />
    </main>
  );
}

function List(props: {
  referrals: LocalReferral[];
  names: Map<string, string>;
  session: Session;
  empty: string;
}) {
  if (props.referrals.length === 0) return <p class="hint">{props.empty}</p>;
  return (
    <ul class="cards">
      {props.referrals.map((r) => (
        <ReferralCard
          key={r.id}
          referral={r}
          name={props.names.get(r.personId)}
          session={props.session}
        />
      ))}
    </ul>
  );
}

function ReferralCard({
  referral,
  name,
  session,
}: {
  referral: LocalReferral;
  name?: string;
  session: Session;
}) {
  const { db } = useServices();
  const directory = useDirectory();
  const [refusing, setRefusing] = useState(false);
  const [why, setWhy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const status = shownStatus(referral);
  const actions = nextStatuses(status, referralSides(referral, session.agent));

  async function move(to: ReferralStatus) {
    try {
      await queueReferralStatus(db, session, { referralId: referral.id, to, reason: why });
      setRefusing(false);
      setError(null);
    } catch (caught) {
      if (!(caught instanceof TransitionRefusedError)) throw caught;
      setError(rejectionMessage(caught.code));
    }
  }

  return (
    <li class="card" aria-label={`Orientation de ${name ?? 'la personne'}`}>
      <h3>
        {name ? (
          <a href={hrefFor({ name: 'person', id: referral.personId })}>{name}</a>
        ) : (
          'Personne'
        )}{' '}
        → {targetLabel(referral.to, directory)}
      </h3>
      <p>
        <strong>Statut : {referralStatusLabels[status]}</strong>
        {referral.pendingChange && ' (en attente d’envoi)'} · Urgence :{' '}
        {urgencyLabels[referral.urgency]} · De{' '}
        {referral.fromAgentId === session.agent.id
          ? 'vous'
          : directory.nameOf(referral.fromAgentId)}
        {referral.receipt && ` · reçu n° ${referral.receipt.number}`}
      </p>
      <p>Motif : {referral.reason}</p>
      {referral.syncReason && (
        <p class="alert alert-error">Refusé par le serveur : {referral.syncReason.message}</p>
      )}
      {referral.events.length > 0 && (
        <ol class="meta">
          {referral.events.map((e) => (
            <li key={e.seq}>
              {referralStatusLabels[e.status]} le {formatInstant(e.at)} par{' '}
              {directory.nameOf(e.agentId)}
              {e.reason ? ` — ${e.reason}` : ''}
            </li>
          ))}
        </ol>
      )}
      {actions.length > 0 && (
        <div class="actions">
          {actions
            .filter((to) => to !== 'refusee')
            .map((to) => (
              <button key={to} type="button" class="button-primary" onClick={() => void move(to)}>
                {ACTION_LABELS[to]}
              </button>
            ))}
          {actions.includes('refusee') && !refusing && (
            <button type="button" class="button-secondary" onClick={() => setRefusing(true)}>
              Refuser
            </button>
          )}
        </div>
      )}
      {refusing && (
        <div>
          <label for={`refus-${referral.id}`}>Motif du refus</label>
          <input
            id={`refus-${referral.id}`}
            value={why}
            onInput={(e) => setWhy(e.currentTarget.value)}
          />
          <button type="button" class="button-secondary" onClick={() => void move('refusee')}>
            Confirmer le refus
          </button>
        </div>
      )}
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
