/**
 * The estimative language of an ingested document, read from the document model so that lint
 * warnings carry SOURCE lines: the `estimative` front matter value (src/lib/estimative/frontmatter.ts)
 * and the warnings `npm run check` gives the written page (src/lib/estimative/lint.ts).
 *
 * The texts are the page's: the site derives from its `<p>` and `<li>` elements outside MDX
 * components (src/integrations/estimative-terms.ts), and numbers as key judgments the paragraphs
 * and items of the section whose role is `summary` (src/integrations/section-anchors.ts). A
 * figure's caption and credits sit inside `<Figure>`, so they are linted (as `npm run check`
 * reads every line of the page) but neither judgments nor part of the derivation.
 */
import { deriveEstimative, resolveEstimative, type Estimative } from '../lib/estimative/frontmatter.ts';
import { lintEstimative, type Block, type EstimativeWarning } from '../lib/estimative/lint.ts';
import type { DocBlock, DocumentModel } from './document.ts';

interface PageBlock extends Block {
  /** False for text the site does not read for the derivation (a figure's caption and credits). */
  derived: boolean;
}

function pageBlocks(blocks: readonly DocBlock[], judgments: boolean): PageBlock[] {
  return blocks.flatMap((block): PageBlock[] => {
    switch (block.type) {
      case 'paragraph':
        return [{ text: block.text, line: block.line, judgment: judgments, derived: true }];
      case 'bullets':
        // The page shows a labelled item as "**Label:** text" (src/ingest/toMdast.ts).
        return block.items.map((item) => ({ text: item.label === undefined ? item.text : `${item.label}: ${item.text}`, line: item.line, judgment: judgments, derived: true }));
      case 'recommendations':
        return block.items.map((item) => ({ text: item.text, line: item.line, judgment: judgments, derived: true }));
      case 'figure':
        return [block.caption, ...block.credits].map((p) => ({ text: p.text, line: p.line, judgment: false, derived: false }));
      case 'heading':
      case 'table':
        return [];
    }
  });
}

export interface DocumentEstimative {
  /** What front matter gets: derived from the text, an editor's stated values winning. */
  value: Estimative;
  /** The lint of the text as the page has it, with source lines, read in `value.standard`. */
  warnings: EstimativeWarning[];
  /** What of the earlier page's values was kept or left behind, for the report. */
  messages: string[];
}

/**
 * `stated` is the earlier page's `estimative` value (same source): any field of it that differs
 * from what the text gives was set by an editor, and stays (`resolveEstimative`).
 */
export function documentEstimative(doc: DocumentModel, file: string, stated: Estimative | undefined): DocumentEstimative {
  const blocks = [...pageBlocks(doc.lede, false), ...doc.sections.flatMap((section) => pageBlocks(section.blocks, section.role === 'summary'))];
  const input = { judgments: blocks.filter((b) => b.judgment).map((b) => b.text), text: blocks.filter((b) => b.derived).map((b) => b.text) };
  const derived = deriveEstimative(input);
  const messages: string[] = [];
  let value = derived;
  if (stated !== undefined) {
    const resolved = resolveEstimative(stated, input);
    // A judgments list of only `{}` says nothing: keep it only when the editor wrote one.
    const { judgments, ...rest } = resolved;
    value = stated.judgments === undefined && derived.judgments === undefined ? rest : resolved;
    const kept = [
      ...(stated.standard !== undefined && stated.standard !== derived.standard ? [`standard: ${stated.standard}`] : []),
      ...(stated.strict ? ['strict: true'] : []),
      ...(judgments ?? []).flatMap((entry, i) =>
        stated.judgments?.[i] !== undefined && JSON.stringify(entry) !== JSON.stringify(derived.judgments?.[i] ?? {}) ? [`judgment ${i + 1}`] : [],
      ),
    ];
    if (kept.length > 0) messages.push(`kept the estimative values an editor set on the earlier page (${kept.join(', ')})`);
    const extra = (stated.judgments?.length ?? 0) - input.judgments.length;
    if (extra > 0) {
      messages.push(
        `could not keep the last ${extra} estimative judgment ${extra === 1 ? 'entry' : 'entries'} of the earlier page: the page now has ${input.judgments.length} key judgments; add them where they belong`,
      );
    }
  }
  const warnings = lintEstimative({ file, blocks, standard: value.standard });
  return { value, warnings, messages };
}
