import { change } from '../../../shared/pilotage/cells';
import type { Column, PilotageTable } from '../../../shared/pilotage/report';
import { MASKED_TEXT } from '../../../shared/pilotage/table-grid';

const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const signed = new Intl.NumberFormat('fr-FR', {
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const UNIT: Record<Column['unit'], string> = {
  count: '',
  percent: ' %',
  minutes: ' min',
  days: ' j',
};

function Figure({
  value,
  unit,
  sign,
}: {
  value: number | null;
  unit: Column['unit'];
  sign?: boolean;
}) {
  if (value === null) return <span class="masked">{MASKED_TEXT}</span>;
  return (
    <>
      {(sign ? signed : number).format(value)}
      {UNIT[unit]}
    </>
  );
}

/**
 * A table of figures, the accessible alternative of its chart: for each column, the period,
 * the previous period and the change. A masked cell says so in words.
 */
export function DataTable({ table }: { table: PilotageTable }) {
  return (
    <div class="table-scroll">
      <table class="data-table" data-table={table.id}>
        <caption>{table.title}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {table.rowHeader}
            </th>
            {table.columns.map((column) => (
              <th scope="colgroup" colSpan={3} key={column.key}>
                {column.label}
              </th>
            ))}
          </tr>
          <tr>
            {table.columns.map((column) => [
              <th scope="col" key={`${column.key}-now`}>
                Période
              </th>,
              <th scope="col" key={`${column.key}-before`}>
                Période précédente
              </th>,
              <th scope="col" key={`${column.key}-change`}>
                Évolution
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, index) => {
                const unit = table.columns[index]!.unit;
                return [
                  <td key={`${index}-now`}>
                    <Figure value={cell.value} unit={unit} />
                  </td>,
                  <td key={`${index}-before`}>
                    <Figure value={cell.previous} unit={unit} />
                  </td>,
                  <td key={`${index}-change`}>
                    <Figure value={change(cell)} unit={unit === 'percent' ? 'count' : unit} sign />
                    {unit === 'percent' && change(cell) !== null ? ' pt' : ''}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {table.note && <p class="hint">{table.note}</p>}
    </div>
  );
}
