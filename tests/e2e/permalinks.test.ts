/**
 * Permalinks in a real browser: copy buttons put the right absolute URL on the clipboard and
 * say so politely; deep links land with their target visible below the header; an alias (on a
 * fixture build with a renamed heading) lands on the renamed section; a fragment that names
 * nothing shows the notice; the contents mark the section being read, stay in view on wide
 * screens and fold on narrow ones; everything but copying works without JavaScript; share
 * pages send the reader on; and axe finds nothing on share pages or in the states these
 * features create.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './support/browser.ts';
import { startServer, type StaticServer } from './support/server.ts';
import { useSite } from './support/useSite.ts';
import { sharePages } from './support/site.ts';
import { createFixtureSite, type FixtureSite } from '../site/support/fixtureSite.ts';

const ASSESSMENT = 'assessments/russia-north-korea-security-alliance/';
const ARTICLE = 'assessments/russia-treaty-north-korea/';
const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

const site = useSite();

async function session(options: Parameters<typeof openSession>[2] = {}): Promise<Session> {
  const opened = await openSession(site.browser, site.server.url, options);
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.server.url).origin });
  return opened;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const status = (page: Page) => page.locator('#permalink-status');

/** Where an element is in the window, and where the (possibly sticky) header ends. */
function placement(page: Page, selector: string) {
  return page.evaluate((css) => {
    const element = document.querySelector(css)!;
    const header = document.querySelector('.site-header')!.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, headerBottom: Math.max(0, header.bottom), height: innerHeight, scrolled: scrollY };
  }, selector);
}

