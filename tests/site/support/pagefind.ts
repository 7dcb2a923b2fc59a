/**
 * Searching a Pagefind bundle from Node, for tests: the bundle's own pagefind.js, with fetch
 * reading the bundle's files from disk. The same code the browser runs, minus the browser.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface NodeHit {
  url: string;
  title: string;
  excerpt: string;
  filters: Record<string, string[]>;
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
    search(term: string | null, options?: object): Promise<{ results: { id: string; data(): Promise<{ url: string; meta: { title?: string }; excerpt: string; filters: Record<string, string[]> }> }[]; filters: Record<string, Record<string, number>> }>;
  };
  await pagefind.options({ basePath: '/pagefind/', noWorker: true });
  return {
    async search(term, filters = {}) {
      const response = await pagefind.search(term, { filters });
      const data = await Promise.all(response.results.map((result) => result.data()));
      return data.map((hit) => ({ url: hit.url, title: hit.meta.title ?? '', excerpt: hit.excerpt, filters: hit.filters }));
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
