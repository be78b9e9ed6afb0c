/** A short title for a saved visit or draft, whatever its form: the person or the child named in it. */
export function visitHeading(answers: Readonly<Record<string, unknown>>): string {
  const text = (key: string) =>
    typeof answers[key] === 'string' ? (answers[key] as string).trim() : '';
  const child = `${text('enfantPrenom')} ${text('enfantNom')}`.trim();
  return text('personName') || text('personneNom') || child || text('titreAtelier');
}
