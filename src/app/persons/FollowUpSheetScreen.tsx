import { buildFollowUpSheet } from '../../../shared/persons/follow-up-sheet';
import { readPersonFile } from '../../db/caseload';
import { observe } from '../../db/observe';
import { shownStatus } from '../../db/referrals';
import type { Session } from '../../db/session';
import { hrefFor } from '../router';
import { useServices } from '../services';
import { useObservable } from '../use-observable';
import { targetLabel } from './target-label';
import { useDirectory } from './use-directory';

/**
 * The easy-to-read sheet handed to the person (printable): what was recorded with its receipt
 * numbers, who will contact them, and how to ask where their file stands.
 */
export function FollowUpSheetScreen({ personId, session }: { personId: string; session: Session }) {
  const { db } = useServices();
  const directory = useDirectory();
  const file = useObservable(() => observe(() => readPersonFile(db, personId)), [db, personId]);
  if (file === undefined) return <p class="loading">Chargement…</p>;
  const { person } = file;
  const homeSite = session.agent.siteIds.includes(person.siteId)
    ? person.siteId
    : session.agent.siteIds[0]!;
  const sheet = buildFollowUpSheet({
    personName:
      `${String(person.fields.firstName?.value ?? '')} ${String(person.fields.lastName?.value ?? '')}`.trim(),
    siteName: directory.siteNameOf(homeSite),
    visits: file.visits.map((v) => ({
      date: v.visitDate,
      what: 'un professionnel est venu vous voir',
      ...(v.receipt ? { receiptNumber: v.receipt.number } : {}),
    })),
    referrals: file.referrals.map((r) => {
      const to = targetLabel(r.to, directory);
      return {
        date: r.createdAt,
        to,
        status: shownStatus(r),
        contact: to,
        ...(r.receipt ? { receiptNumber: r.receipt.number } : {}),
      };
    }),
    followers: person.followers.map((f) => directory.nameOf(f.agentId)),
  });
  return (
    <main id="contenu" class="page falc">
      <h1>{sheet.title}</h1>
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
