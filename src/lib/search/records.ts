/**
 * The search index's record of one document: the built page's main text as one small HTML page,
 * its sections under `<h2 id>` headings, so Pagefind returns each matching document once with
 * its matching sections as sub-results (`/assessments/<slug>/#<section>`). One record per
 * document, not per section: Pagefind's metadata file, which every first query fetches whole,
 * lists every record, and at 10,000 documents one per section made it 383 kB of the 300 kB a
 * first query may take (issue 10).
 *
 * Every record carries, for Pagefind:
 * - meta `title`: the document title. Pagefind searches meta and boosts title matches; section
 *   titles rank as headings (Pagefind's own heading weights).
 * - filters `kind`, `date` and `authors` (the short author line, src/lib/authors.ts; both when
 *   the document has them), which come back with each hit for display but never match query
 *   words (a byline would make every document match its authors' names), and the tags of each
 *   part (part-tags.ts), so a filtered search lists the sections the filter is about.
 * - weights by the section's role (SECTION_WEIGHTS): the summary section 2 (4x body text, as
 *   weights are squared), back matter 0.5 (a quarter).
 * The kind, date and the country, topic, likelihood and confidence tags of the document and
 * all its sections are returned beside the HTML (`tags`): the search page filters, counts and
 * sorts documents with them itself (facets.ts says why).
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
import type { FacetRow } from './facets.ts';
import { encodePartTags, LEDE, PART_FACETS, PART_TAGS_FILTER, type PartFacet, type TaggedPart } from './part-tags.ts';
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
  /** The href of the hit: the document page. */
  url: string;
  /** A small HTML page for Pagefind's addHTMLFile. */
  html: string;
  /** The document's kind and date, and the tags of the document and its sections together. */
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
 * dropped (an id would make Pagefind start a sub-result at an h3; classes and the rest are only
 * weight), excluded elements and comments left out.
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

function recordHtml(lang: string, document: SearchDocument, parts: readonly string[], body: string): string {
  const tag = (kind: 'meta' | 'filter', key: string, value: string) =>
    `<span data-pagefind-${kind}="${key}">${escapeHtml(value)}</span>`;
  // The date is a filter, not meta: it comes back with each hit for display and never matches a query word ("2024").
  const dated = document.published ? [tag('filter', 'date', document.published)] : [];
  const byline = document.authors ? [tag('filter', 'authors', document.authors)] : [];
  const tagged = parts.map((value) => tag('filter', PART_TAGS_FILTER, value));
  const data = [tag('meta', 'title', document.title), tag('filter', 'kind', document.kind), ...dated, ...byline, ...tagged].join('');
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(document.title)}</title></head>` +
    `<body><main data-pagefind-body><div data-pagefind-ignore>${data}</div>${body}</main></body></html>`
  );
}

const union = (lists: readonly (readonly string[])[]): string[] => [...new Set(lists.flat())].sort((a, b) => a.localeCompare(b, 'en'));

/** The parts' filter values (part-tags.ts), leaving out parts without tags: no filter is about them. */
function partValues(parts: ReadonlyMap<string, TaggedPart>): string[] {
  return [...parts].filter(([, part]) => PART_FACETS.some((facet) => part[facet].length > 0)).map(([id, part]) => encodePartTags(id, part));
}

/**
 * The record of one built document page. `file` names the page in errors; `pageHref` is the
 * page's href (base path included).
 */
export function documentRecord(pageHtml: string, document: SearchDocument, pageHref: string, file: string): SearchRecord {
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
  const parts = new Map<string, TaggedPart>([[LEDE, { title: '', country: document.countries, topic: document.topics, likelihood: [], confidence: [] }]]);
  const sectionsHtml: string[] = [];
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
    // What the section's key judgments state (estimative-terms.ts), by name, for the likelihood and confidence filters.
    const likelihood: string[] = [];
    const confidence: string[] = [];
    for (const element of allElements(child)) {
      const band = bandByKey(getAttr(element, JUDGMENT_LIKELIHOOD) ?? '');
      if (band) likelihood.push(bandName(band));
      const level = confidenceLevel(getAttr(element, JUDGMENT_CONFIDENCE) ?? '');
      if (level) confidence.push(level.label);
    }
    parts.set(id, { title: textOf(heading).trim(), country: section.countries, topic: section.topics, likelihood: union([likelihood]), confidence: union([confidence]) });
    const weight = sectionWeight(section.role);
    const weighted = weight === undefined ? '' : ` data-pagefind-weight="${weight}"`;
    // The heading's id is what makes Pagefind start a sub-result here, linked to the section.
    sectionsHtml.push(`<section${weighted}><h2 id="${escapeHtml(id)}">${plainHtml(heading.childNodes)}</h2>${plainHtml(child.childNodes.filter((node) => node !== heading))}</section>`);
  }

  // The document title matches through the title meta. It is also the record's text when the
  // page has no other, since Pagefind does not index a record that has no text at all.
  const text = plainHtml(lede) + sectionsHtml.join('');
  const html = hasWords(text) ? text : `<h1 data-pagefind-weight="10">${escapeHtml(textOf(h1).trim())}</h1>`;
  const all = (facet: PartFacet) => union([...parts.values()].map((part) => part[facet]));
  const likelihood = all('likelihood');
  const confidence = all('confidence');
  return {
    url: pageHref,
    html: recordHtml(lang, document, partValues(parts), html),
    tags: { kind: document.kind, published: document.published, countries: all('country'), topics: all('topic'), ...(likelihood.length + confidence.length > 0 ? { likelihood, confidence } : {}) },
  };
}
