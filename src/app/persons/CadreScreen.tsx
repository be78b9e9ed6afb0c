import { daysInStatus, stepDelays } from '../../../shared/persons/referral-delays';
import { isOpen, referralStatusLabels } from '../../../shared/persons/referral-status';
import { taskState } from '../../../shared/persons/task';
import { observe } from '../../db/observe';
import { displayName, listPersons } from '../../db/persons';
import { listReferrals } from '../../db/referrals';
import type { Session } from '../../db/session';
import { listTasks } from '../../db/tasks';
import { formatDate, todayIsoDate } from '../format';
import { hrefFor } from '../router';
import { useServices } from '../services';
import { useObservable } from '../use-observable';
import { targetLabel } from './target-label';
import { useDirectory } from './use-directory';

const days = (n: number | null) => (n === null ? '—' : `${n.toFixed(1).replace('.', ',')} j`);

/**
 * The manager's view of their MDS, offline from what the tablet holds: open referrals sent
 * from or to the MDS with how long they have waited, delays between statuses (server times),
 * and late tasks.
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
      })),
    [db],
  );
  if (data === undefined) return <p class="loading">Chargement…</p>;
  const sites = session.agent.siteIds;
  const ofMds = data.referrals.filter(
    (r) => sites.includes(r.fromSiteId) || (r.to.kind === 'site' && sites.includes(r.to.siteId)),
  );
  const open = ofMds.filter((r) => isOpen(r.status));
  const now = new Date();
  const today = todayIsoDate(now);
  const late = data.tasks.filter((t) => sites.includes(t.siteId) && taskState(t, today) === 'late');

  return (
    <main id="contenu" class="page">
      <h1>Suivi de la MDS</h1>
      <section aria-labelledby="cadre-ouvertes">
        <h2 id="cadre-ouvertes">Orientations ouvertes ({open.length})</h2>
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">Personne</th>
              <th scope="col">Vers</th>
              <th scope="col">Statut</th>
              <th scope="col">Depuis</th>
            </tr>
          </thead>
          <tbody>
            {open.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={hrefFor({ name: 'person', id: r.personId })}>
                    {data.names.get(r.personId) ?? 'Personne'}
                  </a>
                </td>
                <td>{targetLabel(r.to, directory)}</td>
                <td>{referralStatusLabels[r.status]}</td>
                <td>{days(daysInStatus(r, now))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="cadre-delais">
        <h2 id="cadre-delais">Délais entre statuts</h2>
        <table class="figures">
          <thead>
            <tr>
              <th scope="col">Étape</th>
              <th scope="col">Orientations</th>
              <th scope="col">Délai moyen</th>
              <th scope="col">Délai le plus long</th>
            </tr>
          </thead>
          <tbody>
            {stepDelays(ofMds.map((r) => r.events)).map((step) => (
              <tr key={step.label}>
                <td>{step.label}</td>
                <td>{step.count}</td>
                <td>{days(step.meanDays)}</td>
                <td>{days(step.maxDays)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="cadre-retard">
        <h2 id="cadre-retard">Tâches en retard ({late.length})</h2>
        <ul class="person-list">
          {late.map((t) => (
            <li key={t.id}>
              {formatDate(t.dueOn)} — {t.title} —{' '}
              <a href={hrefFor({ name: 'person', id: t.personId })}>
                {data.names.get(t.personId) ?? 'Personne'}
              </a>{' '}
              · {directory.nameOf(t.assigneeId)}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
