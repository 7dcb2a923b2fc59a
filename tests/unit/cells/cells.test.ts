import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Cell,
  describeUnit,
  formatCell,
  formatValue,
  inferColumn,
  isBlank,
  parseCell,
  typeTable,
} from '../../../src/lib/cells.ts';
import { dateCases, malformedCases, moneyCases, numberCases, percentCases, plainTextCases, yearCases } from './fixtures/cells.ts';

interface SeedTable {
  line: number;
  columns: { label: string }[];
  rows: string[][];
}
const seed = JSON.parse(readFileSync(new URL('./fixtures/seed-tables.json', import.meta.url), 'utf8')) as {
  tables: SeedTable[];
};
const parseAll = (texts: readonly string[]): Cell[] => texts.map((text) => parseCell(text));

describe('parseCell', () => {
  describe.each([
    ['money', moneyCases],
    ['percent', percentCases],
    ['integer and number', numberCases],
    ['year', yearCases],
    ['date', dateCases],
  ])('%s', (_, cases) => {
    it.each(cases)('%j', (input, expected) => {
      expect(parseCell(input)).toEqual({ text: input, ...expected });
    });
  });

  describe('plain text', () => {
    it.each(plainTextCases)('%j stays text with nothing to report', (input) => {
      expect(parseCell(input)).toEqual({ type: 'text', text: input });
    });
  });

  describe('malformed cells', () => {
    it.each(malformedCases)('%j stays text and says why', (input, reason) => {
      const cell = parseCell(input);
      expect(cell).toMatchObject({ type: 'text', text: input });
      expect(cell.type === 'text' ? cell.reason : undefined).toContain(reason);
    });
  });

  it('gives exactly the decimal value the author wrote, with no floating-point residue', () => {
    const values = ['$0.8 billion', '$4.1 billion', '$0.3 million', '-3.5%', '0.7%', '$4.35 trillion'].map((text) => {
      const cell = parseCell(text);
      return cell.type === 'text' ? undefined : cell.value;
    });
    expect(values).toEqual([800_000_000, 4_100_000_000, 300_000, -0.035, 0.007, 4_350_000_000_000]);
    // The naive products are off; the parser must not be.
    expect([4.1 * 1e9, 0.7 / 100, 4.35 * 1e12]).not.toEqual([4_100_000_000, 0.007, 4_350_000_000_000]);
  });

  it('never throws, never changes the text and only returns finite values, on any input', () => {
    const alphabet = [...'0123456789,.% $€£¥₩₹+-−–()bilonmkBMTUSDNOKFYpercnt'];
    alphabet.push('\u00a0', '\u2009', '\u202f', 'C$', 'US$', ' billion', ' million', '%%', '\u0000', '\ud800', '😀');
    let seedValue = 0x5eed;
    const random = (): number => {
      // mulberry32: a fixed sequence, so a failure reproduces.
      seedValue = (seedValue + 0x6d2b79f5) | 0;
      let t = Math.imul(seedValue ^ (seedValue >>> 15), 1 | seedValue);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const counts: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) {
      const length = Math.floor(random() * 12);
      const input = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const cell = parseCell(input);
      expect(cell.text).toBe(input);
      counts[cell.type] = (counts[cell.type] ?? 0) + 1;
      if (cell.type !== 'text') {
        expect(Number.isFinite(cell.value), input).toBe(true);
        expect(input, 'a value needs a digit in the text').toMatch(/\d/);
        expect(formatCell(cell)).not.toBe('');
      }
    }
    // The generator must reach the numeric paths, or this test proves little.
    expect(counts.text).toBeGreaterThan(0);
    expect((counts.money ?? 0) + (counts.percent ?? 0) + (counts.integer ?? 0)).toBeGreaterThan(100);
  });

  it('survives values that are not strings at all', () => {
    expect(parseCell(undefined as unknown as string)).toEqual({ type: 'text', text: 'undefined' });
    expect(parseCell(5 as unknown as string)).toEqual({ type: 'text', text: '5' });
  });
});

