/**
 * Paginated lists in a browser, on a fixture site with enough documents to page every list:
 * the page navigation works from the keyboard (Tab reaches it in order, Enter follows Next, the
 * new page marks itself current), and axe finds no violations on later pages of the home page,
 * a hub and /data/, in both themes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations } from './support/axe.ts';
import { launchBrowser, openSession } from './support/browser.ts';
import { startServer, type StaticServer } from './support/server.ts';
import { createListingSite } from '../site/support/listingSite.ts';
import type { FixtureSite } from '../site/support/fixtureSite.ts';

let fixture: FixtureSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  fixture = (await createListingSite(60)).site;
  const built = await fixture.build();
  if (!built.ok) throw new Error(`the listing fixture site did not build:\n${built.output.slice(-4000)}`);
  server = await startServer(fixture.dist, '/');
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  fixture?.remove();
});

describe('page navigation by keyboard', () => {
  it.each(['', 'countries/japan/', 'data/'])('/%s: Tab reaches the pages in order and Enter on Next opens page 2', async (path) => {
    const { context, page, problems } = await openSession(browser, server.url);
    try {
      await page.goto(server.url + path);
      // Start from the last link before the navigation, as a reader who has read the list would.
      await page.evaluate(() => {
        const nav = document.querySelector('nav.page-nav')!;
        const before = [...document.querySelectorAll<HTMLElement>('main a[href], main summary, main [tabindex="0"]')].filter(
          (element) => element.compareDocumentPosition(nav) & Node.DOCUMENT_POSITION_FOLLOWING && element.checkVisibility(),
        );
        before.at(-1)!.focus();
      });
      const stops: string[] = [];
      for (let n = 0; n < 12; n++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const active = document.activeElement as HTMLElement;
          return active.closest('nav.page-nav') ? `${active.textContent!.trim()}${active.getAttribute('aria-current') ? ' (current)' : ''}` : null;
        });
        if (stop === null) break;
        stops.push(stop);
      }
      // Page 1: no First or Previous to follow; the current page, its neighbour, the last, Next and Last.
      expect(stops[0]).toBe('1 (current)');
      expect(stops.slice(-2)).toEqual(['Next', 'Last']);
      const next = stops.indexOf('Next');
      for (let n = stops.length; n > next; n--) await page.keyboard.press('Shift+Tab');
      await Promise.all([page.waitForURL(`${server.url}${path}page/2/`), page.keyboard.press('Enter')]);
      expect(await page.locator('nav.page-nav a[aria-current="page"]').textContent()).toBe('2');
      expect(await page.locator('nav.page-nav a[rel="prev"]').getAttribute('href')).toBe(`/${path}`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

const paged = ['page/2/', 'countries/japan/page/2/', 'topics/arms-race/page/2/', 'data/page/2/'];
describe.each(paged.flatMap((path) => (['light', 'dark'] as const).map((theme) => [path, theme] as const)))('/%s (%s)', (path, theme) => {
  it('has no axe violations', async () => {
    const { context, page } = await openSession(browser, server.url, { bypassCSP: true, colorScheme: theme });
    try {
      await page.goto(server.url + path);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
