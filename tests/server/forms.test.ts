import { describe, expect, it } from 'vitest';
import { buildAnswersSchema } from '../../shared/forms/answers-schema';
import { AGGIR_EVALUATION } from '../../shared/forms/definitions/aggir-evaluation';
import type { FormDefinition } from '../../shared/forms/definition-schema';
import { apiErrorCodes, rejectionCodes } from '../../shared/errors';
import { uuidv7 } from '../../shared/uuidv7';
import type { Mutation } from '../../shared/sync/protocol-v1';
import { seedBuiltinForms } from '../../server/src/forms/seed-builtin-forms';
import { BLOIS, count, errorOf, newSession, postJson, pull, push } from './support/fixtures';
import { skipWhenUnavailable, testDatabases } from './support/test-databases';
import { useTestServer } from './support/test-server';

/** A small form whose version 2 requires a field that version 1 did not have. */
const suivi = (extra: FormDefinition['sections'][number]['fields'] = []): FormDefinition => ({
  formId: 'suivi-essai',
  version: 1,
  title: 'Suivi (essai)',
  roles: ['travailleur_social'],
  sections: [
    {
      id: 'etape',
      title: 'Étape',
      fields: [{ type: 'text', id: 'nom', label: 'Nom', required: true }, ...extra],
    },
  ],
});

function visitOf(
  formId: string,
  formVersion: number,
  answers: Record<string, unknown>,
  siteId = BLOIS,
): Mutation {
  const id = uuidv7();
  const at = new Date().toISOString();
  return {
    id: uuidv7(),
    seq: 0,
    entity: 'visit',
    op: 'put',
    entityId: id,
    at,
    data: { id, siteId, formId, formVersion, answers, status: 'signed', createdAt: at },
  };
}

const aggirAnswers = (value: 'A' | 'B' | 'C') =>
  buildAnswersSchema(AGGIR_EVALUATION).parse({
    dateEvaluation: '2026-05-04',
    personneNom: 'M. Essai',
    lieuEvaluation: 'domicile',
    consentement: { statut: 'donne' },
    ...Object.fromEntries(
      [
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
      ].map((k) => [k, value]),
    ),
  });