async function axeViolations(page: Page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

describe('copy buttons', () => {
  it.each([
    ['a section heading', ASSESSMENT, 'Copy link to section: Implications', '#implications'],
    ['a key judgment', ASSESSMENT, 'Copy link to key judgment 1', '#kj-1'],
    ['a recommendation', ASSESSMENT, 'Copy link to recommendation 3', '#rec-3'],
    ['a table', ARTICLE, 'Copy link to table: Current Defense Budget (2023) and Projected Change (2024), by country', '#table-defense-budget'],
  ])('copy the absolute URL of %s, without the query string, and say "Link copied"', async (_what, path, name, fragment) => {
    const { context, page, problems } = await session();
    try {
      // Arriving from search, with a highlight parameter and another fragment.
      await page.goto(`${site.server.url}${path}?highlight=russia#supporting-evidence`);
      await page.getByRole('button', { name, exact: true }).click();
      await expect.poll(() => clipboard(page)).toBe(`${site.server.url}${path}${fragment}`);
      await expect.poll(() => status(page).textContent()).toBe('Link copied');
      expect(await status(page).getAttribute('role')).toBe('status');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('Copy link with preview copies the section\'s share page, which previews and leads to the section', async () => {
    const { context, page } = await session();
    try {
      await page.goto(site.server.url + ASSESSMENT);
      await page.getByRole('button', { name: 'Copy link with preview to section: Recommendations' }).click();
      const shareUrl = `${site.server.url}s/russia-north-korea-security-alliance/recommendations/`;
      await expect.poll(() => clipboard(page)).toBe(shareUrl);
      await page.goto(shareUrl);
      await page.waitForURL(`${site.server.url}${ASSESSMENT}#recommendations`);
      const where = await placement(page, '#recommendations');
      expect(where.top).toBeGreaterThanOrEqual(where.headerBottom);
      expect(where.top).toBeLessThan(where.height / 3);
    } finally {
      await context.close();
    }
  });

  it('the citation buttons copy the citation text', async () => {
    const { context, page } = await session();
    try {
      await page.goto(site.server.url + ASSESSMENT);
      const box = page.locator('.section-end .cite-box').filter({ hasText: 'Cite this section: Implications' });
      await box.locator('summary').click();
      const chicago = (await box.locator('dd').nth(1).locator('.citation-text').textContent())!;
      expect(chicago).toMatch(/^“Implications\.” In “Strategic Implications of the Russia-North Korea Security Alliance\.” Assessment Atlas\./);
      await box.getByRole('button', { name: 'Copy Chicago citation' }).click();
      await expect.poll(() => clipboard(page)).toBe(chicago);
      await expect.poll(() => status(page).textContent()).toBe('Citation copied');
    } finally {
      await context.close();
    }
  });
});

describe('deep links', () => {
  it.each([
    [ASSESSMENT, 'implications', 'h2#implications'],
    [ASSESSMENT, 'kj-1', '#kj-1'],
    [ASSESSMENT, 'rec-3', '#rec-3'],
    [ARTICLE, 'table-defense-budget', '#table-defense-budget'],
    [ARTICLE, 'assessing-the-future-of-north-koreas-nuclear-aspirations-and-regional-security', 'h2#assessing-the-future-of-north-koreas-nuclear-aspirations-and-regional-security'],
  ])('%s#%s lands with the target visible below the header, and marked', async (path, id, selector) => {
    for (const width of [1280, 375]) {
      const { context, page } = await session({ viewport: { width, height: 800 } });
      try {
        await page.goto(`${site.server.url}${path}#${id}`);
        await page.waitForTimeout(100);
        const where = await placement(page, selector);
        expect(where.scrolled, `${width}px: the page scrolled`).toBeGreaterThan(0);
        expect(where.top, `${width}px: below the header`).toBeGreaterThanOrEqual(where.headerBottom);
        expect(where.top, `${width}px: near the top`).toBeLessThan(where.height / 3);
        const marked = await page.evaluate((css) => {
          const target = document.querySelector(css)!;
          const style = getComputedStyle(target.closest('.table-scroll') ?? target);
          return style.boxShadow !== 'none' || style.outlineStyle !== 'none';
        }, selector);
        expect(marked, `${width}px: :target style`).toBe(true);
        expect(await page.locator('#fragment-notice').isVisible()).toBe(false);
      } finally {
        await context.close();
      }
    }
  });
});

describe('an alias', () => {
  let fixture: FixtureSite;
  let fixtureServer: StaticServer;
  beforeAll(async () => {
    fixture = createFixtureSite();
    fixture.editDocument((doc) => {
      doc.body = doc.body.replace('\n## Implications\n', '\n## Consequences\n');
      const section = (doc.data.sections as { id: string; title: string }[]).find((candidate) => candidate.id === 'implications')!;
      Object.assign(section, { id: 'consequences', title: 'Consequences' });
      doc.data.aliases = { implications: 'consequences' };
    });
    const built = await fixture.build();
    if (!built.ok) throw new Error(built.output);
    // Fixture builds use the default base path, whatever this run's BASE_PATH.
    fixtureServer = await startServer(fixture.dist, '/');
  }, 120_000);
  afterAll(async () => {
    await fixtureServer?.close();
    fixture?.remove();
  });

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])('lands the old URL on the renamed section, %s', async (_how, javaScriptEnabled) => {
    const { context, page, problems } = await openSession(site.browser, fixtureServer.url, { javaScriptEnabled });
    try {
      await page.goto(`${fixtureServer.url}${ASSESSMENT}#implications`);
      await page.waitForTimeout(100);
      const where = await placement(page, 'h2#consequences');
      expect(where.scrolled).toBeGreaterThan(0);
      expect(where.top).toBeGreaterThanOrEqual(where.headerBottom);
      expect(where.top).toBeLessThan(where.height / 3);
      expect(await page.locator('h2#consequences').evaluate((h2) => getComputedStyle(h2).boxShadow)).not.toBe('none');
      expect(await page.locator('#fragment-notice').isVisible()).toBe(false);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a fragment that names nothing', () => {
  it('shows a polite notice with the contents, and hides it when the fragment is found', async () => {
    const { context, page, problems } = await session({ viewport: { width: 375, height: 800 } });
    try {
      await page.goto(`${site.server.url}${ASSESSMENT}#a-heading-that-was-removed`);
      const notice = page.locator('#fragment-notice');
      await expect.poll(() => notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toMatch(/^\s*That section is not in this version of the page\./);
      expect(await notice.evaluate((element) => element.closest('[role="status"]') !== null)).toBe(true);
      // The notice is in view and the folded contents are open.
      const where = await placement(page, '#fragment-notice');
      expect(where.top).toBeGreaterThanOrEqual(0);
      expect(where.bottom).toBeLessThanOrEqual(where.height);
      expect(await page.locator('.toc details').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(true);
      await notice.getByRole('link', { name: 'go to the contents' }).click();
      await expect.poll(() => page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Implications' }).isVisible()).toBe(true);
      expect(await notice.isVisible()).toBe(false);

      await page.evaluate(() => (location.hash = '#still-missing'));
      await expect.poll(() => notice.isVisible()).toBe(true);
      await page.evaluate(() => (location.hash = '#recommendations'));
      await expect.poll(() => notice.isVisible()).toBe(false);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the table of contents', () => {
  it('on wide screens is open, stays in view and marks the section being read', async () => {
    const { context, page } = await session({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(site.server.url + ASSESSMENT);
      const toc = page.getByRole('navigation', { name: 'Contents' });
      const link = (name: string) => toc.getByRole('link', { name, exact: true });
      expect(await link('Recommendations').isVisible()).toBe(true);
      expect(await link('Key Judgments').getAttribute('aria-current')).toBe('true');

      await page.locator('h2#recommendations').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.getElementById('recommendations')!.scrollIntoView());
      await expect.poll(() => link('Recommendations').getAttribute('aria-current')).toBe('true');
      expect(await toc.locator('[aria-current]').count()).toBe(1);
      // The list stays in view (the nav itself is the column it sticks in, as tall as the text).
      const box = (await toc.locator('ol').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(100);

      await page.evaluate(() => document.getElementById('supporting-evidence')!.scrollIntoView());
      await expect.poll(() => link('Supporting Evidence').getAttribute('aria-current')).toBe('true');
    } finally {
      await context.close();
    }
  });

  it('on narrow screens is folded until opened', async () => {
    const { context, page } = await session({ viewport: { width: 375, height: 800 } });
    try {
      await page.goto(site.server.url + ASSESSMENT);
      const toc = page.getByRole('navigation', { name: 'Contents' });
      expect(await toc.getByRole('link', { name: 'Implications' }).isVisible()).toBe(false);
      await toc.locator('summary').click();
      expect(await toc.getByRole('link', { name: 'Implications' }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  it('the "#" links still work, the copy buttons are not offered, the wide contents are open', async () => {
    const { context, page } = await openSession(site.browser, site.server.url, { javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(site.server.url + ASSESSMENT);
      expect(await page.getByRole('button', { name: /^Copy/ }).count()).toBe(0);
      expect(await page.locator('[data-copy]').first().isVisible()).toBe(false);
      await page.getByRole('link', { name: 'Link to recommendation 2', exact: true }).click();
      expect(page.url()).toBe(`${site.server.url}${ASSESSMENT}#rec-2`);
      const where = await placement(page, '#rec-2');
      expect(where.top).toBeGreaterThanOrEqual(where.headerBottom);
      expect(where.top).toBeLessThan(where.height / 3);
      expect(await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'Implications' }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('axe-core in the states these features create', () => {
  const states: [string, (page: Page) => Promise<void>][] = [
    [`${ASSESSMENT}#no-such-section`, async (page) => void (await page.locator('#fragment-notice').waitFor())],
    [`${ASSESSMENT}#implications`, async (page) => {
      await page.locator('.cite-box summary').first().click();
      await page.getByRole('button', { name: 'Copy link to section: Implications' }).click();
      await status(page).filter({ hasText: 'Link copied' }).waitFor();
    }],
  ];
  for (const theme of ['light', 'dark'] as const) {
    it.each(states)(`%s (${theme})`, async (path, prepare) => {
      const { context, page } = await session({ bypassCSP: true, colorScheme: theme });
      try {
        await page.goto(site.server.url + path);
        await prepare(page);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('share pages', () => {
  const pages = sharePages();

  it('exist for every section', () => {
    expect(pages.length).toBe(11);
  });

  for (const theme of ['light', 'dark'] as const) {
    it.each(pages.slice(0, 2).map((page) => [page.name, page] as const))(`%s has no axe violations (${theme})`, async (_name, sharePage) => {
      const { context, page } = await session({ bypassCSP: true, colorScheme: theme });
      try {
        // Served without its meta refresh, which would leave the page before axe could look at it.
        await page.route(`${site.server.url}${sharePage.path}`, async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '');
          await route.fulfill({ response, body });
        });
        await page.goto(site.server.url + sharePage.path);
        expect(await page.locator('h1').count()).toBe(1);
        expect(page.url()).toBe(site.server.url + sharePage.path);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
