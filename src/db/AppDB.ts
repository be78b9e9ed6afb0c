import Dexie, { type EntityTable } from 'dexie';
import type { DraftRow, LocalVisit, MetaRow, OutboxRow } from './rows';
import type { Site } from '../../shared/schemas/site';
import type { ServiceRecord, StructureRecord } from '../../shared/guide/schemas';
import type { LocalOrientation } from './guide-rows';
import type { FormDefinitionRecord } from '../../shared/forms/form-definition-record';
import type { LocalAgentProfile, LocalPerson, LocalReferral, LocalTask } from './person-rows';
import { Vault } from '../security/Vault';
import type { Keyring } from './keyring';
import { sealingMiddleware } from './sealing-middleware';
import type { LocalAvis } from './avis';
import type { VisitReceiptBatch } from './visit-receipts';

export const DEFAULT_DB_NAME = 'dernier-km';

/** The visit's own date (its `date` answer), else the day it was saved. */
export function visitDateOf(visit: { answers?: unknown; createdAt?: unknown }): string {
  const answers = visit.answers as Record<string, unknown> | undefined;
  const date = answers?.date;
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return typeof visit.createdAt === 'string' ? visit.createdAt.slice(0, 10) : '0000-00-00';
}

/**
 * The device's database. It owns every record the agent can see offline, the drafts being
 * typed, and the outbox of changes waiting for the server.
 *
 * Writes use strict durability: a "saved" visit must survive the tablet's battery dying right
 * after the agent taps "Enregistrer", which Chrome's default relaxed mode does not promise.
 *
 * Schema changes add a new `version(n)` beside the old ones with an upgrade function that
 * migrates existing rows (src/db/README.md).
 */
export class AppDB extends Dexie {
  visits!: EntityTable<LocalVisit, 'id'>;
  drafts!: EntityTable<DraftRow, 'id'>;
  outbox!: EntityTable<OutboxRow, 'id'>;
  sites!: EntityTable<Site, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  structures!: EntityTable<StructureRecord, 'id'>;
  services!: EntityTable<ServiceRecord, 'id'>;
  orientations!: EntityTable<LocalOrientation, 'id'>;
  formDefinitions!: EntityTable<FormDefinitionRecord, 'id'>;
  persons!: EntityTable<LocalPerson, 'id'>;
  referrals!: EntityTable<LocalReferral, 'id'>;
  tasks!: EntityTable<LocalTask, 'id'>;
  agentProfiles!: EntityTable<LocalAgentProfile, 'id'>;
  keyring!: EntityTable<Keyring, 'id'>;
  /** The data key while unlocked (issue 7): personal fields are sealed with it (sealing-middleware.ts). */
  readonly vault = new Vault();
  avis!: EntityTable<LocalAvis, 'id'>;
  visitReceipts!: EntityTable<VisitReceiptBatch, 'id'>;

  constructor(
    name: string = DEFAULT_DB_NAME,
    options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {},
  ) {
    // Dexie's query cache sits above the encryption layer (sealing-middleware.ts), so it would
    // keep decrypted rows in memory after a lock or a logout, and it served the next agent a
    // draft of the previous one that IndexedDB no longer held: live queries read IndexedDB.
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled', ...options });
    this.version(1).stores({
      visits: 'id, siteId, createdAt',
      drafts: 'id, updatedAt',
      outbox: 'id, [status+seq], entityId',
      sites: 'id',
      meta: 'key',
    });
    // Published form definitions (issue 5), every version: a draft keeps the one it began with.
    this.version(2).stores({ formDefinitions: 'id, formId' });
    // The service guide (issue 6): pulled structures and services, and the agent's orientations.
    this.version(3).stores({
      structures: 'id',
      services: 'id, structure_id',
      orientations: 'id, visitId, createdAt',
    });
    // Visits listed by the date of the visit the agent entered, not by the device clock, which
    // may be hours off (issue 4). Rows written by earlier versions get it from their answers.
    this.version(4)
      .stores({ visits: 'id, siteId, createdAt, visitDate' })
      .upgrade(async (tx) => {
        await tx
          .table('visits')
          .toCollection()
          .modify((visit: Record<string, unknown>) => {
            visit.visitDate = visitDateOf(visit);
          });
        // Versions 2 and 3 added stores for pulled entities (forms, guide) that an older app
        // skipped while moving its cursor past them: pull everything again once.
        await tx.table('meta').delete('pull-cursor');
      });
    // The person at the centre (issue 8): person files, referrals, tasks, the directory of
    // professionals, and visits found by their person. Nothing identifying is indexed: the
    // duplicate search reads the files in memory. New pulled entities: pull everything again.
    this.version(5)
      .stores({
        visits: 'id, siteId, createdAt, visitDate, personId',
        persons: 'id, siteId',
        referrals: 'id, personId',
        tasks: 'id, personId, assigneeId',
        agentProfiles: 'id',
      })
      .upgrade(async (tx) => {
        await tx.table('meta').delete('pull-cursor');
      });
    // The tablet's key material (issue 7): the data key wrapped by the PIN and by the recovery
    // key, and the PIN failure counter. Rows stored in clear before are sealed when the agent
    // chooses a PIN (unlock.ts `sealExistingRows`).
    this.version(6).stores({ keyring: 'id' });
    // "Mon avis" (issue 9): anonymous answers waiting for, then holding, their receipt.
    this.version(7).stores({ avis: 'id' });
    // The server's receipts for pushed visits, one row per answered batch (visit-receipts.ts);
    // visits answered before keep their receipt in their own row.
    this.version(8).stores({ visitReceipts: 'id, *visitIds' });
    this.use(sealingMiddleware(this.vault));
  }
}
