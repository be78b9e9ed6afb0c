import { createHash } from 'node:crypto';
import type { HeldFile } from './collect-visit-file';

/**
 * The readable, printable page of an RGPD export: one section per kind of record, each record
 * as a list of its fields. No script; one stylesheet allowed by its hash.
 */
const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:0 auto;padding:1rem;color:#111}
h1{font-size:1.5rem;color:#005f73}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #999}
section.record{border:1px solid #ccc;border-radius:4px;padding:.5rem 1rem;margin:1rem 0;break-inside:avoid}
dl{display:grid;grid-template-columns:minmax(10rem,auto) 1fr;gap:.2rem 1rem;margin:0}dt{font-weight:600}dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
@media print{body{max-width:none;font-size:11pt}h2{break-after:avoid}}`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

export const FILE_PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const TABLE_TITLES: Record<string, string> = {
  persons: 'Fiche de la personne',
  person_followers: 'Professionnels qui suivent la personne',
  follow_periods: 'Historique des suivis (début et fin)',
  visits: 'Visites',
  orientations: 'Orientations vers le guide des services',
  referrals: 'Orientations entre professionnels',
  referral_events: 'Historique des orientations',
  tasks: 'Tâches',
  audit_log: 'Qui a consulté ou modifié ces informations',
};

export function renderFileHtml(
  file: HeldFile,
  meta: { title: string; generatedAt: string },
): string {
  const sections = Object.entries(file.tables)
    .map(([table, rows]) => {
      const title = escape(TABLE_TITLES[table] ?? table);
      const body =
        rows.length === 0
          ? '<p>Aucun enregistrement.</p>'
          : rows.map((row) => `<section class="record"><dl>${fields(row)}</dl></section>`).join('');
      return `<h2>${title} (${rows.length})</h2>${body}`;
    })
    .join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(meta.title)}</title><style>${STYLE}</style></head><body><h1>${escape(meta.title)}</h1><p>Document établi le ${escape(meta.generatedAt)} au titre du droit d’accès (RGPD, article 15). Il contient toutes les informations que le serveur du département détient, telles qu’elles sont enregistrées.</p>${sections}</body></html>`;
}

function fields(row: Record<string, unknown>): string {
  return Object.entries(row)
    .map(([key, value]) => `<dt>${escape(key)}</dt><dd>${escape(show(value))}</dd>`)
    .join('');
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 2);
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
