import { describe, expect, it } from 'vitest';
import { visiteDomicileAnswersSchema } from './visite-domicile';

const good = {
  personName: 'Jeanne Martin',
  communeInsee: '41018',
  date: '2026-11-20',
  reason: 'Suivi',
  notes: '',
};

describe('visite à domicile v1 answers', () => {
  it('accepts a complete visit in a commune of Loir-et-Cher', () => {
    expect(visiteDomicileAnswersSchema.parse(good)).toEqual(good);
  });

  it('refuses a commune outside the département and names each missing field in French', () => {
    const result = visiteDomicileAnswersSchema.safeParse({
      ...good,
      communeInsee: '75056',
      personName: ' ',
      reason: '',
    });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(
      result.error!.issues.map((i) => [i.path.join('.'), i.message]),
    );
    expect(byField).toEqual({
      communeInsee: 'Choisissez une commune de Loir-et-Cher.',
      personName: 'Indiquez le nom de la personne.',
      reason: 'Indiquez le motif de la visite.',
    });
  });

  it('says in French what is missing when a field is absent', () => {
    const result = visiteDomicileAnswersSchema.safeParse({ notes: '' });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'Indiquez le nom de la personne.',
      'Choisissez une commune de Loir-et-Cher.',
      'Indiquez la date de la visite (jj/mm/aaaa).',
      'Indiquez le motif de la visite.',
    ]);
  });

  it('refuses an impossible date', () => {
    expect(visiteDomicileAnswersSchema.safeParse({ ...good, date: '2026-02-30' }).success).toBe(
      false,
    );
    expect(visiteDomicileAnswersSchema.safeParse({ ...good, date: '1890-01-01' }).success).toBe(
      false,
    );
  });
});
