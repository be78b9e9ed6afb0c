/** French formatting of instants and dates, in the device's time zone. */
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** "23/11/2026 10:42" from an ISO instant. */
export function formatInstant(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "23 novembre 2026" from a calendar date (YYYY-MM-DD), whatever the time zone. */
export function formatDate(isoDate: string): string {
  return longDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/** Today as YYYY-MM-DD in the device's time zone. */
export function todayIsoDate(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/**
 * A count with its noun agreed in French, where 0 and 1 take the singular: "1 tâche en retard",
 * "0 effacé", "3 essais".
 */
export function countOf(count: number, singular: string, plural: string): string {
  return `${count} ${count < 2 ? singular : plural}`;
}
