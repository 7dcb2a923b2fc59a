/**
 * The printable content of a built document page, read from its HTML: what the reader sees,
 * in order. Reading the finished page (rather than the MDX) keeps the PDF faithful to the page
 * whatever components and plugins produced it: headings, paragraphs, lists, tables, notes.
 * Controls (permalink buttons, table downloads, related links, navigation) are left out.
 */
import type { DefaultTreeAdapterTypes } from 'parse5';
import { getAttr, hasClassName, parseHtml } from '../html.ts';
import { NOTE_ID_PATTERN } from '../ids.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/**
 * Running text as the page shows it. A note reference (the page's `<sup><a href="#note-3">[3]</a></sup>`)
 * is a run of its own, so the PDF can set it as a superscript and link it to its note.
 */
export type Run =
  | { type: 'text'; text: string }
  | {
      type: 'noteref';
      /** The marker as the page shows it: "[3]", or "³" when the source wrote superscript digits. */
      text: string;
      /** The fragment id of the note ("note-3"), only when that note is in this document. */
      note?: string | undefined;
    };

export type Block =
  | { type: 'paragraph'; runs: Run[] }
  /** An entry of the notes section: the page's `<p><a id="note-3" href="#note-ref-3">[3]</a> text</p>`. */
  | { type: 'note'; id: string; label: string; runs: Run[] }
  | { type: 'heading'; text: string }
  | { type: 'list'; ordered: boolean; start: number; items: Run[][] }
  | { type: 'table'; caption: string; head: string[]; rows: string[][] }
  | { type: 'quote'; runs: Run[] };

/** The text of runs as one string, as a reader copying it would get it. */
export const runsText = (runs: readonly Run[]): string => runs.map((run) => run.text).join('');

export interface PdfSection {
  id: string;
  title: string;
  blocks: Block[];
}

export interface PdfDocument {
  title: string;
  lang: string;
  /** The page's URL as its header prints it (absolute when the site's address is known). */
  url: string;
  /** The page header's facts as shown ("Assessment", "Published 1 June 2024", "Reference ..."). */
  facts: string[];
  /** The header's byline as shown ("By Jane Doe (Senior Fellow) and John Roe"), and the names in it. */
  byline?: string | undefined;
  authors: string[];
  /** The first date the header shows (its published date), for the PDF's metadata. */
  date?: Date | undefined;
  /** Text before the first section (an article's lede). */
  lede: Block[];
  sections: PdfSection[];
}

const isElement = (node: Node): node is Element => 'tagName' in node;
const classes = (node: Element) => (getAttr(node, 'class') ?? '').split(/\s+/);

function find(node: Node, test: (el: Element) => boolean): Element | undefined {
  if (isElement(node) && test(node)) return node;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) {
    const hit = find(child, test);
    if (hit) return hit;
  }
  return undefined;
}

function findAll(node: Node, test: (el: Element) => boolean, out: Element[] = []): Element[] {
  if (isElement(node) && test(node)) out.push(node);
  else for (const child of 'childNodes' in node ? node.childNodes : []) findAll(child, test, out);
  return out;
}

/** Parts of a page that are controls, not text of the document. */
function skipped(el: Element): boolean {
  if (['button', 'nav', 'aside', 'script', 'style', 'template', 'svg'].includes(el.tagName)) return true;
  if (getAttr(el, 'hidden') !== undefined || getAttr(el, 'aria-hidden') === 'true') return true;
  const cls = classes(el);
  // What a section carries that is not the document's own text (related links) is marked so for
  // search; so is a table (src/components/DataTable.astro), which search indexes as data and a PDF prints.
  if (getAttr(el, 'data-pagefind-ignore') !== undefined && !cls.includes('data-table')) return true;
  return cls.includes('table-downloads') || cls.includes('visually-hidden') || cls.includes('sr-only');
}

function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (isElement(node) && skipped(node)) return '';
  if (isElement(node) && node.tagName === 'br') return '\n';
  const children = node.nodeName === 'template' ? [] : 'childNodes' in node ? node.childNodes : [];
  return children.map(text).join('');
}

const clean = (value: string) => value.replace(/[ \t\r\n\f]+/g, ' ').trim();

/** The note a link points at within the page ("#note-3" gives "note-3"), if it is a note link. */
function noteTarget(el: Element): string | undefined {
  const href = getAttr(el, 'href');
  const id = href?.startsWith('#') ? href.slice(1) : undefined;
  return id !== undefined && NOTE_ID_PATTERN.test(id) ? id : undefined;
}

/** A `sup` that links to a note: the marker the ingester writes (src/ingest/notes.ts). */
function noteReference(el: Element): Run | undefined {
  if (el.tagName !== 'sup') return undefined;
  const link = find(el, (child) => child.tagName === 'a' && noteTarget(child) !== undefined);
  return link && { type: 'noteref', text: clean(text(el)), note: noteTarget(link) };
}

function rawRuns(node: Node, out: Run[]): Run[] {
  if (node.nodeName === '#text' || (isElement(node) && node.tagName === 'br')) out.push({ type: 'text', text: text(node) });
  else if (isElement(node) && skipped(node)) return out;
  else {
    const reference = isElement(node) ? noteReference(node) : undefined;
    if (reference) out.push(reference);
    else if (node.nodeName !== 'template') for (const child of 'childNodes' in node ? node.childNodes : []) rawRuns(child, out);
  }
  return out;
}

