/** What a PIN must look like, and how wrong ones are slowed down then stopped. */
export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;
/** After this many wrong PINs in a row the personal data is wiped (unsent records kept sealed). */
export const MAX_PIN_FAILURES = 10;
const FREE_FAILURES = 3; // typing slips: no wait for the first three
const FIRST_DELAY_MS = 5_000; // 5 s, doubled at each further failure
const MAX_DELAY_MS = 5 * 60 * 1000; // 5 minutes

/** Why a PIN is refused at set-up, in French, or null when it is acceptable. */
export function pinProblem(pin: string): string | null {
  if (!/^\d+$/.test(pin)) return 'Le code ne doit contenir que des chiffres.';
  if (pin.length < PIN_MIN_DIGITS) return `Le code doit avoir au moins ${PIN_MIN_DIGITS} chiffres.`;
  if (pin.length > PIN_MAX_DIGITS) return `Le code doit avoir au plus ${PIN_MAX_DIGITS} chiffres.`;
  if (/^(\d)\1+$/.test(pin)) return 'Le code ne doit pas répéter un seul chiffre.';
  if ('01234567890'.includes(pin) || '09876543210'.includes(pin))
    return 'Le code ne doit pas être une suite de chiffres.';
  return null;
}

/** How long to wait before the next try after `failures` wrong PINs in a row (milliseconds). */
export function pinRetryDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}
