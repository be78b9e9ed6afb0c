import { ENTITY } from '../../../shared/entities';
import { formatHlc } from '../../../shared/persons/hlc';
import type { MemberValues } from '../../../shared/persons/household';
import type { PersonValues } from '../../../shared/persons/person-fields';
import type { ReferralData } from '../../../shared/persons/referral';
import type { ReferralStatus } from '../../../shared/persons/referral-status';
import type { TaskData } from '../../../shared/persons/task';
import type { Mutation } from '../../../shared/sync/protocol-v1';
import type { Database } from '../db/database';
import { findAgentById } from '../db/queries/agents';
import { applyPush } from '../sync/apply-push';
import { demoUuid } from './demo-ids';
import { BLOIS } from './demo-sites';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Invented people of the MDS of Blois, each created by one demo agent. */
const DEMO_PERSONS: {
  key: string;
  author: string;
  values: Partial<PersonValues>;
  members?: Record<string, Partial<MemberValues>>;
}[] = [
  {
    key: 'moreau',
    author: 'demo.social',
    values: {
      lastName: 'Moreau',
      firstName: 'Jeanne',
      birthDate: '1943-05-12',
      address: '4 rue des Violettes',
      communeInsee: '41018',
      phone: '02 54 00 00 01',
      consent: { given: true, on: '2026-09-01', how: 'oral' },
    },
    members: {
      [demoUuid('household:moreau-henri')]: { name: 'Henri Moreau', link: 'conjoint' },
    },
  },
  {
    key: 'lefevre',
    author: 'demo.pmi',
    values: {
      lastName: 'Lefèvre',
      firstName: 'Camille',
      birthDate: '1998-02-20',
      communeInsee: '41018',
      consent: { given: true, on: '2026-11-02', how: 'écrit' },
    },
    members: {
      [demoUuid('household:lefevre-zoe')]: {
        name: 'Zoé Lefèvre',
        link: 'enfant',
        birthDate: '2026-10-28',
      },
    },
  },
  {
    key: 'garnier',
    author: 'demo.numerique',
    values: {
      lastName: 'Garnier',
      firstName: 'Hugo',
      birthDate: '1961-07-03',
      communeInsee: '41018',
      email: 'hugo.garnier@example.org',
      consent: { given: true, on: '2026-11-10', how: 'oral' },
    },
  },
];

/**
 * Demo person files with caseloads, referrals between the demo agents (one waiting, one
 * taken on, one to the CAF) and tasks (one late), all through applyPush like a tablet's sync,
 * one batch per agent and step, with fixed ids: a second run answers `duplicate` and adds
 * nothing. Returns the files added.
 */
