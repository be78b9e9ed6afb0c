/**
 * A record in one canonical form: keys sorted, null and undefined fields dropped. The same
 * data from a JSON or a CSV file, or read back from jsonb (which reorders keys), gives the same
 * string, so a re-import can tell "unchanged" from "updated" exactly.
 */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== null && field !== undefined) out[key] = canonicalize(field);
  }
  return out;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}
