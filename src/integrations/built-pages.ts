/**
 * One read of the built pages for every build-end check. The link check and the anchor lock
 * each need every page's ids, links or permalinks; rather than each reading and parsing the
 * whole output, the first of them to ask streams each HTML file once through the page scanner
 * (src/lib/pageScan.ts) and both get the result. Only what the checks need is kept: a page's
 * ids, and the anchors of document pages.
 *
 * The scan runs in a worker thread (built-pages-worker.ts). By build end Astro's own heap is
 * large (at 10,000 documents, GBs of compiled modules and content), and the scan's millions of
 * short-lived strings made every collection of that heap slow: 7 minutes in the build against
 * 69 s in a thread of its own, which only sends back the result.
 */
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinkChecker, type BrokenLink, type LinkCheckOptions } from '../lib/linkCheck.ts';
import { anchorsOfScan, type PageAnchors } from '../lib/pageAnchors.ts';
import { pageScanner, type PageScan } from '../lib/pageScan.ts';
import { documentSlugOfPath } from '../lib/urls.ts';

export interface BuiltPages {
  /** HTML pages read. */
  pages: number;
  broken: BrokenLink[];
  /** The anchors of each document page (assessments/<slug>/index.html), by slug. */
  anchors: Map<string, PageAnchors>;
}

/** Files read at once: enough to overlap reading with scanning. */
const IN_FLIGHT = 8;

const scans = new Map<string, Promise<BuiltPages>>();

/** Scans the output folder once per build, whoever asks first; later calls share the result. */
export function builtPages(dir: URL, options: LinkCheckOptions): Promise<BuiltPages> {
  let scan = scans.get(dir.href);
  if (!scan) {
    scan = scanInWorker(fileURLToPath(dir), options);
    scans.set(dir.href, scan);
  }
  return scan;
}

/** Forgets a build's scan (the next build in the same process reads its own output). */
export function forgetBuiltPages(dir: URL): void {
  scans.delete(dir.href);
}

function scanInWorker(root: string, options: LinkCheckOptions): Promise<BuiltPages> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./built-pages-worker.ts', import.meta.url), { workerData: { root, options } });
    worker.once('message', (result: BuiltPages) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the scan of the built pages stopped before it finished (exit code ${code})`)));
  });
}

/** Reads every page of the output folder once (in this thread; the build runs it in a worker). */
export async function scanOutput(root: string, options: LinkCheckOptions): Promise<BuiltPages> {
  const files = await listFiles(root);
  const html = files.filter((file) => file.endsWith('.html'));
  const checker = createLinkChecker(files, options);
  const anchors = new Map<string, PageAnchors>();
  const scanned = new Map<string, PageScan>();
  // Pages are checked in file order, whatever order their reads finish in, so messages are stable.
  let nextToCheck = 0;
  const flush = () => {
    while (nextToCheck < html.length && scanned.has(html[nextToCheck]!)) {
      const file = html[nextToCheck++]!;
      const scan = scanned.get(file)!;
      scanned.delete(file);
      checker.page(file, scan);
      const slug = documentSlugOfPath(file);
      if (slug !== undefined) anchors.set(slug, anchorsOfScan(scan));
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < html.length) {
      const file = html[next++]!;
      scanned.set(file, await scanFile(join(root, file)));
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, html.length) }, worker));
  return { pages: html.length, broken: checker.finish(), anchors };
}

async function scanFile(path: string): Promise<PageScan> {
  const scanner = pageScanner();
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 })) scanner.write(chunk as string);
  return scanner.end();
}

export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
