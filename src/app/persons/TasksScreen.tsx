import { groupTasks, taskKindLabels, type TaskState } from '../../../shared/persons/task';
import { observe } from '../../db/observe';
import { displayName, listPersons } from '../../db/persons';
import type { Session } from '../../db/session';
import { listTasksOf, markTaskDone } from '../../db/tasks';
import { formatDate, todayIsoDate } from '../format';
import { hrefFor } from '../router';
import { useServices } from '../services';
import { useObservable } from '../use-observable';
import { taskSyncText } from './task-sync-text';

const GROUPS: { state: TaskState; title: string }[] = [
  { state: 'late', title: 'En retard' },
  { state: 'due', title: 'À faire' },
  { state: 'done', title: 'Faites' },
];

/** "Mes tâches": the agent's tasks and planned visits, late, due and done, offline. */
export function TasksScreen({ session }: { session: Session }) {
  const { db } = useServices();
  const data = useObservable(
    () =>
      observe(async () => ({
        tasks: await listTasksOf(db, session.agent.id),
        names: new Map((await listPersons(db)).map((p) => [p.id, displayName(p)])),
      })),
    [db, session.agent.id],
  );
  if (data === undefined) return <p class="loading">Chargement…</p>;
  const groups = groupTasks(data.tasks, todayIsoDate());

  return (
    <main id="contenu" class="page">
      <h1>Mes tâches</h1>
      {GROUPS.map(({ state, title }) => {
        const tasks = groups[state];
        return (
          <section key={state} aria-labelledby={`taches-${state}`}>
            <h2 id={`taches-${state}`}>
              {title} ({tasks.length})
            </h2>
            {tasks.length === 0 ? (
              <p class="hint">Aucune.</p>
            ) : (
              <ul class="person-list">
                {tasks.map((t) => (
                  <li key={t.id}>
                    {formatDate(t.dueOn)} — {taskKindLabels[t.kind]} : {t.title} —{' '}
                    <a href={hrefFor({ name: 'person', id: t.personId })}>
                      {data.names.get(t.personId) ?? 'Personne'}
                    </a>
                    <span class="meta"> · {taskSyncText(t)}</span>
                    {state !== 'done' && (
                      <button
                        type="button"
                        class="button-secondary"
                        onClick={() => void markTaskDone(db, t)}
                      >
                        Marquer comme faite
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </main>
  );
}