/** The runs of elements' content, white space collapsed as the page shows it. */
function runsOf(nodes: Node[]): Run[] {
  const merged: Run[] = [];
  for (const run of nodes.flatMap((node) => rawRuns(node, []))) {
    const last = merged.at(-1);
    if (run.type === 'text' && last?.type === 'text') last.text += run.text;
    else merged.push({ ...run });
  }
  const runs = merged.map((run) => (run.type === 'text' ? { ...run, text: run.text.replace(/[ \t\r\n\f]+/g, ' ') } : run));
  const first = runs[0];
  if (first?.type === 'text') first.text = first.text.trimStart();
  const last = runs.at(-1);
  if (last?.type === 'text') last.text = last.text.trimEnd();
  return runs.filter((run) => run.text !== '');
}

/** A paragraph of the notes section that starts with a note's anchor, as the ingester writes it. */
function noteEntry(p: Element): Block | undefined {
  const children = p.childNodes.filter((node) => !(node.nodeName === '#text' && clean(text(node)) === ''));
  const anchor = children[0];
  if (!anchor || !isElement(anchor) || anchor.tagName !== 'a') return undefined;
  const id = getAttr(anchor, 'id');
  if (id === undefined || !NOTE_ID_PATTERN.test(id)) return undefined;
  return { type: 'note', id, label: clean(text(anchor)), runs: runsOf(p.childNodes.slice(p.childNodes.indexOf(anchor) + 1)) };
}

function blocksOf(children: Node[], out: Block[]): Block[] {
  for (const node of children) {
    if (!isElement(node) || skipped(node)) continue;
    switch (node.tagName) {
      case 'p': {
        const note = noteEntry(node);
        if (note) {
          out.push(note);
          break;
        }
        const runs = runsOf(node.childNodes);
        if (runs.length > 0) out.push({ type: 'paragraph', runs });
        break;
      }
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        out.push({ type: 'heading', text: clean(text(node)) });
        break;
      case 'ul':
      case 'ol':
        out.push({
          type: 'list',
          ordered: node.tagName === 'ol',
          start: Number(getAttr(node, 'start') ?? 1),
          items: node.childNodes.filter((li): li is Element => isElement(li) && li.tagName === 'li').map((li) => runsOf(li.childNodes)),
        });
        break;
      case 'blockquote':
        out.push({ type: 'quote', runs: runsOf(node.childNodes) });
        break;
      case 'table': {
        const caption = find(node, (el) => el.tagName === 'caption');
        const rows = findAll(node, (el) => el.tagName === 'tr').map((tr) =>
          tr.childNodes.filter((cell): cell is Element => isElement(cell) && (cell.tagName === 'th' || cell.tagName === 'td')).map((cell) => clean(text(cell))),
        );
        const headRow = find(node, (el) => el.tagName === 'thead') ? rows.shift() : undefined;
        out.push({ type: 'table', caption: caption ? clean(text(caption)) : '', head: headRow ?? [], rows });
        break;
      }
      case 'h2':
        break;
      default:
        // Wrappers (figure, div, section of notes): their blocks count, in order.
        blocksOf(node.childNodes, out);
    }
  }
  return out;
}

export function pdfDocumentFromHtml(html: string, file: string): PdfDocument {
  const document = parseHtml(html);
  const root = find(document, (el) => el.tagName === 'html');
  const article = find(document, (el) => el.tagName === 'article' && hasClassName(el, 'doc'));
  const h1 = article && find(article, (el) => el.tagName === 'h1');
  const body = article && find(article, (el) => hasClassName(el, 'doc-body'));
  // The URL the page prints in its header: absolute with SITE_URL, the page's path without.
  const url = article && find(article, (el) => hasClassName(el, 'print-url'));
  if (!article || !h1 || !body || !url) throw new Error(`${file}: not a document page (it needs article.doc with an h1, .doc-body and .print-url)`);
  const meta = find(article, (el) => el.tagName === 'p' && hasClassName(el, 'meta'));
  const facts = meta ? meta.childNodes.map((node) => clean(text(node))).filter(Boolean) : [];
  const time = meta && find(meta, (el) => el.tagName === 'time' && getAttr(el, 'datetime') !== undefined);
  const date = time ? new Date(getAttr(time, 'datetime')!) : undefined;
  const bylineElement = find(article, (el) => el.tagName === 'p' && hasClassName(el, 'authors'));
  const authors = bylineElement ? findAll(bylineElement, (el) => hasClassName(el, 'author')).map((el) => clean(text(el))) : [];
  const lede: Block[] = [];
  const sections: PdfSection[] = [];
  for (const node of body.childNodes) {
    if (isElement(node) && node.tagName === 'section' && hasClassName(node, 'doc-section')) {
      const h2 = find(node, (el) => el.tagName === 'h2');
      if (!h2) continue;
      sections.push({ id: getAttr(h2, 'id') ?? '', title: clean(text(h2)), blocks: blocksOf(node.childNodes, []) });
    } else {
      blocksOf([node], lede);
    }
  }
  // A marker links only to a note this PDF holds: a link to nothing would be a dead click.
  const notes = new Set([...lede, ...sections.flatMap((section) => section.blocks)].flatMap((block) => (block.type === 'note' ? [block.id] : [])));
  const linked = (runs: Run[]) => runs.map((run) => (run.type === 'noteref' && run.note !== undefined && !notes.has(run.note) ? { type: 'noteref' as const, text: run.text } : run));
  const resolve = (block: Block): Block =>
    block.type === 'paragraph' || block.type === 'quote' || block.type === 'note' ? { ...block, runs: linked(block.runs) } : block.type === 'list' ? { ...block, items: block.items.map(linked) } : block;
  for (const section of sections) section.blocks = section.blocks.map(resolve);
  return { title: clean(text(h1)), lang: (root && getAttr(root, 'lang')) || 'en', url: clean(text(url)), facts, byline: bylineElement && clean(text(bylineElement)), authors, date: date && !Number.isNaN(date.getTime()) ? date : undefined, lede: lede.map(resolve), sections };
}
