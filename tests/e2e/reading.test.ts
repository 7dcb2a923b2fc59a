/**
 * Reading a document as an analyst would, at 390 and 1280 px: the summary starts on the first
 * screen of a phone, a keyboard user reaches it in a few stops, related links come once, the
 * search page on a phone shows a result first; and, on a fixture build with SITE_URL set and a
 * dated think-tank report with bylines, the date and authors reach its card, header, search
 * result and print, and no page carries a localhost address.
 */
import { execFile } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, openSession } from './support/browser.ts';
import { documentPages } from './support/site.ts';
import { startServer, type StaticServer } from './support/server.ts';
import { useSite } from './support/useSite.ts';
import { createFixtureSite, type FixtureSite } from '../site/support/fixtureSite.ts';

const site = useSite();
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 800 };

/** The boxed summary: the summary-role section, or the front matter summary box, or else the lede. */
const SUMMARY = '.doc-section[data-role="summary"], .summary-box';
async function summaryOf(page: Page) {
  return (await page.locator(SUMMARY).count()) > 0 ? page.locator(SUMMARY).first() : page.locator('.doc-body > p').first();
}

describe.each(documentPages())('$name', ({ path }) => {
  it('on a phone, the summary starts within the first screen', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { viewport: PHONE });
    try {
      await page.goto(site.server.url + path);
      const box = (await (await summaryOf(page)).boundingBox())!;
      expect(box.y).toBeLessThan(PHONE.height * 0.75);
    } finally {
      await context.close();
    }
  });

  // The contents come after the summary in the DOM: on wide screens their open list, beside the
  // text, is not in the way; they stay reachable straight after the summary.
  it.each([PHONE, WIDE])('at most five tab stops lie between the skip link target and the summary (%o)', async (viewport) => {
    const { context, page } = await openSession(site.browser, site.server.url, { viewport });
    try {
      await page.goto(site.server.url + path);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // the skip link: focus moves to <main>
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await (await summaryOf(page)).evaluate((element) => element.setAttribute('data-test-summary', ''));
      let stops = 0;
      for (;;) {
        await page.keyboard.press('Tab');
        // Reached: focus is inside the summary, or already past its start.
        const reached = await page.evaluate(() => {
          const summary = document.querySelector('[data-test-summary]')!;
          const focused = document.activeElement!;
          return summary.contains(focused) || !!(summary.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        if (reached) break;
        stops += 1;
        if (stops > 20) break;
      }
      expect(stops).toBeLessThanOrEqual(5);
    } finally {
      await context.close();
    }
  });

  it.each([PHONE, WIDE])('the contents come straight after the summary and take a keyboard user to a section (%o)', async (viewport) => {
    const { context, page } = await openSession(site.browser, site.server.url, { viewport });
    try {
      await page.goto(site.server.url + path);
      const summary = await summaryOf(page);
      // In the DOM (so in tab order) the contents follow the summary and precede every other section.
      const order = await summary.evaluate((box) => {
        const toc = document.querySelector('.toc')!;
        const next = [...document.querySelectorAll('.doc-section:not([data-role="summary"])')][0];
        return { afterSummary: !!(box.compareDocumentPosition(toc) & Node.DOCUMENT_POSITION_FOLLOWING), beforeText: !next || !!(toc.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING) };
      });
      expect(order).toEqual({ afterSummary: true, beforeText: true });
      const links = page.locator('.toc a');
      const target = (await links.nth(1).getAttribute('href')) ?? (await links.first().getAttribute('href'))!;
      // From the skip link's target, Tab through the header and the summary into the contents.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      let stops = 0;
      const inContents = () => page.evaluate(() => !!document.activeElement?.closest('.toc'));
      while (!(await inContents()) && stops < 30) {
        await page.keyboard.press('Tab');
        stops += 1;
      }
      expect(await inContents()).toBe(true);
      if (viewport === PHONE) {
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
        await page.keyboard.press('Enter'); // opens the disclosure
        await page.keyboard.press('Tab');
      }
      for (let i = 0; i < 3 && (await page.evaluate(() => document.activeElement?.getAttribute('href'))) !== target; i += 1) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(target);
      await page.keyboard.press('Enter');
      await page.waitForFunction((hash) => location.hash === hash, target);
      if (viewport === WIDE) expect(await page.locator('.toc').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('lists related assessments once, after the body, and never inside the summary', async () => {
    const { context, page } = await openSession(site.browser, site.server.url);
    try {
      await page.goto(site.server.url + path);
      const blocks = page.getByRole('heading', { name: 'Related in other assessments' });
      expect(await blocks.count()).toBeLessThanOrEqual(1);
      expect(await page.locator('.doc-body').getByText('Related in other assessments').count()).toBe(0);
      if ((await blocks.count()) === 1) {
        const after = await page.evaluate(() => {
          const body = document.querySelector('.doc-body')!;
          const related = document.querySelector('.related')!;
          return !!(body.compareDocumentPosition(related) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        expect(after).toBe(true);
        // Each linked section once.
        const hrefs = await page.locator('.related a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        expect(new Set(hrefs).size).toBe(hrefs.length);
      }
    } finally {
      await context.close();
    }
  });

  it('paragraph copy controls cost one tab stop each and show "Copied" where they are', async () => {
    const { context, page } = await openSession(site.browser, site.server.url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.server.url).origin });
    try {
      await page.goto(site.server.url + path);
      const quiet = page.locator('.permalink-quiet');
      for (const control of await quiet.all()) {
        const stops = await control.evaluate((element) => [...element.querySelectorAll<HTMLElement>('a, button')].filter((c) => c.offsetParent !== null || getComputedStyle(c).display !== 'none').filter((c) => getComputedStyle(c).display !== 'none').length);
        expect(stops).toBe(1);
      }
      const button = quiet.locator('button').first();
      if ((await button.count()) === 0) return;
      expect(await button.evaluate((b) => getComputedStyle(b).opacity)).toBe('0');
      await button.focus();
      await expect.poll(() => button.evaluate((b) => getComputedStyle(b).opacity)).toBe('1');
      await button.press('Enter');
      await expect.poll(() => button.textContent()).toMatch(/^Copied/);
      // No stray "#" marks beside tables.
      expect(await page.locator('.data-table .permalink a:visible').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('the search page on a phone', () => {
  it('shows the first result within the first screen, filters in a closed panel above it', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { viewport: PHONE });
    try {
      await page.goto(`${site.server.url}search/?q=sanctions`);
      const first = page.locator('.search-group').first();
      await first.waitFor();
      expect((await first.boundingBox())!.y).toBeLessThan(PHONE.height * 0.75);
      expect(await page.locator('#facet-country-china').isVisible()).toBe(false);
      await page.getByText('Filters', { exact: true }).first().click();
      await page.locator('#facet-country-china').check();
      await page.waitForFunction(() => location.search.includes('country=china'));
      const clear = page.getByRole('button', { name: 'Clear all filters' });
      await clear.click();
      await page.waitForFunction(() => !location.search.includes('country='));
      expect(await page.locator('#facet-country-china').isChecked()).toBe(false);
      // No scroll area inside the page: the topic list is as tall as its items.
      const nested = await page.locator('.facet ul').evaluateAll((lists) => lists.filter((l) => l.scrollHeight > l.clientHeight + 1).length);
      expect(nested).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('hides the date sort when no result has a date, and keyboard hints on touch screens', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { viewport: PHONE, hasTouch: true, isMobile: true });
    try {
      await page.goto(`${site.server.url}search/?q=sanctions`);
      await page.locator('.search-group').first().waitFor();
      const dated = await page.locator('.search-date').count();
      expect(await page.locator('#search-sort').isVisible()).toBe(dated > 0);
      expect(await page.locator('.search-button kbd').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe('a dated report with bylines, on a build with SITE_URL set', () => {
  const SITE_URL = 'https://atlas.example.org';
  let fixture: FixtureSite;
  let server: StaticServer;
  let slug: string;
  beforeAll(async () => {
    fixture = createFixtureSite();
    // A second dated document, older, so the two date orders differ.
    fixture.editDocument(({ data }) => {
      data.published = '2024-05-01';
    });
    cpSync('tests/unit/ingest/fixtures/think-tank-report/source.txt', join(fixture.root, 'incoming/think-tank-report.txt'));
    await promisify(execFile)(process.execPath, ['src/ingest/cli.ts', join(fixture.root, 'incoming/think-tank-report.txt'), '--root', fixture.root], { cwd: process.cwd() });
    slug = readdirSync(join(fixture.root, 'content/assessments')).map((file) => file.replace(/\.mdx$/, '')).find((name) => name.startsWith('deterrence'))!;
    const built = await fixture.build({ SITE_URL });
    if (!built.ok) throw new Error(built.output);
    server = await startServer(fixture.dist);
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    fixture?.remove();
  });

  it('writes no localhost address into any page, and its canonical links use SITE_URL', () => {
    const pages = (readdirSync(fixture.dist, { recursive: true }) as string[]).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) expect(readFileSync(join(fixture.dist, file), 'utf8'), file).not.toMatch(/localhost|127\.0\.0\.1/);
    const doc = readFileSync(join(fixture.dist, `assessments/${slug}/index.html`), 'utf8');
    expect(doc).toContain(`<link rel="canonical" href="${SITE_URL}/assessments/${slug}/"`);
    // A report with bylines and endnotes uses more reading components: still no scoped-style attributes.
    expect(doc).not.toMatch(/data-astro-cid/);
  });

  it('shows the date and authors in the header, on paper with the page address, and on its card and search result', async () => {
    const browser = await launchBrowser();
    try {
      const { page } = await openSession(browser, server.url, { viewport: PHONE });
      await page.goto(`${server.url}assessments/${slug}/`);
      const header = page.locator('.doc-header');
      await expect.poll(() => header.textContent()).toContain('4 March 2026');
      expect(await header.textContent()).toMatch(/Maria Okafor[\s\S]*Daniel Reyes/);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.doc-header .print-url').isVisible()).toBe(true);
      expect(await page.locator('.doc-header .print-url').textContent()).toBe(`${SITE_URL}/assessments/${slug}/`);
      expect(await header.locator('time').first().isVisible()).toBe(true);
      expect(await header.locator('.authors').isVisible()).toBe(true);
      expect(await header.locator('.authors').textContent()).toMatch(/^By Maria Okafor \(Senior Fellow, Asia Program\) and Daniel Reyes/);

      await page.emulateMedia({ media: 'screen' });
      await page.goto(server.url);
      const card = page.locator('article, li').filter({ has: page.locator(`a[href$="/assessments/${slug}/"]`) }).last();
      expect(await card.textContent()).toContain('4 March 2026');
      expect(await card.locator('.doc-card-authors').textContent()).toBe('Maria Okafor and Daniel Reyes');
      expect(await card.locator('.doc-card-authors').isVisible()).toBe(true);

      await page.goto(`${server.url}search/?q=interceptors`);
      const result = page.locator('.search-group').filter({ hasText: 'Deterrence Under Strain' });
      await result.waitFor();
      expect(await result.locator('.search-date').textContent()).toBe('4 March 2026');
      expect(await result.locator('.search-authors').textContent()).toBe('Maria Okafor and Daniel Reyes');
      expect(await result.locator('.badge').textContent()).not.toBe('');
    } finally {
      await browser.close();
    }
  });

  it('"Newest first" puts the dated report before undated ones', async () => {
    const browser = await launchBrowser();
    try {
      const { page } = await openSession(browser, server.url);
      const titles = () => page.locator('.search-group-title').allTextContents();
      await page.goto(`${server.url}search/?q=north+korea&sort=oldest`);
      await page.locator('.search-group').nth(1).waitFor();
      const oldest = await titles();
      await page.locator('#search-sort').selectOption('newest');
      await page.waitForFunction(() => location.search.includes('sort=newest'));
      await expect.poll(titles).not.toEqual(oldest);
      expect((await titles())[0]).toContain('Deterrence Under Strain');
    } finally {
      await browser.close();
    }
  });
});
