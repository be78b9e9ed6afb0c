/**
 * Guide search with 10,000 services on the device (DESIGN §9: p95 ≤ 10 ms per keystroke, ahead
 * of Fuse.js). Prints index build time, index size in memory and serialised, and per-keystroke
 * latency p50/p95 over 50 realistic queries typed letter by letter, for our MiniSearch index
 * and for Fuse.js on the same entries.
 */
import Fuse from 'fuse.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { communes } from '../shared/communes';
import type { ServiceRecord, StructureRecord } from '../shared/guide/schemas';
import { SERVICE_TEMPLATES } from '../scripts/demo-guide/templates';
import { type GuideEntry, toGuideEntries } from '../src/guide/guide-entry';
import { GuideIndex } from '../src/guide/search-index';

const SERVICES = 10_000;
const QUERIES = [
  'aide menagere',
  'aide ménagère à domicile',
  'portage repas',
  'epicerie solidaire',
  'distribution alimentaire',
  'vestiaire',
  'demarches administratives',
  'acces aux droits',
  'juriste',
  'budget',
  'surendettement',
  'aide financiere urgence',
  'conseiller numerique',
  'adresse mail',
  'ordinateur',
  'tablette',
  'pmi',
  'consultation bebe',
  'parents enfants',
  'assistante maternelle',
  'violences',
  'aidants',
  'apa',
  'dossier mdph',
  'complementaire sante',
  'addiction alcool',
  'psychologue',
  'logement social',
  'impayes loyer',
  'hebergement urgence',
  '115',
  'scooter',
  'transport solidaire',
  'permis de conduire',
  'emploi jeunes',
  'cv lettre motivation',
  'rsa',
  'cours de francais',
  'lire ecrire',
  'cafe rencontre',
  'benevole',
  'menagere blois',
  'numerique vendome',
  'repas romorantin',
  'aide menagre',
  'epicrie',
  'surendetement',
  'hebergment',
  'seniors',
  'familles salbris',
];

function generate(): { services: ServiceRecord[]; structures: StructureRecord[] } {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const structures: StructureRecord[] = communes.map((c, i) => ({
    id: `bench-s-${i}`,
    source: 'bench',
    nom: `${['CCAS', 'Association', 'Médiathèque', 'France Services'][i % 4]} de ${c.nom}`,
    date_maj: '2026-01-15',
    code_insee: c.code,
    commune: c.nom,
    latitude: c.lat,
    longitude: c.lon,
    version: 1,
  }));
  const services = Array.from({ length: SERVICES }, (_, i): ServiceRecord => {
    const t = SERVICE_TEMPLATES[i % SERVICE_TEMPLATES.length]!;
    const s = structures[Math.floor(random() * structures.length)]!;
    return {
      id: `bench-${i}`,
      source: 'bench',
      structure_id: s.id,
      nom: i % 3 === 0 ? t.nom : `${t.nom} — ${s.commune}`,
      date_maj: '2026-01-15',
      description: t.description,
      version: 1,
      thematiques: t.thematiques as ServiceRecord['thematiques'],
      publics: t.publics as ServiceRecord['publics'],
      type: t.type,
      frais: t.frais,
      code_insee: s.code_insee,
      commune: s.commune,
    };
  });
  return { services, structures };
}

const gc = (() => {
  setFlagsFromString('--expose-gc');
  const fn = runInNewContext('gc') as () => void;
  return () => fn();
})();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function typeEachQuery(search: (text: string) => unknown): number[] {
  const times: number[] = [];
  for (const query of QUERIES) {
    for (let n = 1; n <= query.length; n += 1) {
      const start = performance.now();
      search(query.slice(0, n));
      times.push(performance.now() - start);
    }
  }
  return times.sort((a, b) => a - b);
}

function measure(
  name: string,
  build: () => { search: (text: string) => unknown; serialised?: () => string },
) {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const index = build();
  const buildMs = performance.now() - started;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const serialisedMb = index.serialised ? index.serialised().length / 2 ** 20 : undefined;
  typeEachQuery(index.search); // warm-up, as the second keystroke of a real session would be
  const times = typeEachQuery(index.search);
  return {
    name,
    buildMs,
    heapMb,
    serialisedMb,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    keystrokes: times.length,
    index,
  };
}

export default async function guideSearchBench(): Promise<void> {
  const data = generate();
  const entries: GuideEntry[] = toGuideEntries(data.services, data.structures);
  const ours = measure('MiniSearch (ours)', () => {
    const index = new GuideIndex(entries);
    return {
      search: (text: string) => index.query(text),
      serialised: () => JSON.stringify(index.toJSON()),
    };
  });
  const fuse = measure('Fuse.js 7', () => {
    const index = new Fuse(entries, {
      keys: [
        { name: 'nom', weight: 4 },
        { name: 'labels', weight: 2 },
        'structureNom',
        'commune',
        'description',
      ],
      ignoreDiacritics: true,
      ignoreLocation: true,
      threshold: 0.35,
    });
    return {
      search: (text: string) => index.search(text),
      serialised: () => JSON.stringify(index.getIndex().toJSON()),
    };
  });
  console.log(
    `${SERVICES} services, ${QUERIES.length} queries typed letter by letter (${ours.keystrokes} keystrokes).`,
  );
  const row = (cells: string[]) =>
    console.log(cells.map((c, i) => (i === 0 ? c.padEnd(20) : c.padStart(14))).join(''));
  row(['', 'build (ms)', 'heap (MB)', 'stored (MB)', 'p50 (ms)', 'p95 (ms)']);
  for (const r of [ours, fuse]) {
    row([
      r.name,
      r.buildMs.toFixed(0),
      r.heapMb.toFixed(1),
      r.serialisedMb?.toFixed(1) ?? '—',
      r.p50.toFixed(2),
      r.p95.toFixed(2),
    ]);
  }
  console.log(
    `Budget: p95 ≤ 10 ms per keystroke → ${ours.p95 <= 10 ? 'met' : 'NOT met'}; ${ours.p95 < fuse.p95 ? 'ahead of' : 'behind'} Fuse.js.`,
  );
}
