import { useState } from 'preact/hooks';
import { taskKindLabels, taskKinds } from '../../../shared/persons/task';
import { uuidv7 } from '../../../shared/uuidv7';
import type { LocalPerson } from '../../db/person-rows';
import type { Session } from '../../db/session';
import { saveTask } from '../../db/tasks';
import { todayIsoDate } from '../format';
import { useServices } from '../services';
import { useDirectory } from './use-directory';

/** "Planifier": the next visit or a task for this person, for the agent or a colleague. */
export function TaskForm({ person, session }: { person: LocalPerson; session: Session }) {
  const { db } = useServices();
  const { profiles } = useDirectory();
  const [kind, setKind] = useState<(typeof taskKinds)[number]>('visite');
  const [title, setTitle] = useState('Visite à domicile');
  const [dueOn, setDueOn] = useState(todayIsoDate());
  const [assigneeId, setAssigneeId] = useState(session.agent.id);
  const [saved, setSaved] = useState(false);
  const colleagues = [...profiles.values()].filter(
    (p) => p.id !== session.agent.id && p.siteIds.some((s) => session.agent.siteIds.includes(s)),
  );

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (title.trim() === '' || dueOn === '') return;
    await saveTask(db, {
      id: uuidv7(),
      personId: person.id,
      siteId: session.agent.siteIds.includes(person.siteId)
        ? person.siteId
        : session.agent.siteIds[0]!,
      assigneeId,
      kind,
      title: title.trim(),
      dueOn,
      doneAt: null,
      createdAt: new Date().toISOString(),
    });
    setSaved(true);
  }

  return (
    <section class="card no-print" aria-labelledby="planifier-titre">
      <h2 id="planifier-titre">Planifier</h2>
      <form onSubmit={(e) => void onSubmit(e)}>
        <label for="tache-type">Type</label>
        <select
          id="tache-type"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
        >
          {taskKinds.map((k) => (
            <option key={k} value={k}>
              {taskKindLabels[k]}
            </option>
          ))}
        </select>
        <label for="tache-titre">Quoi</label>
        <input
          id="tache-titre"
          value={title}
          onInput={(e) => setTitle(e.currentTarget.value)}
          required
        />
        <label for="tache-date">Pour le</label>
        <input
          id="tache-date"
          type="date"
          value={dueOn}
          onInput={(e) => setDueOn(e.currentTarget.value)}
          required
        />
        <label for="tache-qui">Par</label>
        <select
          id="tache-qui"
          value={assigneeId}
          onChange={(e) => setAssigneeId(e.currentTarget.value)}
        >
          <option value={session.agent.id}>Moi</option>
          {colleagues.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </select>
        <button type="submit" class="button-secondary" onClick={() => setSaved(false)}>
          Planifier
        </button>
        {saved && (
          <p role="status" class="hint">
            Planifié. Visible dans « Mes tâches ».
          </p>
        )}
      </form>
    </section>
  );
}
