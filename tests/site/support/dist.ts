/**
 * Reading the built site: every HTML page of dist/ parsed with parse5 (the WHATWG parsing
 * algorithm browsers use), plus the few DOM helpers the tests need.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

export type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

export const DIST = resolve('dist');
/** The base path the site was built for, as astro.config.mjs reads it: "/" or "/atlas/". */
export const BASE = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

export interface Page {
  /** Path of the file inside dist/, with forward slashes ("assessments/x/index.html"). */
  readonly file: string;
  /** The URL path that serves it, base path included ("/assessments/x/"). */
  readonly url: string;
  readonly html: string;
  readonly document: DefaultTreeAdapterTypes.Document;
}

export function assertBuilt(): void {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npx astro build` before the site tests.');
  }
}

/** Every file under dir, as paths relative to dir with forward slashes, sorted. */
export function listFiles(dir = DIST): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function loadPage(file: string): Page {
  const html = readFileSync(join(DIST, file), 'utf8');
  const url = BASE + file.replace(/(^|\/)index\.html$/, '$1');
  return { file, url, html, document: parse(html) };
}

export function allPages(): Page[] {
  return listFiles()
    .filter((file) => file.endsWith('.html'))
    .map(loadPage);
}

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function children(node: Node): Node[] {
  if (node.nodeName === 'template') return (node as DefaultTreeAdapterTypes.Template).content.childNodes;
  return 'childNodes' in node ? (node as ParentNode).childNodes : [];
}

/** Every element below `root`, in document order. */
export function elements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    for (const child of children(node)) {
      if (isElement(child)) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}

export function byTag(root: Node, tag: string): Element[] {
  return elements(root).filter((element) => element.tagName === tag);
}

export function first(root: Node, predicate: (element: Element) => boolean): Element | undefined {
  return elements(root).find(predicate);
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

export function hasClass(element: Element, name: string): boolean {
  return (attr(element, 'class') ?? '').split(/\s+/).includes(name);
}

/** Elements whose text runs into its neighbours' (no word break around them). */
const INLINE = new Set(
  'a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var'.split(' '),
);
/** Never shown as text. */
const SKIPPED = new Set(['script', 'style', 'template', 'head', 'title', 'noscript']);

/**
 * The text a reader sees (or hears) in `root`: scripts, styles and `hidden` or aria-hidden
 * elements left out, a space at every block boundary, white space collapsed.
 */
export function visibleText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === '#text') {
      parts.push((node as DefaultTreeAdapterTypes.TextNode).value);
      return;
    }
    if (!isElement(node)) {
      for (const child of children(node)) walk(child);
      return;
    }
    if (SKIPPED.has(node.tagName) || attr(node, 'hidden') !== undefined || attr(node, 'aria-hidden') === 'true') return;
    const block = !INLINE.has(node.tagName);
    if (block) parts.push(' ');
    for (const child of node.childNodes) walk(child);
    if (block) parts.push(' ');
  };
  walk(root);
  return normalizeSpace(parts.join(''));
}

export function normalizeSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The file in dist/ that a same-site URL path is served from, or undefined when there is none. */
export function fileForPath(pathname: string): string | undefined {
  if (!pathname.startsWith(BASE)) return undefined;
  const rest = decodeURIComponent(pathname.slice(BASE.length));
  const candidates = rest === '' || rest.endsWith('/') ? [`${rest}index.html`] : [rest, `${rest}/index.html`];
  return candidates.find((candidate) => existsSync(join(DIST, candidate)) && statSync(join(DIST, candidate)).isFile());
}
