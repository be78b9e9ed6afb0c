/** One record read from a file, before validation: where it starts and what it holds. */
export interface RawRow {
  kind: 'structure' | 'service';
  line: number;
  value: unknown;
}

export interface RawGuideFile {
  format: 'json' | 'csv';
  rows: RawRow[];
}

/** Fields a record must have to be taken for data·inclusion at all. */
export const STRUCTURE_REQUIRED = ['id', 'nom', 'source', 'date_maj'] as const;
export const SERVICE_REQUIRED = [
  'id',
  'nom',
  'source',
  'date_maj',
  'structure_id',
  'description',
] as const;
