/**
 * axe-core finds no WCAG 2.0-2.2 A/AA violations on any kind of page, in the light and the dark
 * theme. axe is injected as an inline script, which the page's CSP rightly blocks: only these
 * contexts bypass CSP (pages.test.ts checks the CSP itself).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession } from './support/browser.ts';
import { startServer, type StaticServer } from './support/server.ts';
import { sitePages } from './support/site.ts';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const cases = sitePages().flatMap((page) => (['light', 'dark'] as const).map((theme) => [page.name, theme, page] as const));

describe.each(cases)('%s (%s)', (_name, theme, sitePage) => {
  it('has no axe violations', async () => {
    const { context, page } = await openSession(browser, server.url, { bypassCSP: true, colorScheme: theme });
    try {
      await page.goto(server.url + sitePage.path);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async (tags) => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.map((violation) => ({
          rule: violation.id,
          help: violation.help,
          nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
        }));
      }, TAGS);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