describe('isBlank', () => {
  it.each([
    ['', true],
    ['  ', true],
    ['-', true],
    ['\u2014', true],
    ['n/a', true],
    ['N/A', true],
    ['..', true],
    ['south Korea', false],
    ['0', false],
    ['$0', false],
  ])('%j -> %s', (text, blank) => {
    expect(isBlank(parseCell(text))).toBe(blank);
  });
});

describe('inferColumn', () => {
  it.each([
    ['the seed budgets', ['$50 billion', '$49 billion', '$250 billion'], { type: 'money', currency: 'USD', unit: 'USD' }],
    ['the seed changes', ['+5%', '+10%', '+8%'], { type: 'percent', unit: '%' }],
    ['one currency, any scale', ['NOK 9.5 billion', 'NOK 800 million', '(NOK 2bn)'], { type: 'money', currency: 'NOK', unit: 'NOK' }],
    ['years', ['2023', '2024', 'FY2025'], { type: 'year' }],
    ['years and a larger count', ['2023', '1,200', '15000'], { type: 'integer' }],
    ['integers', ['1,000', '12\u2009500', '-3'], { type: 'integer' }],
    ['integers and decimals', ['1,000', '2.5'], { type: 'number' }],
    ['blanks and placeholders between amounts', ['$50 billion', '', 'n/a', '\u2014', '$2 billion'], { type: 'money', currency: 'USD', unit: 'USD' }],
    ['only blanks', ['', '-'], { type: 'text' }],
    ['countries', ['south Korea', 'Japan', 'China'], { type: 'text' }],
  ])('%s', (_, texts, expected) => {
    expect(inferColumn(parseAll(texts))).toEqual({ ...expected, issues: [] });
  });

  it('makes a column with a misspelt amount text and reports that cell with its row and column', () => {
    const column = inferColumn(parseAll(['$50 billion', '$49 bilion', '$250 billion']), 1);
    expect(column.type).toBe('text');
    expect(column.issues).toEqual([
      { row: 1, column: 1, text: '$49 bilion', reason: expect.stringContaining('did you mean "billion"') },
    ]);
  });

  it('types a money column that mixes currencies as money, each cell keeping its own currency', () => {
    const cells = parseAll(['¥1.2 trillion', '₩3.4 trillion', '$28.4 billion', 'NOK 40 bn', 'C$ 3 bn']);
    expect(inferColumn(cells, 4)).toEqual({ type: 'money', currencies: ['CAD', 'JPY', 'KRW', 'NOK', 'USD'], issues: [] });
    expect(cells.map((cell) => (cell.type === 'money' ? [cell.currency, cell.value] : undefined))).toEqual([
      ['JPY', 1.2e12], ['KRW', 3.4e12], ['USD', 28.4e9], ['NOK', 40e9], ['CAD', 3e9],
    ]);
  });

  it('types a column of months or quarters as dates, and 2023-24 stays text', () => {
    expect(inferColumn(parseAll(['Feb 2025', 'Mar 2025', '2025-04'])).type).toBe('date');
    expect(inferColumn(parseAll(['Q3 2024', 'Q4 2024', 'Q1 2025'])).type).toBe('date');
    expect(parseCell('2023-24')).toEqual({ type: 'text', text: '2023-24' });
  });

  it('reports a number of another kind, and prose, in a mostly numeric column', () => {
    expect(inferColumn(parseAll(['+5%', '10', '+8%'])).issues).toEqual([
      { row: 1, column: 0, text: '10', reason: '2 of the 3 filled cells of this column are percentages; this one is a plain number' },
    ]);
    expect(inferColumn(parseAll(['$5 billion', 'about $6 billion'])).issues).toEqual([
      {
        row: 1,
        column: 0,
        text: 'about $6 billion',
        reason: '1 of the 2 filled cells of this column is an amount in USD; this one is text',
      },
    ]);
  });

  it('leaves a prose column with one stray number alone, but still reports a near miss in it', () => {
    expect(inferColumn(parseAll(['Stability', 'Security', '2023']))).toEqual({ type: 'text', issues: [] });
    expect(inferColumn(parseAll(['Japan', 'China', '5%%'])).issues).toEqual([
      { row: 2, column: 0, text: '5%%', reason: expect.stringContaining('%') },
    ]);
  });
});

