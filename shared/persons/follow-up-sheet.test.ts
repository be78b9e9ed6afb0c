import { describe, expect, it } from 'vitest';
import { buildFollowUpSheet, type FollowUpInput } from './follow-up-sheet';
import { receiverWords, visitWords } from './follow-up-words';
import { referralStatuses } from './referral-status';

const BLOIS = { name: 'Maison des Solidarités de Blois', commune: 'Blois' };

describe('easy-to-read follow-up sheet', () => {
  const input: FollowUpInput = {
    personName: 'Jeanne Moreau',
    fileNumber: '2026-000010',
    site: BLOIS,
    visits: [
      { date: '2026-11-20', what: 'visite de la puéricultrice', receiptNumber: '2026-000012' },
    ],
    referrals: [
      {
        date: '2026-11-21T09:30:00.000Z',
        to: { kind: 'partner', name: 'CAF' },
        status: 'recue',
        receiptNumber: '2026-000013',
      },
      {
        date: '2026-11-22T10:00:00.000Z',
        to: { kind: 'professional', name: 'Nadia Benali', profession: 'conseillère autonomie' },
        status: 'envoyee',
      },
      {
        date: '2026-11-23T10:00:00.000Z',
        to: { kind: 'partner', name: 'France Travail' },
        status: 'cloturee',
        receiptNumber: '2026-000015',
      },
    ],
    nextVisit: { date: '2026-12-03', who: 'Sophie Lefèvre' },
    followers: ['Sophie Lefèvre'],
  };
  const sheet = buildFollowUpSheet(input);

  it('says what was recorded, with the file’s number and each record’s, and each referral’s status', () => {
    expect(sheet.recorded).toEqual([
      'Votre dossier porte le numéro 2026-000010.',
      'Le 20 novembre 2026 : visite de la puéricultrice.',
      'Votre numéro de suivi est le 2026-000012.',
      'Le 21 novembre 2026 : demande envoyée à la CAF.',
      'Votre demande est bien reçue.',
      'Votre numéro de suivi est le 2026-000013.',
      'Le 22 novembre 2026 : demande envoyée à Nadia Benali.',
      'Votre demande est envoyée.',
      'Votre numéro de suivi vous sera donné à la prochaine visite.',
      'Le 23 novembre 2026 : demande envoyée à France Travail.',
      'Votre demande est terminée.',
      'Votre numéro de suivi est le 2026-000015.',
    ]);
  });

  it('says who will come and when, and who will contact the person for each open referral', () => {
    expect(sheet.next).toEqual([
      'Sophie Lefèvre vous verra le 3 décembre 2026.',
      'La CAF va vous contacter.',
      'Nadia Benali va vous contacter.',
      'Son métier : conseillère autonomie.',
      'Les professionnels qui vous suivent : Sophie Lefèvre.',
    ]);
  });

  it('says how to ask where the file stands: the MDS, the file’s number, the professional', () => {
    expect(sheet.ask).toEqual([
      'Vous voulez savoir où en est votre dossier ?',
      'Appelez ou venez à la Maison des Solidarités de Blois.',
      'Donnez le numéro de votre dossier : 2026-000010.',
      'Vous pouvez aussi demander à Sophie Lefèvre.',
      'C’est gratuit.',
    ]);
  });

  it('still tells a file not yet sent how to ask, and what comes next when nothing is planned', () => {
    const bare = buildFollowUpSheet({
      personName: 'Paul Roux',
      site: { name: 'Antenne de Selles', commune: 'Selles-sur-Cher' },
      visits: [],
      referrals: [],
      followers: [],
    });
    expect(bare.recorded).toEqual([
      'Le numéro de votre dossier vous sera donné à la prochaine visite.',
    ]);
    expect(bare.next).toEqual(['Votre professionnel vous dira la suite.']);
    expect(bare.ask).toEqual([
      'Vous voulez savoir où en est votre dossier ?',
      'Appelez ou venez à l’Antenne de Selles.',
      'Elle se trouve à Selles-sur-Cher.',
      'Donnez votre nom et votre date de naissance.',
      'C’est gratuit.',
    ]);
  });

  it('keeps to short sentences, one idea each, whatever the status', () => {
    const every = buildFollowUpSheet({
      ...input,
      referrals: referralStatuses.map((status) => ({
        date: '2026-11-21',
        to: { kind: 'site', name: 'Maison des Solidarités de Veuzain-sur-Loire' },
        status,
      })),
    });
    expect(every.recorded).toContain('Votre demande n’a pas été acceptée.');
    for (const line of [...every.recorded, ...every.next, ...every.ask]) {
      expect(line.split(/\s+/).length).toBeLessThanOrEqual(15);
      expect(line.match(/[.?]/g)).toHaveLength(1);
    }
  });
});

describe('follow-up sheet words', () => {
  it.each([
    [{ kind: 'partner', name: 'CAF' }, 'La CAF', 'à la CAF'],
    [{ kind: 'partner', name: 'CPAM' }, 'La CPAM', 'à la CPAM'],
    [{ kind: 'partner', name: 'MSA' }, 'La MSA', 'à la MSA'],
    [{ kind: 'partner', name: 'France Travail' }, 'France Travail', 'à France Travail'],
    [
      { kind: 'partner', name: 'France Services' },
      'L’espace France Services',
      'à l’espace France Services',
    ],
    [
      { kind: 'partner', name: 'Épicerie solidaire' },
      'Le service « Épicerie solidaire »',
      'au service « Épicerie solidaire »',
    ],
    [
      { kind: 'site', name: 'Maison des Solidarités de Vendôme' },
      'La Maison des Solidarités de Vendôme',
      'à la Maison des Solidarités de Vendôme',
    ],
    [{ kind: 'professional', name: 'Nadia Benali' }, 'Nadia Benali', 'à Nadia Benali'],
  ] as const)('names %o as “%s … va vous contacter” and “envoyée %s”', (to, subject, after) => {
    expect(receiverWords(to)).toEqual({ subject, to: after });
  });

  it('tells a visit by what it was for the person, never by a form code or an abbreviation', () => {
    expect(visitWords('aggir-evaluation', 'Évaluation AGGIR')).toBe(
      'évaluation de votre autonomie',
    );
    expect(visitWords('bien-etre', 'Bien-être du parent (EPDS)')).toBe('bien-être du parent');
    expect(visitWords('atelier', 'CAF : dossier APL')).toBe('CAF : dossier APL');
    expect(visitWords('inconnu', undefined)).toBe('rendez-vous avec un professionnel');
  });
});
