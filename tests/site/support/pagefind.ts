/**
 * Searching a Pagefind bundle from Node, for tests: the bundle's own pagefind.js, with fetch
 * reading the bundle's files from disk. The same code the browser runs, minus the browser.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentGroup, hitOfFragment, type DocumentGroup, type PagefindFragment } from '../../../src/lib/search/group.ts';

export interface NodeHit {
  url: string;
  title: string;
  excerpt: string;
  filters: Record<string, string[]>;
  /** Pagefind's sub-results, in page order: the text before the first heading, then sections. */
  subResults: { title: string; url: string; excerpt: string }[];
  /** The result as the site's search shows it without filters (src/lib/search/group.ts). */
  group: DocumentGroup;
  /** The loaded result as Pagefind returns it. */
  fragment: PagefindFragment;
}

export interface NodeSearch {
  search(term: string | null, filters?: Record<string, unknown>): Promise<NodeHit[]>;
  /** Result ids (fragment names), best first. */
  ids(term: string | null): Promise<string[]>;
  /** Counts per filter value after a search with these filters. */
  counts(term: string | null, filters: Record<string, unknown>): Promise<Record<string, Record<string, number>>>;
  close(): void;
}

let loads = 0;

export async function openBundle(dir: string): Promise<NodeSearch> {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://bundle.invalid/');
    const name = url.pathname.replace(/^.*\/pagefind\//, '');
    return new Response(await readFile(join(dir, name)));
  }) as typeof fetch;
  // A query string per load: each bundle gets a fresh module (and so a fresh index).
  loads += 1;
  const pagefind = (await import(`${pathToFileURL(join(dir, 'pagefind.js')).href}?load=${loads}`)) as {
    options(options: object): Promise<void>;
    search(term: string | null, options?: object): Promise<{ results: { id: string; data(): Promise<PagefindFragment> }[]; filters: Record<string, Record<string, number>> }>;
  };
  await pagefind.options({ basePath: '/pagefind/', noWorker: true });
  return {
    async search(term, filters = {}) {
      const response = await pagefind.search(term, { filters });
      const data = await Promise.all(response.results.map((result) => result.data()));
      return data.map((hit) => ({
        url: hit.url,
        title: hit.meta.title ?? '',
        excerpt: hit.excerpt,
        filters: hit.filters as Record<string, string[]>,
        subResults: hit.sub_results.map(({ title, url, excerpt }) => ({ title, url, excerpt })),
        group: documentGroup(hitOfFragment(hit)),
        fragment: hit,
      }));
    },
    async ids(term) {
      return (await pagefind.search(term)).results.map((result) => result.id);
    },
    async counts(term, filters) {
      return (await pagefind.search(term, { filters })).filters;
    },
    close() {
      globalThis.fetch = original;
    },
  };
}
