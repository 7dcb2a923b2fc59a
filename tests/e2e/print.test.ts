/**
 * Printing a document: navigation, contents and the toggle are hidden, colours are light even
 * in the dark theme, links print their absolute address, and rows and headings do not break
 * badly across pages.
 */
import { describe, expect, it } from 'vitest';
import { openSession } from './support/browser.ts';
import { useSite } from './support/useSite.ts';
import { documentPages } from './support/site.ts';

const site = useSite();

describe.each(documentPages().map((page) => [page.name, page] as const))('%s printed', (_name, sitePage) => {
  it('hides navigation, uses light colours, prints link addresses and avoids bad breaks', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { colorScheme: 'dark' });
    try {
      await page.goto(site.server.url + sitePage.path);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await page.emulateMedia({ media: 'print' });

      const hidden = await page.evaluate(() =>
        ['.site-header nav', '.toc', '[data-theme-toggle]', '[data-search-open]', '.skip-link'].map((selector) => {
          const element = document.querySelector(selector);
          return [selector, element ? getComputedStyle(element).display : 'missing'];
        }),
      );
      expect(hidden).toEqual([
        ['.site-header nav', 'none'],
        ['.toc', 'none'],
        ['[data-theme-toggle]', 'none'],
        ['[data-search-open]', 'none'],
        ['.skip-link', 'none'],
      ]);

      const colours = await page.evaluate(() => {
        const body = getComputedStyle(document.body);
        return { background: body.backgroundColor, text: body.color, scheme: getComputedStyle(document.documentElement).colorScheme };
      });
      expect(colours).toEqual({ background: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)', scheme: 'light' });

      // The source link prints its absolute address; links within the page print nothing.
      const source = page.locator('.doc-source a');
      const href = await source.getAttribute('href');
      const after = await source.evaluate((a) => getComputedStyle(a, '::after').content);
      // The absolute address is built from the site URL the build used (astro.config.mjs); without
      // one, the path from the site root (no guessed host).
      const siteUrl = process.env.SITE_URL || undefined;
      expect(after).toBe(`" (${siteUrl ? new URL(href!, siteUrl).href : href})"`);
      // Estimative terms are the exception: the first of each band in a paragraph prints its range.
      const inPage = await page.locator('.doc-body a[href^="#"]:not(.est[data-print-range])').evaluateAll((links) => links.map((a) => getComputedStyle(a, '::after').content));
      expect(inPage.every((content) => content === 'none')).toBe(true);
      const ranges = await page.locator('.doc-body a.est[data-print-range]').evaluateAll((links) => links.map((a) => [getComputedStyle(a, '::after').content, (a as HTMLElement).dataset.range]));
      expect(ranges.every(([content, range]) => content === `" (${range})"`)).toBe(true);

      const breaks = await page.evaluate(() => ({
        rows: [...document.querySelectorAll('tr')].map((tr) => getComputedStyle(tr).breakInside),
        headings: [...document.querySelectorAll('h1, h2')].map((h) => getComputedStyle(h).breakAfter),
      }));
      expect(new Set(breaks.rows)).toEqual(new Set(breaks.rows.length ? ['avoid'] : []));
      expect(new Set(breaks.headings)).toEqual(new Set(['avoid']));
    } finally {
      await context.close();
    }
  });
});