export async function seedDemoPersons(db: Database, now: Date): Promise<number> {
  const personId = (key: string) => demoUuid(`person:${key}`);
  const at = now.toISOString();
  const put = (key: string, entity: string, entityId: string, data: unknown) =>
    mutation(key, entity, entityId, now, data);
  const files = new Map(
    DEMO_PERSONS.map((person, index) => {
      const hlc = formatHlc({ ms: now.getTime(), counter: index, node: 'demo' });
      const stamp = (values: object) =>
        Object.fromEntries(
          Object.entries(values).map(([name, value]) => [name, { value, hlc, base: null }]),
        );
      const household = Object.fromEntries(
        Object.entries(person.members ?? {}).map(([id, values]) => [id, stamp(values)]),
      );
      const edits = { ...stamp(person.values), household };
      const data = { id: personId(person.key), siteId: BLOIS, edits, at };
      return [person.key, put(`person:${person.key}`, ENTITY.person, data.id, data)];
    }),
  );
  const statusChange = (
    key: string,
    referralId: string,
    from: ReferralStatus,
    to: ReferralStatus,
  ) =>
    put(`referral:${key}:${to}`, ENTITY.referralStatus, referralId, {
      id: demoUuid(`referral-change:${key}:${to}`),
      referralId,
      from,
      to,
      at,
    });
  const autonomie = demoUuid('agent:demo.autonomie');
  const toAutonomie = referral('moreau-autonomie', personId('moreau'), now, {
    to: { kind: 'agent', agentId: autonomie },
    reason: 'Perte d’autonomie signalée par le conjoint : évaluation AGGIR à domicile.',
    urgency: 'prioritaire',
  });
  const toNumerique = referral('garnier-numerique', personId('garnier'), now, {
    to: { kind: 'agent', agentId: demoUuid('agent:demo.numerique') },
    reason: 'Démarches CAF en ligne : création du compte et déclaration trimestrielle.',
    urgency: 'normale',
  });
  const toCaf = referral('lefevre-caf', personId('lefevre'), now, {
    to: { kind: 'partner', partner: 'CAF' },
    reason: 'Déclaration de naissance et ouverture des droits PAJE.',
    urgency: 'normale',
  });
  const tasks = [
    task(
      'moreau-visite',
      personId('moreau'),
      autonomie,
      'visite',
      'Évaluation AGGIR à domicile',
      now,
      3,
    ),
    task(
      'moreau-dossier',
      personId('moreau'),
      demoUuid('agent:demo.social'),
      'tache',
      'Transmettre le dossier APA au Département',
      now,
      -2,
    ),
    task(
      'lefevre-visite',
      personId('lefevre'),
      demoUuid('agent:demo.pmi'),
      'visite',
      'Pesée à J+30',
      now,
      5,
    ),
  ];
  const taskPut = (t: TaskData) => put(`task:${t.id}`, ENTITY.task, t.id, t);
  const batches: [string, Mutation[]][] = [
    ['demo.numerique', [files.get('garnier')!]],
    [
      'demo.social',
      [
        files.get('moreau')!,
        put('referral:moreau-autonomie', ENTITY.referral, toAutonomie.id, toAutonomie),
        put('referral:garnier-numerique', ENTITY.referral, toNumerique.id, toNumerique),
        taskPut(tasks[0]!),
        taskPut(tasks[1]!),
      ],
    ],
    [
      'demo.pmi',
      [
        files.get('lefevre')!,
        put('referral:lefevre-caf', ENTITY.referral, toCaf.id, toCaf),
        // A partner has no account: the sender records that the CAF received the file.
        statusChange('lefevre-caf', toCaf.id, 'envoyee', 'recue'),
        taskPut(tasks[2]!),
      ],
    ],
    [
      'demo.numerique',
      [
        statusChange('garnier-numerique', toNumerique.id, 'envoyee', 'recue'),
        statusChange('garnier-numerique', toNumerique.id, 'recue', 'en_cours'),
      ],
    ],
    [
      'demo.autonomie',
      [
        put('follow:moreau:autonomie', ENTITY.follow, personId('moreau'), {
          personId: personId('moreau'),
          at,
        }),
      ],
    ],
  ];
  let added = 0;
  for (const [login, mutations] of batches) {
    const results = await push(db, login, now, mutations);
    added += results.filter(
      (r, i) => r === 'accepted' && mutations[i]!.entity === ENTITY.person,
    ).length;
  }
  return added;
}

function referral(
  key: string,
  personId: string,
  now: Date,
  fields: Pick<ReferralData, 'to' | 'reason' | 'urgency'>,
): ReferralData {
  return {
    id: demoUuid(`referral:${key}`),
    personId,
    fromSiteId: BLOIS,
    ...fields,
    consent: true,
    documents: [
      { label: 'Pièce d’identité', provided: true },
      { label: 'Avis d’imposition', provided: false },
    ],
    createdAt: now.toISOString(),
  };
}

function task(
  key: string,
  personId: string,
  assigneeId: string,
  kind: TaskData['kind'],
  title: string,
  now: Date,
  inDays: number,
): TaskData {
  return {
    id: demoUuid(`task:${key}`),
    personId,
    siteId: BLOIS,
    assigneeId,
    kind,
    title,
    dueOn: new Date(now.getTime() + inDays * DAY_MS).toISOString().slice(0, 10),
    doneAt: null,
    createdAt: now.toISOString(),
  };
}

function mutation(
  key: string,
  entity: string,
  entityId: string,
  now: Date,
  data: unknown,
): Mutation {
  return {
    id: demoUuid(`mutation:${key}`),
    seq: 0,
    entity,
    op: 'put',
    entityId,
    at: now.toISOString(),
    data,
  };
}

/** Pushes as the demo agent `login`; a refusal is a bug in the seed, so it throws. */
async function push(
  db: Database,
  login: string,
  now: Date,
  mutations: Mutation[],
): Promise<('accepted' | 'duplicate')[]> {
  const agent = await findAgentById(db, demoUuid(`agent:${login}`));
  if (!agent) throw new Error(`Agent de démonstration absent : ${login}`);
  const results = await applyPush(db, {
    agent,
    deviceId: demoUuid(`device:${login}`),
    mutations,
    now,
  });
  return results.map((result) => {
    if (result.status !== 'accepted' && result.status !== 'duplicate')
      throw new Error(`Donnée de démonstration refusée : ${JSON.stringify(result)}`);
    return result.status;
  });
}