describe.each(testDatabases())('forms on $name', (target) => {
  if (skipWhenUnavailable(target)) return;
  const server = useTestServer(target);

  it('publishes the built-in forms once, and devices pull them', async () => {
    expect(await seedBuiltinForms(server().db, server().clock.now)).toBe(4);
    expect(await seedBuiltinForms(server().db, server().clock.now)).toBe(0);
    const session = await newSession(server(), [BLOIS]);
    const { changes } = await pull(server(), session.token, '?limit=1000');
    expect(
      changes
        .filter((c) => c.entity === 'formDefinition')
        .map((c) => c.entityId)
        .sort(),
    ).toEqual([
      'aggir-evaluation@1',
      'cra-mediation-numerique@1',
      'pmi-visite@1',
      'visite-sociale@1',
    ]);
  });

  it('refuses an upload by an agent who is not an administrator', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const response = await postJson(server(), '/api/v1/forms', suivi(), agent.token);
    expect(response.status).toBe(403);
  });

  it('refuses a broken definition with every error listed, and publishes nothing', async () => {
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    const before = await count(server().db, 'form_definitions');
    const broken = suivi([
      { type: 'text', id: 'nom', label: 'Doublon' },
      { type: 'singleChoice', id: 'choix', label: 'Choix', options: [] },
      { type: 'computed', id: 'calc', label: 'Calcul', function: 'eval', args: {} },
      { type: 'text', id: 'cond', label: 'Cond', visibleIf: { field: 'absent', op: 'answered' } },
    ]);
    const response = await postJson(server(), '/api/v1/forms', broken, admin.token);
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_form_definition');
    expect(error.message).toBe(apiErrorCodes.invalid_form_definition);
    expect((error.details as Array<{ path: string }>).map((d) => d.path).sort()).toEqual([
      'sections.0.fields.1.id',
      'sections.0.fields.2.options',
      'sections.0.fields.3.function',
      'sections.0.fields.4.visibleIf',
    ]);
    expect(error.details).toHaveLength(4);
    expect(await count(server().db, 'form_definitions')).toBe(before);
  });

  it('validates a visit against its own version after a newer version is published', async () => {
    const admin = await newSession(server(), [BLOIS], 'administrateur');
    const first = await postJson(server(), '/api/v1/forms', suivi(), admin.token);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ formId: 'suivi-essai', version: 1 });
    const second = await postJson(
      server(),
      '/api/v1/forms',
      suivi([{ type: 'text', id: 'motif', label: 'Motif', required: true }]),
      admin.token,
    );
    expect(await second.json()).toEqual({ formId: 'suivi-essai', version: 2 });

    const agent = await newSession(server(), [BLOIS]);
    const { results } = await push(server(), agent, [
      visitOf('suivi-essai', 1, { nom: 'Filled with v1' }),
      visitOf('suivi-essai', 2, { nom: 'Filled with v2' }),
      visitOf('suivi-essai', 3, { nom: 'No such version' }),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual([
      'accepted',
      'invalid_record',
      'unknown_form',
    ]);
    const refused = results[1]!;
    expect(refused.status === 'rejected' && refused.reason.details).toEqual([
      { path: 'answers.motif', message: 'Ce champ est obligatoire.' },
    ]);
  });

  it('stores the computed values it recomputed, and refuses a visit whose computed values differ', async () => {
    await seedBuiltinForms(server().db, server().clock.now);
    const agent = await newSession(server(), [BLOIS], 'conseillere_autonomie');
    const good = visitOf('aggir-evaluation', 1, aggirAnswers('B'));
    const forged = visitOf('aggir-evaluation', 1, {
      ...aggirAnswers('C'),
      gir: { gir: 6, rank: 13, group: 'H' },
    });
    const { results } = await push(server(), agent, [good, forged]);
    expect(results[0]!.status).toBe('accepted');
    const rejected = results[1]!;
    expect(rejected.status === 'rejected' && rejected.reason).toEqual({
      code: 'computed_mismatch',
      message: rejectionCodes.computed_mismatch,
      details: [
        {
          path: 'answers.gir',
          message:
            'Valeur calculée différente : {"gir":1,"group":"A","rank":1} attendu, {"gir":6,"group":"H","rank":13} reçu.',
        },
      ],
    });
    const rows = await server().db.query<{ gir: unknown }>(
      "SELECT answers->'gir' AS gir FROM visits WHERE id = $1",
      [good.entityId],
    );
    expect(rows[0]!.gir).toEqual({ gir: 4, rank: 10, group: 'G' });
  });

  it('keeps a corrected visit and the one it supersedes, and refuses to change a signed one', async () => {
    const agent = await newSession(server(), [BLOIS]);
    const original = visitOf('suivi-essai', 1, { nom: 'Avant' });
    const correction = visitOf('suivi-essai', 1, { nom: 'Après' });
    (correction.data as Record<string, unknown>).supersedes = original.entityId;
    const edit = { ...visitOf('suivi-essai', 1, { nom: 'Modifiée' }), entityId: original.entityId };
    (edit.data as Record<string, unknown>).id = original.entityId;
    const { results } = await push(server(), agent, [original, correction, edit]);
    expect(results.map((r) => (r.status === 'rejected' ? r.reason.code : r.status))).toEqual([
      'accepted',
      'accepted',
      'immutable_record',
    ]);
    const rows = await server().db.query<{ nom: string; supersedes: string | null }>(
      "SELECT answers->>'nom' AS nom, supersedes FROM visits WHERE id = ANY($1::uuid[]) ORDER BY version",
      [[original.entityId, correction.entityId]],
    );
    expect(rows).toEqual([
      { nom: 'Avant', supersedes: null },
      { nom: 'Après', supersedes: original.entityId },
    ]);
  });
});
