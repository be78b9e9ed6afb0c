import { describe, expect, it } from 'vitest';
import type { PilotageTable } from './report';
import { toCsv } from './to-csv';
import { toXlsx } from './to-xlsx';
import { crc32 } from './zip-store';

const table: PilotageTable = {
  id: 'girDistribution',
  title: 'Répartition des GIR',
  rowHeader: 'GIR',
  columns: [
    { key: 'evaluations', label: 'Évaluations', unit: 'count' },
    { key: 'part', label: 'Part des évaluations', unit: 'percent' },
  ],
  rows: [
    {
      key: '4',
      label: 'GIR 4',
      cells: [
        { value: 5, previous: 7 },
        { value: 62.5, previous: 58.3 },
      ],
    },
    {
      key: '2',
      label: 'GIR "2"; lourd',
      cells: [
        { value: null, previous: 0 },
        { value: null, previous: 0 },
      ],
    },
  ],
};
const periods = {
  period: { from: '2026-01-01', to: '2026-12-31' },
  previousPeriod: { from: '2025-01-01', to: '2025-12-31' },
};

describe('CSV export', () => {
  it('starts with a BOM, separates by semicolons and writes decimal commas', () => {
    const csv = toCsv(table, periods);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]!.split(';')).toEqual([
      'GIR',
      'Évaluations 01/01/2026–31/12/2026',
      'Évaluations 01/01/2025–31/12/2025',
      'Évaluations évolution',
      'Part des évaluations (%) 01/01/2026–31/12/2026',
      'Part des évaluations (%) 01/01/2025–31/12/2025',
      'Part des évaluations (%) évolution',
    ]);
    expect(lines[1]).toBe('GIR 4;5;7;-2;62,5;58,3;4,2');
    expect(lines[2]).toBe('"GIR ""2""; lourd";masqué;0;masqué;masqué;0;masqué');
    expect(lines[3]).toBe('');
  });
});

describe('XLSX export', () => {
  /** The stored files of a ZIP without compression, read from its local headers. */
  function unzip(bytes: Uint8Array): Map<string, string> {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const files = new Map<string, string>();
    let at = 0;
    while (view.getUint32(at, true) === 0x04034b50) {
      const crc = view.getUint32(at + 14, true);
      const size = view.getUint32(at + 18, true);
      const nameLength = view.getUint16(at + 26, true);
      const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
      const data = bytes.subarray(at + 30 + nameLength, at + 30 + nameLength + size);
      expect(crc32(data)).toBe(crc);
      files.set(name, new TextDecoder().decode(data));
      at += 30 + nameLength + size;
    }
    return files;
  }

  it('is a workbook of one sheet with numbers as numbers and masked cells in words', () => {
    const files = unzip(toXlsx(table, periods));
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(files.get('xl/workbook.xml')).toContain(
      '<sheet name="Répartition des GIR" sheetId="1" r:id="rId1"/>',
    );
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain(
      '<c r="A2" t="inlineStr"><is><t>GIR 4</t></is></c><c r="B2"><v>5</v></c>',
    );
    expect(sheet).toContain('<c r="E2"><v>62.5</v></c>');
    expect(sheet).toContain('<c r="B3" t="inlineStr"><is><t>masqué</t></is></c>');
    expect(sheet).toContain('GIR &quot;2&quot;; lourd');
  });

  it('computes the CRC-32 of the ZIP format', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
