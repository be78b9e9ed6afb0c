/**
 * The two drivers parse some types differently: `bigint` is a string with pg and a number
 * with PGlite. Rows declare such columns as `Int8` and go through these helpers.
 */
export type Int8 = string | number;

export function toSafeInt(value: Int8): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`Entier hors limites : ${String(value)}`);
  return n;
}

/** Both drivers give `timestamptz` as a Date; the protocol speaks ISO 8601 in UTC. */
export function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
