/**
 * Builds the search index at the end of `astro build`, with Pagefind's Node API: every document
 * page of dist/ becomes one record, its sections as sub-results (src/lib/search/records.ts says
 * what is indexed and why), written to dist/pagefind/. Any error Pagefind
 * reports fails the build with the page it concerns; there is no separate step to forget.
 *
 * Only document pages are indexed. The home page, the search page and the 404 are navigation,
 * not content. Beside Pagefind's files goes the facet table of the search page (facets.ts).
 * Pagefind's ready-made UIs are deleted from the bundle: the site has its own
 * (src/components/search/), and they would only add weight to dist/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { buildFacetTable, type FacetRow } from '../lib/search/facets.ts';
import { FACETS_FILE } from '../lib/search/facets-file.ts';
import { INDEX_OPTIONS } from '../lib/search/records.ts';
import { documentSlugOfPath } from '../lib/urls.ts';
import { recordsInWorker } from './search-records.ts';

const UNUSED_UI = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
];

function failure(what: string, errors: string[]): Error {
  return new Error(`Search index: ${what} failed:\n  ${errors.join('\n  ')}`);
}

/**
 * Pagefind's result id of each record, by URL. A result's id is the name of its fragment file,
 * and a fragment is gzipped JSON (after a "pagefind_dcd" marker) holding the URL: the format
 * Pagefind's own pagefind.js reads. Checked record by record, so a change of format in a later
 * Pagefind fails the build here rather than leaving the search page without filters.
 */
export function resultIds(bundle: string): Map<string, string> {
  // Read synchronously: thousands of small files, and nothing else to do meanwhile.
  const dir = join(bundle, 'fragment');
  const ids = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    const json = text.startsWith('pagefind_dcd') ? text.slice('pagefind_dcd'.length) : text;
    const { url } = JSON.parse(json) as { url?: unknown };
    if (typeof url !== 'string') throw failure('reading the fragments', [`${join(dir, name)} has no url`]);
    ids.set(url, name.replace(/\.pf_fragment$/, ''));
  }
  return ids;
}

/** What to tell the editor when Pagefind indexed nothing for a document: its MDX and the fix. */
export function missingFragment(url: string): string {
  const slug = documentSlugOfPath(url.replace(/^\//, ''));
  if (slug === undefined) return `no fragment for ${url}`;
  return `content/assessments/${slug}.mdx: Pagefind indexed no words for the page (${url}); give the page text with letters or digits, then build again`;
}

export function pagefindIndex(): AstroIntegration {
  let root: URL;
  return {
    name: 'atlas-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const contentDir = fileURLToPath(new URL('content/', root));
        const slugs = pages.flatMap(({ pathname }) => documentSlugOfPath(pathname) ?? []).sort();

        const created = await pagefind.createIndex(INDEX_OPTIONS);
        if (!created.index) throw failure('creating the index', created.errors);
        const { index } = created;
        const rows: { url: string; tags: FacetRow }[] = [];
        const phases: [name: string, at: number, note: string][] = [];
        const phase = (name: string, note = '') => phases.push([name, performance.now(), note]);
        try {
          // Records go to Pagefind one at a time, in slug order: Pagefind numbers pages in the order
          // it receives them, so sending them as they were ready would give a different index on
          // every build. A worker thread reads and splits the pages ahead (search-records.ts).
          // The time spent waiting for the worker is logged: near zero while it keeps ahead of Pagefind.
          let waited = 0;
          let asked = performance.now();
          for await (const { file, record } of recordsInWorker({ out, contentDir, slugs })) {
            waited += performance.now() - asked;
            const added = await index.addHTMLFile({ url: record.url, content: record.html });
            if (added.errors.length > 0) throw failure(`indexing ${record.url} (${file})`, added.errors);
            rows.push({ url: record.url, tags: record.tags });
            asked = performance.now();
          }
          phase('pages into records', `of which ${(waited / 1000).toFixed(2)} s waiting for the worker`);

          const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
          if (written.errors.length > 0) throw failure('writing dist/pagefind/', written.errors);
          phase('writing the index');
        } finally {
          await pagefind.close();
        }
        const bundle = join(out, 'pagefind');
        const ids = resultIds(bundle);
        const missing = rows.filter((row) => !ids.has(row.url)).map((row) => row.url);
        if (missing.length > 0) throw failure('matching records to Pagefind results', missing.map(missingFragment));
        const table = buildFacetTable(rows.map((row) => [ids.get(row.url)!, row.tags] as const));
        await writeFile(join(bundle, FACETS_FILE), gzipSync(JSON.stringify(table)));
        await Promise.all(UNUSED_UI.map((name) => rm(join(bundle, name), { force: true })));
        phase('facet table');
        const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(2);
        const detail = phases.map(([name, at, note], i) => `${name} ${seconds(phases[i - 1]?.[1] ?? started, at)} s${note && ` ${note}`}`).join(', ');
        logger.info(`indexed ${rows.length} documents in ${seconds(started, performance.now())} s (${detail})`);
      },
    },
  };
}
