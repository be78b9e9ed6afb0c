import { roleLabels } from '../../../shared/schemas/agent';
import { buildFollowUpSheet } from '../../../shared/persons/follow-up-sheet';
import { type Receiver, visitWords } from '../../../shared/persons/follow-up-words';
import type { ReferralTarget } from '../../../shared/persons/referral';
import { type PersonFile, readPersonFile } from '../../db/caseload';
import { observe } from '../../db/observe';
import { shownStatus } from '../../db/referrals';
import { formatDate, todayIsoDate } from '../format';
import { hrefFor } from '../router';
import { useServices } from '../services';
import { useObservable } from '../use-observable';
import { type DirectoryView, useDirectory } from './use-directory';

/**
 * The easy-to-read sheet handed to the person (printable): what was recorded with its receipt
 * numbers, who will contact them and when, and how to ask where their file stands.
 */
export function FollowUpSheetScreen({ personId }: { personId: string }) {
  const { db } = useServices();
  const directory = useDirectory();
  const file = useObservable(() => observe(() => readPersonFile(db, personId)), [db, personId]);
  if (file === undefined) return <p class="loading">Chargement…</p>;
  const today = todayIsoDate();
  const sheet = buildFollowUpSheet(sheetInput(file, directory, today));
  return (
    <main id="contenu" class="page falc">
      <h1>{sheet.title}</h1>
      <p>Fiche remise le {formatDate(today)}.</p>
      <h2>Ce que nous avons noté</h2>
      <ul>
        {sheet.recorded.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <h2>La suite</h2>
      <ul>
        {sheet.next.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <h2>Savoir où en est votre dossier</h2>
      <ul>
        {sheet.ask.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <div class="actions no-print">
        <button type="button" class="button-primary" onClick={() => window.print()}>
          Imprimer
        </button>
        <a href={hrefFor({ name: 'person', id: personId })}>Retour à la fiche</a>
      </div>
    </main>
  );
}

function receiver(to: ReferralTarget, directory: DirectoryView): Receiver {
  if (to.kind === 'site') return { kind: 'site', name: directory.siteNameOf(to.siteId) };
  if (to.kind === 'partner') return { kind: 'partner', name: to.partner };
  const profile = directory.profiles.get(to.agentId);
  const role = profile && roleLabels[profile.role];
  return {
    kind: 'professional',
    name: directory.nameOf(to.agentId),
    ...(role ? { profession: role[0]!.toLowerCase() + role.slice(1) } : {}),
  };
}

/** What the sheet says, from the file on the tablet: a corrected visit once, the oldest first. */
function sheetInput(file: PersonFile, directory: DirectoryView, today: string) {
  const { person } = file;
  const site = directory.sites.get(person.siteId);
  const superseded = new Set(file.visits.flatMap((v) => (v.supersedes ? [v.supersedes] : [])));
  const planned = file.tasks.find((t) => t.kind === 'visite' && !t.doneAt && t.dueOn >= today);
  const nameIfKnown = (agentId: string) => directory.profiles.get(agentId)?.displayName;
  const who = planned && nameIfKnown(planned.assigneeId);
  return {
    personName:
      `${String(person.fields.firstName?.value ?? '')} ${String(person.fields.lastName?.value ?? '')}`.trim(),
    ...(person.receipt ? { fileNumber: person.receipt.number } : {}),
    site: site
      ? { name: site.name, commune: site.communeName }
      : { name: directory.siteNameOf(person.siteId), commune: '' },
    visits: file.visits
      .filter((v) => !superseded.has(v.id))
      .sort((a, b) => a.visitDate.localeCompare(b.visitDate))
      .map((v) => ({
        date: v.visitDate,
        what: visitWords(v.formId, file.formTitles.get(`${v.formId}@${v.formVersion}`)),
        ...(v.receipt ? { receiptNumber: v.receipt.number } : {}),
      })),
    referrals: [...file.referrals]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((r) => ({
        date: r.createdAt,
        to: receiver(r.to, directory),
        status: shownStatus(r),
        ...(r.receipt ? { receiptNumber: r.receipt.number } : {}),
      })),
    ...(planned ? { nextVisit: { date: planned.dueOn, ...(who ? { who } : {}) } } : {}),
    followers: person.followers.flatMap((f) => nameIfKnown(f.agentId) ?? []),
  };
}
