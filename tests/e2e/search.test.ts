/**
 * Search in chromium: nothing of it loads before it is opened; the dialog opens from the button,
 * `/` and Ctrl+K or Cmd+K, keeps focus, closes on Esc and gives focus back; arrows and Enter
 * work; the search page keeps its state in the address through back and forward; a result
 * opens its section with the words highlighted and then cleans the address.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './support/browser.ts';
import { useSite } from './support/useSite.ts';
import { seedDocuments, shownResults, waitForStatus } from './support/search.ts';
import { documentPages } from './support/site.ts';
import { BASE } from '../site/support/dist.ts';

const documents = seedDocuments();
const assessment = documents.find((doc) => doc.kind === 'assessment')!;

const site = useSite();

async function withPage(test: (session: Session, page: Page) => Promise<void>, options = {}) {
  const session = await openSession(site.browser, site.server.url, options);
  try {
    await test(session, session.page);
    expect(session.problems).toEqual([]);
    expect(session.offsite).toEqual([]);
  } finally {
    await session.context.close();
  }
}

const SEARCH_FILES = /\/pagefind\/|\/_astro\/(dialog|results|highlight|search)\.[\w-]+\.(js|css)$/;
const activeInDialog = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')));
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);

describe('loading', () => {
  it('fetches no search code or index until search is opened, then fetches it', async () => {
    await withPage(async (_session, page) => {
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      for (const path of ['', documentPages()[0]!.path]) {
        await page.goto(site.server.url + path, { waitUntil: 'load' });
        await page.waitForTimeout(300);
      }
      expect(fetched.filter((path) => SEARCH_FILES.test(path))).toEqual([]);
      await page.keyboard.press('/');
      await page.locator('dialog[open] input').fill('treaty');
      await waitForStatus(page, 'dialog[open]', 'treaty');
      expect(fetched.some((path) => path.endsWith('/pagefind/pagefind.js'))).toBe(true);
      expect(fetched.some((path) => /\/_astro\/dialog\.[\w-]+\.js$/.test(path))).toBe(true);
      // The highlighter is only for pages opened from a result.
      expect(fetched.some((path) => path.endsWith('pagefind-highlight.js'))).toBe(false);
    });
  });

  it('reports the time from the last keystroke to the first rendered results', async () => {
    await withPage(async (_session, page) => {
      await page.goto(site.server.url, { waitUntil: 'load' });
      await page.keyboard.press('/');
      await page.waitForSelector('dialog[open]');
      await page.evaluate(() => {
        const w = window as unknown as { lastKey: number };
        addEventListener('keydown', () => (w.lastKey = performance.now()), { capture: true });
      });
      await page.keyboard.type('sanctions', { delay: 60 });
      const rendered = await page.waitForFunction(
        () => (document.querySelector('dialog[open] .search-status')?.textContent?.includes('“sanctions”') ? performance.now() : false),
        undefined,
        { polling: 'raf' },
      );
      const ms = ((await rendered.jsonValue()) as number) - (await page.evaluate(() => (window as unknown as { lastKey: number }).lastKey));
      console.log(`search: first results ${ms.toFixed(0)} ms after the last keystroke (typing at 60 ms a key)`);
      expect(ms).toBeGreaterThan(0);
    });
  });
});

describe('the dialog', () => {
  it('opens with "/", takes focus, keeps it inside, closes on Esc and gives focus back to the button', async () => {
    await withPage(async (_session, page) => {
      await page.goto(site.server.url + documentPages()[0]!.path);
      await page.keyboard.press('/');
      await page.waitForSelector('dialog[open]');
      expect(await activeId(page)).toBe('search-dialog-input');
      await page.keyboard.type('sanctions');
      await waitForStatus(page, 'dialog[open]', 'sanctions');
      for (let step = 0; step < 40; step += 1) {
        await page.keyboard.press(step % 2 ? 'Tab' : 'Shift+Tab');
        await page.keyboard.press('Tab');
        expect(await activeInDialog(page), `Tab step ${step} left the dialog`).toBe(true);
      }
      await page.keyboard.press('Escape');
      expect(await page.locator('dialog[open]').count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60))).toMatch(/data-search-open/);
    });
  });

  it('opens with Ctrl+K and with Cmd+K, and with the button; "/" typed into a field stays in the field', async () => {
    await withPage(async (_session, page) => {
      await page.goto(site.server.url);
      for (const shortcut of ['Control+k', 'Meta+k']) {
        await page.keyboard.press(shortcut);
        await page.waitForSelector('dialog[open]');
        expect(await activeId(page)).toBe('search-dialog-input');
        await page.keyboard.type('a/b');
        expect(await page.locator('dialog[open] input').inputValue()).toBe('a/b');
        expect(await page.locator('dialog[open]').count()).toBe(1);
        await page.locator('dialog[open] input').fill('');
        await page.locator('dialog[open] [data-close]').click();
        expect(await page.locator('dialog[open]').count()).toBe(0);
      }
      await page.locator('[data-search-open]').click();
      await page.waitForSelector('dialog[open]');
      await page.locator('dialog[open] [data-close]').click();
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-open'))).toBe(true);
    });
  });

  it('announces results politely, moves through them with the arrow keys and follows one with Enter', async () => {
    await withPage(async (_session, page) => {
      await page.goto(site.server.url);
      await page.locator('[data-search-open]').click();
      await page.waitForSelector('dialog[open]');
      await page.keyboard.type('ICBM');
      const status = await waitForStatus(page, 'dialog[open]', 'ICBM');
      expect(status).toBe('1 document for “ICBM”');
      expect(await page.locator('dialog[open] .search-status').getAttribute('role')).toBe('status');

      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(assessment.title);
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('search-section'))).toBe(true);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      expect(await activeId(page)).toBe('search-dialog-input');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      await Promise.all([page.waitForURL(/#supporting-evidence$/), page.keyboard.press('Enter')]);
      await page.waitForSelector('mark.search-highlight');
      expect(new URL(page.url()).pathname).toBe(`${BASE}assessments/${assessment.slug}/`);
    });
  });

  it('shows when nothing matches', async () => {
    await withPage(async (_session, page) => {
      await page.goto(site.server.url);
      await page.keyboard.press('/');
      await page.waitForSelector('dialog[open]');
      await page.keyboard.type('zzyzx');
      expect(await waitForStatus(page, 'dialog[open]', 'zzyzx')).toBe('No results for “zzyzx”. Check the spelling or try fewer words.');
      expect(await page.locator('dialog[open] .search-group').count()).toBe(0);
    });
  });
});

describe('the search page', () => {
  const params = (page: Page) => new URL(page.url()).search;

  it('keeps words, filters and sort in the address, and back and forward restore them', async () => {
    await withPage(async (_session, page) => {
      await page.goto(`${site.server.url}search/`);
      const start = await page.evaluate(() => history.length);
      await page.locator('#search-page-input').pressSequentially('treaty');
      await waitForStatus(page, '.search-page', 'treaty');
      expect(params(page)).toBe('?q=treaty');
      // Typing edits the entry it started in rather than adding one per letter.
      expect(await page.evaluate(() => history.length)).toBe(start);

      await page.locator('#facet-country-china').check();
      await page.waitForFunction(() => location.search === '?q=treaty&country=china');
      // The seeds state no dates, so the date sort is not offered (reading.test.ts sorts dated
      // documents); the address still carries a sort that a link asks for.
      expect(await page.locator('#search-sort').isVisible()).toBe(false);
      await page.locator('#search-sort').evaluate((select: HTMLSelectElement) => {
        select.value = 'newest';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await page.waitForFunction(() => location.search === '?q=treaty&country=china&sort=newest');
      const sorted = await shownResults(page, '.search-page');

      await page.goBack();
      await page.waitForFunction(() => location.search === '?q=treaty&country=china');
      expect(await page.locator('#search-sort').inputValue()).toBe('relevance');
      expect(await page.locator('#facet-country-china').isChecked()).toBe(true);

      await page.goBack();
      await page.waitForFunction(() => location.search === '?q=treaty');
      expect(await page.locator('#facet-country-china').isChecked()).toBe(false);
      const sectionsShown = async () => (await shownResults(page, '.search-page')).flatMap((group) => group.sections).length;
      await expect.poll(sectionsShown).toBeGreaterThan(sorted.flatMap((group) => group.sections).length);

      await page.goForward();
      await page.goForward();
      await page.waitForFunction(() => location.search === '?q=treaty&country=china&sort=newest');
      expect(await page.locator('#search-page-input').inputValue()).toBe('treaty');
      expect(await page.locator('#search-sort').inputValue()).toBe('newest');
      await expect.poll(() => shownResults(page, '.search-page')).toEqual(sorted);
    });
  });

  it('opens a bookmarked search with its results, filters and counts', async () => {
    await withPage(async (_session, page) => {
      await page.goto(`${site.server.url}search/?q=sanctions&kind=assessment&country=japan&country=china`);
      await waitForStatus(page, '.search-page', 'sanctions');
      expect(await page.locator('#search-page-input').inputValue()).toBe('sanctions');
      for (const id of ['#facet-kind-assessment', '#facet-country-japan', '#facet-country-china']) expect(await page.locator(id).isChecked(), id).toBe(true);
      const groups = await shownResults(page, '.search-page');
      expect(groups.map((group) => group.kind)).toEqual(['Assessment']);
      // Counts are numbers in brackets next to each value a reader can tick.
      const count = await page.locator('label[for="facet-country-japan"] .facet-count').textContent();
      expect(count).toMatch(/^\(\d+\)$/);
      expect(await page.locator('label[for="facet-kind-article"] .facet-count').textContent()).toMatch(/^\(\d+\)$/);
    });
  });

  it('suggests removing a filter when nothing matches, and the button does it', async () => {
    await withPage(async (_session, page) => {
      await page.goto(`${site.server.url}search/?q=icbm&kind=article`);
      await waitForStatus(page, '.search-page', 'icbm');
      const remove = page.locator('.search-empty button');
      expect(await remove.allTextContents()).toEqual(['Remove kind: Article']);
      await remove.click();
      await page.waitForFunction(() => location.search === '?q=icbm');
      await page.waitForSelector('.search-page .search-group');
      expect(await page.locator('#facet-kind-article').isChecked()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.matches('[data-search-status]'))).toBe(true);
    });
  });

  it('"/" on the search page goes to its own field', async () => {
    await withPage(async (_session, page) => {
      await page.goto(`${site.server.url}search/`);
      await page.locator('.site-name').focus();
      await page.keyboard.press('/');
      await page.waitForFunction(() => document.activeElement?.id === 'search-page-input');
      expect(await page.locator('dialog[open]').count()).toBe(0);
    });
  });
});

describe('landing on a result', () => {
  const path = () => `${site.server.url}assessments/${assessment.slug}/`;

  it('highlights the words in the document, cleans the address and offers to clear the highlight', async () => {
    await withPage(async (_session, page) => {
      await page.goto(`${path()}?highlight=sanctions#supporting-evidence`);
      await page.waitForSelector('mark.search-highlight');
      const marks = await page.locator('mark.search-highlight').evaluateAll((nodes) =>
        nodes.map((node) => ({ text: node.textContent!.toLowerCase(), inBody: Boolean(node.closest('main .doc-body, main h1')) })),
      );
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(mark).toEqual({ text: expect.stringMatching(/^sanctions?$/), inBody: true });
      await page.waitForFunction(() => !location.search);
      expect(new URL(page.url()).hash).toBe('#supporting-evidence');

      const clear = page.getByRole('button', { name: 'Clear highlight' });
      await clear.focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('mark.search-highlight').count()).toBe(0);
      expect(await clear.count()).toBe(0);
      // The text is back as it was: no split or lost words.
      expect(await page.locator('section:has(> h2#supporting-evidence) > p >> nth=0').textContent()).toContain('Reports indicate that North Korea');
    });
  });

  it('marks each word of a several-word search', async () => {
    await withPage(async (_session, page) => {
      await page.goto(`${path()}?highlight=arms&highlight=race#implications`);
      await page.waitForSelector('mark.search-highlight');
      const words = new Set(await page.locator('mark.search-highlight').evaluateAll((nodes) => nodes.map((node) => node.textContent!.toLowerCase())));
      expect(words).toEqual(new Set(['arms', 'race']));
    });
  });
});
