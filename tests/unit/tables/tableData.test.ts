/**
 * The `tables` data-file schema: typed columns are checked cell by cell, with messages that name
 * the row, the column and the text; country ids and charts must fit the table.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { tableSchema } from '../../../src/lib/tableData.ts';

const schema = tableSchema({ document: z.string(), country: z.string(), section: z.string() });
const seed = JSON.parse(readFileSync('content/tables/russia-treaty-north-korea/defense-budget.json', 'utf8')) as Record<string, unknown>;

/** The defence-budget file with some parts replaced. */
function budget(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(seed), ...changes };
}

/** Every issue as "path: message". */
function issues(data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('a valid data file', () => {
  it('accepts every table the ingester wrote for the seeds', () => {
    for (const name of ['defense-budget', 'implications', 'interests', 'major-exports']) {
      const data = JSON.parse(readFileSync(`content/tables/russia-treaty-north-korea/${name}.json`, 'utf8')) as unknown;
      expect(issues(data), name).toEqual([]);
    }
  });

  it('keeps cells as the author wrote them and reads the column types', () => {
    const parsed = schema.parse(budget());
    expect(parsed.rows[0]).toEqual(['South Korea', '$50 billion', '+5%']);
    expect(parsed.columns.map((column) => [column.type, column.currency])).toEqual([
      ['text', undefined],
      ['money', 'USD'],
      ['percent', undefined],
    ]);
    expect(parsed.columns[0]!.countries).toEqual(['south-korea', 'japan', 'china']);
  });

  it('reads a file written before columns had types as all text', () => {
    const old = budget({ columns: [{ label: 'Country' }, { label: 'Budget' }, { label: 'Change' }] });
    delete old.chart;
    expect(schema.parse(old).columns.map((column) => column.type)).toEqual(['text', 'text', 'text']);
  });

  it('accepts placeholders ("", "-", "n/a") in a typed column', () => {
    const data = budget({ rows: [['South Korea', '', '+5%'], ['Japan', 'n/a', '-'], ['China', '$250 billion', '+8%']] });
    expect(issues(data)).toEqual([]);
  });

  it('accepts years and integers in an integer column, and all numbers in a decimal one', () => {
    const data = {
      ...budget(),
      columns: [
        { label: 'Year', type: 'year' },
        { label: 'Troops', type: 'integer' },
        { label: 'Ratio', type: 'number' },
      ],
      rows: [
        ['2023', '12,500', '1.5'],
        ['FY2024', '2024', '3'],
      ],
      chart: undefined,
    };
    expect(issues(data)).toEqual([]);
  });

  it('accepts "chart": null, an editor\'s "no chart"', () => {
    expect(schema.parse(budget({ chart: null })).chart).toBeNull();
  });
});

describe('a cell that does not read as its column type', () => {
  it('fails naming the row, the column and the text, with the reason', () => {
    const data = budget({ rows: [['South Korea', '$50 billion', '+5%'], ['Japan', '$49 bilion', '+10%'], ['China', '$250 billion', '+8%']] });
    expect(issues(data)).toEqual([
      'rows.1.1: row 2 ("Japan"), column 2 ("Current Defense Budget (2023)"): "$49 bilion" is not an amount in USD (like "$50 billion"); ' +
        'it does not read as a number: "bilion" is not a word this site reads; did you mean "billion"? Correct the cell, or make the column "type": "text"',
    ]);
  });

  it('fails on money in another currency than the column', () => {
    const data = budget({ rows: [['South Korea', 'NOK 9.5 billion', '+5%'], ['Japan', '$49 billion', '+10%'], ['China', '$250 billion', '+8%']] });
    expect(issues(data)).toEqual([expect.stringMatching(/^rows\.0\.1: row 1 \("South Korea"\), column 2 .*"NOK 9\.5 billion" is not an amount in USD .*it is an amount in NOK/)]);
  });

  it('fails on a percentage column holding text or a plain number', () => {
    const data = budget({ rows: [['South Korea', '$50 billion', 'five'], ['Japan', '$49 billion', '10'], ['China', '$250 billion', '+8%']] });
    expect(issues(data)).toEqual([
      expect.stringMatching(/^rows\.0\.2: .*"five" is not a percentage \(like "\+5%"\); it is text/),
      expect.stringMatching(/^rows\.1\.2: .*"10" is not a percentage .*it is a plain number/),
    ]);
  });

  it('fails on a year column holding a count', () => {
    const data = { ...budget({ chart: undefined }), columns: [{ label: 'Year', type: 'year' }], rows: [['2023'], ['12,500']] };
    expect(issues(data)).toEqual([expect.stringMatching(/^rows\.1\.0: row 2 \("12,500"\), column 1 \("Year"\): "12,500" is not a year/)]);
  });

  it('fails on a row with too few or too many cells', () => {
    const data = budget({ rows: [['South Korea', '$50 billion'], ['Japan', '$49 billion', '+10%', 'extra'], ['China', '$250 billion', '+8%']] });
    expect(issues(data)).toEqual([
      'rows.0: row 1 ("South Korea") has 2 cells but the table has 3 columns: every row needs one cell per column ("" for an empty one)',
      'rows.1: row 2 ("Japan") has 4 cells but the table has 3 columns: every row needs one cell per column ("" for an empty one)',
    ]);
  });
});

describe('columns', () => {
  it('need a known currency for money, and no currency otherwise', () => {
    const columns = (seed.columns as object[]).map((column) => ({ ...column }));
    expect(issues(budget({ columns: [columns[0], { label: 'Budget', type: 'money' }, columns[2]], chart: null }))).toEqual([
      'columns.1.currency: column 2 ("Budget") is money: give its ISO 4217 currency, like "USD"',
    ]);
    expect(issues(budget({ columns: [columns[0], { ...columns[1], currency: 'XYZ' }, columns[2]], chart: null }))).toContainEqual(
      'columns.1.currency: column 2 ("Current Defense Budget (2023)"): "XYZ" is not an ISO 4217 currency code',
    );
    expect(issues(budget({ columns: [columns[0], columns[1], { ...columns[2], currency: 'USD' }] }))).toEqual([
      'columns.2.currency: column 3 ("Projected Change (2024)") is of type "percent": only money has a currency',
    ]);
  });

  it('give one country id (or null) per row', () => {
    const columns = (seed.columns as object[]).map((column) => ({ ...column }));
    expect(issues(budget({ columns: [{ ...columns[0], countries: ['south-korea', null] }, columns[1], columns[2]] }))).toEqual([
      'columns.0.countries: column 1 ("Country") lists 2 country ids for 3 rows: give one per row (null where the cell names no country)',
    ]);
  });

  it('reject a misspelt key instead of ignoring it', () => {
    const columns = (seed.columns as object[]).map((column) => ({ ...column }));
    expect(issues(budget({ columns: [{ ...columns[0], typ: 'text' }, columns[1], columns[2]] })).join('\n')).toMatch(/columns\.0.*typ/);
  });
});

describe('the chart', () => {
  const chart = seed.chart as { series: object[] };

  it('must name existing columns', () => {
    expect(issues(budget({ chart: { ...chart, categories: 'Nation' } }))).toEqual([
      'chart.categories: chart: categories: no column is labelled "Nation" (the columns are "Country", "Current Defense Budget (2023)", "Projected Change (2024)")',
    ]);
  });

  it('must chart numbers, and compute only from money and a percentage', () => {
    expect(issues(budget({ chart: { ...chart, series: [{ column: 'Country' }] } }))).toEqual([
      'chart.series.0.column: chart: column "Country" is of type "text": a bar needs money, a percentage or a number',
    ]);
    const swapped = { computed: { base: 'Projected Change (2024)', change: 'Current Defense Budget (2023)' }, label: 'X' };
    expect(issues(budget({ chart: { ...chart, series: [swapped] } }))).toEqual([
      'chart.series.0.computed.base: chart: column "Projected Change (2024)" must hold an amount of money, but its type is "percent"',
      'chart.series.0.computed.change: chart: column "Current Defense Budget (2023)" must hold a percentage, but its type is "money"',
    ]);
  });

  it('must keep one unit on its axis', () => {
    const mixed = { ...chart, series: [{ column: 'Current Defense Budget (2023)' }, { column: 'Projected Change (2024)' }] };
    expect(issues(budget({ chart: mixed }))).toEqual([
      'chart.series: chart: all series of a chart share one axis, so one unit; these differ (series 1 ("Current Defense Budget (2023)"): amounts in USD; series 2 ("Projected Change (2024)"): percentages)',
    ]);
  });

  it('rejects an unknown chart type, a typo and an empty series list', () => {
    expect(issues(budget({ chart: { ...chart, type: 'pie' } })).join('\n')).toMatch(/^chart\.type: /);
    expect(issues(budget({ chart: { ...chart, serie: [] } })).join('\n')).toMatch(/serie/);
    expect(issues(budget({ chart: { ...chart, series: [] } }))).toEqual(['chart.series: a chart needs at least one series']);
  });
});
