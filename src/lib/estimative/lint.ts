/**
 * Checks a document's estimative language, as `npm run check` (scripts/lint-estimative.ts) and
 * the ingester report it: `file:line: message`. Warnings only; a document whose front matter has
 * `estimative: { strict: true }` fails the check when it has any.
 *
 * 1. Terms of both rows of a standard with rows (ICD 203 asks a product to keep to one row), and
 *    terms of a second standard: reported at each term of the row or standard used less (on a
 *    tie, the one met second).
 * 2. Confidence and likelihood in one sentence (ICD 203 asks for them to be stated apart).
 * 3. A key judgment that states neither a likelihood nor a confidence.
 * 4. Vague hedges outside the vocabularies ("could possibly", "it is not impossible that").
 */
import { documentStandard, findHedges, MIXED, recognize, sentencesOf, type ResolvedLikelihood } from './recognize.ts';
import { STANDARDS } from './vocabulary.ts';

export interface Block {
  text: string;
  /** 1-based line of the block in the file named in warnings. */
  line: number;
  /** True for a paragraph or item of the key judgments (the section with role `summary`). */
  judgment: boolean;
}

export interface LintInput {
  file: string;
  blocks: readonly Block[];
  /** The standard the front matter states, if any; otherwise it is derived from the text. */
  standard?: string | undefined;
}

export interface EstimativeWarning {
  file: string;
  line: number;
  message: string;
}

export function formatWarning(warning: EstimativeWarning): string {
  return `${warning.file}:${warning.line}: ${warning.message}`;
}

const quote = (text: string) => `"${text.replace(/\s+/g, ' ')}"`;

export function lintEstimative({ file, blocks, standard: declared }: LintInput): EstimativeWarning[] {
  const warnings: EstimativeWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ file, line, message });
  const standard = declared ?? documentStandard(blocks.map((b) => b.text));
  const terms: { line: number; match: ResolvedLikelihood; own: string | undefined }[] = [];

  blocks.forEach((block) => {
    const matches = recognize(block.text, standard);
    for (const match of matches) {
      if (match.kind !== 'likelihood') continue;
      const standards = new Set(match.candidates.map((c) => c.band.standard.id));
      terms.push({ line: block.line, match, own: standards.size === 1 ? [...standards][0] : undefined });
    }
    for (const sentence of sentencesOf(block.text)) {
      const inside = matches.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
      const likelihood = inside.find((m) => m.kind === 'likelihood');
      const confidence = inside.find((m) => m.kind === 'confidence');
      if (likelihood && confidence) {
        warn(block.line, `confidence and likelihood in one sentence (${quote(confidence.text)}, ${quote(likelihood.text)}): state the confidence in a sentence of its own`);
      }
    }
    if (block.judgment && !matches.some((m) => m.kind === 'likelihood' || m.kind === 'confidence')) {
      warn(block.line, `key judgment states no likelihood and no confidence: add a term of ${standardName(standard)} or a confidence level (high, moderate, low)`);
    }
    for (const hedge of findHedges(block.text)) {
      warn(block.line, `vague hedge ${quote(hedge.text)}: say how likely with a term of ${standardName(standard)}`);
    }
  });

  // Standards first: a term only another standard has. Then rows within the document's standard.
  const ownStandards = [...new Set(terms.flatMap((t) => t.own ?? []))];
  if (ownStandards.length > 1 || (declared && declared !== MIXED && ownStandards.some((s) => s !== declared))) {
    const count = (id: string) => terms.filter((t) => t.own === id).length;
    const main = declared && declared !== MIXED ? declared : ownStandards.reduce((a, b) => (count(b) > count(a) ? b : a));
    for (const t of terms) {
      if (t.own && t.own !== main) {
        warn(t.line, `${quote(t.match.text)} is ${standardName(t.own)} wording in a document that follows ${standardName(main)}: keep to one standard`);
      }
    }
  }
  for (const s of STANDARDS.filter((s) => s.rows > 1)) {
    const inStandard = terms.filter((t) => t.match.band.standard.id === s.id);
    const rows = [...new Set(inStandard.map((t) => t.match.row))];
    if (rows.length < 2) continue;
    const count = (row: number) => inStandard.filter((t) => t.match.row === row).length;
    const main = rows.reduce((a, b) => (count(b) > count(a) ? b : a));
    const first = inStandard.find((t) => t.match.row === main)!;
    for (const t of inStandard) {
      if (t.match.row === main) continue;
      warn(
        t.line,
        `${quote(t.match.text)} is from row ${t.match.row} of ${s.name}, ${quote(first.match.text)} (line ${first.line}) from row ${main}: use the terms of one row (${rowTerms(s.id, main)})`,
      );
    }
  }
  return warnings.sort((a, b) => a.line - b.line);
}

function standardName(id: string | undefined): string {
  return STANDARDS.find((s) => s.id === id)?.name ?? STANDARDS[0]!.name;
}

function rowTerms(standardId: string, row: number): string {
  const s = STANDARDS.find((x) => x.id === standardId)!;
  return s.bands.flatMap((band) => band.terms.filter((t) => t.row === row).map((t) => t.term)).join(', ');
}
