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
import { allElements, decodeFragment, getAttr, parseHtml } from './html.ts';

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

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  form: ['action'],
};
/** Placeholder origin for relative links when no site is configured. */
const LOCAL = 'http://site.invalid';

interface Parsed {
  ids: Set<string>;
  links: { link: string; url: string }[];
}

function parsePage(html: string): Parsed {
  const ids = new Set<string>();
  const links: Parsed['links'] = [];
  for (const element of allElements(parseHtml(html))) {
    const id = getAttr(element, 'id');
    if (id !== undefined) ids.add(id);
    // The name attribute of <a> is an old way to make a fragment target; browsers still honour it.
    if (element.tagName === 'a' && getAttr(element, 'name')) ids.add(getAttr(element, 'name')!);
    for (const name of URL_ATTRIBUTES[element.tagName] ?? []) {
      const value = getAttr(element, name);
      if (value === undefined) continue;
      const urls = name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value.trim()];
      for (const url of urls) if (url !== '') links.push({ link: `<${element.tagName} ${name}="${value}">`, url });
    }
    if (element.tagName === 'meta' && getAttr(element, 'http-equiv')?.toLowerCase() === 'refresh') {
      const target = /;\s*url\s*=\s*['"]?([^'"]+)['"]?\s*$/i.exec(getAttr(element, 'content') ?? '')?.[1];
      if (target) links.push({ link: `<meta http-equiv="refresh" content="${getAttr(element, 'content')}">`, url: target.trim() });
    }
  }
  return { ids, links };
}

/** The URL path a file is served at, below the base: "assessments/x/index.html" -> "assessments/x/". */
function servedPath(file: string): string {
  return file.replace(/(^|\/)index\.html$/, '$1');
}

export function checkLinks(files: readonly BuiltFile[], options: LinkCheckOptions = {}): BrokenLink[] {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const origin = options.site ? new URL(options.site).origin : LOCAL;
  const known = new Set(files.map((f) => f.file));
  const htmlOf = new Map(files.map((f) => [f.file, f.html]));
  const parsed = new Map<string, Parsed>();
  const pageOf = (file: string) => {
    let page = parsed.get(file);
    if (!page) {
      const html = htmlOf.get(file);
      page = html === undefined ? { ids: new Set(), links: [] } : parsePage(html);
      parsed.set(file, page);
    }
    return page;
  };

  const broken: BrokenLink[] = [];
  for (const { file, html } of files) {
    if (html === undefined) continue;
    const pageUrl = new URL(base + servedPath(file), origin);
    for (const { link, url } of pageOf(file).links) {
      const fail = (reason: string) => broken.push({ page: file, link, reason });
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
        else if (id !== 'top' && !pageOf(targetFile).ids.has(id)) {
          fail(`no element has the id "${id}" on ${targetFile === file ? 'this page' : targetFile}`);
        }
      }
    }
  }
  return broken;
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
