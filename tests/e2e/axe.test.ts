/**
 * axe-core finds no WCAG 2.0-2.2 A/AA violations on any kind of page, in the light and the dark
 * theme, on a phone (390 px) and a wide screen (1280 px), nor in the states of search (dialog open, search page results, highlighted page). axe
 * is injected as an inline script, which the page's CSP rightly blocks: only these contexts
 * bypass CSP (pages.test.ts checks the CSP itself).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe.ts';
import { openSession } from './support/browser.ts';
import { useSite } from './support/useSite.ts';
import { documentPages, sitePages } from './support/site.ts';

const site = useSite();

/** Layouts differ below and above 40rem and 64rem: a phone and a wide screen cover both ends. */
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
] as const;
const THEMES = ['light', 'dark'] as const;
const variants = THEMES.flatMap((theme) => WIDTHS.map((viewport) => ({ theme, viewport, label: `${theme}, ${viewport.width} px` })));

const cases = sitePages().flatMap((page) => variants.map((variant) => [page.name, variant.label, page, variant] as const));

describe.each(cases)('%s (%s)', (_name, _label, sitePage, { theme, viewport }) => {
  it('has no axe violations', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { bypassCSP: true, colorScheme: theme, viewport });
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

describe.each(searchStates.flatMap((state) => variants.map((variant) => [state.name, variant.label, state, variant] as const)))('%s (%s)', (_name, _label, state, { theme, viewport }) => {
  it('has no axe violations', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { bypassCSP: true, colorScheme: theme, viewport });
    try {
      await page.goto(site.server.url + state.path);
      await state.ready(page);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
