/** Small data·inclusion files for the guide tests, in JSON and CSV. */
export const STRUCTURE_A = {
  id: 'test--mds-blois',
  source: 'test',
  nom: 'Maison des Solidarités de Blois',
  date_maj: '2026-01-15',
  code_insee: '41018',
  commune: 'Blois',
  latitude: 47.58,
  longitude: 1.33,
  telephone: '02 61 91 00 01',
  horaires_accueil: 'Mo-Fr 09:00-12:00,13:30-17:00; PH off',
};

export const SERVICE_A = {
  id: 'test--svc-1',
  source: 'test',
  structure_id: STRUCTURE_A.id,
  nom: 'Aide ménagère',
  date_maj: '2026-01-15',
  description: 'Une aide à domicile pour le ménage.',
  type: 'aide-materielle',
  thematiques: ['equipement-et-alimentation--aide-menagere'],
  publics: ['seniors'],
  frais: 'payant',
  code_insee: '41018',
  commune: 'Blois',
  telephone: '02 61 91 00 02',
};

export const SERVICE_B = {
  ...SERVICE_A,
  id: 'test--svc-2',
  nom: 'Épicerie solidaire',
  thematiques: ['equipement-et-alimentation--alimentation'],
};

export const bytes = (text: string) => new TextEncoder().encode(text);
export const jsonFile = (value: unknown) => bytes(JSON.stringify(value, null, 2));

/** A file with a good structure, two good services and three bad rows, one per line. */
export const WITH_BAD_ROWS = [
  '{',
  '  "structures": [',
  `    ${JSON.stringify(STRUCTURE_A)}`,
  '  ],',
  '  "services": [',
  `    ${JSON.stringify(SERVICE_A)},`,
  `    ${JSON.stringify({ ...SERVICE_B, thematiques: ['cuisine--inconnue'] })},`,
  `    ${JSON.stringify({ ...SERVICE_B, id: 'test--svc-3', structure_id: 'test--absente' })},`,
  `    ${JSON.stringify({ ...SERVICE_B, id: 'test--svc-4', date_maj: 'hier' })},`,
  `    ${JSON.stringify({ ...SERVICE_B, id: 'test--svc-5' })}`,
  '  ]',
  '}',
].join('\n');

export const STRUCTURES_CSV = [
  'id;source;nom;date_maj;code_insee;commune;latitude;longitude;reseaux_porteurs;horaires_accueil',
  'test--fs-mer;test;France Services de Mer;2026-01-15;41136;Mer;47,71;1,50;france-service;Mo-Fr 09:00-12:00',
  'test--ccas-mer;test;CCAS de Mer;2026-01-15;41136;Mer;;;ccas-cias;',
].join('\n');

export const SERVICES_CSV = [
  'id,source,structure_id,nom,date_maj,description,thematiques,publics,frais',
  'test--csv-1,test,test--fs-mer,Aide aux démarches,2026-01-15,"Aide pour vos papiers, CAF, impôts.",difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives,tous-publics,gratuit',
  'test--csv-2,test,test--ccas-mer,Portage de repas,2026-01-15,Des repas livrés.,equipement-et-alimentation--alimentation|famille--soutien-aidants,seniors,payant',
  'test--csv-3,test,test--ccas-mer,,2026-01-15,Sans nom.,,,gratuit',
].join('\n');
