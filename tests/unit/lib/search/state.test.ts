import { describe, expect, it } from 'vitest';
import { emptyState, formatState, hasFilters, parseState, sameState, withoutFilter } from '../../../../src/lib/search/state.ts';

describe('search state in the address', () => {
  it('reads words, repeated filter parameters and the sort', () => {
    expect(parseState('?q=sanctions&kind=assessment&country=japan&country=north-korea&topic=arms-race&sort=newest')).toEqual({
      q: 'sanctions',
      filters: { kind: ['assessment'], country: ['japan', 'north-korea'], topic: ['arms-race'], likelihood: [], confidence: [] },
      sort: 'newest',
    });
  });

  it('writes the same address back, leaving out what is empty or the default', () => {
    const url = '?q=arms+race&country=japan&country=china&sort=oldest';
    expect(formatState(parseState(url))).toBe(url);
    expect(formatState(emptyState())).toBe('');
    expect(formatState({ ...emptyState(), q: '  ICBM ' })).toBe('?q=ICBM');
  });

  it('ignores what it cannot use: unknown sorts, malformed ids, repeats and other parameters', () => {
    expect(parseState('?q=%20x%20&sort=random&country=Japan&country=japan&country=japan&topic=<b>&utm_source=mail')).toEqual({
      q: 'x',
      filters: { kind: [], country: ['japan'], topic: [], likelihood: [], confidence: [] },
      sort: 'relevance',
    });
  });

  it('compares and edits states', () => {
    const state = parseState('?q=treaty&country=china&country=japan');
    expect(hasFilters(state)).toBe(true);
    expect(hasFilters(parseState('?q=treaty'))).toBe(false);
    expect(formatState(withoutFilter(state, 'country', 'china'))).toBe('?q=treaty&country=japan');
    expect(formatState(state)).toBe('?q=treaty&country=china&country=japan');
    expect(sameState(parseState('?country=china&q=treaty'), parseState('?q=treaty&country=china'))).toBe(true);
    expect(sameState(state, parseState('?q=treaty&country=japan&country=china'))).toBe(false);
  });
});
