import type { z } from 'zod';
import { ENTITY } from '../../../shared/entities';
import { type ImportRefusal, type ImportReport } from '../../../shared/guide/import-report';
import { serviceSchema, structureSchema } from '../../../shared/guide/schemas';
import type { Database, Queryable } from '../db/database';
import { type GuideTable, loadGuideRecords, upsertGuideRecord } from '../db/queries/guide-records';
import { nextChangeSeq, upsertChange } from '../db/queries/sync-changes';
import { withChangeLogWriter } from '../sync/change-log';
import { canonicalize, canonicalJson } from './canonical-json';
import type { RawRow } from './raw-row';
import { readGuideFile } from './read-guide-file';

type Counts = ImportReport['structures'];

/**
 * Imports a data·inclusion file (JSON or CSV) into the guide, in ONE transaction that holds the
 * change log lock: a crash or a file refused whole (GuideFileError, thrown before anything is
 * written) leaves the guide as it was. Each record is validated alone; a refused one is
 * reported with its line and reason and the others go in. A record identical to the stored one
 * is `unchanged` and takes no new change sequence, so re-importing a file changes nothing and
 * devices pull nothing. Records absent from the file are kept: a file may be partial.
 * Structures go first, so a service may name a structure of the same file.
 */
export async function importGuide(
  db: Database,
  bytes: Uint8Array,
  now: Date,
): Promise<ImportReport> {
  const file = readGuideFile(bytes);
  const refusals: ImportRefusal[] = [];
  const report = await withChangeLogWriter(db, async (tx) => {
    const structures = await importKind(tx, file.rows, 'structure', refusals, now);
    const services = await importKind(tx, file.rows, 'service', refusals, now);
    return { structures, services };
  });
  refusals.sort((a, b) => a.line - b.line);
  return { format: file.format, ...report, refusals };
}

const KINDS = {
  structure: { table: 'guide_structures', schema: structureSchema, entity: ENTITY.structure },
  service: { table: 'guide_services', schema: serviceSchema, entity: ENTITY.service },
} as const satisfies Record<
  RawRow['kind'],
  { table: GuideTable; schema: z.ZodType; entity: string }
>;

async function importKind(
  tx: Queryable,
  rows: readonly RawRow[],
  kind: RawRow['kind'],
  refusals: ImportRefusal[],
  now: Date,
): Promise<Counts> {
  const { table, schema, entity } = KINDS[kind];
  const counts: Counts = { accepted: 0, updated: 0, unchanged: 0, refused: 0 };
  const stored = await loadGuideRecords(tx, table);
  const structureIds =
    kind === 'service'
      ? new Set((await loadGuideRecords(tx, 'guide_structures')).keys())
      : undefined;
  const seen = new Set<string>();
  const refuse = (row: RawRow, reason: string, id?: string) => {
    counts.refused += 1;
    refusals.push({ line: row.line, kind, ...(id ? { id } : {}), reason });
  };
  for (const row of rows) {
    if (row.kind !== kind) continue;
    const parsed = schema.safeParse(row.value);
    if (!parsed.success) {
      refuse(row, describeIssues(parsed.error), idOf(row.value));
      continue;
    }
    const record = canonicalize(parsed.data) as { id: string; structure_id?: string };
    if (seen.has(record.id)) {
      refuse(row, 'Identifiant déjà présent plus haut dans le fichier.', record.id);
      continue;
    }
    seen.add(record.id);
    if (structureIds && record.structure_id && !structureIds.has(record.structure_id)) {
      refuse(row, `Structure inconnue : « ${record.structure_id} ».`, record.id);
      continue;
    }
    const before = stored.get(record.id);
    if (before && canonicalJson(before.payload) === canonicalJson(record)) {
      counts.unchanged += 1;
      continue;
    }
    const version = await nextChangeSeq(tx);
    await upsertGuideRecord(tx, table, {
      id: record.id,
      structureId: record.structure_id,
      payload: record,
      version,
      now: now.toISOString(),
    });
    await upsertChange(tx, {
      entity,
      entityId: record.id,
      siteId: null,
      seq: version,
      op: 'put',
      payload: { ...record, version },
    });
    if (before) counts.updated += 1;
    else counts.accepted += 1;
  }
  return counts;
}

/** Up to three issues as "champ : message", in French (zod's locale is set at start). */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')} : ${issue.message}` : issue.message,
    )
    .join(' ; ');
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('id' in value)) return undefined;
  return typeof value.id === 'string' ? value.id : undefined;
}
