/**
 * Compiles generated MDX with Sätteri exactly as Astro's MDX integration does (the processor,
 * features and plugins of astro.config.mjs, plus Astro's own heading-id plugin), runs it with a
 * tiny JSX runtime and a DataTable that renders its data file, and checks the result against the
 * source text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { satteri, satteriHeadingIdsPlugin, type SatteriAstroData } from '@astrojs/markdown-satteri';
import yaml from 'js-yaml';
import { mdxToJs, mdxToMdast, type MdastNode } from 'satteri';
import astroConfig from '../../../astro.config.mjs';
import { NOTE_ID_PATTERN, NOTE_REFERENCE_PATTERN } from '../../../src/lib/idPatterns.ts';

type Processor = ReturnType<typeof satteri>;

/** The features Astro hands to Sätteri for MDX (see @astrojs/markdown-satteri's MDX processor). */
function astroMdxOptions() {
  const markdown = (astroConfig.markdown ?? {}) as { processor?: Processor; gfm?: boolean; smartypants?: boolean };
  const processor = markdown.processor ?? satteri();
  const { features, mdastPlugins, hastPlugins } = processor.options;
  const gfm = features.gfm;
  const smart = features.smartPunctuation;
  return {
    mdastPlugins,
    hastPlugins,
    features: {
      ...features,
      gfm: typeof gfm === 'object' ? gfm : (gfm ?? markdown.gfm ?? true) !== false,
      smartPunctuation: typeof smart === 'object' ? smart : (smart ?? markdown.smartypants ?? true) !== false,
    },
  };
}

export const ASTRO_MDX = astroMdxOptions();

interface Element {
  type: unknown;
  props: Record<string, unknown>;
}

const Fragment = Symbol('Fragment');
const jsx = (type: unknown, props: Record<string, unknown>): Element => ({ type, props });

/** A piece of rendered output: text, a block boundary, or an ordered-list marker. */
export type Piece = { text: string } | { block: true } | { marker: string };

const INLINE = new Set(['strong', 'em', 'b', 'i', 'span', 'a', 'code', 'small', 'abbr', 'sup']);

function walk(node: unknown, out: Piece[], olCounter?: { n: number }): void {
  if (node === null || node === undefined || typeof node === 'boolean') return;
  if (typeof node === 'string' || typeof node === 'number') {
    out.push({ text: String(node) });
    return;
  }
  if (Array.isArray(node)) {
    for (const child of node) walk(child, out, olCounter);
    return;
  }
  const { type, props } = node as Element;
  if (type === Fragment) return walk(props.children, out, olCounter);
  if (typeof type === 'function') return walk((type as (p: unknown) => unknown)(props), out, olCounter);
  const tag = String(type);
  const inline = INLINE.has(tag);
  if (!inline) out.push({ block: true });
  if (tag === 'ol') {
    const counter = { n: typeof props.start === 'number' ? props.start : 1 };
    for (const child of [props.children].flat()) walk(child, out, counter);
  } else if (tag === 'li' && olCounter) {
    out.push({ marker: `${olCounter.n}.` });
    olCounter.n += 1;
    walk(props.children, out);
  } else {
    walk(props.children, out, tag === 'ul' ? undefined : olCounter);
  }
  if (!inline) out.push({ block: true });
}

export interface TableFile {
  columns: { label: string }[];
  rows: string[][];
}

export interface Rendered {
  pieces: Piece[];
  /** Headings as Astro's plugin reports them (depth, slug, text). */
  headings: { depth: number; slug: string; text: string }[];
  /** Entry ids the DataTable elements asked for, in order. */
  tableIds: string[];
  frontMatter: Record<string, unknown>;
}

/** Compiles and renders one MDX file; `loadTable` returns a table's data by entry id. */
export function renderMdx(mdx: string, loadTable: (id: string) => TableFile): Rendered {
  const astro: SatteriAstroData = { frontmatter: {}, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() };
  const result = mdxToJs(mdx, {
    ...ASTRO_MDX,
    hastPlugins: [...ASTRO_MDX.hastPlugins, satteriHeadingIdsPlugin()],
    outputFormat: 'function-body',
    elementAttributeNameCase: 'html',
    data: { astro },
  }) as { code: string; data: { astro: { headings: Rendered['headings'] } }; frontmatter: { value: string } | null };
  const run = new Function(result.code) as (runtime: unknown) => { default: (props: unknown) => unknown };
  const tableIds: string[] = [];
  const DataTable = (props: { id: string }) => {
    tableIds.push(props.id);
    const table = loadTable(props.id);
    return jsx('table', {
      children: [
        jsx('tr', { children: table.columns.map((c) => jsx('th', { children: c.label })) }),
        ...table.rows.map((row) => jsx('tr', { children: row.map((cell) => jsx('td', { children: cell })) })),
      ],
    });
  };
  // The site's <Figure> adds a sentence that the image is not in the source; that sentence is
  // the component's, not the source's, so here a figure is only its caption and credits.
  const Figure = (props: { children?: unknown }) => jsx('figure', { children: props.children });
  const { default: Content } = run({ Fragment, jsx, jsxs: jsx });
  const pieces: Piece[] = [];
  walk(Content({ components: { DataTable, Figure } }), pieces);
  const frontMatter = (yaml.load(result.frontmatter?.value ?? '') ?? {}) as Record<string, unknown>;
  return { pieces, headings: result.data.astro.headings, tableIds, frontMatter };
}

/** Table files of an output root's content/tables/. */
export function tableLoader(contentDir: string) {
  return (id: string): TableFile => JSON.parse(readFileSync(join(contentDir, 'tables', `${id}.json`), 'utf8')) as TableFile;
}

// ---------------------------------------------------------------------------------------------
// What the parser may produce from generated MDX: anything else came from source text.

