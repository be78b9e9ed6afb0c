import { referralStatusLabels } from '../../../shared/persons/referral-status';
import { taskKindLabels, taskState } from '../../../shared/persons/task';
import { type PersonFile, visitTitle } from '../../db/caseload';
import { shownStatus } from '../../db/referrals';
import { visitHeading } from '../../forms/visit-heading';
import { formatDate, formatInstant, todayIsoDate } from '../format';
import { targetLabel } from './target-label';
import { taskSyncText } from './task-sync-text';
import { useDirectory } from './use-directory';

interface Entry {
  key: string;
  /** Sorts the history: a calendar date or an instant. */
  when: string;
  text: string;
}

/** The person's history on the tablet: visits, referrals and tasks, the latest first. */
export function Timeline({ file }: { file: PersonFile }) {
  const directory = useDirectory();
  const { nameOf } = directory;
  const today = todayIsoDate();
  const entries: Entry[] = [
    ...file.visits.map((v) => ({
      key: v.id,
      when: v.visitDate,
      text: `${formatDate(v.visitDate)} — ${visitTitle(file, v)} ${visitHeading(v.answers)}${
        v.receipt ? ` · reçu n° ${v.receipt.number}` : ' · pas encore envoyée'
      } · par ${v.authorId ? nameOf(v.authorId) : 'vous'}`,
    })),
    ...file.referrals.map((r) => ({
      key: r.id,
      when: r.createdAt,
      text: `${formatInstant(r.createdAt)} — Orientation vers ${targetLabel(r.to, directory)} : ${
        referralStatusLabels[shownStatus(r)]
      }${r.receipt ? ` · reçu n° ${r.receipt.number}` : ' · pas encore envoyée'}`,
    })),
    ...file.tasks.map((t) => {
      const state = taskState(t, today);
      const label = state === 'done' ? 'faite' : state === 'late' ? 'en retard' : 'à faire';
      return {
        key: t.id,
        when: t.dueOn,
        text: `${formatDate(t.dueOn)} — ${taskKindLabels[t.kind]} : ${t.title} (${label}) · ${nameOf(t.assigneeId)} · ${taskSyncText(t)}`,
      };
    }),
  ].sort((a, b) => b.when.localeCompare(a.when));
  return (
    <section class="card" aria-labelledby="historique-titre">
      <h2 id="historique-titre">Historique</h2>
      {entries.length === 0 ? (
        <p>Rien d’enregistré pour l’instant.</p>
      ) : (
        <ul class="timeline">
          {entries.map((e) => (
            <li key={e.key}>{e.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
