import { taskKindLabels, taskState, type TaskState } from '../../../shared/persons/task';
import { observe } from '../../db/observe';
import type { LocalTask } from '../../db/person-rows';
import { displayName, listPersons } from '../../db/persons';
import type { Session } from '../../db/session';
import { listTasks, saveTask } from '../../db/tasks';
import { formatDate, todayIsoDate } from '../format';
import { hrefFor } from '../router';
import { useServices } from '../services';
import { useObservable } from '../use-observable';

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
        tasks: (await listTasks(db)).filter((t) => t.assigneeId === session.agent.id),
        names: new Map((await listPersons(db)).map((p) => [p.id, displayName(p)])),
      })),
    [db, session.agent.id],
  );
  if (data === undefined) return <p class="loading">Chargement…</p>;
  const today = todayIsoDate();

  async function done(task: LocalTask) {
    const { id, personId, siteId, assigneeId, kind, title, dueOn, createdAt } = task;
    await saveTask(db, {
      id,
      personId,
      siteId,
      assigneeId,
      kind,
      title,
      dueOn,
      createdAt,
      doneAt: new Date().toISOString(),
    });
  }

  return (
    <main id="contenu" class="page">
      <h1>Mes tâches</h1>
      {GROUPS.map(({ state, title }) => {
        const tasks = data.tasks.filter((t) => taskState(t, today) === state);
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
                    {t.syncState === 'conflict' && ' · modifiée ailleurs : voir « À corriger »'}
                    {state !== 'done' && (
                      <button type="button" class="button-secondary" onClick={() => void done(t)}>
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
