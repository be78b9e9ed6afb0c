/**
 * French wording of opening hours, from intervals computed by the opening_hours library (on the
 * device, and on the server for the public sheet). Times are read in the local time of the
 * process, as the library computes them.
 */

/** Where public holidays are looked up: France, Centre-Val de Loire (the library needs both). */
export const HOLIDAY_REGION = {
  lat: 47.59,
  lon: 1.33,
  address: { country_code: 'fr', state: 'Centre-Val de Loire' },
};

export const WEEKDAYS = [
  'dimanche',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
] as const;

/** "9 h", "13 h 30", "minuit". */
export function formatHour(date: Date): string {
  const h = date.getHours();
  const m = date.getMinutes();
  if (h === 0 && m === 0) return 'minuit';
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/**
 * One line per day of the week starting at `monday` (Monday first), e.g.
 * "Lundi : de 9 h à 12 h et de 13 h 30 à 17 h", "Samedi : fermé".
 */
export function formatWeek(
  intervals: ReadonlyArray<readonly [Date, Date]>,
  monday: Date,
): string[] {
  const lines: string[] = [];
  for (let offset = 0; offset < 7; offset += 1) {
    const day = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + offset);
    const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
    const ranges = intervals
      .filter(([from]) => from >= day && from < next)
      .map(([from, to]) => `de ${formatHour(from)} à ${formatHour(to)}`);
    const name = WEEKDAYS[day.getDay()]!;
    lines.push(
      `${name[0]!.toUpperCase()}${name.slice(1)} : ${ranges.length > 0 ? ranges.join(' et ') : 'fermé'}`,
    );
  }
  return lines;
}

/** The Monday at 0:00 of the week holding `date`. */
export function mondayOf(date: Date): Date {
  const back = (date.getDay() + 6) % 7;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - back);
}
