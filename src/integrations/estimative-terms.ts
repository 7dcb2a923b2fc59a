import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { HastNode, HastPluginDefinition, HastVisitorContext } from 'satteri';
import { estimativeSchema, resolveEstimative } from '../lib/estimative/frontmatter.ts';
import {
  BADGE_CLASS,
  bandDescriptionId,
  bandRowId,
  confidenceDescriptionId,
  confidenceRowId,
  JUDGMENT_CONFIDENCE,
  JUDGMENT_LIKELIHOOD,
  TERM_CLASS,
  type EstimativeUse,
} from '../lib/estimative/markup.ts';
import { documentStandard, recognize, type Resolved } from '../lib/estimative/recognize.ts';
import { BANDS, CONFIDENCE_LEVELS, bandByKey, confidenceLevel, rangeText, termDescription } from '../lib/estimative/vocabulary.ts';
import { numberedId } from '../lib/anchors.ts';

/**
 * Marks estimative language on a document page (after section-anchors, which gives key
 * judgments their `kj-N` ids):
 *
 * - each recognised likelihood term or confidence statement in a paragraph or list item becomes
 *   `<a class="est" href="#est-<band>" data-tip="likely: 55–80% (ICD 203)"
 *   aria-describedby="est-<band>-range">likely</a>` around exactly the author's characters: the
 *   text of the page is unchanged, the tooltip is CSS generated content, the description comes
 *   from the legend row it links to (EstimativeLegend.astro);
 * - the first term of each band in a paragraph carries `data-print-range`, after which print shows the range;
 * - each key judgment carries what it states (front matter `estimative.judgments`, else derived
 *   from its text) as attributes and a badge, which search ignores;
 * - the bands and levels used go to the page as `remarkPluginFrontmatter.estimativeUse` for the legend.
 *
 * Terms inside links, code, headings and components are left alone. A term split by inline markup
 * ("<em>likely</em> to") is matched on the block's whole text and wrapped when it lies in one text node.
 */

interface Frontmatter {
  slug?: unknown;
  estimative?: unknown;
  estimativeUse?: EstimativeUse;
}

const SKIP = new Set(['a', 'code', 'pre', 'abbr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'button', 'nav', 'aside', 'script', 'style', 'svg']);
const isElement = (node: unknown): node is Element => typeof node === 'object' && node !== null && (node as Element).type === 'element';

interface Piece {
  node: Text;
  start: number;
  wrappable: boolean;
}

/** A block's text nodes in order, with their offsets in the block's text; nested blocks are theirs, not its. */
function piecesOf(block: Element): { text: string; pieces: Piece[] } {
  const pieces: Piece[] = [];
  let text = '';
  const walk = (node: ElementContent | RootContent, wrappable: boolean) => {
    if (node.type === 'text') {
      pieces.push({ node, start: text.length, wrappable });
      text += node.value;
    } else if (isElement(node)) {
      if (node !== block && (node.tagName === 'p' || node.tagName === 'ul' || node.tagName === 'ol' || node.tagName === 'li')) return;
      for (const child of node.children) walk(child, wrappable && !SKIP.has(node.tagName));
    }
    // MDX components (permalinks, tables) hold no author text.
  };
  walk(block, true);
  return { text, pieces };
}

function blocksOf(root: Root): Element[] {
  const out: Element[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (SKIP.has(child.tagName)) continue;
      if (child.tagName === 'p' || child.tagName === 'li') out.push(child);
      visit(child);
    }
  };
  visit(root);
  return out;
}

function termElement(match: Resolved, words: Text, print: boolean): Element {
  if (match.kind === 'likelihood') {
    return {
      type: 'element',
      tagName: 'a',
      properties: {
        className: [TERM_CLASS],
        href: `#${bandRowId(match.band)}`,
        dataBand: match.band.key,
        dataTip: termDescription(match.text, match.band),
        dataRange: rangeText(match.band),
        ...(print ? { dataPrintRange: '' } : {}),
        ariaDescribedBy: [bandDescriptionId(match.band)],
      },
      children: [words],
    };
  }
  const level = confidenceLevel(match.level)!;
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      className: [TERM_CLASS, `${TERM_CLASS}-confidence`],
      href: `#${confidenceRowId(level.id)}`,
      dataConfidence: level.id,
      dataTip: `${level.label}: ${level.meaning}`,
      ariaDescribedBy: [confidenceDescriptionId(level.id)],
    },
    children: [words],
  };
}

