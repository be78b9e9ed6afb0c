/**
 * `npm run generate:guide-demo`: writes server/src/seed/data/guide-demo.json, the DEMO service
 * guide the demo seed imports: the 12 MDS, France Services and other structures in real
 * communes of Loir-et-Cher, and their services. Everything but the MDS names and the communes
 * is invented: France Services locations are plausible, not the real list; addresses are
 * generic; phone numbers are in the range ARCEP reserves for fiction (02 61 91 xx xx); mails
 * use example.org. Deterministic: the same script writes the same file.
 */
import { writeFileSync } from 'node:fs';
import { communes } from '../shared/communes';
import mds from '../server/src/seed/data/mds-41.json' with { type: 'json' };
import { SERVICE_TEMPLATES, type ServiceTemplate } from './demo-guide/templates';

const OUT = 'server/src/seed/data/guide-demo.json';
const SOURCE = 'demo-dernier-km';
const DATE_MAJ = '2026-01-15';
const HOURS = [
  'Mo-Fr 09:00-12:00,13:30-17:00; PH off',
  'Mo-Th 08:30-12:00,13:30-17:30; Fr 08:30-12:00,13:30-16:30; PH off',
  'Tu,Th 14:00-17:00; PH off',
  'We 09:00-12:00; Sa 09:00-12:00; PH off',
  'Mo,We,Fr 09:00-12:00; PH off',
  'Mo-Fr 09:00-17:00',
];
type Kind = ServiceTemplate['at'][number];

let seed = 41;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const phone = () =>
  `02 61 91 ${String(10 + Math.floor(random() * 90))} ${String(10 + Math.floor(random() * 90))}`;
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function commune(name: string) {
  const found = communes.find((c) => c.nom === name);
  if (!found) throw new Error(`Commune inconnue : ${name}`);
  return found;
}

interface DemoStructure {
  kind: Kind;
  record: Record<string, unknown>;
}
const structures: DemoStructure[] = [];

function addStructure(
  kind: Kind,
  nom: string,
  communeName: string,
  extra: Record<string, unknown> = {},
) {
  const c = commune(communeName);
  structures.push({
    kind,
    record: {
      id: `${SOURCE}--${kind}-${slug(communeName)}${structures.filter((s) => s.record.commune === c.nom && s.kind === kind).length || ''}`,
      source: SOURCE,
      nom,
      date_maj: DATE_MAJ,
      description: 'Données de démonstration : structure fictive ou adresse inventée.',
      adresse: pick([
        '1 place de la Mairie',
        '3 rue de la République',
        '12 avenue de Verdun',
        '5 rue du Château',
        '8 place du Marché',
      ]),
      code_postal: c.codesPostaux[0],
      code_insee: c.code,
      commune: c.nom,
      latitude: c.lat,
      longitude: c.lon,
      telephone: phone(),
      courriel: `${slug(nom).slice(0, 40)}@example.org`,
      horaires_accueil: HOURS[0],
      ...extra,
    },
  });
}

