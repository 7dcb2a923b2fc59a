/** The ingester's table data files: their layout, and how an editor's chart is kept on a re-run. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keepEditorChart, serializeTable, type TableData } from '../../../src/ingest/tables.ts';

const proposed = JSON.parse(readFileSync(new URL('./fixtures/seed-article/expected-tables/defense-budget.json', import.meta.url), 'utf8')) as TableData;

describe('serializeTable', () => {
  it('writes each row and each list of country ids on one line, and ends with a newline', () => {
    const text = serializeTable(proposed);
    expect(text).toContain('\n    ["South Korea", "$50 billion", "+5%"],\n');
    expect(text).toContain('"countries": ["south-korea", "japan", "china"]');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(proposed);
  });

  it('escapes what JSON must escape inside one-line rows', () => {
    const data = { ...proposed, rows: [['a "quote"', 'back\\slash', 'tab\there']] };
    expect(JSON.parse(serializeTable(data)).rows).toEqual(data.rows);
  });
});

describe('keepEditorChart', () => {
  it('proposes when there is no file, or the file has no "chart" key', () => {
    expect(keepEditorChart(proposed, undefined)).toEqual({ data: proposed });
    const { chart: _chart, ...withoutChart } = proposed;
    expect(keepEditorChart(proposed, withoutChart)).toEqual({ data: proposed });
  });

  it('says nothing when the file already has the proposal', () => {
    expect(keepEditorChart(proposed, structuredClone(proposed))).toEqual({ data: proposed });
  });

  it('keeps an edited chart that fits, and null', () => {
    const edited = { ...proposed.chart!, title: 'Budgets' };
    expect(keepEditorChart(proposed, { ...proposed, chart: edited }).data.chart).toEqual(edited);
    expect(keepEditorChart(proposed, { ...proposed, chart: null }).data.chart).toBeNull();
  });

  it('replaces a malformed chart with the proposal, saying what is wrong', () => {
    const kept = keepEditorChart(proposed, { chart: { type: 'bar', title: 'T', categories: 'Country', series: [1] } });
    expect(kept.data).toBe(proposed);
    expect(kept.message).toMatch(/^the chart in the existing data file no longer fits the table \(series\.0: .*\): replaced it with the proposal$/);
  });
});
