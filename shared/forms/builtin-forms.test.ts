import { describe, expect, it } from 'vitest';
import { buildAnswersSchema } from './answers-schema';
import { AGGIR_EVALUATION } from './definitions/aggir-evaluation';
import { CRA_MEDIATION_NUMERIQUE } from './definitions/cra-mediation-numerique';
import { PMI_VISITE } from './definitions/pmi-visite';
import { evaluateForm } from './evaluate-form';

const AGGIR_SUBS = [
  'coherence_communication',
  'coherence_comportement',
  'orientation_temps',
  'orientation_espace',
  'toilette_haut',
  'toilette_bas',
  'habillage_haut',
  'habillage_moyen',
  'habillage_bas',
  'alimentation_seServir',
  'alimentation_manger',
  'elimination_urinaire',
  'elimination_fecale',
  'transferts',
  'deplacementsInterieur',
  'deplacementsExterieur',
  'communicationADistance',
];
const aggirBase = {
  dateEvaluation: '2026-05-04',
  personneNom: 'M. Test',
  lieuEvaluation: 'domicile',
  consentement: { statut: 'donne' },
};
const grid = (value: string, overrides: Record<string, string> = {}) => ({
  ...aggirBase,
  ...Object.fromEntries(AGGIR_SUBS.map((s) => [s, value])),
  ...overrides,
});

describe('the AGGIR form', () => {
  it('computes the GIR with its rank and group: all A, all B, all C', () => {
    const gir = (answers: Record<string, unknown>) =>
      buildAnswersSchema(AGGIR_EVALUATION).parse(answers).gir;
    expect(gir(grid('A'))).toEqual({ gir: 6, rank: 13, group: 'H' });
    expect(gir(grid('B'))).toEqual({ gir: 4, rank: 10, group: 'G' });
    expect(gir(grid('C'))).toEqual({ gir: 1, rank: 1, group: 'A' });
  });

  it('combines sub-variables by the official rules before the algorithm (alimentation BC = C)', () => {
    const answers = buildAnswersSchema(AGGIR_EVALUATION).parse(
      grid('A', {
        alimentation_seServir: 'B',
        alimentation_manger: 'C',
        toilette_haut: 'A',
        toilette_bas: 'C',
      }),
    );
    expect(answers).toMatchObject({ alimentation: 'C', toilette: 'B' });
  });

  it('gives no GIR while the grid is incomplete, and keeps the decided GIR apart', () => {
    const partial = evaluateForm(AGGIR_EVALUATION, grid('A', { transferts: '' }));
    expect(partial.computed.find((c) => c.path[0] === 'gir')?.value).toBeUndefined();
    expect(
      buildAnswersSchema(AGGIR_EVALUATION).parse({
        ...grid('B'),
        girRetenu: '3',
        girRetenuMotif: 'Équipe',
      }),
    ).toMatchObject({ gir: { gir: 4 }, girRetenu: '3' });
  });
});

describe('the PMI form', () => {
  const epds = (positions: number[]) =>
    Object.fromEntries(positions.map((p, i) => [`epds${i + 1}`, String(p)]));
  const base = {
    dateVisite: '2026-03-01',
    motif: 'suivi',
    enfantNom: 'Martin',
    enfantPrenom: 'Léo',
    enfantDateNaissance: '2026-01-01',
    poids: 4200,
    alimentation: 'mixte',
    epdsPropose: true,
    consentement: { statut: 'donne' },
  };

  it('scores the EPDS from printed positions with the reversed items, and flags the threshold', () => {
    // Items 1, 2, 4 score their position; 3, 5–10 are reversed: position 3 scores 0.
    const answers = buildAnswersSchema(PMI_VISITE).parse({
      ...base,
      ...epds([3, 3, 0, 3, 0, 3, 3, 3, 3, 3]),
    });
    expect(answers.epdsScore).toEqual({ total: 15, aboveThreshold: true, selfHarmAlert: false });
    expect(answers.ageEnfant).toEqual({ days: 59, months: 2 });
    expect(answers).not.toHaveProperty('epdsAlerteAcquittee');
  });

  it('raises the item 10 alert and requires the professional’s acknowledgement', () => {
    const answers = { ...base, ...epds([0, 0, 3, 0, 3, 3, 3, 3, 3, 2]) };
    const evaluation = evaluateForm(PMI_VISITE, answers);
    expect(evaluation.visible.has('epdsAlerte')).toBe(true);
    expect(evaluation.issues).toEqual([
      { path: ['epdsAlerteAcquittee'], message: 'Ce champ est obligatoire.' },
    ]);
    expect(evaluateForm(PMI_VISITE, { ...answers, epdsAlerteAcquittee: false }).issues).toEqual([
      { path: ['epdsAlerteAcquittee'], message: 'Cette confirmation est obligatoire.' },
    ]);
    const signed = buildAnswersSchema(PMI_VISITE).parse({ ...answers, epdsAlerteAcquittee: true });
    expect(signed).toMatchObject({
      epdsAlerteItem10: true,
      epdsScore: { total: 1, aboveThreshold: false, selfHarmAlert: true },
    });
  });

  it('requires the consent, and a reason when it was not asked', () => {
    const noConsent: Record<string, unknown> = { ...base };
    delete noConsent.consentement;
    expect(evaluateForm(PMI_VISITE, { ...noConsent, epdsPropose: false }).issues).toEqual([
      {
        path: ['consentement', 'statut'],
        message: 'Indiquez si le consentement a été donné, refusé ou non demandé.',
      },
    ]);
    expect(
      evaluateForm(PMI_VISITE, {
        ...base,
        epdsPropose: false,
        consentement: { statut: 'non_demande' },
      }).issues,
    ).toEqual([
      {
        path: ['consentement', 'motif'],
        message: 'Indiquez pourquoi le consentement n’a pas été demandé.',
      },
    ]);
  });
});

describe('the activity report', () => {
  it('uses the Coop’s values and asks démarche details only for administrative help', () => {
    const answers = {
      type: 'individuel',
      date: '2026-02-02',
      duree: 45,
      typeLieu: 'domicile',
      lieuCommune: 'Vendôme',
      thematiques: ['email'],
      precisionsDemarche: 'CAF',
      titreAtelier: 'Atelier',
    };
    expect(buildAnswersSchema(CRA_MEDIATION_NUMERIQUE).parse(answers)).toEqual({
      type: 'individuel',
      date: '2026-02-02',
      duree: 45,
      typeLieu: 'domicile',
      lieuCommune: 'Vendôme',
      thematiques: ['email'],
    });
    expect(
      buildAnswersSchema(CRA_MEDIATION_NUMERIQUE).parse({
        ...answers,
        thematiques: ['aide_aux_demarches_administratives'],
      }),
    ).toMatchObject({ precisionsDemarche: 'CAF' });
  });
});
