/**
 * axe-core finds no WCAG 2.0-2.2 A/AA violations on any kind of page, in the light and the dark
 * theme, nor in the states of search (dialog open, search page results, highlighted page). axe
 * is injected as an inline script, which the page's CSP rightly blocks: only these contexts
 * bypass CSP (pages.test.ts checks the CSP itself).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession } from './support/browser.ts';
import { useSite } from './support/useSite.ts';
import { documentPages, sitePages } from './support/site.ts';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const site = useSite();

const cases = sitePages().flatMap((page) => (['light', 'dark'] as const).map((theme) => [page.name, theme, page] as const));

interface Violation {
  rule: string;
  help: string;
  nodes: string[];
}

async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((violation) => ({
      rule: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  }, TAGS);
}

describe.each(cases)('%s (%s)', (_name, theme, sitePage) => {
  it('has no axe violations', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { bypassCSP: true, colorScheme: theme });
    try {
      await page.goto(site.server.url + sitePage.path);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

// Search draws most of its interface after the page loads: check it in the states readers see.
const searchStates = [
  {
    name: 'the search dialog open with results',
    path: '',
    ready: async (page: Page) => {
      await page.keyboard.press('/');
      await page.waitForSelector('dialog[open]');
      await page.keyboard.type('sanctions');
      await page.waitForSelector('dialog[open] .search-section');
    },
  },
  {
    name: 'the search page with results and counts',
    path: 'search/?q=treaty&country=china',
    ready: (page: Page) => page.waitForSelector('.search-page .search-section').then(() => undefined),
  },
  {
    name: 'the search page with no results',
    path: 'search/?q=icbm&kind=article',
    ready: (page: Page) => page.waitForSelector('.search-empty button').then(() => undefined),
  },
  {
    name: 'a document opened from a result, words highlighted',
    path: `${documentPages()[0]!.path}?highlight=sanctions`,
    ready: (page: Page) => page.waitForSelector('.search-highlight-bar').then(() => undefined),
  },
];

describe.each(searchStates.flatMap((state) => (['light', 'dark'] as const).map((theme) => [state.name, theme, state] as const)))('%s (%s)', (_name, theme, state) => {
  it('has no axe violations', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { bypassCSP: true, colorScheme: theme });
    try {
      await page.goto(site.server.url + state.path);
      await state.ready(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
