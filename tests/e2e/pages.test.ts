/**
 * Every kind of page renders cleanly in chromium under its CSP: no console errors or warnings,
 * no CSP violation, no request leaving the local server, the theme script ran, and nothing
 * shifts after load.
 */
import { describe, expect, it } from 'vitest';
import { openSession } from './support/browser.ts';
import { useSite } from './support/useSite.ts';
import { documentPages, sitePages } from './support/site.ts';

const site = useSite();

describe.each(sitePages().map((page) => [page.name, page] as const))('%s', (_name, sitePage) => {
  it('renders without console errors, CSP violations, offsite requests or layout shift', async () => {
    const { context, page, problems, offsite } = await openSession(site.browser, site.server.url);
    try {
      await page.addInitScript(() => {
        (window as unknown as { shifts: number }).shifts = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) (window as unknown as { shifts: number }).shifts += (entry as unknown as { value: number }).value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const response = await page.goto(site.server.url + sitePage.path, { waitUntil: 'load' });
      expect(response?.status()).toBe(sitePage.status);
      await page.waitForTimeout(300);

      const expected = sitePage.status === 404 ? [/^console\.error: Failed to load resource: .* 404 \(Not Found\)$/] : [];
      expect(problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)))).toEqual([]);
      expect(offsite).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/);
      expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
      expect(await page.locator('h1').count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});

describe.each(documentPages().map((page) => [page.name, page] as const))('%s tables', (_name, sitePage) => {
  it('right-aligns numbers in tabular figures and keeps wide tables inside their region at 375px', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { viewport: { width: 375, height: 800 } });
    try {
      await page.goto(site.server.url + sitePage.path);
      const cells = await page.locator('table td.num, table th.num').evaluateAll((elements) =>
        elements.map((element) => {
          const style = getComputedStyle(element);
          return { align: style.textAlign, figures: style.fontVariantNumeric };
        }),
      );
      for (const cell of cells) expect(cell).toEqual({ align: 'end', figures: 'tabular-nums' });
      // The page itself never scrolls sideways: wide tables scroll inside their region.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
    } finally {
      await context.close();
    }
  });
});
