import type { AvisAnswer } from '../../../shared/avis/avis';

const MOUTHS: Record<AvisAnswer, string> = {
  oui: 'M16 30 Q24 38 32 30',
  moyen: 'M16 32 L32 32',
  non: 'M16 35 Q24 27 32 35',
};
const COLORS: Record<AvisAnswer, string> = { oui: '#17663a', moyen: '#8a4b00', non: '#b00020' };

/** A face for an answer: smiling, straight, sad. Decorative: the button says the word. */
export function Pictogram({ answer }: { answer: AvisAnswer }) {
  return (
    <svg viewBox="0 0 48 48" width="72" height="72" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="#fff" stroke={COLORS[answer]} stroke-width="3" />
      <circle cx="17" cy="19" r="2.5" fill={COLORS[answer]} />
      <circle cx="31" cy="19" r="2.5" fill={COLORS[answer]} />
      <path
        d={MOUTHS[answer]}
        fill="none"
        stroke={COLORS[answer]}
        stroke-width="3"
        stroke-linecap="round"
      />
    </svg>
  );
}
