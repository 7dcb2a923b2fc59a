import { describe, expect, it } from 'vitest';
import { sortForListing } from '../../../src/lib/listing.ts';
import { absoluteUrl, assessmentHref, href, sourceHref } from '../../../src/lib/urls.ts';

const doc = (title: string, published?: string) => ({ data: { title, published: published ? new Date(published) : undefined } });

describe('sortForListing', () => {
  it('puts dated documents first, newest first, then undated ones by title', () => {
    const sorted = sortForListing([
      doc('beta'),
      doc('Old', '2023-01-05'),
      doc('Alpha'),
      doc('New', '2024-06-01'),
      doc('Same day B', '2023-05-01'),
      doc('Same day a', '2023-05-01'),
    ]);
    expect(sorted.map((entry) => entry.data.title)).toEqual(['New', 'Same day a', 'Same day B', 'Old', 'Alpha', 'beta']);
  });

  it('does not reorder its input', () => {
    const input = [doc('b'), doc('a')];
    sortForListing(input);
    expect(input.map((entry) => entry.data.title)).toEqual(['b', 'a']);
  });
});

describe('urls', () => {
  it('builds hrefs below the base path (here "/")', () => {
    expect(href()).toBe('/');
    expect(href('/assessments/x/')).toBe('/assessments/x/');
    expect(assessmentHref('x')).toBe('/assessments/x/');
    expect(sourceHref('x')).toBe('/sources/x.txt');
  });

  it('makes absolute URLs from the site URL, keeping a base path in the href', () => {
    expect(absoluteUrl('/atlas/assessments/x/', new URL('https://example.org/atlas/'))).toBe('https://example.org/atlas/assessments/x/');
    expect(absoluteUrl('/x/', undefined)).toBe('/x/');
  });
});

describe('sortForListing ties', () => {
  it('orders documents with the same date and title by slug, whatever order they come in', () => {
    const entry = (slug: string) => ({ data: { title: 'Same', slug, published: new Date('2024-01-01') } });
    expect(sortForListing([entry('b'), entry('a'), entry('c')]).map((e) => e.data.slug)).toEqual(['a', 'b', 'c']);
    expect(sortForListing([entry('c'), entry('a'), entry('b')]).map((e) => e.data.slug)).toEqual(['a', 'b', 'c']);
  });
});
