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

/**
 * Every country's tables, in the given order, with their rows about it: one pass over the tables
 * (a table's country columns and chart are read once, not once per country of the archive).
 * A row belongs to each country its country columns name; for a country named in several of
 * them, the first such column is the row's name and is left out of its figures.
 */
export function countryRowsByCountry(tables: readonly { readonly id: string; readonly data: TableFile }[]): Map<string, CountryTable[]> {
  const byCountry = new Map<string, CountryTable[]>();
  for (const { id, data } of tables) {
    const ids = data.columns.map((column) => countryIds(column, data.rows.length));
    const chart = data.chart ? resolveChart(data, data.chart) : undefined;
    const computed = chart?.series.filter((series) => series.computed) ?? [];
    const own = new Map<string, CountryRow[]>();
    data.rows.forEach((row, r) => {
      const seen = new Set<string>();
      ids.forEach((column, at) => {
        const country = column[r];
        if (country === undefined || country === null || seen.has(country)) return;
        seen.add(country);
        const cells: CountryRowCell[] = data.columns.flatMap((column, c) => {
          const text = (row[c] ?? '').trim();
          if (c === at || isBlank(parseCell(text))) return [];
          return [{ label: column.label.trim() || `Column ${c + 1}`, text, computed: false }];
        });
        for (const series of computed) {
          const text = series.texts[r];
          if (text) cells.push({ label: series.label, text, computed: true });
        }
        own.set(country, [...(own.get(country) ?? []), { name: (row[at] ?? '').trim(), cells }]);
      });
    });
    for (const [country, rows] of own) byCountry.set(country, [...(byCountry.get(country) ?? []), { id, title: data.title, rows }]);
  }
  return byCountry;
}

/** The tables that have a row about `country`, in the given order, with those rows. */
export function countryRows(tables: readonly { readonly id: string; readonly data: TableFile }[], country: string): CountryTable[] {
  return countryRowsByCountry(tables).get(country) ?? [];
}
