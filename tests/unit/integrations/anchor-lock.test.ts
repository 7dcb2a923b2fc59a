import { describe, expect, it } from 'vitest';
import { describeAdditions } from '../../../src/integrations/anchor-lock.ts';

describe('what the anchor lock says it added', () => {
  it('names each page and id when few pages changed', () => {
    expect(describeAdditions({ a: ['x'] }, { a: ['x', 'y'], b: ['s1', 's2'] })).toBe('#y on a; the new page b (#s1, #s2)');
  });

  it('gives a count and the first few pages when a thousand pages are new, not one line naming them all', () => {
    const after = Object.fromEntries(Array.from({ length: 1000 }, (_, n) => [`doc-${String(n).padStart(4, '0')}`, ['summary', 'implications']]));
    const message = describeAdditions({}, after);
    expect(message).toMatch(/^1000 new pages, among them the new page doc-0000 \(#summary, #implications\);/);
    expect(message).toContain('(and 995 more)');
    expect(message).not.toContain('doc-0005');
    expect(message.length).toBeLessThan(400);
  });

  it('counts pages with new ids apart from new pages', () => {
    const before = Object.fromEntries(Array.from({ length: 8 }, (_, n) => [`p${n}`, ['a']]));
    const after = { ...Object.fromEntries(Object.keys(before).map((page) => [page, ['a', 'b']])), q: ['c'] };
    expect(describeAdditions(before, after)).toMatch(/^1 new page and new ids on 8 pages, among them #b on p0;/);
  });
});
