/**
 * CSV and JSON downloads: the CSV is byte-exact RFC 4180 with a BOM and safe against formula
 * injection without spoiling signed figures; the JSON carries the cells, values, country ids
 * and chart.
 */
import { describe, expect, it } from 'vitest';
import { csvText, plainNumber, tableCsv, tableJson } from '../../../src/lib/downloads.ts';
import type { TableFile } from '../../../src/lib/tableData.ts';
import { parseCsv } from '../../site/support/csv.ts';

const budget: TableFile = {
  title: 'Budgets',
  caption: 'Budgets by country',
  document: 'doc',
  section: 'money',
  line: 11,
  columns: [
    { label: 'Country', type: 'text', countries: ['south-korea', 'japan', null] },
    { label: 'Budget (2023)', type: 'money', currency: 'USD', unit: 'USD' },
    { label: 'Change (2024)', type: 'percent', unit: '%' },
  ],
  rows: [
    ['south Korea', '$50 billion', '+5%'],
    ['Japan', '$49 billion', '-3.5%'],
    ['The "EU", together', 'n/a', '-'],
  ],
  chart: {
    type: 'bar',
    title: 'Budgets',
    categories: 'Country',
    series: [{ column: 'Budget (2023)' }, { computed: { base: 'Budget (2023)', change: 'Change (2024)' }, label: 'Budget (2024)' }],
  },
};

describe('tableCsv', () => {
  const csv = tableCsv(budget);

  it('is UTF-8 with a BOM, every field quoted, quotes doubled, CRLF after every record', () => {
    expect(csv).toBe(
      '\uFEFF' +
        '"Country","Budget (2023)","Change (2024)","Budget (2023) (value in USD)","Change (2024) (value as a fraction)"\r\n' +
        '"south Korea","$50 billion","+5%","50000000000","0.05"\r\n' +
        '"Japan","$49 billion","-3.5%","49000000000","-0.035"\r\n' +
        '"The ""EU"", together","n/a","-","",""\r\n',
    );
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('parses back to the table as written, then the values', () => {
    const [header, ...records] = parseCsv(csv);
    expect(header!.slice(0, 3)).toEqual(budget.columns.map((column) => column.label));
    expect(records.map((record) => record.slice(0, 3))).toEqual(budget.rows);
    expect(records.map((record) => record.slice(3))).toEqual([
      ['50000000000', '0.05'],
      ['49000000000', '-0.035'],
      ['', ''],
    ]);
  });

  it('keeps every character, including non-Latin text, commas and line breaks inside a field', () => {
    const table = { columns: [{ label: 'Страна', type: 'text' as const }], rows: [['Корея, Юг'], ['a\r\nb'], ['€ ¥ ’']] };
    expect(parseCsv(tableCsv(table))).toEqual([['Страна'], ['Корея, Юг'], ['a\r\nb'], ['€ ¥ ’']]);
  });

  it('writes a value column for numbers, never for text or years', () => {
    const table = {
      columns: [
        { label: 'Year', type: 'year' as const },
        { label: 'Troops', type: 'integer' as const },
        { label: '', type: 'number' as const, unit: 'km' },
      ],
      rows: [['FY2024', '12,500', '0.5']],
    };
    expect(parseCsv(tableCsv(table))).toEqual([
      ['Year', 'Troops', '', 'Troops (value)', 'Column 3 (value in km)'],
      ['FY2024', '12,500', '0.5', '12500', '0.5'],
    ]);
  });
});

describe('formula injection', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://x.invalid","click")', `'=HYPERLINK("http://x.invalid","click")`],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['  =1+1', "'  =1+1"],
    ['- a note', "'- a note"],
  ])('prefixes %j with an apostrophe', (text, written) => {
    expect(csvText(text)).toBe(written);
  });

  it.each(['+5%', '-3.5%', '-3', '+12,500', '-$2 billion', '+NOK 9.5 billion', '-', 'n/a', '', 'a = b', 'Total: -5%'])(
    'leaves %j as written: a figure, a placeholder or text that does not start a formula',
    (text) => {
      expect(csvText(text)).toBe(text);
    },
  );

  it('applies to header labels too', () => {
    const [header] = parseCsv(tableCsv({ columns: [{ label: '=bad()', type: 'text' }], rows: [] }));
    expect(header).toEqual(["'=bad()"]);
  });
});

describe('plainNumber', () => {
  it('writes numbers without exponent or grouping', () => {
    expect([4.35e12, 1e21, 0.0000005, -0.035, 0].map(plainNumber)).toEqual(['4350000000000', '1000000000000000000000', '0.0000005', '-0.035', '0']);
  });
});

describe('tableJson', () => {
  const json = tableJson(budget, {
    id: 'doc/budgets',
    url: 'https://x.invalid/assessments/doc/#table-budgets',
    document: { slug: 'doc', title: 'Doc', url: 'https://x.invalid/assessments/doc/' },
    section: { id: 'money', title: 'Money', url: 'https://x.invalid/assessments/doc/#money' },
    source: { url: 'https://x.invalid/sources/doc.txt' },
  }) as Record<string, unknown>;

  it('keeps each cell as written, with its value and country id', () => {
    expect(json.rows).toEqual([
      [{ text: 'south Korea', country: 'south-korea' }, { text: '$50 billion', value: 50e9 }, { text: '+5%', value: 0.05 }],
      [{ text: 'Japan', country: 'japan' }, { text: '$49 billion', value: 49e9 }, { text: '-3.5%', value: -0.035 }],
      [{ text: 'The "EU", together' }, { text: 'n/a' }, { text: '-' }],
    ]);
    expect(json.columns).toEqual([
      { label: 'Country', type: 'text' },
      { label: 'Budget (2023)', type: 'money', currency: 'USD', unit: 'USD' },
      { label: 'Change (2024)', type: 'percent', unit: '%' },
    ]);
    expect(json.source).toEqual({ url: 'https://x.invalid/sources/doc.txt', line: 11 });
  });

  it('includes the chart with its computed values marked and explained', () => {
    expect(json.chart).toEqual({
      type: 'bar',
      title: 'Budgets',
      categories: ['south Korea', 'Japan', 'The "EU", together'],
      series: [
        { label: 'Budget (2023)', computed: false, values: [50e9, 49e9, null] },
        { label: 'Budget (2024)', computed: true, values: [52.5e9, 47.3e9, null] },
      ],
      notes: ["Budget (2024) is computed from the source's figures: Budget (2023) × (1 + Change (2024)), rounded to 3 significant digits."],
    });
  });
});
