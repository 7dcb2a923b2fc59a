import { describe, expect, it } from 'vitest';
import { canShareAxis, currencyGroups, parseCell, typeTable } from '../../../src/lib/cells.ts';
import { tableCsv, tableJson } from '../../../src/lib/downloads.ts';
import { tableProblems, type TableFile } from '../../../src/lib/tableData.ts';

/** A think-tank report's table of allied pledges, each in the donor's own currency. */
const pledges = {
  columns: [{ label: 'Country' }, { label: 'Announced package' }, { label: 'Share of GDP' }],
  rows: [
    ['Japan', '¥1.2 trillion', '0.2%'],
    ['South Korea', '₩3.4 trillion', '0.14%'],
    ['United States', '$28.4 billion', '0.1%'],
    ['Norway', 'NOK 40 bn', '0.8%'],
    ['Canada', 'C$ 3 bn', '0.1%'],
    ['Australia', '-', '0.05%'],
  ],
};

describe('canShareAxis', () => {
  it('allows one currency, or none, on an axis', () => {
    expect(canShareAxis(['$1 billion', '$2 billion', 'n/a'].map((t) => parseCell(t)))).toEqual({ ok: true, currency: 'USD' });
    expect(canShareAxis(['5%', '7%'].map((t) => parseCell(t)))).toEqual({ ok: true });
  });

  it('refuses several currencies and says why', () => {
    const cells = pledges.rows.map((row) => parseCell(row[1]!));
    expect(currencyGroups(cells)).toEqual(new Map([['CAD', [4]], ['JPY', [0]], ['KRW', [1]], ['NOK', [3]], ['USD', [2]]]));
    const verdict = canShareAxis(cells);
    expect(verdict).toMatchObject({ ok: false, currencies: ['CAD', 'JPY', 'KRW', 'NOK', 'USD'] });
    expect(verdict.ok ? '' : verdict.reason).toContain('5 currencies (1 in CAD, 1 in JPY, 1 in KRW, 1 in NOK, 1 in USD)');
  });
});

describe('a mixed-currency money column in the data file and downloads', () => {
  const typed = typeTable(pledges);
  const table: TableFile = {
    title: 'Announced package and share of GDP by country',
    caption: 'Announced package and share of GDP by country',
    document: 'doc',
    section: 'pledges',
    line: 20,
    columns: typed.columns.map(({ label, type, currency, currencies, unit }) => ({ label, type, ...(currency ? { currency } : {}), ...(currencies ? { currencies: [...currencies] } : {}), ...(unit ? { unit } : {}) })),
    rows: pledges.rows,
    chart: null,
  };

  it('is money listing its currencies, and passes the data file checks', () => {
    expect(table.columns[1]).toEqual({ label: 'Announced package', type: 'money', currencies: ['CAD', 'JPY', 'KRW', 'NOK', 'USD'] });
    expect(tableProblems(table)).toEqual([]);
  });

  it('fails the checks for a cell in a currency the column does not list', () => {
    const problems = tableProblems({ ...table, rows: [...pledges.rows, ['Switzerland', 'CHF 2 bn', '0.3%']] });
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('"CHF 2 bn" is not an amount')]);
  });

  it('cannot be a chart series: the data file check refuses it', () => {
    const chart = { type: 'bar' as const, title: 'Pledges', categories: 'Country', series: [{ column: 'Announced package' }] };
    expect(tableProblems({ ...table, chart }).map((p) => p.message)).toEqual([
      'chart: column "Announced package" mixes currencies (CAD, JPY, KRW, NOK, USD); one axis cannot show them, so it cannot be a series',
    ]);
  });

  it('keeps each cell\'s currency in the CSV and the JSON', () => {
    const csv = tableCsv(table).split('\r\n');
    expect(csv[0]).toBe('\uFEFF"Country","Announced package","Share of GDP","Announced package (value)","Share of GDP (value as a fraction)","Announced package (currency)"');
    expect(csv[1]).toBe('"Japan","¥1.2 trillion","0.2%","1200000000000","0.002","JPY"');
    expect(csv[4]).toBe('"Norway","NOK 40 bn","0.8%","40000000000","0.008","NOK"');
    expect(csv[6]).toBe('"Australia","-","0.05%","","0.0005",""');
    const json = tableJson(table, {
      id: 'doc/pledges',
      document: { slug: 'doc', title: 'Doc', url: '/doc/' },
      section: { id: 'pledges', title: 'Pledges', url: '/doc/#pledges' },
      url: '/doc/#table-pledges',
      source: { url: '/doc/source.txt' },
    }) as { rows: { text: string; value?: number; currency?: string }[][] };
    expect(json.rows.map((row) => row[1])).toEqual([
      { text: '¥1.2 trillion', value: 1.2e12, currency: 'JPY' },
      { text: '₩3.4 trillion', value: 3.4e12, currency: 'KRW' },
      { text: '$28.4 billion', value: 28.4e9, currency: 'USD' },
      { text: 'NOK 40 bn', value: 40e9, currency: 'NOK' },
      { text: 'C$ 3 bn', value: 3e9, currency: 'CAD' },
      { text: '-' },
    ]);
  });
});
