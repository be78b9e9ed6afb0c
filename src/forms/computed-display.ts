import { computedFunction } from '../../shared/forms/computed-functions';

/** How a computed value reads on screen; a dash while its inputs are incomplete. */
export function formatComputed(functionName: string, value: unknown): string {
  if (value === undefined) return '— (à compléter)';
  return computedFunction(functionName)?.format(value) ?? String(value);
}
