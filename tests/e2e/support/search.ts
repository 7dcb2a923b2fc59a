/**
 * Helpers for the search tests: the seed documents' front matter (the expected answers come
 * from it, not from the index), and reading results off the search page and the dialog.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readExistingMdx } from '../../../src/ingest/frontmatter.ts';

export interface SeedSection {
  id: string;
  title: string;
  countries: string[];
  topics: string[];
}

export interface SeedDocument {
  slug: string;
  title: string;
  kind: 'article' | 'assessment';
  countries: string[];
  topics: string[];
  sections: SeedSection[];
}

export function seedDocuments(dir = 'content/assessments'): SeedDocument[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const { matter } = readExistingMdx(readFileSync(join(dir, name), 'utf8'));
      if (!matter) throw new Error(`${dir}/${name}: no front matter`);
      const sections = (matter.sections as Partial<SeedSection>[]).map((section) => ({
        id: section.id!,
        title: section.title!,
        countries: section.countries ?? [],
        topics: section.topics ?? [],
      }));
      return { slug: matter.slug as string, title: matter.title as string, kind: matter.kind as SeedDocument['kind'], countries: (matter.countries as string[]) ?? [], topics: (matter.topics as string[]) ?? [], sections };
    });
}

export interface ShownGroup {
  title: string;
  href: string;
  kind: string;
  /** The section links: path and fragment, highlight parameter left out. */
  sections: { title: string; href: string; excerptMarks: string[] }[];
}

/** The result list inside `root` ('.search-page' or 'dialog[open]'), as a reader sees it. */
export function shownResults(page: Page, root: string): Promise<ShownGroup[]> {
  return page.evaluate((selector) => {
    const clean = (href: string) => {
      const url = new URL(href, location.href);
      url.searchParams.delete('highlight');
      return `${url.pathname}${url.search}${url.hash}`;
    };
    return [...document.querySelectorAll(`${selector} .search-group`)].map((group) => ({
      title: group.querySelector('.search-group-link')!.textContent!.trim(),
      href: group.querySelector<HTMLAnchorElement>('.search-group-link')!.href,
      kind: group.querySelector('.badge')!.textContent!.trim(),
      sections: [...group.querySelectorAll<HTMLAnchorElement>('.search-section')].map((link) => ({
        title: link.querySelector('.search-section-title')!.textContent!.trim(),
        href: clean(link.href),
        excerptMarks: [...link.querySelectorAll('mark')].map((mark) => mark.textContent!.trim().toLowerCase()),
      })),
    }));
  }, root);
}

/** Waits until the status line of `root` reports on `query` (results or none). */
export async function waitForStatus(page: Page, root: string, query: string): Promise<string> {
  const status = page.locator(`${root} .search-status`);
  await page.waitForFunction(
    ({ selector, q }) => {
      const text = document.querySelector(`${selector} .search-status`)?.textContent ?? '';
      return text.includes(`“${q}”`);
    },
    { selector: root, q: query },
    { timeout: 15_000 },
  );
  return (await status.textContent()) ?? '';
}
