/**
 * The key two person files are compared by for duplicates: last name then first name, lower
 * case, accents, hyphens, apostrophes and extra spaces removed ("Lefèvre-D'Arc  Zoé" →
 * "lefevre d arc zoe"). Same function on the tablet (offline search) and the server.
 */
export function nameKey(lastName: string, firstName: string): string {
  return foldName(`${lastName} ${firstName}`);
}

export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/giu, 'oe')
    .replace(/æ/giu, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
