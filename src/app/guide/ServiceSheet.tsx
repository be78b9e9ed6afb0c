import { buildFalcSheet } from '../../../shared/guide/falc-sheet';
import { describeWeek, hoursStatus } from '../../guide/opening-hours';
import { hrefFor } from '../router';
import { OrientForm } from './OrientForm';
import { QrCode } from './QrCode';
import type { LoadedGuide } from './use-guide';

function Section({ title, lines }: { title: string; lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <section>
      <h2>{title}</h2>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The easy-to-read sheet of a service, as the person will read it: printable (print styles in
 * guide.css) and shareable by a QR code that opens the same sheet online (/fiche/<id>).
 */
export function ServiceSheet(props: {
  guide: LoadedGuide | undefined;
  serviceId: string;
  visitId?: string;
}) {
  const { guide, serviceId, visitId } = props;
  if (!guide) return <p class="loading">Chargement du guide…</p>;
  const service = guide.servicesById.get(serviceId);
  const back = hrefFor({ name: 'guide', ...(visitId ? { visitId } : {}) });
  if (!service) {
    return (
      <main id="contenu" class="page">
        <h1>Service introuvable</h1>
        <p>Ce service n’est pas (ou plus) dans le guide de cette tablette.</p>
        <a href={back}>Retour au guide</a>
      </main>
    );
  }
  const structure = guide.structuresById.get(service.structure_id);
  const sheet = buildFalcSheet(service, structure);
  const now = new Date();
  const hoursValue = service.horaires_accueil ?? structure?.horaires_accueil;
  const status = hoursStatus(hoursValue, now);
  const url = `${location.origin}/fiche/${encodeURIComponent(service.id)}`;
  const { phone, email, contactName } = sheet.contact;
  return (
    <main id="contenu" class="page service-sheet">
      <p class="no-print">
        <a href={back}>← Retour à la recherche</a>
      </p>
      <article class="card sheet" data-testid="service-sheet">
        <h1>{sheet.title}</h1>
        {sheet.place && <p class="sheet-place">{sheet.place}</p>}
        <p class={`hours hours-${status.state}`} data-testid="hours-status">
          {status.label}
        </p>
        <Section title="C’est quoi ?" lines={sheet.what} />
        <Section title="Pour qui ?" lines={sheet.forWhom} />
        <Section title="Combien ça coûte ?" lines={sheet.cost} />
        <Section title="Ce qu’il faut apporter" lines={sheet.bring} />
        <Section title="Comment y aller" lines={sheet.goThere} />
        <Section title="Horaires cette semaine" lines={describeWeek(hoursValue, now)} />
        {(phone || email || contactName) && (
          <section>
            <h2>Contact</h2>
            <ul>
              {phone && (
                <li>
                  Téléphone : <a href={`tel:${phone.replace(/\s/g, '')}`}>{phone}</a>
                </li>
              )}
              {email && <li>Courriel : {email}</li>}
              {contactName && <li>Contact : {contactName}</li>}
            </ul>
          </section>
        )}
        <figure class="sheet-qr">
          <QrCode text={url} label={`QR code : fiche en ligne de ${service.nom}`} />
          <figcaption>Scannez pour retrouver cette fiche sur votre téléphone.</figcaption>
        </figure>
      </article>
      <div class="actions no-print">
        <button type="button" class="button-primary" onClick={() => window.print()}>
          Imprimer
        </button>
      </div>
      <OrientForm service={service} visitId={visitId} />
    </main>
  );
}
