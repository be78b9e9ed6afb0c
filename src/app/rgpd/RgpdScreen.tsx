import { roleLabels } from '../../../shared/schemas/agent';
import { observe } from '../../db/observe';
import { displayName, readPerson } from '../../db/persons';
import type { Session } from '../../db/session';
import { hrefFor } from '../router';
import { useServices } from '../services';
import { useObservable } from '../use-observable';
import { ExportSection } from './ExportSection';
import { RectifySection } from './RectifySection';
import { RetentionPanel } from './RetentionPanel';

/**
 * "Droits RGPD" of one person, reached from their file: access (export), rectification and
 * the retention periods. The server lets only the cadre of the person's site handle these
 * requests (access-policy.ts `mayHandleRgpdRequest`); the screen says so to anyone else
 * rather than offering buttons the server would refuse. Online only, like the office screens:
 * nothing of a request is kept on the tablet.
 */
export function RgpdScreen({ personId, session }: { personId: string; session: Session }) {
  const { db } = useServices();
  // `null` while reading, so "not on this tablet" is told only once the read has answered.
  const person = useObservable(
    () => observe(async () => (await readPerson(db, personId)) ?? null),
    [db, personId],
  );
  const role = session.agent.role;
  if (role !== 'cadre') {
    return (
      <main id="contenu" class="page">
        <h1>Droits RGPD</h1>
        <p class="alert" role="alert">
          Les demandes RGPD d’une personne (accès à ses données, rectification) sont traitées par le
          cadre de son site. Votre rôle ({roleLabels[role]}) n’y donne pas accès.
          {role === 'administrateur' &&
            ' Les durées de conservation et la purge sont sous Administration › Conservation.'}
        </p>
      </main>
    );
  }
  if (person === undefined) return <p class="loading">Chargement…</p>;
  if (person && !session.agent.siteIds.includes(person.siteId)) {
    return (
      <main id="contenu" class="page">
        <h1>Droits RGPD</h1>
        <p class="alert" role="alert">
          Cette personne est rattachée à une autre MDS que les vôtres : ses demandes RGPD sont
          traitées par le cadre de cette MDS.
        </p>
        <a href={hrefFor({ name: 'person', id: personId })}>Retour à la fiche</a>
      </main>
    );
  }
  const name = person ? displayName(person) : '';
  return (
    <main id="contenu" class="page rgpd">
      <div class="no-print">
        <h1>Droits RGPD{name && ` : ${name}`}</h1>
        <p>
          <a href={hrefFor({ name: 'person', id: personId })}>Retour à la fiche</a>
        </p>
        <p>Ces demandes se traitent en ligne, au bureau : rien n’en est gardé sur la tablette.</p>
      </div>
      <ExportSection personId={personId} personName={name} session={session} />
      {person ? (
        <RectifySection key={person.id} person={person} session={session} />
      ) : (
        <section class="card no-print">
          <h2>Droit de rectification</h2>
          <p>
            Cette fiche n’est pas sur la tablette : synchronisez, ou ouvrez-la depuis la liste des
            personnes de la MDS pour la rectifier.
          </p>
        </section>
      )}
      <RetentionPanel session={session} />
    </main>
  );
}
