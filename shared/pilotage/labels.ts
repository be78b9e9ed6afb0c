/** Where a visit took place, as the dashboard groups it (server/src/pilotage/visit-counts.ts). */
export const PLACE_LABELS = {
  domicile: 'À domicile',
  accueil: 'À la MDS ou au lieu d’accueil',
  autre: 'Ailleurs (établissement, à distance…)',
  inconnu: 'Lieu non précisé',
} as const;
export type Place = keyof typeof PLACE_LABELS;

/** Durations of digital help, in minutes, as brackets `[min, max]` (max included). */
export const DURATION_BRACKETS = [
  { key: 'd15', label: '15 min ou moins', min: 0, max: 15 },
  { key: 'd30', label: '16 à 30 min', min: 16, max: 30 },
  { key: 'd60', label: '31 min à 1 h', min: 31, max: 60 },
  { key: 'd120', label: '1 h à 2 h', min: 61, max: 120 },
  { key: 'dplus', label: 'Plus de 2 h', min: 121, max: 1439 },
] as const;

const MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

/** "2026-03" → "mars 2026". */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${year}`;
}
