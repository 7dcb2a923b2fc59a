/**
 * Charts: which chart the ingester proposes for a table, the computed projection and its
 * rounding, the resolved figures, and the text alternative.
 */
import { describe, expect, it } from 'vitest';
import { typeTable } from '../../../src/lib/cells.ts';
import { describeChart, projectedValue, proposeChart, resolveChart, spokenValue, type ChartTable } from '../../../src/lib/charts.ts';

/** A table typed the way the ingester types it, from header labels and rows of text. */
function table(labels: string[], rows: string[][]): ChartTable {
  const typed = typeTable({ columns: labels.map((label) => ({ label })), rows });
  return { columns: typed.columns, rows };
}

const budget = table(
  ['Country', 'Current Defense Budget (2023)', 'Projected Change (2024)'],
  [
    ['South Korea', '$50 billion', '+5%'],
    ['Japan', '$49 billion', '+10%'],
    ['China', '$250 billion', '+8%'],
  ],
);

describe('proposeChart', () => {
  it('proposes grouped bars of a money column and its projection by a change column', () => {
    expect(proposeChart(budget)).toEqual({
      chart: {
        type: 'bar',
        title: 'Current Defense Budget (2023) and Projected Defense Budget (2024) by Country',
        categories: 'Country',
        series: [
          { column: 'Current Defense Budget (2023)' },
          {
            computed: { base: 'Current Defense Budget (2023)', change: 'Projected Change (2024)' },
            label: 'Projected Defense Budget (2024)',
          },
        ],
      },
      summary:
        'proposed a grouped bar chart of "Current Defense Budget (2023)" and "Projected Defense Budget (2024)" ' +
        '(computed from the source\'s figures: "Current Defense Budget (2023)" × (1 + "Projected Change (2024)"))',
    });
  });

  it('reads a change column by its signs when its label does not say so', () => {
    const signed = table(['Country', 'Budget', 'Next year'], [['A', 'NOK 9.5 billion', '+3%'], ['B', 'NOK 2 billion', '-1%']]);
    expect(proposeChart(signed)?.chart.series).toEqual([
      { column: 'Budget' },
      { computed: { base: 'Budget', change: 'Next year' }, label: 'Projected Budget' },
    ]);
  });

  it('labels a projection without years by what was applied', () => {
    const noYears = table(['Country', 'Budget (2023)', 'Change'], [['A', '$5 billion', '+3%'], ['B', '$2 billion', '-1%']]);
    expect(proposeChart(noYears)?.chart.series[1]).toEqual({ computed: { base: 'Budget (2023)', change: 'Change' }, label: 'Budget (2023) after Change' });
  });

  it('proposes one series per numeric column of one unit, leaving other units out', () => {
    const regions = table(['Region', '2023', '2024', 'Share'], [['North', '10', '12', '5%'], ['South', '7', '9', '3%']]);
    expect(proposeChart(regions)?.chart).toEqual({
      type: 'bar',
      title: '2023 and 2024 by Region',
      categories: 'Region',
      series: [{ column: '2023' }, { column: '2024' }],
    });
  });

  it('uses a year column as the categories', () => {
    const years = table(['Year', 'Troops'], [['2022', '12,500'], ['2023', '13,000']]);
    expect(proposeChart(years)?.chart).toMatchObject({ categories: 'Year', series: [{ column: 'Troops' }] });
  });

  it('proposes nothing for text, a single row, repeated or empty category names, or too many rows', () => {
    expect(proposeChart(table(['Factor', 'Implications'], [['A', 'b'], ['C', 'd']]))).toBeUndefined();
    expect(proposeChart(table(['Country', 'Budget'], [['A', '$5 billion']]))).toBeUndefined();
    expect(proposeChart(table(['Country', 'Budget'], [['A', '$5 billion'], ['A', '$6 billion']]))).toBeUndefined();
    expect(proposeChart(table(['Country', 'Budget'], [['A', '$5 billion'], ['', '$6 billion']]))).toBeUndefined();
    const many = Array.from({ length: 25 }, (_, i) => [`Row ${i}`, String(i)]);
    expect(proposeChart(table(['Name', 'Count'], many))).toBeUndefined();
  });

  it('leaves out a column whose label is empty or repeated, since a chart names columns by label', () => {
    const ragged = table(['Name', 'Value', '', ''], [['A', '1', '2', '3'], ['B', '4', '5', '6']]);
    expect(proposeChart(ragged)?.chart.series).toEqual([{ column: 'Value' }]);
    const twice = table(['Name', 'Value', 'Value'], [['A', '1', '2'], ['B', '4', '5']]);
    expect(proposeChart(twice)).toBeUndefined();
  });

  it('charts a mostly blank column with its blanks as gaps', () => {
    const gaps = table(['Name', 'Value'], [['A', '1'], ['B', 'n/a'], ['C', '3']]);
    const proposal = proposeChart(gaps)!;
    expect(resolveChart(gaps, proposal.chart).series[0]!.values).toEqual([1, null, 3]);
  });
});

