/**
 * The search index's records for one document: the built page split into one small HTML page
 * per section, plus one for the document itself (its title and any lede before the first
 * section). Pagefind applies filters per record, so one record per section is what lets a
 * country filter keep only the sections tagged with that country, and lets each hit link to
 * `/assessments/<slug>/#<section>`.
 *
 * Every record carries, for Pagefind:
 * - meta `title`: the section title (or the document title). Pagefind searches meta and boosts
 *   title matches, so a title is not repeated in the text and excerpts show body text only.
 * - filters `kind`, `document` (the document's title), `date` and `authors` (the short author
 *   line, src/lib/authors.ts; both when the document has them), which come back with each hit
 *   for display but never match query words (a byline would make every section match its names). As meta, the document title would make every section
 *   match the words of its document's title.
 * - weights by the section's role (SECTION_WEIGHTS): the summary section 2 (4x body text, as
 *   weights are squared), back matter 0.5 (a quarter); section and document titles rank
 *   through Pagefind's boost of title meta matches (5x by default), and the document title,
 *   when it is a record's only text (no lede), weighs 10.
 * The country and topic tags and the date are returned beside the HTML (`tags`): the search
 * page filters, counts and sorts with them itself (facets.ts says why).
 *
 * What is indexed: only the main text of the page, i.e. `.doc-body` (the title from the h1).
 * The header, tag lists, contents, source footer and site chrome are outside it. Inside it,
 * anything that is not the document's own text (a "related" list, a copy-link button) must be
 * an `aside`, `nav`, `button` or `form`, or carry `data-pagefind-ignore`: such elements are
 * left out of the records here (EXCLUDED_TAGS), and Pagefind is told the same.
 */
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { allElements, getAttr, hasClassName } from '../html.ts';
import { isBackMatter, type Role } from '../roles.ts';
import { fragmentHref } from '../urls.ts';
import type { FacetRow } from './facets.ts';
import { JUDGMENT_CONFIDENCE, JUDGMENT_LIKELIHOOD } from '../estimative/markup.ts';
import { bandByKey, bandName, confidenceLevel } from '../estimative/vocabulary.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** Elements inside the document body that are never indexed. */
const EXCLUDED_TAGS = ['aside', 'nav', 'button', 'form', 'template', 'script', 'style', 'svg', 'noscript'];
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** The same exclusions for Pagefind, in case a record ever carries such an element. */
export const EXCLUDED_SELECTORS = [...EXCLUDED_TAGS, '[data-pagefind-ignore]'];

/** Pagefind's indexing options for these records (createIndex). */
export const INDEX_OPTIONS = { forceLanguage: 'en', excludeSelectors: EXCLUDED_SELECTORS };

/** A document as the index sees it: names, not ids, because filter values are shown as they are. */
export interface SearchDocument {
  slug: string;
  title: string;
  /** "Assessment" or "Article". */
  kind: string;
  /** Calendar day, YYYY-MM-DD: the date the document sorts by (`sortDate`: published, or its stated update). */
  published?: string | undefined;
  /** The short author line ("Maria Okafor and 2 others"), when the document names authors. */
  authors?: string | undefined;
  countries: string[];
  topics: string[];
  sections: SearchSection[];
}

export interface SearchSection {
  id: string;
  title: string;
  role?: Role | undefined;
  countries: string[];
  topics: string[];
}

export interface SearchRecord {
  /** The href of the hit: the page, or the page plus `#<section id>`. */
  url: string;
  /** A small HTML page for Pagefind's addHTMLFile. */
  html: string;
  /** The section's tags (the document's for the document record), kind and date. */
  tags: FacetRow;
}

export class RecordError extends Error {}

/**
 * Pagefind weights of a section's text by its role (Pagefind squares them; body text is 1). A
 * summary states the document's findings, so a match there ranks first; back matter (notes,
 * references, authors) names everything in passing, so it ranks below the body.
 */
export const SECTION_WEIGHTS = { summary: 2, backMatter: 0.5 } as const;

export function sectionWeight(role: Role | undefined): number | undefined {
  if (role === 'summary') return SECTION_WEIGHTS.summary;
  return isBackMatter(role) ? SECTION_WEIGHTS.backMatter : undefined;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function childElements(node: ParentNode): Element[] {
  return node.childNodes.filter(isElement);
}

function find(root: Node, predicate: (element: Element) => boolean): Element | undefined {
  if (!('childNodes' in root)) return undefined;
  for (const child of (root as ParentNode).childNodes) {
    if (!isElement(child)) continue;
    if (predicate(child)) return child;
    const below = find(child, predicate);
    if (below) return below;
  }
  return undefined;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return 'childNodes' in node ? (node as ParentNode).childNodes.map(textOf).join('') : '';
}

/**
 * The text of nodes as bare HTML: tags kept (they separate words and blocks), attributes
 * dropped (ids would make Pagefind split a record into sub-results of its own; classes and the
 * rest are only weight), excluded elements and comments left out.
 */
function plainHtml(nodes: readonly Node[]): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeName === '#text') {
      out += escapeHtml((node as DefaultTreeAdapterTypes.TextNode).value);
      return;
    }
    if (!isElement(node)) return;
    if (EXCLUDED_TAGS.includes(node.tagName) || getAttr(node, 'data-pagefind-ignore') !== undefined) return;
    out += `<${node.tagName}>`;
    if (VOID_TAGS.has(node.tagName)) return;
    for (const child of node.childNodes) walk(child);
    out += `</${node.tagName}>`;
  };
  for (const node of nodes) walk(node);
  return out;
}

