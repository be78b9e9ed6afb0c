import { type MdsDirection, referralDirection, taskOfMds } from '../../../shared/persons/mds-work';
import { daysInStatus, stepDelays } from '../../../shared/persons/referral-delays';
import { isOpen, referralStatusLabels } from '../../../shared/persons/referral-status';
import { taskState } from '../../../shared/persons/task';
import { observe } from '../../db/observe';
import { displayName, listPersons, readDirectory } from '../../db/persons';
import { listReferrals } from '../../db/referrals';
import type { Session } from '../../db/session';
import { listTasks } from '../../db/tasks';
import { formatDate, todayIsoDate } from '../format';
import { hrefFor } from '../router';
import { useServices } from '../services';
import { useObservable } from '../use-observable';
import { DelaysTable } from './DelaysTable';
import { targetLabel } from './target-label';
import { useDirectory } from './use-directory';

const days = (n: number | null) => (n === null ? '—' : `${n} j`);

const directionLabel = ({ sent, received }: MdsDirection) =>
  sent && received ? 'Interne à la MDS' : sent ? 'Envoyée' : 'Reçue';

/**
 * The manager's view of their MDS, offline from what the tablet holds: open referrals sent by
 * the MDS's agents or addressed to the MDS or one of its agents, with how long they have waited,
 * delays between statuses (server times, refusals included), and the late tasks of its agents.
 * The server gives a cadre the referrals and tasks of their MDS's agents (person-scope.ts).
 */
export function CadreScreen({ session }: { session: Session }) {
  const { db } = useServices();
  const directory = useDirectory();
  const data = useObservable(
    () =>
      observe(async () => ({
        referrals: await listReferrals(db),
        tasks: await listTasks(db),
        names: new Map((await listPersons(db)).map((p) => [p.id, displayName(p)])),
        // Read with the rest, so the figures never show before the receivers' MDS are known.
        profiles: (await readDirectory(db)).profiles,
      })),
    [db],
  );
  if (data === undefined) return <p class="loading">Chargement…</p>;
  const sites = session.agent.siteIds;
  const agentSites = (id: string) => data.profiles.get(id)?.siteIds;
  const ofMds = data.referrals.flatMap((referral) => {
    const direction = referralDirection(referral, sites, agentSites);
    return direction.sent || direction.received ? [{ referral, direction }] : [];
  });
  const open = ofMds.filter(({ referral }) => isOpen(referral.status));
  const openSent = open.filter(({ direction }) => direction.sent).length;
  const openReceived = open.filter(({ direction }) => direction.received).length;
  const now = new Date();
  const today = todayIsoDate(now);
  const late = data.tasks.filter(
    (t) => taskOfMds(t, sites, agentSites) && taskState(t, today) === 'late',
  );
  const personLink = (id: string) => (
    <a href={hrefFor({ name: 'person', id })}>{data.names.get(id) ?? 'Personne'}</a>
  );

  return (
    <main id="contenu" class="page">
      <h1>Suivi de la MDS</h1>
      <ul class="cards" aria-label="Chiffres de la MDS">
        <li class="card">Orientations ouvertes envoyées : {openSent}</li>
        <li class="card">Orientations ouvertes reçues : {openReceived}</li>
        <li class="card">Tâches en retard : {late.length}</li>
      </ul>
      <section aria-labelledby="cadre-ouvertes">
        <h2 id="cadre-ouvertes">Orientations ouvertes ({open.length})</h2>
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">Personne</th>
              <th scope="col">Sens</th>
              <th scope="col">De</th>
              <th scope="col">Vers</th>
              <th scope="col">Statut</th>
              <th scope="col">Depuis</th>
            </tr>
          </thead>
          <tbody>
            {open.map(({ referral: r, direction }) => (
              <tr key={r.id}>
                <td>{personLink(r.personId)}</td>
                <td>{directionLabel(direction)}</td>
                <td>
                  {directory.nameOf(r.fromAgentId)} ({directory.siteNameOf(r.fromSiteId)})
                </td>
                <td>{targetLabel(r.to, directory)}</td>
                <td>{referralStatusLabels[r.status]}</td>
                <td>{days(daysInStatus(r, now))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <DelaysTable delays={stepDelays(ofMds.map(({ referral }) => referral.events))} />
      <section aria-labelledby="cadre-retard">
        <h2 id="cadre-retard">Tâches en retard ({late.length})</h2>
        <ul class="person-list">
          {late.map((t) => (
            <li key={t.id}>
              {formatDate(t.dueOn)} — {t.title} — {personLink(t.personId)} ·{' '}
              {directory.nameOf(t.assigneeId)}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

/** What an agent who is not a cadre sees at `#/cadre`: the link is hidden, the address is not. */
export function CadreRefusal() {
  return (
    <main id="contenu" class="page">
      <h1>Suivi de la MDS</h1>
      <p role="alert">
        Cet écran est réservé aux cadres de la MDS. Vos orientations sont dans « Orientations », vos
        tâches dans « Mes tâches ».
      </p>
    </main>
  );
}