describe('describeUnit', () => {
  const usd = { type: 'money', currency: 'USD', unit: 'USD' } as const;
  const percent = { type: 'percent', unit: '%' } as const;
  it.each([
    [usd, undefined, 'USD'],
    [usd, 'Current Defense Budget (2023)', 'USD'],
    [usd, 'Budget (USD)', undefined],
    [usd, 'Budget, usd bn', undefined],
    [usd, 'Business volume', 'USD'],
    [{ type: 'money', currency: 'NOK' } as const, 'Budget', 'NOK'],
    [percent, 'Projected Change (2024)', '%'],
    [percent, 'Change (%)', undefined],
    [percent, 'Change, per cent', undefined],
    [{ type: 'percent' } as const, undefined, '%'],
    [{ type: 'integer' } as const, 'Troops', undefined],
    [{ type: 'year' } as const, 'Year', undefined],
    [{ type: 'text' } as const, 'Country', undefined],
  ])('%j with header %j -> %j', (column, label, unit) => {
    expect(describeUnit(column, label)).toBe(unit);
  });
});

describe('typeTable on the seed tables', () => {
  const [budgets, trade, interests, factors] = seed.tables;

  it('types the defence budgets as country text, USD amounts and signed percentages', () => {
    const table = typeTable(budgets!);
    expect(table.issues).toEqual([]);
    expect(table.columns).toEqual([
      { label: 'Country', type: 'text' },
      { label: 'Current Defense Budget (2023)', type: 'money', currency: 'USD', unit: 'USD' },
      { label: 'Projected Change (2024)', type: 'percent', unit: '%' },
    ]);
    expect(table.rows).toEqual([
      [
        { type: 'text', text: 'south Korea' },
        { type: 'money', text: '$50 billion', value: 50_000_000_000, currency: 'USD', explicitSign: false },
        { type: 'percent', text: '+5%', value: 0.05, explicitSign: true },
      ],
      [
        { type: 'text', text: 'Japan' },
        { type: 'money', text: '$49 billion', value: 49_000_000_000, currency: 'USD', explicitSign: false },
        { type: 'percent', text: '+10%', value: 0.1, explicitSign: true },
      ],
      [
        { type: 'text', text: 'China' },
        { type: 'money', text: '$250 billion', value: 250_000_000_000, currency: 'USD', explicitSign: false },
        { type: 'percent', text: '+8%', value: 0.08, explicitSign: true },
      ],
    ]);
  });

  it.each([
    ['trade flows', trade],
    ['interests and outcomes', interests],
    ['factors', factors],
  ])('keeps the %s table as text, with nothing to report', (_, source) => {
    const table = typeTable(source!);
    expect(table.issues).toEqual([]);
    expect(table.columns.map((column) => column.type)).toEqual(source!.columns.map(() => 'text'));
  });

  it('keeps every cell of every seed table, text unchanged', () => {
    expect(seed.tables).toHaveLength(4);
    for (const source of seed.tables) {
      const table = typeTable(source);
      expect(table.rows.map((row) => row.map((cell) => cell.text))).toEqual(source.rows);
    }
  });

  it('reports rows whose cell count differs from the header, and keeps their cells', () => {
    const table = typeTable({
      columns: [{ label: 'Country' }, { label: 'Budget' }, { label: 'Change' }],
      rows: [
        ['Japan', '$49 billion', '+10%'],
        ['China', '$250 billion'],
        ['Russia', '$109 billion', '+3%', 'extra'],
      ],
    });
    expect(table.issues).toEqual([
      { row: 1, column: 2, text: '', reason: 'this row has 2 cells but the header has 3' },
      { row: 2, column: 3, text: 'extra', reason: 'this row has 4 cells but the header has 3' },
    ]);
    expect(table.rows.map((row) => row.length)).toEqual([3, 2, 4]);
    // The missing change is not invented, and does not stop the column being typed.
    expect(table.columns.map((column) => column.type)).toEqual(['text', 'money', 'percent']);
  });

  it('reports a malformed amount with its row and column, in order', () => {
    const table = typeTable({
      columns: [{ label: 'Country' }, { label: 'Budget' }, { label: 'Change' }],
      rows: [
        ['south Korea', '$50 billion', '+5%'],
        ['Japan', '$49 bilion', '+10%%'],
        ['China', '$250 billion', '+8%'],
      ],
    });
    expect(table.issues.map(({ row, column, text }) => ({ row, column, text }))).toEqual([
      { row: 1, column: 1, text: '$49 bilion' },
      { row: 1, column: 2, text: '+10%%' },
    ]);
    expect(table.columns.map((column) => column.type)).toEqual(['text', 'text', 'text']);
  });
});