function hasWords(html: string): boolean {
  // Letters or digits: Pagefind makes no fragment for text that is only punctuation ("* * *").
  return /[\p{L}\p{N}]/u.test(html.replace(/<[^>]*>/g, '').replace(/&[a-z]+;|&#\w+;/gi, ''));
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface RecordParts {
  lang: string;
  title: string;
  document: SearchDocument;
  weight?: number;
  body: string;
}

function recordHtml({ lang, title, document, weight, body }: RecordParts): string {
  const tag = (kind: 'meta' | 'filter', key: string, value: string) =>
    `<span data-pagefind-${kind}="${key}">${escapeHtml(value)}</span>`;
  // The date is a filter, not meta: it comes back with each hit for display and never matches a query word ("2024").
  const dated = document.published ? [tag('filter', 'date', document.published)] : [];
  const byline = document.authors ? [tag('filter', 'authors', document.authors)] : [];
  const data = [tag('meta', 'title', title), tag('filter', 'document', document.title), tag('filter', 'kind', document.kind), ...dated, ...byline].join('');
  const weighted = weight === undefined ? '' : ` data-pagefind-weight="${weight}"`;
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body><main data-pagefind-body${weighted}><div data-pagefind-ignore>${data}</div>${body}</main></body></html>`
  );
}

/**
 * The records of one built document page. `file` names the page in errors; `pageHref` is the
 * page's href (base path included).
 */
export function documentRecords(pageHtml: string, document: SearchDocument, pageHref: string, file: string): SearchRecord[] {
  // Only <main> is parsed: the head (styles, the CSP) and the site header are half of a page.
  const lang = /<html\b[^>]*\slang="([^"]+)"/i.exec(pageHtml)?.[1] ?? 'en';
  const start = pageHtml.search(/<main\b/i);
  const end = pageHtml.lastIndexOf('</main>');
  const root = parseFragment(start === -1 || end === -1 ? '' : pageHtml.slice(start, end + '</main>'.length));
  const main = find(root, (element) => element.tagName === 'main');
  const h1 = main && find(main, (element) => element.tagName === 'h1');
  const body = main && find(main, (element) => hasClassName(element, 'doc-body'));
  if (!main || !h1 || !body) {
    throw new RecordError(`${file}: no <h1> or no .doc-body inside <main>; the search index cannot find the document's text`);
  }

  const sectionsById = new Map(document.sections.map((section) => [section.id, section]));
  const lede: Node[] = [];
  const records: SearchRecord[] = [];
  let sawSection = false;

  for (const child of body.childNodes) {
    if (!(isElement(child) && child.tagName === 'section' && hasClassName(child, 'doc-section'))) {
      // Text before the first section is the lede; anything between sections stays with neither.
      if (!sawSection) lede.push(child);
      continue;
    }
    sawSection = true;
    const heading = childElements(child)[0];
    const id = heading?.tagName === 'h2' ? getAttr(heading, 'id') : undefined;
    if (!heading || !id) throw new RecordError(`${file}: a section does not start with an <h2 id="...">`);
    const section = sectionsById.get(id);
    if (!section) {
      throw new RecordError(`${file}: section "${id}" is not in the front matter's sections; rebuild after fixing sections[].id`);
    }
    const content = plainHtml(child.childNodes.filter((node) => node !== heading));
    // A section with no text of its own still needs words for Pagefind to match its title.
    const text = hasWords(content) ? content : plainHtml([heading]);
    // What the section's key judgments state (estimative-terms.ts), by name, for the likelihood and confidence filters.
    const stated = (name: string, label: (value: string) => string | undefined) => [
      ...new Set([...allElements(child)].flatMap((e) => { const value = getAttr(e, name); return value === undefined ? [] : (label(value) ?? []); })),
    ];
    const likelihood = stated(JUDGMENT_LIKELIHOOD, (key) => {
      const band = bandByKey(key);
      return band && bandName(band);
    });
    const confidence = stated(JUDGMENT_CONFIDENCE, (id) => confidenceLevel(id)?.label);
    records.push({
      url: fragmentHref(pageHref, id),
      html: recordHtml({ lang, title: section.title, document, weight: sectionWeight(section.role), body: text }),
      tags: { kind: document.kind, published: document.published, countries: section.countries, topics: section.topics, ...(likelihood.length + confidence.length > 0 ? { likelihood, confidence } : {}) },
    });
  }

  // The document title matches through the title meta. It is also the record's text when there
  // is no lede, since Pagefind does not find a record that has no text at all.
  const ledeHtml = plainHtml(lede);
  const title = `<h1 data-pagefind-weight="10">${escapeHtml(textOf(h1).trim())}</h1>`;
  records.unshift({
    url: pageHref,
    html: recordHtml({ lang, title: document.title, document, body: hasWords(ledeHtml) ? ledeHtml : title }),
    tags: { kind: document.kind, published: document.published, countries: document.countries, topics: document.topics },
  });
  return records;
}