describe('projectedValue', () => {
  it('is base × (1 + change), rounded to 3 significant digits without float residue', () => {
    expect([projectedValue(50e9, 0.05), projectedValue(49e9, 0.1), projectedValue(250e9, 0.08)]).toEqual([52.5e9, 53.9e9, 270e9]);
    expect(49e9 * 1.1).not.toBe(53.9e9);
    expect(projectedValue(1.234e9, 0.1)).toBe(1.357e9);
    expect(projectedValue(100, -0.035)).toBe(96.5);
    expect(projectedValue(0, 0.5)).toBe(0);
  });
});

describe('resolveChart', () => {
  const resolved = resolveChart(budget, proposeChart(budget)!.chart);

  it('reads the figures from the table and computes the projection', () => {
    expect(resolved.categories).toEqual(['South Korea', 'Japan', 'China']);
    expect(resolved.axis).toEqual({ type: 'money', currency: 'USD' });
    expect(resolved.series.map(({ label, legend, computed, values }) => ({ label, legend, computed, values }))).toEqual([
      { label: 'Current Defense Budget (2023)', legend: 'Current Defense Budget (2023)', computed: false, values: [50e9, 49e9, 250e9] },
      { label: 'Projected Defense Budget (2024)', legend: 'Projected Defense Budget (2024), computed', computed: true, values: [52.5e9, 53.9e9, 270e9] },
    ]);
  });

  it('says how a computed series was computed', () => {
    expect(resolved.computedNotes).toEqual([
      "Projected Defense Budget (2024) is computed from the source's figures: Current Defense Budget (2023) × (1 + Projected Change (2024)), rounded to 3 significant digits.",
    ]);
  });

  it('describes what the chart shows and its extremes', () => {
    expect(resolved.description).toBe(
      "Bar chart of Current Defense Budget (2023) and Projected Defense Budget (2024) (computed from the source's figures) by Country: " +
        'South Korea, Japan and China. Highest: China, Projected Defense Budget (2024), $270 billion. ' +
        'Lowest: Japan, Current Defense Budget (2023), $49 billion. The figures are in the table the chart is drawn from.',
    );
  });

  it('throws, saying why, when the chart does not fit the table', () => {
    expect(() => resolveChart(budget, { type: 'bar', title: 'T', categories: 'Nation', series: [{ column: 'Country' }] })).toThrow(
      /the chart does not fit its table: categories: no column is labelled "Nation".*column "Country" is of type "text"/,
    );
  });
});

describe('describeChart', () => {
  it('names one series without repeating it for the extremes, and lists at most eight categories', () => {
    const names = Array.from({ length: 10 }, (_, i) => `C${i}`);
    const text = describeChart({
      type: 'bar',
      title: 'T',
      categoryLabel: 'Quarter',
      categories: names,
      axis: { type: 'percent' },
      series: [{ label: 'Share', legend: 'Share', computed: false, values: names.map((_, i) => i / 100), texts: names.map((_, i) => `${i}%`) }],
      computedNotes: [],
    });
    expect(text).toBe(
      'Bar chart of Share by Quarter: C0, C1, C2, C3, C4, C5, C6, C7 and 2 more. Highest: C9, 9%. Lowest: C0, 0%. The figures are in the table the chart is drawn from.',
    );
  });
});

describe('spokenValue', () => {
  it('says large amounts in words, in the currency of the column', () => {
    expect(spokenValue(270e9, { type: 'money', currency: 'USD' })).toBe('$270 billion');
    expect(spokenValue(9.5e9, { type: 'money', currency: 'NOK' })).toBe('NOK\u00a09.5 billion');
    expect(spokenValue(1.2e12, { type: 'money', currency: 'CAD' })).toBe('CA$1.2 trillion');
    expect(spokenValue(52_500, { type: 'money', currency: 'USD' })).toBe('$52,500');
    expect(spokenValue(0.05, { type: 'percent' })).toBe('5%');
  });
});
