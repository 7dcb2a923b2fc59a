/**
 * The printable content of a built document page, read from its HTML: what the reader sees,
 * in order. Reading the finished page (rather than the MDX) keeps the PDF faithful to the page
 * whatever components and plugins produced it: headings, paragraphs, lists, tables, notes.
 * Controls (permalink buttons, table downloads, related links, navigation) are left out.
 */
import type { DefaultTreeAdapterTypes } from 'parse5';
import { getAttr, hasClassName, parseHtml } from '../html.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

export type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'list'; ordered: boolean; start: number; items: string[] }
  | { type: 'table'; caption: string; head: string[]; rows: string[][] }
  | { type: 'quote'; text: string };

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
  // What a section carries that is not the document's own text (related links) is marked so for search.
  if (getAttr(el, 'data-pagefind-ignore') !== undefined) return true;
  const cls = classes(el);
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

function blocksOf(children: Node[], out: Block[]): Block[] {
  for (const node of children) {
    if (!isElement(node) || skipped(node)) continue;
    switch (node.tagName) {
      case 'p': {
        const value = clean(text(node));
        if (value) out.push({ type: 'paragraph', text: value });
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
          items: node.childNodes.filter((li): li is Element => isElement(li) && li.tagName === 'li').map((li) => clean(text(li))),
        });
        break;
      case 'blockquote':
        out.push({ type: 'quote', text: clean(text(node)) });
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
  return { title: clean(text(h1)), lang: (root && getAttr(root, 'lang')) || 'en', url: clean(text(url)), facts, byline: bylineElement && clean(text(bylineElement)), authors, date: date && !Number.isNaN(date.getTime()) ? date : undefined, lede, sections };
}
