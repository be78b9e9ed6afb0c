import type { PilotageTable } from './report';
import { MASKED_TEXT, type Periods, tableGrid } from './table-grid';
import { zipStore } from './zip-store';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "A", "B", … "Z", "AA"… for a 0-based column index. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

function cellXml(ref: string, value: string | number | null): string {
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  const text = escapeXml(value ?? MASKED_TEXT);
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/**
 * A table as an Office Open XML workbook (.xlsx) of one sheet, with numbers as numbers (the
 * spreadsheet shows them with the reader's decimal comma) and masked cells as "masqué".
 */
export function toXlsx(table: PilotageTable, periods: Periods): Uint8Array {
  const { header, rows } = tableGrid(table, periods);
  const sheetRows = [header, ...rows]
    .map(
      (line, r) =>
        `<row r="${r + 1}">${line.map((value, c) => cellXml(`${columnName(c)}${r + 1}`, value)).join('')}</row>`,
    )
    .join('');
  const sheetName = escapeXml(table.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  const encoder = new TextEncoder();
  const file = (name: string, xml: string) => ({ name, data: encoder.encode(XML_HEAD + xml) });
  return zipStore([
    file(
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    ),
    file(
      '_rels/.rels',
      `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    file(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    file(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    file(
      'xl/worksheets/sheet1.xml',
      `<worksheet xmlns="${MAIN_NS}"><sheetData>${sheetRows}</sheetData></worksheet>`,
    ),
  ]);
}
