import { describe, expect, it } from 'vitest';
import { headerUnit, readColumnCell, typeTable } from '../../../src/lib/cells.ts';
import { tableProblems } from '../../../src/lib/tableData.ts';

describe('headerUnit', () => {
  it.each([
    ['Production (Mt)', { scale: 0, percent: false, unit: 'Mt' }],
    ['Budget (USD bn)', { currency: 'USD', scale: 9, percent: false, unit: 'USD bn' }],
    ['Aid ($ millions)', { currency: 'USD', scale: 6, percent: false, unit: '$ millions' }],
    ['Debt (% of GDP)', { scale: 0, percent: true, unit: '% of GDP' }],
    ['Exports (bn)', { scale: 9, percent: false, unit: 'bn' }],
    ['Refugees (thousands)', { scale: 3, percent: false, unit: 'thousands' }],
    ['Reserves (bn EUR)', { currency: 'EUR', scale: 9, percent: false, unit: 'bn EUR' }],
  ])('%s', (label, expected) => {
    expect(headerUnit(label)).toEqual(expected);
  });

  it('finds no unit in a header without one, or in a parenthetical that is not a unit', () => {
    expect(headerUnit('Country')).toBeUndefined();
    expect(headerUnit('Spending (2023)')).toBeUndefined();
    expect(headerUnit('Change (2023-24)')).toBeUndefined();
    expect(headerUnit('Troops (est.)')).toBeUndefined();
    expect(headerUnit('Spending (projected)')).toBeUndefined();
  });
});

describe('a header unit applies to the bare numbers of its column', () => {
  it('reads 12.5 under (USD bn) as 12.5 billion US dollars, and 2.1 under (% of GDP) as 2.1 percent', () => {
    expect(readColumnCell('12.5', 'Budget (USD bn)')).toEqual({ type: 'money', text: '12.5', value: 12_500_000_000, currency: 'USD', explicitSign: false });
    expect(readColumnCell('2.1', 'Debt (% of GDP)')).toEqual({ type: 'percent', text: '2.1', value: 0.021, explicitSign: false });
    expect(readColumnCell('340', 'Refugees (thousands)')).toMatchObject({ type: 'integer', value: 340_000 });
    // A cell that states its own amount keeps it.
    expect(readColumnCell('€3 billion', 'Budget (USD bn)')).toMatchObject({ type: 'money', currency: 'EUR', value: 3e9 });
  });

  it('types the column and passes the data file checks with the unit it found', () => {
    const table = {
      columns: [{ label: 'Country' }, { label: 'Defense budget (USD bn)' }, { label: 'Steel output (Mt)' }, { label: 'Spending (% of GDP)' }],
      rows: [
        ['Japan', '55.9', '87.0', '1.6'],
        ['South Korea', '46.4', '66.7', '2.8'],
      ],
    };
    const typed = typeTable(table);
    expect(typed.columns.map(({ label, ...rest }) => rest)).toEqual([
      { type: 'text' },
      { type: 'money', currency: 'USD', unit: 'USD' },
      { type: 'number', unit: 'Mt' },
      { type: 'percent', unit: '%' },
    ]);
    expect(tableProblems({ columns: typed.columns, rows: table.rows, chart: null })).toEqual([]);
  });
});