for (const site of mds.sites) {
  addStructure('mds', site.nom, site.commune, {
    reseaux_porteurs: ['departements'],
    description:
      'Maison des Solidarités du Conseil départemental. Adresse et téléphone de démonstration.',
  });
}
for (const town of [
  'Blois',
  'Vendôme',
  'Romorantin-Lanthenay',
  'Mondoubleau',
  'Montoire-sur-le-Loir',
  'Savigny-sur-Braye',
  'Beauce la Romaine',
  'Oucques La Nouvelle',
  'Le Controis-en-Sologne',
  'Saint-Aignan',
  'Lamotte-Beuvron',
  'Salbris',
  'Mer',
  'Montrichard Val de Cher',
  'Selles-sur-Cher',
  'Bracieux',
  'Neung-sur-Beuvron',
  'Mennetou-sur-Cher',
]) {
  addStructure('france-services', `France Services de ${town}`, town, {
    reseaux_porteurs: ['france-service'],
    description:
      'France Services FICTIVE (données de démonstration) : lieu plausible, pas la liste officielle.',
    horaires_accueil: pick(HOURS.slice(0, 2)),
  });
}
for (const town of [
  'Blois',
  'Romorantin-Lanthenay',
  'Vendôme',
  'Vineuil',
  'Mer',
  'Salbris',
  'Lamotte-Beuvron',
  'La Chaussée-Saint-Victor',
  'Saint-Laurent-Nouan',
  'Selles-sur-Cher',
  'Montoire-sur-le-Loir',
  'Montrichard Val de Cher',
]) {
  addStructure('ccas', `CCAS de ${town}`, town, { reseaux_porteurs: ['ccas-cias'] });
}
for (const [nom, town] of [
  ['Solidarité Loir-et-Cher', 'Blois'],
  ['Entraide du Vendômois', 'Vendôme'],
  ['Les Amis de Sologne', 'Romorantin-Lanthenay'],
  ['Accueil et Partage', 'Mer'],
  ['Le Pont des Générations', 'Saint-Aignan'],
  ['Association Vivre Ensemble', 'Salbris'],
  ['Secours de la Vallée du Cher', 'Selles-sur-Cher'],
  ['Familles du Perche', 'Mondoubleau'],
  ['Relais Santé Beauce', 'Beauce la Romaine'],
  ['Coup de Pouce Controis', 'Le Controis-en-Sologne'],
] as const) {
  addStructure('association', `${nom} (démo)`, town);
}
for (const town of [
  'Blois',
  'Vendôme',
  'Romorantin-Lanthenay',
  'Vineuil',
  'Mer',
  'Montoire-sur-le-Loir',
  'Bracieux',
  'Lamotte-Beuvron',
]) {
  addStructure('mediatheque', `Médiathèque de ${town}`, town, {
    reseaux_porteurs: ['conseillers-numeriques'],
    horaires_accueil:
      'Tu 14:00-18:00; We 10:00-12:00,14:00-18:00; Fr 14:00-18:00; Sa 10:00-17:00; PH off',
  });
}
for (const town of ['Blois', 'Vendôme', 'Romorantin-Lanthenay']) {
  addStructure('caf-cpam', `Point d’accueil CAF et Assurance maladie de ${town}`, town, {
    reseaux_porteurs: ['caf', 'cpam'],
  });
  addStructure('mission-locale', `Mission locale de ${town}`, town, {
    reseaux_porteurs: ['mission-locale'],
  });
}

let n = 0;
const services = SERVICE_TEMPLATES.flatMap((template) =>
  structures
    .filter((s) => template.at.includes(s.kind))
    // Not every structure offers every service of its kind: about 60 % do.
    .filter(() => random() < 0.6)
    .map(({ record: s }) => {
      n += 1;
      const urgent = template.nom.startsWith('Hébergement');
      return {
        id: `${SOURCE}--svc-${String(n).padStart(4, '0')}`,
        source: SOURCE,
        structure_id: s.id,
        nom: template.nom,
        date_maj: DATE_MAJ,
        description: template.description,
        type: template.type,
        thematiques: template.thematiques,
        publics: template.publics,
        frais: template.frais,
        ...(template.conditions ? { conditions_acces: template.conditions } : {}),
        modes_accueil: random() < 0.2 ? ['en-presentiel', 'a-distance'] : ['en-presentiel'],
        modes_mobilisation: template.modes,
        mobilisable_par: ['usagers', 'professionnels'],
        adresse: s.adresse,
        code_postal: s.code_postal,
        code_insee: s.code_insee,
        commune: s.commune,
        latitude: s.latitude,
        longitude: s.longitude,
        telephone: urgent ? '115' : phone(),
        horaires_accueil: urgent ? '24/7' : pick(HOURS),
        zone_eligibilite: ['41'],
      };
    }),
);

const file = {
  note: 'DONNÉES DE DÉMONSTRATION, générées par scripts/generate-demo-guide.ts. Seuls les noms des 12 MDS et les communes sont réels ; adresses, téléphones (plage fictive ARCEP 02 61 91), horaires, emplacements des France Services et services sont inventés.',
  structures: structures.map((s) => s.record),
  services,
};
writeFileSync(OUT, `${JSON.stringify(file, null, 1)}\n`);
console.info(`${OUT} : ${file.structures.length} structures, ${services.length} services.`);
