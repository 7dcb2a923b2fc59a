import { describe, expect, it } from 'vitest';
import { decodePartTags, encodePartTags, LEDE, partMatches, selectsParts } from '../../../../src/lib/search/part-tags.ts';

describe('part tags', () => {
  const judgments = { title: 'Key "Judgments", 2026', country: ['Korea, North'], topic: ['Nuclear "Weapons"'], likelihood: ['Likely (55–80%, ICD 203)'], confidence: ['Moderate confidence'] };

  it('read back what was written, titles and names with commas and quotes included', () => {
    const lede = { title: '', country: ['Russia'], topic: [], likelihood: [], confidence: [] };
    const parts = decodePartTags([encodePartTags(LEDE, lede), encodePartTags('key-judgments', judgments)]);
    expect([...parts]).toEqual([
      [LEDE, lede],
      ['key-judgments', judgments],
    ]);
  });

  it('skip a value in another form (an index from another version) instead of failing the search', () => {
    expect([...decodePartTags(['not json', '{"a":1}', '[3]', '["y", 4, ["Japan"]]', JSON.stringify(['x', 'X', 'not a list', [1, 'Japan']])])]).toEqual([
      ['x', { title: 'X', country: [], topic: ['Japan'], likelihood: [], confidence: [] }],
    ]);
  });

  it('match a selection when every facet selected has one of its values', () => {
    expect(partMatches(judgments, { country: ['Japan', 'Korea, North'] })).toBe(true);
    expect(partMatches(judgments, { country: ['Korea, North'], confidence: ['High confidence'] })).toBe(false);
    expect(partMatches(undefined, { country: ['Japan'] })).toBe(false);
    expect(partMatches(undefined, { kind: ['Assessment'] })).toBe(true);
    expect([selectsParts({ kind: ['Assessment'], country: [] }), selectsParts({ topic: ['Trade'] })]).toEqual([false, true]);
  });
});
