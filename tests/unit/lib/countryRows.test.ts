/** A country hub's rows across tables: the rows its country columns matched, with their figures. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryRows } from '../../../src/lib/countryRows.ts';
import type { TableFile } from '../../../src/lib/tableData.ts';

const read = (name: string) => JSON.parse(readFileSync(`content/tables/russia-treaty-north-korea/${name}.json`, 'utf8')) as TableFile;
const tables = ['defense-budget', 'interests', 'implications'].map((name) => ({ id: `russia-treaty-north-korea/${name}`, data: read(name) }));

describe('countryRows', () => {
  it("lists Japan's budget row with the source's figures and the computed projection", () => {
    expect(countryRows(tables, 'japan')).toEqual([
      {
        id: 'russia-treaty-north-korea/defense-budget',
        title: 'Current Defense Budget (2023) and Projected Change (2024), by country',
        rows: [
          {
            name: 'Japan',
            cells: [
              { label: 'Current Defense Budget (2023)', text: '$49 billion', computed: false },
              { label: 'Projected Change (2024)', text: '+10%', computed: false },
              { label: 'Projected Defense Budget (2024)', text: '$53.9 billion', computed: true },
            ],
          },
        ],
      },
    ]);
  });

  it('finds every table with a row about the country, in the given order', () => {
    expect(countryRows(tables, 'china').map((table) => [table.id, table.rows.map((row) => row.name)])).toEqual([
      ['russia-treaty-north-korea/defense-budget', ['China']],
      ['russia-treaty-north-korea/interests', ['China']],
    ]);
  });

  it('finds nothing for a country no country column names, or one only mentioned in a text cell', () => {
    expect(countryRows(tables, 'united-states')).toEqual([]);
    // "North Korea" appears in the implications table's text, which is not a country column.
    expect(countryRows(tables.slice(2), 'north-korea')).toEqual([]);
  });

  it('leaves out blank cells and names an unlabelled column by its number', () => {
    const data: TableFile = {
      ...read('defense-budget'),
      columns: [{ label: 'Country', type: 'text', countries: ['japan'] }, { label: '', type: 'text' }, { label: 'Note', type: 'text' }],
      rows: [['Japan', 'x', 'n/a']],
      chart: undefined,
    };
    expect(countryRows([{ id: 'a/b', data }], 'japan')[0]!.rows).toEqual([{ name: 'Japan', cells: [{ label: 'Column 2', text: 'x', computed: false }] }]);
  });
});
