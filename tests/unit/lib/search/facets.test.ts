import { describe, expect, it } from 'vitest';
import { applyFacets, buildFacetTable, facetIndex, type FacetRow } from '../../../../src/lib/search/facets.ts';

const row = (kind: string, published: string | undefined, countries: string[], topics: string[]): FacetRow => ({ kind, published, countries, topics });

// Result ids in relevance order, as Pagefind returns them.
const rows: [string, FacetRow][] = [
  ['a1', row('Assessment', '2024-06-19', ['Japan', 'China'], ['Trade'])],
  ['a2', row('Assessment', '2024-06-19', ['Russia'], ['Sanctions'])],
  ['b1', row('Article', '2023-01-05', ['China'], ['Sanctions', 'Trade'])],
  ['c1', row('Article', undefined, ['Japan'], ['Energy'])],
  ['d1', row('Assessment', '2025-02-01', ['Japan'], ['Trade'])],
];
const index = facetIndex(buildFacetTable(rows));
const all = rows.map(([id]) => id);
const none = { kind: [], country: [], topic: [] };

describe('facet table', () => {
  it('lists each value once, sorted, and refers to values by position', () => {
    const table = buildFacetTable(rows);
    expect(table.values).toEqual({ kind: ['Article', 'Assessment'], country: ['China', 'Japan', 'Russia'], topic: ['Energy', 'Sanctions', 'Trade'], likelihood: [], confidence: [] });
    expect(table.dates).toEqual(['2023-01-05', '2024-06-19', '2025-02-01']);
    expect(table.rows[0]).toEqual(['a1', 1, 1, [1, 0], [2]]);
    expect(table.rows[3]).toEqual(['c1', 0, -1, [1], [0]]);
  });
});

describe('applyFacets', () => {
  it('keeps the relevance order and counts every value when nothing is selected', () => {
    const result = applyFacets(index, all, none, 'relevance');
    expect(result.ids).toEqual(all);
    expect(result.counts).toEqual({
      kind: { Article: 2, Assessment: 3 },
      country: { China: 2, Japan: 3, Russia: 1 },
      topic: { Energy: 1, Sanctions: 2, Trade: 3 },
      likelihood: {},
      confidence: {},
    });
  });

  it('widens within a facet (OR) and narrows across facets (AND)', () => {
    expect(applyFacets(index, all, { ...none, country: ['China'] }, 'relevance').ids).toEqual(['a1', 'b1']);
    expect(applyFacets(index, all, { ...none, country: ['China', 'Russia'] }, 'relevance').ids).toEqual(['a1', 'a2', 'b1']);
    expect(applyFacets(index, all, { ...none, country: ['China', 'Russia'], topic: ['Sanctions'] }, 'relevance').ids).toEqual(['a2', 'b1']);
    expect(applyFacets(index, all, { kind: ['Article'], country: ['China', 'Russia'], topic: ['Sanctions'] }, 'relevance').ids).toEqual(['b1']);
  });

  it("counts a facet's values as if that facet had no selection, and the others with theirs", () => {
    const { counts } = applyFacets(index, all, { ...none, country: ['China'], topic: ['Trade'] }, 'relevance');
    // Countries of the results with Trade; topics of the results with China.
    expect(counts.country).toEqual({ China: 2, Japan: 2 });
    expect(counts.topic).toEqual({ Sanctions: 1, Trade: 2 });
    expect(counts.kind).toEqual({ Article: 1, Assessment: 1 });
  });

  it('sorts by date either way with undated results last, ties in relevance order', () => {
    expect(applyFacets(index, all, none, 'newest').ids).toEqual(['d1', 'a1', 'a2', 'b1', 'c1']);
    expect(applyFacets(index, all, none, 'oldest').ids).toEqual(['b1', 'a1', 'a2', 'd1', 'c1']);
  });

  it('drops ids the table does not know and values it does not list', () => {
    expect(applyFacets(index, ['zz', 'a1'], none, 'relevance').ids).toEqual(['a1']);
    expect(applyFacets(index, all, { ...none, country: ['Atlantis'] }, 'relevance').ids).toEqual([]);
  });
});

describe('likelihood and confidence of key judgments', () => {
  const judged: [string, FacetRow][] = [
    ['k1', { ...row('Assessment', undefined, [], []), likelihood: ['Likely (55–80%, ICD 203)'], confidence: ['Moderate confidence'] }],
    ['k2', { ...row('Assessment', undefined, [], []), likelihood: ['Unlikely (25–35%, UK Probability Yardstick)'], confidence: [] }],
    ['k3', row('Article', undefined, [], [])],
  ];
  const table = buildFacetTable(judged);
  const judgedIndex = facetIndex(table);

  it('stores them only on the records that have them', () => {
    expect(table.rows.map((r) => r.length)).toEqual([7, 7, 5]);
  });

  it('filters and counts by band and by level', () => {
    const byBand = applyFacets(judgedIndex, ['k1', 'k2', 'k3'], { likelihood: ['Likely (55–80%, ICD 203)'] }, 'relevance');
    expect(byBand.ids).toEqual(['k1']);
    expect(byBand.counts.likelihood).toEqual({ 'Likely (55–80%, ICD 203)': 1, 'Unlikely (25–35%, UK Probability Yardstick)': 1 });
    expect(byBand.counts.confidence).toEqual({ 'Moderate confidence': 1 });
    expect(applyFacets(judgedIndex, ['k1', 'k2', 'k3'], { confidence: ['Moderate confidence'], kind: ['Article'] }, 'relevance').ids).toEqual([]);
  });
});
