/**
 * Keyboard use from the top of each page: Tab reaches every link, button and disclosure in
 * document order, every stop shows a visible focus indicator, and the skip link moves focus
 * to the main content.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession } from './support/browser.ts';
import { useSite } from './support/useSite.ts';
import { sitePages } from './support/site.ts';

const site = useSite();

/** A readable name for an element: tag, href or data attribute, and text. */
function describeFocus(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const visible =
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    const label = `${element.tagName.toLowerCase()} ${element.getAttribute('href') ?? ''} ${(element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}`;
    return { label, visible };
  });
}

describe.each(sitePages().map((page) => [page.name, page] as const))('%s', (_name, sitePage) => {
  it('Tab reaches every link and the theme toggle in order, with visible focus', async () => {
    const { context, page } = await openSession(site.browser, site.server.url);
    try {
      await page.goto(site.server.url + sitePage.path);
      // What a keyboard user should be able to reach: every link, button, form field, disclosure toggle and
      // focusable region that is rendered (not hidden, not inside a closed disclosure), in
      // document order.
      const expected = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('a[href], button, summary, input, select, textarea, [tabindex="0"]')]
          .filter((element) => element.checkVisibility({ visibilityProperty: true }) || element.classList.contains('skip-link'))
          .map(
            (element) =>
              `${element.tagName.toLowerCase()} ${element.getAttribute('href') ?? ''} ${(element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}`,
          ),
      );
      expect(expected.some((label) => label.startsWith('button') && label.includes('Dark theme'))).toBe(true);

      const reached: string[] = [];
      for (let step = 0; step < expected.length; step += 1) {
        await page.keyboard.press('Tab');
        const focus = await describeFocus(page);
        expect(focus, `step ${step + 1}: focus left the page`).not.toBeNull();
        expect(focus!.visible, `no visible focus on ${focus!.label}`).toBe(true);
        reached.push(focus!.label);
      }
      expect(reached).toEqual(expected);
    } finally {
      await context.close();
    }
  });

  it('the skip link is the first stop, shows itself and moves focus to main', async () => {
    const { context, page } = await openSession(site.browser, site.server.url);
    try {
      await page.goto(site.server.url + sitePage.path);
      await page.keyboard.press('Tab');
      const skip = page.locator('.skip-link');
      expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
      const box = await skip.boundingBox();
      expect(box && box.y >= 0 && box.height > 10).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    } finally {
      await context.close();
    }
  });
});

describe('the site header', () => {
  // A reader reads the header row by row, left to right; Tab must visit it in that order.
  it.each([
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ])('Tab visits the name, search, theme and navigation in the order they are seen (%o)', async (viewport) => {
    const { context, page } = await openSession(site.browser, site.server.url, { viewport });
    try {
      await page.goto(site.server.url);
      await page.locator('.search-button').waitFor();
      const stops: { label: string; x: number; y: number; height: number }[] = [];
      await page.keyboard.press('Tab'); // the skip link
      for (;;) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          if (!element.closest('.site-header')) return null;
          const box = element.getBoundingClientRect();
          return { label: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' '), x: box.x, y: box.y, height: box.height };
        });
        if (!stop) break;
        stops.push(stop);
      }
      expect(stops.map((stop) => stop.label).join(' | ')).toMatch(/^Assessment Atlas \| Search.* \| .*theme.* \| Assessments \| Countries \| Topics \| Data$/i);
      for (const [at, stop] of stops.entries()) {
        if (at === 0) continue;
        const before = stops[at - 1]!;
        // The same row (their boxes overlap vertically) and further right, or a lower row.
        const sameRow = stop.y < before.y + before.height && before.y < stop.y + stop.height;
        expect(sameRow ? stop.x > before.x : stop.y >= before.y + before.height, `${before.label} then ${stop.label}`).toBe(true);
      }
    } finally {
      await context.close();
    }
  });
});
