/**
 * What every built page promises, checked in dist/: one h1, unique ids, a strict CSP that
 * covers every inline script and style, no request to another host, links that resolve, and
 * the document-page furniture (contents, accessible tables, link to the source).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  allPages,
  assertBuilt,
  attr,
  BASE,
  byTag,
  DIST,
  elements,
  fileForPath,
  first,
  hasClass,
  listFiles,
  loadPage,
  visibleText,
  type Element,
  type Page,
} from './support/dist.ts';

assertBuilt();
const pages = allPages();
const documents = pages.filter((page) => /^assessments\/[^/]+\/index\.html$/.test(page.file));
// Share pages (/s/...) are a standalone redirect with a link: no site chrome and no scripts.
const browsedPages = pages.filter((page) => !page.file.startsWith('s/'));
const SITE = 'http://site.invalid';

function head(page: Page): Element {
  return first(page.document, (element) => element.tagName === 'head')!;
}

/** The CSP meta's directives, keyed by name. */
function policy(page: Page): Map<string, string[]> {
  const meta = byTag(head(page), 'meta').find((element) => attr(element, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  const directives = new Map<string, string[]>();
  for (const part of (meta ? attr(meta, 'content') ?? '' : '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

function inlineText(element: Element): string {
  return element.childNodes.map((node) => ('value' in node ? node.value : '')).join('');
}

describe.each(pages.map((page) => [page.file, page] as const))('%s', (_file, page) => {
  it('has exactly one h1 and a title', () => {
    expect(byTag(page.document, 'h1')).toHaveLength(1);
    expect(visibleText(byTag(page.document, 'h1')[0]!)).not.toBe('');
    expect(byTag(page.document, 'title')).toHaveLength(1);
  });

  it('has unique ids', () => {
    const ids = elements(page.document).flatMap((element) => attr(element, 'id') ?? []);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('declares lang, charset and viewport', () => {
    expect(attr(byTag(page.document, 'html')[0]!, 'lang')).toBe('en');
    expect(byTag(head(page), 'meta').some((meta) => attr(meta, 'charset')?.toLowerCase() === 'utf-8')).toBe(true);
    expect(byTag(head(page), 'meta').some((meta) => attr(meta, 'name') === 'viewport')).toBe(true);
  });

  it('carries a strict CSP before any script or style', () => {
    const csp = policy(page);
    // A share page loads nothing at all (src/lib/sharePage.ts); every other page only from this site.
    expect(csp.get('default-src')).toEqual([page.file.startsWith('s/') ? "'none'" : "'self'"]);
    if (page.file.startsWith('s/')) return;
    const scriptSrc = csp.get('script-src') ?? [];
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp.get('style-src') ?? []).not.toContain("'unsafe-inline'");
    for (const [name, values] of csp) {
      // Only this site: no other host, no scheme wildcard, no "*".
      expect(values.filter((value) => !/^'[^']+'$|^data:$/.test(value)), name).toEqual([]);
    }
    // A link that loads nothing (canonical) may come first; a stylesheet, icon or preload may not.
    const order = elements(head(page)).map((element) =>
      attr(element, 'http-equiv')?.toLowerCase() === 'content-security-policy'
        ? 'csp'
        : element.tagName === 'link' && attr(element, 'rel') === 'canonical'
          ? 'canonical'
          : element.tagName,
    );
    const csp_at = order.indexOf('csp');
    expect(csp_at).toBeGreaterThanOrEqual(0);
    for (const tag of ['script', 'style', 'link']) {
      expect(order.indexOf(tag) === -1 || order.indexOf(tag) > csp_at, `${tag} before the CSP meta`).toBe(true);
    }
  });

  it('lets the CSP allow every inline script and style by hash, and has no inline handlers or style attributes', () => {
    const csp = policy(page);
    for (const script of byTag(page.document, 'script')) {
      const src = attr(script, 'src');
      if (src !== undefined) {
        // Bundled scripts: modules from this site's /_astro/, allowed by 'self'.
        expect(src).toMatch(new RegExp(`^${BASE}_astro/[\\w.-]+\\.js$`));
        expect(attr(script, 'type')).toBe('module');
        expect(inlineText(script)).toBe('');
        continue;
      }
      expect(csp.get('script-src')).toContain(sha256(inlineText(script)));
    }
    for (const style of byTag(page.document, 'style')) {
      expect(csp.get('style-src')).toContain(sha256(inlineText(style)));
    }
    const inlineAttributes = elements(page.document).flatMap((element) =>
      element.attrs.filter((a) => a.name === 'style' || a.name.startsWith('on')).map((a) => `<${element.tagName} ${a.name}>`),
    );
    expect(inlineAttributes).toEqual([]);
  });

  it('loads nothing from another host and links only to pages and files that exist', () => {
    const pageUrl = new URL(page.url, SITE);
    const ids = new Set(elements(page.document).flatMap((element) => attr(element, 'id') ?? []));
    const problems: string[] = [];
    for (const element of elements(page.document)) {
      for (const name of ['href', 'src', 'action', 'poster', 'data', 'srcset', 'formaction']) {
        const value = attr(element, name);
        if (value === undefined) continue;
        const url = new URL(value.split(/\s/)[0]!, pageUrl);
        if (url.protocol === 'data:') continue;
        if (url.origin !== SITE) {
          // A link a reader may follow is fine, and so is the page's canonical address, which is
          // never fetched; anything the browser fetches by itself is not.
          const canonical = element.tagName === 'link' && attr(element, 'rel') === 'canonical';
          if (element.tagName !== 'a' && !canonical) problems.push(`<${element.tagName} ${name}="${value}"> loads from another host`);
          continue;
        }
        if (url.pathname === pageUrl.pathname && url.hash) {
          if (!ids.has(decodeURIComponent(url.hash.slice(1)))) problems.push(`${value}: no element with that id`);
        } else if (!fileForPath(url.pathname)) {
          problems.push(`${value}: nothing in dist/ serves ${url.pathname}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  const browsed = browsedPages.includes(page);

  it.runIf(browsed)('has a skip link to main, and landmarks', () => {
    const main = byTag(page.document, 'main');
    expect(main).toHaveLength(1);
    expect(attr(main[0]!, 'id')).toBe('main');
    const links = byTag(page.document, 'a');
    expect(attr(links[0]!, 'href')).toBe('#main');
    expect(byTag(page.document, 'header').length).toBeGreaterThan(0);
    expect(byTag(page.document, 'footer').length).toBeGreaterThan(0);
    expect(byTag(page.document, 'nav').some((nav) => attr(nav, 'aria-label') === 'Main')).toBe(true);
  });

  it.runIf(browsed)('has a theme toggle with a name and a pressed state', () => {
    const toggle = first(page.document, (element) => attr(element, 'data-theme-toggle') !== undefined);
    expect(toggle?.tagName).toBe('button');
    expect(attr(toggle!, 'type')).toBe('button');
    expect(attr(toggle!, 'aria-pressed')).toMatch(/^(true|false)$/);
    expect(visibleText(toggle!)).toBe('Dark theme');
  });
});

describe('document pages', () => {
  it('exist, one per assessment', () => {
    expect(documents.length).toBeGreaterThan(0);
    const mdx = readdirSync('content/assessments').filter((name) => name.endsWith('.mdx'));
    expect(documents.map((page) => page.file).sort()).toEqual(mdx.map((name) => `assessments/${name.slice(0, -4)}/index.html`).sort());
  });

  describe.each(documents.map((page) => [page.url, page] as const))('%s', (_url, page) => {
    const main = first(page.document, (element) => element.tagName === 'main')!;
    const body = first(main, (element) => hasClass(element, 'doc-body'))!;

    it('lists every section in a labelled table of contents, in order, each linking to its h2', () => {
      const toc = byTag(main, 'nav').find((nav) => hasClass(nav, 'toc'));
      expect(toc).toBeDefined();
      expect(attr(toc!, 'aria-label') ?? attr(toc!, 'aria-labelledby')).toBeTruthy();
      const targets = byTag(toc!, 'a').map((a) => attr(a, 'href'));
      const headings = byTag(body, 'h2').map((h2) => `#${attr(h2, 'id')}`);
      expect(headings.length).toBeGreaterThan(0);
      expect(targets).toEqual(headings);
    });

    it('wraps each section in a <section> that starts with its h2', () => {
      const sections = byTag(body, 'section');
      expect(sections.map((section) => section.childNodes.find((node) => 'tagName' in node) as Element | undefined).map((h) => h?.tagName)).toEqual(
        sections.map(() => 'h2'),
      );
      expect(sections).toHaveLength(byTag(body, 'h2').length);
    });

    it('opens with a boxed summary or Key Judgments, or a lede that the summary would only repeat', () => {
      const keyJudgments = first(body, (element) => element.tagName === 'h2' && attr(element, 'id') === 'key-judgments');
      const summary = first(main, (element) => hasClass(element, 'summary-box'));
      const lede = body.childNodes.find((node): node is Element => 'tagName' in node && node.tagName === 'p');
      const bare = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
      const description = attr(byTag(page.document, 'meta').find((m) => attr(m, 'name') === 'description')!, 'content') ?? '';
      const repeated = !keyJudgments && !summary && lede !== undefined && bare(visibleText(lede)).startsWith(bare(description));
      expect(Boolean(keyJudgments) !== Boolean(summary) || repeated, 'exactly one of the two, or a lede the summary repeats').toBe(true);
    });

    it('renders tables with a caption, header scopes and a focusable labelled scroll region', () => {
      for (const table of byTag(body, 'table')) {
        const caption = byTag(table, 'caption')[0];
        expect(caption && visibleText(caption)).toBeTruthy();
        for (const th of byTag(byTag(table, 'thead')[0]!, 'th')) expect(attr(th, 'scope')).toBe('col');
        for (const th of byTag(byTag(table, 'tbody')[0]!, 'th')) expect(attr(th, 'scope')).toBe('row');
        const region = elements(body).find((element) => element.childNodes.includes(table))!;
        expect(attr(region, 'role')).toBe('region');
        expect(attr(region, 'tabindex')).toBe('0');
        expect(attr(region, 'aria-labelledby')).toBe(attr(caption!, 'id'));
      }
    });

    it('right-aligns the cells of numeric columns', () => {
      for (const table of byTag(body, 'table')) {
        for (const row of byTag(byTag(table, 'tbody')[0]!, 'tr')) {
          for (const cell of byTag(row, 'td')) {
            const text = visibleText(cell);
            // A plain amount, percentage or count is numeric; the column typing decides the rest.
            if (/^[+\-−]?[$€£¥]?\s?\d[\d,.]*\s*(%|billion|million|trillion)?$/u.test(text)) {
              expect(hasClass(cell, 'num'), `"${text}" should be right-aligned`).toBe(true);
            }
          }
        }
      }
    });

    // Scoped styles would mark nearly every element of the page with an attribute (several kB a
    // page); the reading components style themselves globally under their own root class.
    it('carries no per-component style attributes', () => {
      expect(page.html).not.toMatch(/data-astro-cid/);
    });

    it('links to its original source text, served byte for byte', () => {
      const slug = page.file.split('/')[1]!;
      const link = byTag(main, 'a').find((a) => attr(a, 'href') === `${BASE}sources/${slug}.txt`);
      expect(link).toBeDefined();
      expect(readFileSync(join(DIST, 'sources', `${slug}.txt`))).toEqual(readFileSync(join('content/sources', `${slug}.txt`)));
    });
  });
});

describe('home page', () => {
  // The list pages of the home page: here one, as the archive is smaller than a page (listings.test.ts pages a larger one).
  const homes = pages.filter((page) => page.file === 'index.html' || /^page\/\d+\/index\.html$/.test(page.file));
  const mains = homes.map((page) => first(page.document, (element) => element.tagName === 'main')!);

  it('links to every document, newest first', () => {
    const links = mains.flatMap((main) => byTag(main, 'a').map((a) => attr(a, 'href')));
    expect(links).toEqual(expect.arrayContaining(documents.map((page) => page.url)));
    const dates = mains.flatMap((main) => byTag(main, 'time').map((time) => attr(time, 'datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('shows each document with its kind, summary and tags', () => {
    const cards = mains.flatMap((main) => byTag(main, 'li').filter((li) => hasClass(li, 'doc-card')));
    expect(cards).toHaveLength(documents.length);
    for (const card of cards) {
      expect(visibleText(card)).toMatch(/^.+ (Article|Assessment)\b/);
      expect(first(card, (element) => hasClass(element, 'summary'))).toBeDefined();
    }
  });
});

describe('404 page', () => {
  it('says what happened and links home', () => {
    const page = loadPage('404.html');
    expect(visibleText(byTag(page.document, 'h1')[0]!)).toMatch(/not found/i);
    expect(byTag(page.document, 'a').some((a) => attr(a, 'href') === BASE && visibleText(a).length > 12)).toBe(true);
  });
});

describe('shipped JavaScript', () => {
  it('ships no script, stylesheet or style on share pages, allows none by their CSP, and keeps each under 2 KB, with the absolute URLs and card SITE_URL adds too', () => {
    const shares = pages.filter((page) => !browsedPages.includes(page));
    expect(shares.length).toBeGreaterThan(0);
    for (const page of shares) {
      expect(['script', 'style'].flatMap((tag) => byTag(page.document, tag)), page.file).toEqual([]);
      expect(byTag(page.document, 'link').map((link) => attr(link, 'rel')), page.file).toEqual([]);
      expect(policy(page).get('default-src'), page.file).toEqual(["'none'"]);
      expect(statSync(join(DIST, page.file)).size, page.file).toBeLessThan(2048);
    }
  });
  const scripts = (page: Page) => byTag(page.document, 'script').map((script) => attr(script, 'src') ?? 'inline');
  const isDocument = (page: Page) => documents.includes(page);
  const isSearchPage = (page: Page) => page.file === 'search/index.html';
  const hasSortableTable = (page: Page) => byTag(page.document, 'table').some((table) => attr(table, 'data-sortable') !== undefined);
  const hasChart = (page: Page) => elements(page.document).some((element) => attr(element, 'data-table-chart') !== undefined);

  // tables.test.ts, permalinks and search tests check each script's behaviour; this checks nothing else slipped in.
  it('inlines the theme script everywhere, the permalink module on documents, and the sort and chart loaders only where tables and charts are', () => {
    for (const page of browsedPages) {
      const inline = byTag(page.document, 'script').filter((script) => attr(script, 'src') === undefined);
      expect(inline.filter((script) => attr(script, 'type') !== 'module'), page.file).toHaveLength(1);
      const modules = Number(isDocument(page)) + Number(hasSortableTable(page)) + Number(hasChart(page));
      expect(inline.filter((script) => attr(script, 'type') === 'module'), page.file).toHaveLength(modules);
    }
  });

  it('ships Chart.js only as a file fetched on demand, and no page references it directly', () => {
    const charts = listFiles().filter((file) => /chart-draw/.test(file));
    expect(charts).toHaveLength(1);
    expect(statSync(join(DIST, charts[0]!)).size).toBeLessThan(160_000);
    for (const page of browsedPages.filter((candidate) => !hasChart(candidate))) {
      expect(readFileSync(join(DIST, page.file), 'utf8'), page.file).not.toMatch(/chart-draw|chart\.js/i);
    }
  });


  /** A bundled script and the chunks it imports statically: what the browser fetches before anything is opened. */
  function eagerFiles(src: string): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(join(DIST, file), 'utf8');
      for (const match of code.matchAll(/\bimport\s*(?:[\w{},*\s$]+from\s*)?["'`](\.\/[^"'`]+)["'`]/g)) visit(join('_astro', match[1]!));
    };
    visit(src.slice(BASE.length));
    return [...seen];
  }
  const gzipSize = (files: string[]) => files.reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file))).length, 0);

  it('loads the search button on every page, plus the highlight check on documents and the search page script', () => {
    for (const page of browsedPages) {
      const names = scripts(page).filter((src) => src !== 'inline').map((src) => src.replace(/^.*\/_astro\/([\w-]+?)(\.astro_astro_type_script_index_0_lang)?\.[\w-]+\.js$/, '$1'));
      const expected = ['SearchButton', ...(isDocument(page) ? ['SearchHighlight'] : []), ...(isSearchPage(page) ? ['search'] : [])];
      expect(names.sort(), page.file).toEqual(expected.sort());
    }
  });

  it('stays within budget before search opens: search button 0.5 kB gzip, all of a page 2 kB', () => {
    const theme = byTag(pages[0]!.document, 'script').find((script) => attr(script, 'src') === undefined)!;
    const themeSize = gzipSync(inlineText(theme)).length;
    for (const page of browsedPages.filter((candidate) => !isSearchPage(candidate))) {
      const modules = scripts(page).filter((src) => src !== 'inline');
      const button = modules.find((src) => src.includes('SearchButton'))!;
      expect(gzipSize(eagerFiles(button)), 'search button').toBeLessThanOrEqual(500);
      const inlineModules = byTag(page.document, 'script')
        .filter((script) => attr(script, 'src') === undefined && attr(script, 'type') === 'module')
        .reduce((sum, script) => sum + gzipSync(inlineText(script)).length, 0);
      const total = themeSize + inlineModules + gzipSize([...new Set(modules.flatMap(eagerFiles))]);
      // Known shortfall: a page with a chart also carries the sort script and the chart loader
      // (about 0.8 kB gzip together) and is held to 2.5 kB until those load on demand.
      const budget = hasChart(page) ? 2560 : 2048;
      expect(total, `${page.file}: ${total} bytes gzip`).toBeLessThanOrEqual(budget);
    }
  });

  it('loads search on demand only: no page script imports search code or the index, and no preload helper ships', () => {
    for (const src of new Set(pages.filter((page) => !isSearchPage(page)).flatMap(scripts).filter((src) => src !== 'inline'))) {
      const files = eagerFiles(src);
      expect(files, src).toHaveLength(1);
      expect(readFileSync(join(DIST, files[0]!), 'utf8')).not.toMatch(/pagefind/);
    }
    expect(listFiles().filter((file) => /preload-helper/.test(file))).toEqual([]);
    for (const page of browsedPages) {
      const fetched = elements(page.document).flatMap((element) => [attr(element, 'src'), element.tagName === 'link' ? attr(element, 'href') : undefined]);
      expect(fetched.filter((url) => url?.includes('pagefind')), page.file).toEqual([]);
    }
  });
});
