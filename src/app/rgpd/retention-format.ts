/** A retention period in words: "3650 jours (10 ans)", years only when they are whole. */
export function describePeriod(days: number): string {
  const years = days / 365;
  const inDays = `${days} jour${days > 1 ? 's' : ''}`;
  if (!Number.isInteger(years)) return inDays;
  return `${inDays} (${years} an${years > 1 ? 's' : ''})`;
}
