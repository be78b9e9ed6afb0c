import { parse } from 'csv-parse/sync';
import { GuideFileError } from './guide-file-error';
import { type RawGuideFile, type RawRow, SERVICE_REQUIRED, STRUCTURE_REQUIRED } from './raw-row';

/** Columns holding a list: written as `a|b`, `a,b` or a JSON array `["a","b"]`. */
const LIST_COLUMNS = new Set([
  'thematiques',
  'publics',
  'modes_accueil',
  'modes_mobilisation',
  'mobilisable_par',
  'zone_eligibilite',
  'reseaux_porteurs',
]);
const NUMBER_COLUMNS = new Set([
  'latitude',
  'longitude',
  'nombre_semaines',
  'volume_horaire_hebdomadaire',
]);

/**
 * A CSV guide file holds structures or services, told apart by the header (a `structure_id`
 * column means services). Comma or semicolon separated (spreadsheets in French use `;`). A
 * header without the required data·inclusion columns is refused whole.
 */
export function readGuideCsv(text: string): RawGuideFile {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
  const columns = header.split(delimiter).map((name) => name.trim().replace(/^"|"$/g, ''));
  const kind: RawRow['kind'] = columns.includes('structure_id') ? 'service' : 'structure';
  const required = kind === 'service' ? SERVICE_REQUIRED : STRUCTURE_REQUIRED;
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new GuideFileError(
      'guide_not_data_inclusion',
      `Colonnes data·inclusion manquantes : ${missing.join(', ')}.`,
    );
  }
  let records: Array<{ record: Record<string, string>; info: { lines: number }; raw: string }>;
  try {
    records = parse(text, {
      delimiter,
      columns: true,
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch (error) {
    throw new GuideFileError(
      'guide_not_data_inclusion',
      `CSV illisible : ${(error as Error).message}`,
    );
  }
  const rows = records.map(({ record, info, raw }): RawRow => ({
    kind,
    line: info.lines - (raw.replace(/\r?\n$/, '').split('\n').length - 1),
    value: toRecord(record),
  }));
  return { format: 'csv', rows };
}

function toRecord(cells: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, cell] of Object.entries(cells)) {
    if (cell === '') continue;
    if (LIST_COLUMNS.has(name)) out[name] = toList(cell);
    else if (NUMBER_COLUMNS.has(name)) out[name] = toNumber(cell);
    else out[name] = cell;
  }
  return out;
}

function toList(cell: string): unknown {
  if (cell.startsWith('[')) {
    try {
      return JSON.parse(cell);
    } catch {
      return cell;
    }
  }
  return cell
    .split(/[|,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** French decimals ("47,59") are accepted; anything else stays text and fails validation. */
function toNumber(cell: string): unknown {
  const n = Number(cell.replace(',', '.'));
  return Number.isFinite(n) ? n : cell;
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}
