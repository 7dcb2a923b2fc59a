/**
 * The change page of a revised brief in a real Chromium: no axe-core violations (WCAG 2.0-2.2
 * A/AA), in light and dark, at desktop and phone width; nothing wider than a 390 px phone; and
 * screenshots of it at 1280 and 390 px under test-results/ for people to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession } from './support/browser.ts';
import { startServer, type StaticServer } from './support/server.ts';
import { createRevisionsSite, REVISED_SLUG } from '../site/support/revisionsFixture.ts';
import type { FixtureSite } from '../site/support/fixtureSite.ts';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PAGE = `assessments/${REVISED_SLUG}/changes/2/`;

let site: FixtureSite;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = createRevisionsSite();
  const result = await site.build();
  if (!result.ok) throw new Error(`the revisions fixture site did not build:\n${result.output.slice(-4000)}`);
  server = await startServer(site.dist, '/');
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
});

describe('the change page', () => {
  for (const width of [1280, 390]) {
    for (const theme of ['light', 'dark'] as const) {
      it(`has no axe violations at ${width} px (${theme})`, async () => {
        const { page, context, problems } = await openSession(browser, server.url, { viewport: { width, height: 900 }, colorScheme: theme, bypassCSP: true });
        await page.goto(new URL(PAGE, server.url).href);
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async (tags) => {
          const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
          return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }, TAGS);
        expect(violations).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        if (theme === 'light') {
          mkdirSync('test-results', { recursive: true });
          await page.screenshot({ path: `test-results/revisions-change-${width}.png`, fullPage: true });
        }
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }

  it('says removed and added in words, not only by colour or line style', async () => {
    const { page, context } = await openSession(browser, server.url);
    await page.goto(new URL(PAGE, server.url).href);
    const labels = await page.locator('.change-entry del, .change-entry ins').evaluateAll((nodes) => nodes.map((n) => n.querySelector('.visually-hidden')?.textContent?.trim()));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.every((label) => label && /^(\[?removed:|\[?added:|Removed:|Added:|was|now)/i.test(label))).toBe(true);
    await context.close();
  });
});
