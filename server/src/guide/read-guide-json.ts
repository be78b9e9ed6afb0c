import { GuideFileError } from './guide-file-error';
import { jsonElementLines } from './json-element-lines';
import type { RawGuideFile, RawRow } from './raw-row';

/**
 * A JSON guide file: either `{ "structures": [...], "services": [...] }` (one of the two may be
 * missing) or one array mixing both, where a record with `structure_id` is a service. Anything
 * else is not data·inclusion and is refused whole.
 */
export function readGuideJson(text: string): RawGuideFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GuideFileError(
      'guide_not_data_inclusion',
      `JSON invalide : ${(error as Error).message}`,
    );
  }
  const lines = jsonElementLines(text);
  const at = (name: string, index: number) => lines.get(name)?.[index] ?? 1;
  const rows: RawRow[] = [];
  if (Array.isArray(parsed)) {
    parsed.forEach((value, index) =>
      rows.push({ kind: kindOf(value), line: at('', index), value }),
    );
  } else if (
    isRecord(parsed) &&
    (Array.isArray(parsed.structures) || Array.isArray(parsed.services))
  ) {
    for (const [key, kind] of [
      ['structures', 'structure'],
      ['services', 'service'],
    ] as const) {
      const list = parsed[key];
      if (list === undefined) continue;
      if (!Array.isArray(list)) throw notGuide(`« ${key} » doit être une liste.`);
      list.forEach((value, index) => rows.push({ kind, line: at(key, index), value }));
    }
  } else {
    throw notGuide(
      'Attendu : une liste de structures et de services, ou un objet { structures, services }.',
    );
  }
  if (
    rows.length > 0 &&
    !rows.some((row) => isRecord(row.value) && 'id' in row.value && 'nom' in row.value)
  ) {
    throw notGuide('Aucun enregistrement n’a les champs « id » et « nom ».');
  }
  return { format: 'json', rows };
}

function kindOf(value: unknown): RawRow['kind'] {
  return isRecord(value) && 'structure_id' in value ? 'service' : 'structure';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notGuide(detail: string): GuideFileError {
  return new GuideFileError('guide_not_data_inclusion', detail);
}
