import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CiteInput, type CitationStyle, apa, chicago, citations, mla } from '../../../src/lib/cite.ts';

interface Case {
  name: string;
  input: Omit<CiteInput, 'published' | 'accessed'> & { published?: string; accessed: string };
  expected: Record<CitationStyle, string> & { italic: Record<CitationStyle, string[]> };
}

const cases = JSON.parse(readFileSync(new URL('./fixtures/cite-cases.json', import.meta.url), 'utf8')) as Case[];
const toInput = ({ published, accessed, ...rest }: Case['input']): CiteInput => ({
  ...rest,
  published: published === undefined ? undefined : new Date(published),
  accessed: new Date(accessed),
});

describe('citations (fixtures)', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const got = citations(toInput(input));
    expect(got.map((c) => c.style)).toEqual(['chicago', 'apa', 'mla']);
    for (const citation of got) {
      expect(citation.text, citation.style).toBe(expected[citation.style]);
      expect(citation.parts.map((p) => p.text).join(''), citation.style).toBe(citation.text);
      expect(citation.parts.filter((p) => p.italic).map((p) => p.text), `${citation.style} italics`).toEqual(expected.italic[citation.style]);
    }
  });

  it('labels each style', () => {
    expect(citations(toInput(cases[0]!.input)).map((c) => c.label)).toEqual(['Chicago', 'APA', 'MLA']);
  });

  it('never invents a date: without one, the only date is the access date', () => {
    const input = toInput(cases[0]!.input);
    for (const style of [chicago, apa, mla]) {
      const years = style(input).text.match(/\b(19|20)\d\d\b/g) ?? [];
      expect(years.every((year) => year === '2026')).toBe(true);
    }
    expect(apa(input).text).toContain('(n.d.)');
  });

  it('without an access date (the site gives none, so builds are identical), an undated document is cited with no date at all', () => {
    const input = { ...toInput(cases[0]!.input), accessed: undefined };
    expect(chicago(input).text).toBe(
      '“Strategic Implications of the Russia-North Korea Security Alliance.” Assessment Atlas. https://atlas.example.org/assessments/russia-north-korea-security-alliance/.',
    );
    expect(mla(input).text).toBe(
      '“Strategic Implications of the Russia-North Korea Security Alliance.” Assessment Atlas, atlas.example.org/assessments/russia-north-korea-security-alliance/.',
    );
    for (const style of [chicago, apa, mla]) expect(style(input).text).not.toMatch(/Accessed|Retrieved|\b20\d\d\b/);
  });
});

describe('a build without a site address', () => {
  const base = toInput(cases[0]!.input);

  it('cites the path from the site root, with no host', () => {
    for (const style of [chicago, apa, mla]) {
      const text = style({ ...base, url: '/atlas/assessments/x/?q=1', section: { id: 'scope', title: 'Scope' } }).text;
      expect(text).toContain('/atlas/assessments/x/#scope');
      expect(text).not.toMatch(/https?:|no-host|localhost/);
    }
  });
});

describe('bad input fails clearly', () => {
  const base = toInput(cases[0]!.input);

  it('a relative URL', () => {
    expect(() => chicago({ ...base, url: 'assessments/x/' })).toThrow(
      'cite: "assessments/x/" is not an absolute URL or a path from the site root; pass the page\'s full address (site URL + path).',
    );
  });


  it('an invalid date', () => {
    expect(() => apa({ ...base, published: new Date('not a date') })).toThrow('cite: "published" is not a valid date.');
    expect(() => mla({ ...base, accessed: new Date('nope') })).toThrow('cite: "accessed" is not a valid date.');
  });
});
