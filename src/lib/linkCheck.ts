/**
 * The build's link checker, pure: given the built files, finds every link of this site that
 * leads nowhere. Astro has no such check, and links break quietly: a renamed heading, a link an
 * editor typed into MDX, a page that moved.
 *
 * Checked: `href` of a, area and link; `src` of script, img, source, iframe, audio, video,
 * track; `srcset`; `action` of form; the URL of a meta refresh. A URL is this site's when it is
 * relative or its origin is the configured site's; others are left alone (mailto:, data:, other
 * hosts). For each, the path must lie under the base path and be served by a file of the build
 * (with `trailingSlash: 'always'`, a folder must be linked with its final "/"), and a fragment
 * must name an element id of the target page ("#" and "#top" always work).
 */
import { decodeFragment } from './html.ts';
import { scanPage, type PageScan } from './pageScan.ts';

export interface BuiltFile {
  /** Path below the output folder with forward slashes: "index.html", "assessments/x/index.html". */
  file: string;
  /** The text of an HTML file; undefined for every other file. */
  html?: string | undefined;
}

export interface LinkCheckOptions {
  /** The configured base path: "/" or "/atlas/" (a missing final slash is added). */
  base?: string | undefined;
  /** The configured site URL; its origin makes absolute links count as internal. */
  site?: string | undefined;
}

export interface BrokenLink {
  /** The file the link is in. */
  page: string;
  /** How the link is written ("<a href=...>"). */
  link: string;
  reason: string;
}

/** Placeholder origin for relative links when no site is configured. */
const LOCAL = 'http://site.invalid';

/** The URL path a file is served at, below the base: "assessments/x/index.html" -> "assessments/x/". */
function servedPath(file: string): string {
  return file.replace(/(^|\/)index\.html$/, '$1');
}

export interface LinkChecker {
  /** Checks the links of one page (its scan: src/lib/pageScan.ts); pages come in any order. */
  page(file: string, scan: PageScan): void;
  /** Every broken link, in the order the pages and their links came. */
  finish(): BrokenLink[];
}

/**
 * A checker that takes pages one at a time, so a build's pages can be streamed: of each page it
 * keeps only its ids; a fragment link to a page not seen yet waits for that page.
 */
export function createLinkChecker(files: Iterable<string>, options: LinkCheckOptions = {}): LinkChecker {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const origin = options.site ? new URL(options.site).origin : LOCAL;
  const known = new Set(files);
  const idsOf = new Map<string, ReadonlySet<string>>();
  const broken: { at: number; item: BrokenLink }[] = [];
  const waiting: { at: number; page: string; link: string; targetFile: string; id: string }[] = [];
  let order = 0;
  const missingId = (id: string, targetFile: string, page: string) =>
    `no element has the id "${id}" on ${targetFile === page ? 'this page' : targetFile}`;

  return {
    page(file, scan) {
      idsOf.set(file, scan.ids);
      const pageUrl = new URL(base + servedPath(file), origin);
      for (const { link, url } of scan.links) {
        const at = order++;
        const fail = (reason: string) => broken.push({ at, item: { page: file, link, reason } });
        let target: URL;
        try {
          target = new URL(url, pageUrl);
        } catch {
          fail('not a valid URL');
          continue;
        }
        if (target.origin !== origin) continue; // another host, mailto:, data: ...

        let targetFile = file;
        if (target.pathname !== pageUrl.pathname) {
          let path: string;
          try {
            path = decodeURIComponent(target.pathname);
          } catch {
            fail('its path is not valid percent-encoding');
            continue;
          }
          if (!path.startsWith(base)) {
            fail(`${path} is outside the site's base path ${base}; build the link with the helpers in src/lib/urls.ts`);
            continue;
          }
          const rest = path.slice(base.length);
          const candidate = rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
          if (!known.has(candidate)) {
            fail(known.has(`${rest}/index.html`) ? `${path} is a folder: end the link with "/" (${path}/)` : `no page or file is built at ${path}`);
            continue;
          }
          targetFile = candidate;
        }

        if (target.hash.length > 1 && targetFile.endsWith('.html')) {
          const id = decodeFragment(target.hash.slice(1));
          if (id === undefined) fail('its fragment is not valid percent-encoding');
          else if (id !== 'top') {
            const ids = idsOf.get(targetFile);
            if (ids === undefined) waiting.push({ at, page: file, link, targetFile, id });
            else if (!ids.has(id)) fail(missingId(id, targetFile, file));
          }
        }
      }
    },
    finish() {
      for (const { at, page, link, targetFile, id } of waiting) {
        // A target never given to page() has no ids (an HTML file that was not scanned).
        if (!idsOf.get(targetFile)?.has(id)) broken.push({ at, item: { page, link, reason: missingId(id, targetFile, page) } });
      }
      waiting.length = 0;
      return broken.sort((a, b) => a.at - b.at).map(({ item }) => item);
    },
  };
}

/** Every broken link of a set of built files (all in memory: for tests and small sites). */
export function checkLinks(files: readonly BuiltFile[], options: LinkCheckOptions = {}): BrokenLink[] {
  const checker = createLinkChecker(
    files.map((f) => f.file),
    options,
  );
  for (const { file, html } of files) if (html !== undefined) checker.page(file, scanPage(html));
  return checker.finish();
}

/** One line per broken link, grouped under the page, with what to do. */
export function formatBrokenLinks(broken: readonly BrokenLink[], outDir = 'dist'): string {
  const byPage = new Map<string, BrokenLink[]>();
  for (const item of broken) byPage.set(item.page, [...(byPage.get(item.page) ?? []), item]);
  const lines = [`${broken.length} broken internal ${broken.length === 1 ? 'link' : 'links'}:`];
  for (const [page, items] of byPage) {
    lines.push(`  ${outDir}/${page}`);
    for (const item of items) lines.push(`    ${item.link}: ${item.reason}`);
  }
  lines.push(
    'Fix each link where it is written: in content/assessments/<slug>.mdx for a link in the text of an assessment, in src/ for the ' +
      "site's own. A renamed section keeps its old links working with `aliases: { old-id: new-id }` in the assessment's front matter.",
  );
  return lines.join('\n');
}
