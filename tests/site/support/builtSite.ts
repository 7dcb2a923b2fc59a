/**
 * Reading a built site in any folder (dist/ of this project or of a fixture site): its pages by
 * URL, parsed, and the paginated lists they link together.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { attr, byTag, first, listFiles, type Element, type Page } from './dist.ts';

export interface BuiltSite {
  readonly pages: Page[];
  /** The page served at a URL path ("/countries/japan/page/2/"), or undefined. */
  page(url: string): Page | undefined;
  fileExists(url: string): boolean;
}

/** A built site at `dir`, built for the root base path. */
export function builtSite(dir: string): BuiltSite {
  const load = (file: string): Page => {
    const html = readFileSync(join(dir, file), 'utf8');
    return { file, url: `/${file.replace(/(^|\/)index\.html$/, '$1')}`, html, document: parse(html) };
  };
  const pages = listFiles(dir).filter((file) => file.endsWith('.html')).map(load);
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  return {
    pages,
    page: (url) => byUrl.get(url.split('#')[0]!),
    fileExists: (url) => {
      const path = join(dir, decodeURIComponent(url.split('#')[0]!));
      return existsSync(path) && statSync(path).isFile();
    },
  };
}

export const mainOf = (page: Page): Element => first(page.document, (element) => element.tagName === 'main')!;

/** The page navigation of a list page (nav with class page-nav), if any. */
export const pageNav = (page: Page): Element | undefined => byTag(page.document, 'nav').find((nav) => (attr(nav, 'class') ?? '').includes('page-nav'));

/** A <head> link of the page with this rel. */
export const headLink = (page: Page, rel: string): string | undefined => {
  const link = byTag(page.document, 'link').find((element) => attr(element, 'rel') === rel);
  return link && attr(link, 'href');
};

/** Every page of the list that starts at `url`, following rel=next, each checked to be reached once. */
export function listPages(site: BuiltSite, url: string): Page[] {
  const out: Page[] = [];
  for (let next: string | undefined = url; next !== undefined; ) {
    const page = site.page(next);
    if (!page) throw new Error(`${out.at(-1)?.url ?? url} links to ${next}, which is not a page of the site`);
    if (out.includes(page)) throw new Error(`the list starting at ${url} loops back to ${next}`);
    out.push(page);
    next = headLink(page, 'next');
  }
  return out;
}
