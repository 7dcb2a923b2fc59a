/**
 * Tables and charts in chromium: Chart.js arrives only when the chart nears the viewport and
 * draws one bar per country and series under the CSP; the chart follows the theme and reduced
 * motion; columns sort by keyboard with aria-sort; without JavaScript and in print the table
 * stands alone; axe finds nothing with the chart drawn. Also reports the JavaScript each kind of
 * page loads.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession } from './support/browser.ts';
import { useSite } from './support/useSite.ts';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ARTICLE = 'assessments/russia-treaty-north-korea/';
const CHART = 'figure[data-table-chart]';

const site = useSite();

interface Drawn {
  animated: boolean;
  series: { label: string; values: (number | null)[]; heights: number[]; colour: string }[];
}

async function drawn(page: Page): Promise<Drawn> {
  await page.locator(`${CHART}[data-state="drawn"]`).first().waitFor({ state: 'attached', timeout: 10_000 });
  return JSON.parse((await page.locator(CHART).first().getAttribute('data-drawn'))!) as Drawn;
}

/** Script requests, by URL. */
function scriptRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') urls.push(request.url());
  });
  return urls;
}

describe('the defence-budget chart', () => {
  it('fetches Chart.js only when the chart nears the viewport, then draws one bar per country and series', async () => {
    const { context, page, problems, offsite } = await openSession(site.browser, site.server.url, { viewport: { width: 1280, height: 500 } });
    try {
      const scripts = scriptRequests(page);
      await page.goto(site.server.url + ARTICLE);
      const distance = await page.locator(CHART).evaluate((figure) => figure.getBoundingClientRect().top - innerHeight);
      expect(distance, 'the chart starts well below the first screen in this test').toBeGreaterThan(600);
      await page.waitForTimeout(500);
      expect(scripts.filter((url) => url.includes('chart-draw'))).toEqual([]);
      expect(await page.locator(CHART).getAttribute('data-state')).toBeNull();

      await page.locator(CHART).scrollIntoViewIfNeeded();
      const chart = await drawn(page);
      expect(scripts.filter((url) => url.includes('chart-draw'))).toHaveLength(1);
      expect(chart.series.map(({ label, values }) => ({ label, values }))).toEqual([
        { label: 'Current Defense Budget (2023)', values: [50e9, 49e9, 250e9] },
        { label: 'Projected Defense Budget (2024), computed', values: [52.5e9, 53.9e9, 270e9] },
      ]);
      // One visible bar per country in each series, as tall as its value.
      const scale = chart.series[0]!.heights[2]! / 250e9;
      for (const series of chart.series) {
        expect(series.heights).toHaveLength(3);
        series.heights.forEach((height, index) => {
          expect(height).toBeGreaterThan(10);
          expect(Math.abs(height - series.values[index]! * scale)).toBeLessThanOrEqual(2);
        });
      }
      expect(problems, 'no console errors and no CSP violation from Chart.js').toEqual([]);
      expect(offsite).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('redraws in the theme the reader picks, with the site colours, and follows the system', async () => {
    const { context, page, problems } = await openSession(site.browser, site.server.url, { colorScheme: 'light' });
    try {
      await page.goto(site.server.url + ARTICLE);
      await page.locator(CHART).scrollIntoViewIfNeeded();
      const light = await drawn(page);
      expect(light.series.map((series) => series.colour)).toEqual(['rgb(10, 86, 194)', 'rgb(143, 74, 0)']); // --color-link, --color-accent

      await page.getByRole('button', { name: 'Dark theme' }).click();
      await page.waitForFunction(
        (selector) => (JSON.parse(document.querySelector(selector)!.getAttribute('data-drawn')!) as Drawn).series[0]!.colour === 'rgb(140, 184, 255)',
        CHART,
      );
      const dark = await drawn(page);
      expect(dark.series.map((series) => series.colour)).toEqual(['rgb(140, 184, 255)', 'rgb(242, 182, 96)']);

      // Back to the system's choice, which then changes: the chart follows.
      await page.evaluate(() => localStorage.removeItem('theme'));
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction(() => matchMedia('(prefers-color-scheme: dark)').matches);
      await page.waitForTimeout(100);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
      await page.waitForFunction(
        (selector) => (JSON.parse(document.querySelector(selector)!.getAttribute('data-drawn')!) as Drawn).series[0]!.colour === 'rgb(10, 86, 194)',
        CHART,
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('does not animate under prefers-reduced-motion, and does otherwise', async () => {
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const { context, page } = await openSession(site.browser, site.server.url, { reducedMotion });
      try {
        await page.goto(site.server.url + ARTICLE);
        await page.locator(CHART).scrollIntoViewIfNeeded();
        expect((await drawn(page)).animated).toBe(reducedMotion === 'no-preference');
      } finally {
        await context.close();
      }
    }
  });

  it('keeps the table visible beside the chart, and prints the table without the chart', async () => {
    const { context, page } = await openSession(site.browser, site.server.url);
    try {
      await page.goto(site.server.url + ARTICLE);
      await page.locator(CHART).scrollIntoViewIfNeeded();
      await drawn(page);
      expect(await page.locator('#table-defense-budget').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator(CHART).isVisible()).toBe(false);
      expect(await page.locator('#table-defense-budget').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('without JavaScript, shows the table and neither an empty chart frame nor sort buttons', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { javaScriptEnabled: false });
    try {
      await page.goto(site.server.url + ARTICLE);
      expect(await page.locator(CHART).isVisible()).toBe(false);
      expect(await page.locator('#table-defense-budget').isVisible()).toBe(true);
      expect(await page.locator('table button').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('sorting', () => {
  const rowNames = (page: Page) => page.locator('#table-defense-budget tbody th').allTextContents();
  const sortState = (page: Page) =>
    page.locator('#table-defense-budget thead th').evaluateAll((headers) => headers.map((th) => th.getAttribute('aria-sort')));

  it('sorts by keyboard: Enter ascending by value, Space descending, aria-sort on one header at a time', async () => {
    const { context, page, problems } = await openSession(site.browser, site.server.url);
    try {
      await page.goto(site.server.url + ARTICLE);
      const budget = page.getByRole('button', { name: /^Current Defense Budget \(2023\)/ });
      // Reached with Tab from the table's scroll region, like any control.
      await page.locator('.table-scroll:has(#table-defense-budget)').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await budget.evaluate((button) => button === document.activeElement)).toBe(true);

      await page.keyboard.press('Enter');
      expect(await rowNames(page)).toEqual(['Japan', 'South Korea', 'China']);
      expect(await sortState(page)).toEqual([null, 'ascending', null]);
      await page.keyboard.press('Space');
      expect(await rowNames(page)).toEqual(['China', 'South Korea', 'Japan']);
      expect(await sortState(page)).toEqual([null, 'descending', null]);
      expect(await budget.evaluate((button) => button === document.activeElement)).toBe(true);

      // Text sorts by the language's collation; a percentage column by its value.
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      expect(await rowNames(page)).toEqual(['China', 'Japan', 'South Korea']);
      expect(await sortState(page)).toEqual(['ascending', null, null]);
      await page.getByRole('button', { name: /^Projected Change \(2024\)/ }).click();
      expect(await rowNames(page)).toEqual(['South Korea', 'China', 'Japan']);
      expect(await sortState(page)).toEqual([null, null, 'ascending']);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

// /data/ lists tables without drawing them; tests/e2e/axe.test.ts and pagination.test.ts check it.
describe.each([['a document with a chart', ARTICLE]])('axe on %s, chart drawn', (_name, path) => {
  it.each(['light', 'dark'] as const)('%s: no violations', async (theme) => {
    const { context, page } = await openSession(site.browser, site.server.url, { bypassCSP: true, colorScheme: theme });
    try {
      await page.goto(site.server.url + path);
      await page.locator(CHART).first().scrollIntoViewIfNeeded();
      await drawn(page);
      // A sorted state is checked too: aria-sort must be valid where it is set.
      await page.locator('thead button').first().click();
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async (tags) => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      }, TAGS);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('JavaScript each kind of page loads', () => {
  /** Bytes of JavaScript on the page: inline scripts plus script files fetched, on demand or not. */
  async function measure(page: Page, fetched: Map<string, Buffer>, onDemand: boolean): Promise<{ raw: number; gzip: number }> {
    const inline = await page.evaluate(() => [...document.scripts].filter((script) => !script.src).map((script) => script.textContent ?? ''));
    const files = [...fetched].filter(([url]) => onDemand || !url.includes('chart-draw')).map(([, body]) => body);
    const bodies = [...inline.map((code) => Buffer.from(code)), ...files];
    return {
      raw: bodies.reduce((sum, body) => sum + body.length, 0),
      gzip: bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
    };
  }

  it('stays under 2 kB gzip before anything loads on demand; Chart.js comes only with a chart', async () => {
    const report: string[] = [];
    const cases = [
      { name: 'home', path: '', chart: false },
      { name: 'document without a chart', path: 'assessments/russia-north-korea-security-alliance/', chart: false },
      { name: 'document with a chart', path: ARTICLE, chart: true },
      { name: '/data/', path: 'data/', chart: false },
    ];
    for (const { name, path, chart } of cases) {
      const { context, page } = await openSession(site.browser, site.server.url, { viewport: { width: 1280, height: 500 } });
      try {
        const fetched = new Map<string, Buffer>();
        page.on('response', async (response) => {
          if (response.request().resourceType() === 'script') fetched.set(response.url(), await response.body());
        });
        await page.goto(site.server.url + path, { waitUntil: 'load' });
        await page.waitForTimeout(300);
        const before = await measure(page, fetched, false);
        // Same budgets as tests/site/structure.test.ts: 2 kB, and the known 2.5 kB allowance for a chart page.
        expect(before.gzip, name).toBeLessThanOrEqual(chart ? 2560 : 2048);
        let line = `${name}: ${before.raw} B raw, ${before.gzip} B gzip`;
        if (chart) {
          await page.locator(CHART).first().scrollIntoViewIfNeeded();
          await drawn(page);
          const after = await measure(page, fetched, true);
          expect(after.gzip - before.gzip).toBeGreaterThan(40_000);
          line += `; after the chart loads ${after.raw} B raw, ${after.gzip} B gzip`;
        } else {
          await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
          await page.waitForTimeout(300);
          expect([...fetched.keys()].filter((url) => url.includes('chart-draw')), name).toEqual([]);
        }
        report.push(line);
      } finally {
        await context.close();
      }
    }
    console.log(`JavaScript per page:\n  ${report.join('\n  ')}`);
  });
});