describe('formatCell', () => {
  it.each([
    ['$50 billion', '$50B'],
    ['$250 billion', '$250B'],
    ['$0.8 billion', '$800M'],
    ['$1.25 billion', '$1.25B'],
    ['$1,250', '$1,250'],
    ['$12.5', '$12.5'],
    ['-$2 billion', '-$2B'],
    ['($2 billion)', '-$2B'],
    ['+$2 billion', '+$2B'],
    ['NOK 9.5 billion', 'NOK\u00a09.5B'],
    ['C$ 0.8 billion', 'CA$800M'],
    ['A$ 3 billion', 'A$3B'],
    ['¥5 trillion', '¥5T'],
    ['CN¥ 1.6 trillion', 'CN¥1.6T'],
    ['₩59 trillion', '₩59T'],
    ['+5%', '+5%'],
    ['5%', '5%'],
    ['-3.5%', '-3.5%'],
    ['0.25%', '0.25%'],
    ['1,000', '1,000'],
    ['12\u2009500', '12,500'],
    ['+250', '+250'],
    ['3.75', '3.75'],
    ['2023', '2023'],
    ['FY2024', 'FY2024'],
    ['south Korea', 'south Korea'],
    ['$49 bilion', '$49 bilion'],
  ])('%j -> %j in English', (input, output) => {
    expect(formatCell(parseCell(input))).toBe(output);
  });

  it('formats in the reader\u2019s locale, but never groups a year', () => {
    expect(formatCell(parseCell('1,000'), 'de')).toBe('1.000');
    expect(formatCell(parseCell('3.75'), 'de')).toBe('3,75');
    expect(formatCell(parseCell('$50 billion'), 'de')).toMatch(/^50\sMrd\.\s\$$/);
    expect(formatCell(parseCell('2023'), 'de')).toBe('2023');
  });

  it('falls back to English for a malformed locale instead of failing the build', () => {
    expect(formatCell(parseCell('$50 billion'), 'not a locale!')).toBe('$50B');
  });

  it('reads back as the same value and currency (the formats are ones the parser accepts)', () => {
    for (const [input] of [...moneyCases, ...percentCases, ...numberCases]) {
      const cell = parseCell(input);
      const again = parseCell(formatCell(cell));
      expect(again.type === 'text' ? again : { value: again.value, currency: 'currency' in again ? again.currency : undefined }, input).toEqual({
        value: cell.type === 'text' ? undefined : cell.value,
        currency: 'currency' in cell ? cell.currency : undefined,
      });
    }
  });
});

describe('formatValue', () => {
  it('formats chart ticks and computed values by column type, hiding floating-point noise', () => {
    const usd = { type: 'money', currency: 'USD' } as const;
    expect(formatValue(60e9, usd)).toBe('$60B');
    expect(formatValue(49e9 * 1.1, usd)).toBe('$53.9B');
    expect(formatValue(500, usd)).toBe('$500');
    expect(formatValue(0.125, { type: 'percent' })).toBe('12.5%');
    expect(formatValue(0.1, { type: 'percent' }, 'en', { explicitSign: true })).toBe('+10%');
    expect(formatValue(12500, { type: 'integer' })).toBe('12,500');
    expect(formatValue(2024, { type: 'year' })).toBe('2024');
    expect(formatValue(Number.NaN, usd)).toBe('NaN');
  });
});
