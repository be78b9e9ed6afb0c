import OpeningHours from 'opening_hours';
import {
  formatHour,
  formatWeek,
  HOLIDAY_REGION,
  mondayOf,
  WEEKDAYS,
} from '../../shared/guide/hours-text';

/**
 * Opening hours in the OpenStreetMap `opening_hours` syntax data·inclusion uses, read by the
 * opening_hours library on the device, in its local time. French public holidays (Centre-Val
 * de Loire) count where the data says so (`PH off`).
 */
export type HoursStatus =
  | { state: 'open'; closesAt?: Date; closingSoon: boolean; label: string }
  | { state: 'closed'; opensAt?: Date; holiday: boolean; label: string }
  | { state: 'unknown'; label: string };

/** "Ferme bientôt" within this time of closing. */
const CLOSING_SOON_MS = 30 * 60 * 1000; // 30 minutes
/** How far ahead the next opening is looked for. */
const LOOKAHEAD_MS = 14 * 24 * 60 * 60 * 1000; // two weeks
const DAY_MS = 24 * 60 * 60 * 1000;

const parsed = new Map<string, OpeningHours | null>();

function read(value: string): OpeningHours | null {
  if (!parsed.has(value)) {
    try {
      parsed.set(value, new OpeningHours(value, HOLIDAY_REGION));
    } catch {
      parsed.set(value, null);
    }
  }
  return parsed.get(value) ?? null;
}

export function hoursStatus(value: string | null | undefined, now: Date): HoursStatus {
  const hours = value ? read(value) : null;
  if (!hours)
    return { state: 'unknown', label: value ? 'Horaires à vérifier' : 'Horaires non précisés' };
  // A rule that is only a comment ("sur rendez-vous") leaves the state unknown.
  if (hours.getUnknown(now)) return { state: 'unknown', label: 'Horaires à vérifier' };
  const next = hours.getNextChange(now, new Date(now.getTime() + LOOKAHEAD_MS));
  if (hours.getState(now)) {
    if (!next) return { state: 'open', closingSoon: false, label: 'Ouvert maintenant' };
    const closingSoon = next.getTime() - now.getTime() <= CLOSING_SOON_MS;
    const when = sameDay(next, now)
      ? `à ${formatHour(next)}`
      : `${dayWord(next, now)} à ${formatHour(next)}`;
    return {
      state: 'open',
      closesAt: next,
      closingSoon,
      label: `Ouvert maintenant · ${closingSoon ? 'ferme bientôt, ' : 'ferme '}${when}`,
    };
  }
  const holiday = hours.getPublicHolidayContext(now).isHoliday;
  const closed = holiday ? 'Fermé (jour férié)' : 'Fermé';
  if (!next) return { state: 'closed', holiday, label: closed };
  const when = sameDay(next, now)
    ? `à ${formatHour(next)}`
    : `${dayWord(next, now)} à ${formatHour(next)}`;
  return { state: 'closed', opensAt: next, holiday, label: `${closed} · ouvre ${when}` };
}

/** The week of `now`, one line a day in French ("Lundi : de 9 h à 12 h et de 14 h à 17 h"). */
export function describeWeek(value: string | null | undefined, now: Date): string[] {
  const hours = value ? read(value) : null;
  if (!hours) return value ? [value] : [];
  const monday = mondayOf(now);
  const end = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 7);
  return formatWeek(
    hours.getOpenIntervals(monday, end).map(([from, to]) => [from, to] as const),
    monday,
  );
}

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/** "demain", "lundi", or "lundi 3 août" beyond a week. */
function dayWord(date: Date, now: Date): string {
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOf(date) - startOf(now)) / DAY_MS);
  if (days === 1) return 'demain';
  const name = WEEKDAYS[date.getDay()]!;
  return days < 7
    ? name
    : `${name} ${date.getDate()} ${date.toLocaleDateString('fr-FR', { month: 'long' })}`;
}
