/**
 * A country's rows across tables, for its hub: "Japan — Current Defense Budget (2023): $49
 * billion; Projected Change (2024): +10%", each with its table. A row belongs to a country when
 * one of the table's country columns matched it (the ingester writes those ids).
 */
import { isBlank, parseCell } from './cells.ts';
import { resolveChart } from './charts.ts';
import { countryIds, type TableFile } from './tableData.ts';

export interface CountryRowCell {
  readonly label: string;
  readonly text: string;
  /** A figure this site computed from the source's, such as a projection. */
  readonly computed: boolean;
}

export interface CountryRow {
  /** The country's cell as the table writes it ("south Korea"). */
  readonly name: string;
  readonly cells: readonly CountryRowCell[];
}

export interface CountryTable {
  /** "<slug>/<table-id>". */
  readonly id: string;
  readonly title: string;
  readonly rows: readonly CountryRow[];
}

/** The tables that have a row about `country`, in the given order, with those rows. */
export function countryRows(tables: readonly { readonly id: string; readonly data: TableFile }[], country: string): CountryTable[] {
  return tables.flatMap(({ id, data }) => {
    const ids = data.columns.map((column) => countryIds(column, data.rows.length));
    const chart = data.chart ? resolveChart(data, data.chart) : undefined;
    const computed = chart?.series.filter((series) => series.computed) ?? [];
    const rows = data.rows.flatMap((row, r): CountryRow[] => {
      const at = ids.findIndex((column) => column[r] === country);
      if (at === -1) return [];
      const cells: CountryRowCell[] = data.columns.flatMap((column, c) => {
        const text = (row[c] ?? '').trim();
        if (c === at || isBlank(parseCell(text))) return [];
        return [{ label: column.label.trim() || `Column ${c + 1}`, text, computed: false }];
      });
      for (const series of computed) {
        const text = series.texts[r];
        if (text) cells.push({ label: series.label, text, computed: true });
      }
      return [{ name: (row[at] ?? '').trim(), cells }];
    });
    return rows.length > 0 ? [{ id, title: data.title, rows }] : [];
  });
}
