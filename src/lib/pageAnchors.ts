/**
 * The anchors a built document page publishes, read from its HTML: the target of every
 * permalink ("#" link of Permalink.astro) and every alias target that section-anchors placed.
 * The anchor lock compares these with content/anchors.lock.json.
 */
import { scanPage, type PageScan } from './pageScan.ts';

export interface PageAnchors {
  /** Ids with a permalink, in page order. */
  ids: string[];
  /** Old id -> the id it now leads to. */
  aliases: Record<string, string>;
}

/** The anchors of a page already scanned (the build scans each page once: src/lib/pageScan.ts). */
export function anchorsOfScan(scan: PageScan): PageAnchors {
  return { ids: scan.permalinks, aliases: scan.aliases };
}

export function anchorsInHtml(html: string): PageAnchors {
  return anchorsOfScan(scanPage(html));
}
