import { useState } from 'preact/hooks';
import { foldName } from '../../../shared/persons/name-key';
import { type CaseloadEntry, readCaseload } from '../../db/caseload';
import { observe } from '../../db/observe';
import { displayName } from '../../db/persons';
import type { Session } from '../../db/session';
import { countOf, formatDate, todayIsoDate } from '../format';
import { hrefFor } from '../router';
import { useServices } from '../services';
import { useObservable } from '../use-observable';

/** "Mes personnes suivies": the agent's caseload, pinned files and the others on the tablet, offline. */
export function CaseloadScreen({ session }: { session: Session }) {
  const { db } = useServices();
  const caseload = useObservable(
    () => observe(() => readCaseload(db, session.agent.id, todayIsoDate())),
    [db, session.agent.id],
  );
  const [query, setQuery] = useState('');
  if (caseload === undefined) return <p class="loading">Chargement…</p>;
  const folded = foldName(query);
  const keep = (entries: CaseloadEntry[]) =>
    folded === ''
      ? entries
      : entries.filter((e) => foldName(displayName(e.person)).includes(folded));

  return (
    <main id="contenu" class="page">
      <div class="page-header">
        <h1>Mes personnes suivies</h1>
        <a class="button-primary" href={hrefFor({ name: 'person-new' })}>
          Nouvelle personne
        </a>
      </div>
      <label for="recherche-personne">Rechercher une personne sur la tablette</label>
      <input
        id="recherche-personne"
        type="search"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <Section
        title="Personnes que je suis"
        entries={keep(caseload.followed)}
        empty="Vous ne suivez encore personne."
      />
      <Section
        title="Épinglées pour une tournée"
        entries={keep(caseload.pinned)}
        empty="Aucune fiche épinglée."
      />
      <Section
        title="Autres personnes de mes sites"
        entries={keep(caseload.others)}
        empty="Aucune autre fiche sur la tablette."
      />
    </main>
  );
}

function Section({
  title,
  entries,
  empty,
}: {
  title: string;
  entries: CaseloadEntry[];
  empty: string;
}) {
  return (
    <section>
      <h2>
        {title} ({entries.length})
      </h2>
      {entries.length === 0 ? (
        <p class="hint">{empty}</p>
      ) : (
        <ul class="person-list">
          {entries.map(({ person, nextVisit, lateTasks }) => (
            <li key={person.id}>
              <a href={hrefFor({ name: 'person', id: person.id })}>{displayName(person)}</a>
              <span class="meta">
                {' '}
                {nextVisit ? `Prochaine visite : ${formatDate(nextVisit)}` : 'Pas de visite prévue'}
                {lateTasks > 0 && ` · ${countOf(lateTasks, 'tâche en retard', 'tâches en retard')}`}
                {person.syncState !== 'synced' && ' · pas encore envoyée'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
