import type { ChoiceOption } from '../definition-schema';

/** Options from `{ value: label }`, in the order written. */
export function options(labels: Readonly<Record<string, string>>): ChoiceOption[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** The three modalities of AGGIR (aggir.md §1), from the four adverbs S, T, C, H. */
export const AGGIR_MODALITY_OPTIONS = options({
  A: 'A — fait seul, spontanément, totalement, correctement et habituellement',
  B: 'B — fait partiellement (une partie seulement des quatre conditions)',
  C: 'C — ne fait pas (aucune des quatre conditions)',
});