function badge(likelihood: string | undefined, confidence: string | undefined): Element | undefined {
  const band = likelihood ? bandByKey(likelihood) : undefined;
  const level = confidence ? confidenceLevel(confidence) : undefined;
  if (!band && !level) return undefined;
  const parts = [band ? `${band.label} (${rangeText(band)})` : undefined, level?.label].filter((p): p is string => p !== undefined);
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: [BADGE_CLASS], dataPagefindIgnore: '' },
    children: [
      { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: 'Stated in this judgment: ' }] },
      { type: 'text', value: parts.join(' · ') },
    ],
  };
}

export const estimativeTerms: HastPluginDefinition = {
  name: 'estimative-terms',
  after(tree, ctx: HastVisitorContext) {
    const root = tree as Root;
    const frontmatter = (ctx.data as { astro?: { frontmatter?: Frontmatter } }).astro?.frontmatter;
    if (!frontmatter || typeof frontmatter.slug !== 'string') return;
    const stated = estimativeSchema.safeParse(frontmatter.estimative ?? {});
    // A malformed value is reported by the collection schema with the file and field.
    const declared = stated.success ? stated.data : undefined;

    const blocks = blocksOf(root).map((element) => ({ element, ...piecesOf(element) }));
    const judgments = blocks.filter((b) => typeof b.element.properties?.id === 'string' && /^kj-\d+$/.test(b.element.properties.id as string));
    judgments.sort((a, b) => Number(String(a.element.properties!.id).slice(3)) - Number(String(b.element.properties!.id).slice(3)));
    const texts = blocks.map((b) => b.text);
    const standard = declared?.standard ?? documentStandard(texts);
    const resolved = resolveEstimative(declared, { judgments: judgments.map((j) => j.text), text: texts });

    const bands = new Set<string>();
    const levels = new Set<string>();
    for (const block of blocks) {
      const matches = recognize(block.text, standard);
      const byNode = new Map<Piece, Resolved[]>();
      for (const match of matches) {
        const piece = block.pieces.find((p) => p.wrappable && p.start <= match.start && match.end <= p.start + p.node.value.length);
        if (!piece) continue;
        byNode.set(piece, [...(byNode.get(piece) ?? []), match]);
      }
      const printed = new Set<string>();
      for (const [piece, list] of byNode) {
        const out: ElementContent[] = [];
        let at = 0;
        for (const match of list) {
          const from = match.start - piece.start;
          const to = match.end - piece.start;
          if (from > at) out.push({ type: 'text', value: piece.node.value.slice(at, from) });
          const key = match.kind === 'likelihood' ? match.band.key : `confidence-${match.level}`;
          out.push(termElement(match, { type: 'text', value: piece.node.value.slice(from, to) }, match.kind === 'likelihood' && !printed.has(key)));
          printed.add(key);
          if (match.kind === 'likelihood') bands.add(match.band.key);
          else levels.add(match.level);
          at = to;
        }
        if (at < piece.node.value.length) out.push({ type: 'text', value: piece.node.value.slice(at) });
        ctx.replaceNode(piece.node as HastNode, out as HastNode[]);
      }
    }

    judgments.forEach((judgment, index) => {
      const stated = resolved.judgments?.[index] ?? {};
      if (judgment.element.properties?.id !== numberedId('kj', index + 1)) return;
      if (stated.likelihood) {
        ctx.setProperty(judgment.element as HastNode, toProperty(JUDGMENT_LIKELIHOOD), stated.likelihood);
        bands.add(stated.likelihood);
      }
      if (stated.confidence) {
        ctx.setProperty(judgment.element as HastNode, toProperty(JUDGMENT_CONFIDENCE), stated.confidence);
        levels.add(stated.confidence);
      }
      const element = badge(stated.likelihood, stated.confidence);
      if (element) ctx.prependChild(judgment.element as HastNode, element as HastNode);
    });

    frontmatter.estimativeUse = {
      standard: bands.size > 0 ? resolved.standard : undefined,
      bands: BANDS.filter((band) => bands.has(band.key)).map((band) => band.key),
      confidence: CONFIDENCE_LEVELS.filter((level) => levels.has(level.id)).map((level) => level.id),
      judgments: judgments.map((_, index) => resolved.judgments?.[index] ?? {}),
    };
  },
};

function toProperty(attributeName: string): string {
  return attributeName.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
