import { createHash } from 'node:crypto';
import OpeningHours from 'opening_hours';
import type { FalcSheet } from '../../../shared/guide/falc-sheet';
import { formatWeek, HOLIDAY_REGION, mondayOf } from '../../../shared/guide/hours-text';

/**
 * The public page of a service sheet, opened from its QR code on anyone's phone: plain HTML,
 * no script at all, one small stylesheet allowed by its hash in the Content-Security-Policy.
 */
const STYLE = `body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;color:#111}
h1{font-size:1.6rem;color:#005f73}h2{font-size:1.2rem;margin-top:1.5rem}li{margin:.3rem 0}
a{color:#005f73}.note{color:#444;font-size:.9rem;margin-top:2rem}`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

export const SHEET_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

export function renderSheetHtml(sheet: FalcSheet, hours: string[]): string {
  const section = (title: string, lines: string[]) =>
    lines.length === 0
      ? ''
      : `<h2>${escape(title)}</h2><ul>${lines.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>`;
  const { phone, email, contactName } = sheet.contact;
  const contact = [
    phone
      ? `<li>Téléphone : <a href="tel:${escape(phone.replace(/\s/g, ''))}">${escape(phone)}</a></li>`
      : '',
    email ? `<li>Courriel : <a href="mailto:${escape(email)}">${escape(email)}</a></li>` : '',
    contactName ? `<li>Contact : ${escape(contactName)}</li>` : '',
  ].join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(sheet.title)}</title><style>${STYLE}</style></head><body><main>
<h1>${escape(sheet.title)}</h1>${sheet.place ? `<p>${escape(sheet.place)}</p>` : ''}
${section('C’est quoi ?', sheet.what)}${section('Pour qui ?', sheet.forWhom)}${section('Combien ça coûte ?', sheet.cost)}
${section('Ce qu’il faut apporter', sheet.bring)}${section('Comment y aller', sheet.goThere)}
${section('Horaires cette semaine', hours)}${contact ? `<h2>Contact</h2><ul>${contact}</ul>` : ''}
<p class="note">Fiche du guide des services de Loir-et-Cher. Appelez avant de vous déplacer : les horaires peuvent changer.</p>
</main></body></html>`;
}

/**
 * The hours of the coming week in French, one line a day (a public holiday that week shows
 * closed where the data says `PH off`), or the raw text when the library cannot read it.
 */
export function describeHours(value: string | null | undefined, now: Date): string[] {
  if (!value) return [];
  try {
    const hours = new OpeningHours(value, HOLIDAY_REGION);
    const monday = mondayOf(now);
    const sunday = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7);
    return formatWeek(
      hours.getOpenIntervals(monday, sunday).map(([from, to]) => [from, to] as const),
      monday,
    );
  } catch {
    return [value];
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
