import { describe, expect, it } from 'vitest';
import { pageCount, pageOf, pages, pageWindow } from '../../../src/lib/pagination.ts';
import { countryHref, dataHref, homeHref, listPagePath, topicHref } from '../../../src/lib/urls.ts';

describe('pages', () => {
  it('splits a list into pages of the given size, every item on exactly one page, in order', () => {
    const items = Array.from({ length: 61 }, (_, i) => i);
    const split = pages(items, 25);
    expect(split.map((page) => page.items.length)).toEqual([25, 25, 11]);
    expect(split.flatMap((page) => page.items)).toEqual(items);
    expect(split.map((page) => [page.number, page.count, page.start, page.total])).toEqual([
      [1, 3, 0, 61],
      [2, 3, 25, 61],
      [3, 3, 50, 61],
    ]);
  });

  it('gives an empty list one empty page, and a page past the end no items', () => {
    expect(pages([], 25)).toEqual([{ number: 1, count: 1, items: [], start: 0, total: 0 }]);
    expect(pageOf([1, 2], 25, 2, 2).items).toEqual([]);
    expect(pageCount(50, 25)).toBe(2);
    expect(pageCount(51, 25)).toBe(3);
  });

  it('refuses a page size that is not a positive whole number', () => {
    expect(() => pageCount(3, 0)).toThrow(/positive integer/);
  });
});

describe('pageWindow', () => {
  it('shows the first, the last and the current page with its neighbours, gaps as null', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 10)).toEqual([1, 2, null, 10]);
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    // A gap of one page shows that page rather than an ellipsis.
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, null, 10]);
    expect(pageWindow(10, 10)).toEqual([1, null, 9, 10]);
  });
});

describe('list page URLs', () => {
  it('keep the first page at the list\'s own URL and put later ones under page/<n>/', () => {
    expect(homeHref()).toBe('/');
    expect(homeHref(2)).toBe('/page/2/');
    expect(countryHref('japan')).toBe('/countries/japan/');
    expect(countryHref('japan', 3)).toBe('/countries/japan/page/3/');
    expect(topicHref('sanctions', 2)).toBe('/topics/sanctions/page/2/');
    expect(dataHref(1)).toBe('/data/');
    expect(dataHref(4)).toBe('/data/page/4/');
  });

  it('refuses page 0 or a fraction', () => {
    expect(() => listPagePath('data/', 0)).toThrow(/positive integer/);
    expect(() => listPagePath('data/', 1.5)).toThrow(/positive integer/);
  });
});
