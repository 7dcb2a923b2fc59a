/**
 * The search index's record pass (src/integrations/pagefind.ts): each built document page read
 * and made into its record (src/lib/search/records.ts), with the record's facet tags.
 *
 * It runs in a worker thread (search-records-worker.ts), for the reason the page scan does
 * (built-pages.ts): by build end Astro's heap is GBs at 10,000 documents, and parsing every page
 * makes millions of short-lived objects whose collections, in that heap, took the pass from 11 s
 * at 1,000 documents to 174 s at 10,000. The worker sends back only the records, page by page in
 * slug order, and runs at most WINDOW pages ahead of the thread feeding Pagefind, so the records
 * waiting in Astro's heap stay few whatever the size of the archive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { documentRecord, type SearchDocument, type SearchRecord } from '../lib/search/records.ts';

export interface PageRecord {
  /** The built page the record comes from, for messages. */
  file: string;
  record: SearchRecord;
}

export interface RecordsJob {
  /** The output folder (dist/). */
  out: string;
  /** The project's content/ folder: the front matter and vocabularies (search-documents.ts). */
  contentDir: string;
  /** Document slugs, in the order Pagefind receives them. */
  slugs: string[];
}

/** Pages sent ahead of the one Pagefind is given: enough that Pagefind never waits, few enough to bound memory. */
export const WINDOW = 16;

/** The record of one document page (in whichever thread calls it; the build calls it in the worker). */
export function pageRecord(out: string, slug: string, readDocument: (slug: string) => SearchDocument): PageRecord {
  const file = join(out, 'assessments', slug, 'index.html');
  const pageHtml = readFileSync(file, 'utf8');
  // Hrefs without the base path: Pagefind prefixes the path it is served from.
  return { file, record: documentRecord(pageHtml, readDocument(slug), `/assessments/${slug}/`, `${file} (built from content/assessments/${slug}.mdx)`) };
}

/** Messages of the worker: a page's record, in slug order, then `done`. */
export type WorkerMessage = { page: PageRecord } | { done: true };

/**
 * The record of every page of the job, in slug order, computed in a worker thread. Each page
 * taken lets the worker compute one more. An error of the worker (a page without the expected
 * markup, bad front matter) is thrown here with its message, after the pages before it.
 */
export async function* recordsInWorker(job: RecordsJob): AsyncGenerator<PageRecord> {
  const worker = new Worker(new URL('./search-records-worker.ts', import.meta.url), { workerData: job });
  const queue: PageRecord[] = [];
  let done = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: WorkerMessage) => {
    if ('done' in message) done = true;
    else queue.push(message.page);
    notify();
  });
  worker.once('error', (error) => {
    failure ??= error;
    notify();
  });
  worker.once('exit', (code) => {
    if (!done) failure ??= new Error(`Search index: the record pass stopped before it finished (exit code ${code})`);
    notify();
  });
  try {
    for (;;) {
      const page = queue.shift();
      if (page !== undefined) {
        worker.postMessage('next');
        yield page;
        continue;
      }
      if (failure !== undefined) throw failure;
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    // Also when the caller stops early (Pagefind refused a record): the worker would wait forever.
    await worker.terminate();
  }
}