/**
 * Node types found in the MDX tree that the content contract does not allow, as
 * "type at line:column" strings. Empty when the page holds only paragraphs, `##` headings,
 * lists, label and run-in `strong`s, text, `<DataTable id="..." />`, `<Figure>` holding paragraphs
 * and endnote links of the one form notes.ts writes.
 */
export function forbiddenNodes(mdx: string): string[] {
  const tree = mdxToMdast(mdx, { features: ASTRO_MDX.features });
  const problems: string[] = [];
  const where = (node: MdastNode) => `${node.type} at ${node.position?.start.line ?? '?'}:${node.position?.start.column ?? '?'}`;
  const visit = (node: MdastNode, parent: MdastNode | undefined, index: number) => {
    switch (node.type) {
      case 'root':
      case 'paragraph':
      case 'text':
      case 'list':
      case 'listItem':
      case 'yaml':
        break;
      case 'heading':
        if (node.depth !== 2) problems.push(`${where(node)} (depth ${node.depth})`);
        break;
      case 'strong': {
        // Only a bullet's label or a run-in heading: the first child of a paragraph.
        const labelled = parent?.type === 'paragraph' && index === 0;
        if (!labelled) problems.push(`${where(node)} (not a bullet label)`);
        break;
      }
      case 'mdxJsxTextElement': {
        // Endnote links: a marker <sup id="note-ref-N"><a href="#note-N"> and a note's <a id="note-N" href="#note-ref-N">.
        const attrs = Object.fromEntries(node.attributes.map((a) => [a.type === 'mdxJsxAttribute' ? a.name : '', a.value]));
        const literal = node.attributes.every((a) => a.type === 'mdxJsxAttribute' && typeof a.value === 'string');
        const names = Object.keys(attrs).sort().join(' ');
        const marker = node.name === 'sup' && names === 'id' && NOTE_REFERENCE_PATTERN.test(String(attrs.id));
        const toNote = node.name === 'a' && parent?.type === 'mdxJsxTextElement' && names === 'aria-label href' && NOTE_ID_PATTERN.test(String(attrs.href).slice(1));
        const back = node.name === 'a' && names === 'aria-label href id' && NOTE_ID_PATTERN.test(String(attrs.id)) && NOTE_REFERENCE_PATTERN.test(String(attrs.href).slice(1));
        const hrefOk = attrs.href === undefined || String(attrs.href).startsWith('#');
        if (!(literal && hrefOk && (marker || toNote || back))) problems.push(`${where(node)} <${node.name ?? ''}>`);
        break;
      }
      case 'mdxJsxFlowElement': {
        const attrs = node.attributes;
        if (node.name === 'Figure') {
          if (attrs.length > 0 || node.children.some((child) => child.type !== 'paragraph')) problems.push(`${where(node)} <Figure> with attributes or non-paragraph children`);
          break;
        }
        const ok =
          node.name === 'DataTable' &&
          node.children.length === 0 &&
          attrs.length === 1 &&
          attrs[0]!.type === 'mdxJsxAttribute' &&
          attrs[0]!.name === 'id' &&
          typeof attrs[0]!.value === 'string';
        if (!ok) problems.push(`${where(node)} <${node.name ?? ''}>`);
        break;
      }
      default:
        problems.push(where(node));
    }
    if ('children' in node && Array.isArray(node.children)) {
      (node.children as MdastNode[]).forEach((child, i) => visit(child, node, i));
    }
  };
  visit(tree, undefined, 0);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Words: the page must say exactly what the (fixed) source says, in order.

const SEPARATOR_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$/;
const BULLET = /^\s*[-*•‣◦–]\s+(?=.*[\p{L}\p{N}])/u;

function tokens(text: string): string[] {
  return text.replace(/\|/g, ' ').split(/\s+/).filter((t) => t !== '');
}

/**
 * The words a reader should see for a source: the title line and the separator rows of tables
 * (a separator right under a row with "|") left out.
 */
export function sourceWords(text: string, title: string | undefined): string[] {
  const lines = text.split('\n');
  const titleIndex = title === undefined ? -1 : lines.findIndex((l) => l.trim() === title);
  const isSeparator = (i: number) => SEPARATOR_ROW.test(lines[i]!) && i > 0 && lines[i - 1]!.includes('|') && !SEPARATOR_ROW.test(lines[i - 1]!);
  return lines
    .filter((_, i) => i !== titleIndex && !isSeparator(i))
    .flatMap((line) => tokens(line.replace(BULLET, '')));
}

/**
 * Compares the rendered pieces with the expected words; an ordered-list marker may stand for a
 * number the author wrote ("1.") or for none. Returns a description of the first difference.
 */
export function compareWords(pieces: Piece[], expected: string[]): string | undefined {
  const rendered: ({ word: string } | { marker: string })[] = [];
  let buffer = '';
  const flush = () => {
    for (const word of tokens(buffer)) rendered.push({ word });
    buffer = '';
  };
  for (const piece of pieces) {
    if ('text' in piece) buffer += piece.text;
    else if ('block' in piece) {
      buffer += '\n';
    } else {
      flush();
      rendered.push({ marker: piece.marker });
    }
  }
  flush();
  let e = 0;
  const context = (i: number) => expected.slice(Math.max(0, i - 5), i + 5).join(' ');
  for (const item of rendered) {
    if ('marker' in item) {
      if (expected[e] === item.marker) e += 1;
      continue;
    }
    if (expected[e] !== item.word) {
      return `rendered "${item.word}" where the source has "${expected[e] ?? '(end)'}" near: ${context(e)}`;
    }
    e += 1;
  }
  if (e < expected.length) return `the page stops before the source's "${expected[e]}" near: ${context(e)}`;
  return undefined;
}
