import { describe, expect, it } from 'vitest';
import { buildFollowUpSheet } from './follow-up-sheet';

describe('easy-to-read follow-up sheet', () => {
  const sheet = buildFollowUpSheet({
    personName: 'Jeanne Moreau',
    siteName: 'MDS de Blois',
    visits: [{ date: '2026-11-20', what: 'visite à domicile', receiptNumber: '2026-000012' }],
    referrals: [
      {
        date: '2026-11-21',
        to: 'la CAF',
        status: 'recue',
        receiptNumber: '2026-000013',
        contact: 'La CAF',
      },
      { date: '2026-11-22', to: 'Nadia Benali', status: 'envoyee', contact: 'Nadia Benali' },
    ],
    followers: ['Sophie Lefèvre'],
  });

  it('gives the receipt number of each record and the status of each referral', () => {
    expect(sheet.recorded).toContain('Votre numéro de suivi est le 2026-000012.');
    expect(sheet.recorded).toContain('Votre numéro de suivi est le 2026-000013.');
    expect(sheet.recorded).toContain('Votre demande est bien reçue.');
    expect(sheet.recorded).toContain(
      'Votre numéro de suivi vous sera donné à la prochaine visite.',
    );
  });

  it('says who will contact the person and how to ask where the file stands', () => {
    expect(sheet.next).toEqual([
      'La CAF va vous contacter.',
      'Nadia Benali va vous contacter.',
      'Les professionnels qui vous suivent : Sophie Lefèvre.',
    ]);
    expect(sheet.ask).toContain('Appelez ou venez à la MDS de Blois.');
  });

  it('keeps to short sentences, one idea each', () => {
    for (const line of [...sheet.recorded, ...sheet.next, ...sheet.ask]) {
      expect(line.split(/\s+/).length).toBeLessThanOrEqual(15);
    }
  });
});
