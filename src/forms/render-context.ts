import type { FormEvaluation } from '../../shared/forms/evaluate-form';
import type { AnswerPath } from './answer-paths';

/** What every field of the renderer needs: the answers, what the engine made of them, errors, and how to change one. */
export interface RenderContext {
  answers: Readonly<Record<string, unknown>>;
  evaluation: FormEvaluation;
  /** Computed values by path key. */
  computed: ReadonlyMap<string, unknown>;
  /** French error messages by path key, shown next to their field. */
  errors: ReadonlyMap<string, string>;
  onChange(path: AnswerPath, value: unknown): void;
}
