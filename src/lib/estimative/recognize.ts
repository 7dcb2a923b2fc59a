/**
 * Finds estimative language in a block of prose (a paragraph or list item): likelihood terms of
 * the standards in content/estimative/ and confidence statements. Pure functions over text;
 * offsets are UTF-16 indexes into the text given, so callers can wrap exactly those characters.
 *
 * Only estimative uses are found, and where a use is doubtful it is left out (a wrong mark misleads
 * a reader more than a missing one):
 * - negated terms are not marked ("not likely", "isn't likely", "do not think it likely", "no
 *   realistic possibility"): the words then state no band of the scale; "not unlikely" is a hedge
 *   the lint reports instead;
 * - degree words change the band: "more likely", "most likely", "less likely", "extremely
 *   unlikely", "as likely" are not marked; nor an adverb followed by "not" ("probably not");
 * - adjectives only where predicative: after a linking verb or modal ("is unlikely to", "will
 *   likely"), or followed by "to", "that", a preposition, a conjunction or punctuation; never after
 *   an article or possessive ("an unlikely alliance", "the likely candidates"), nor before another
 *   noun ("Likely candidates include");
 * - phrases in a standard's `falseFriends` ("probable cause") are never marked;
 * - confidence only as a statement about a judgment: "with moderate confidence", "(high
 *   confidence)", "we have low confidence", "high-confidence judgments", "low confidence that";
 *   not "public confidence is low" or "low confidence in the government".
 */
import { splitSentences } from '../sentences.ts';
import { CONFIDENCE_LEVELS, HEDGES, STANDARDS, type Band, type Form, BANDS } from './vocabulary.ts';

export interface Candidate {
  band: Band;
  row: number;
  /** The vocabulary's name of the term ("probable" for "probably"). */
  term: string;
}

export interface LikelihoodMatch {
  kind: 'likelihood';
  start: number;
  end: number;
  /** The words as the author wrote them. */
  text: string;
  /** One per standard that has these words, in the order of STANDARDS. */
  candidates: Candidate[];
}

export interface ConfidenceMatch {
  kind: 'confidence';
  start: number;
  end: number;
  text: string;
  level: string;
}

export type Match = LikelihoodMatch | ConfidenceMatch;

/** A likelihood match read in one standard. */
export interface ResolvedLikelihood extends LikelihoodMatch {
  band: Band;
  row: number;
  term: string;
}

export type Resolved = ResolvedLikelihood | ConfidenceMatch;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phrasePattern = (text: string) => text.split(' ').map(escape).join('[\\s\\u00a0]+');
const alternation = (phrases: readonly string[]) => [...new Set(phrases)].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(phrasePattern).join('|');
const bounded = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${body})(?![\\p{L}\\p{N}-])`, 'giu');
const normal = (text: string) => text.toLowerCase().replace(/[\s\u00a0]+/g, ' ');

interface FormEntry extends Candidate {
  form: Form;
}

const FORMS = new Map<string, FormEntry[]>();
for (const band of BANDS) {
  const source = band.standard.bands.find((b) => b.id === band.id)!;
  for (const term of source.terms) {
    for (const form of term.forms) {
      const list = FORMS.get(form.text) ?? [];
      list.push({ band, row: term.row, term: term.term, form });
      FORMS.set(form.text, list);
    }
  }
}
const TERM_PATTERN = alternation([...FORMS.keys()]);
const FALSE_FRIEND_PATTERN = alternation(STANDARDS.flatMap((standard) => standard.falseFriends));
const LEVEL_BY_WORD = new Map(CONFIDENCE_LEVELS.flatMap((level) => level.words.map((w) => [w, level.id] as const)));
const CONFIDENCE_PATTERN = `(?:${alternation([...LEVEL_BY_WORD.keys()])})[\\s\\u00a0-]+confidence`;
const HEDGE_PATTERN = alternation(HEDGES);

const set = (words: string) => new Set(words.split(' '));
const NEGATORS = set('not never hardly scarcely barely no nor neither cannot');
const DEGREE = set('more less most least as so too equally increasingly how quite fairly rather somewhat extremely very highly pretty all');
const DETERMINERS = set('a an the this that these those its their his her our your my any some each every such what which whose another one');
const COPULAS = set('is are was were be been being remains remain remained seems seem seemed appears appear appeared looks look looked become becomes became judged assessed considered deemed thought');
const MODALS = set('will would could may might should shall can must');
const FOLLOWERS = set(
  'to that and or but in within over by during before after if unless given because for at on through until throughout this next soon now again too also still',
);
const CONFIDENCE_NOUNS = set('that judgment judgments judgement judgements assessment assessments estimate estimates finding findings');
const HOLD = set('have has hold holds place assign attach retain');
const ASSESSORS = set('we i analysts they community');

const isNegator = (word: string) => NEGATORS.has(word) || /n['’]t$/.test(word);

/** Up to three words before `at` in the same clause, nearest first, lowercased. */
function wordsBefore(text: string, at: number): string[] {
  const clause = text.slice(0, at).split(/[,;:.!?()\[\]—–"“”]/u).at(-1) ?? '';
  return (clause.match(/[\p{L}\p{N}'’]+/gu) ?? []).slice(-3).reverse().map((w) => w.toLowerCase());
}

/** The word after `at`, lowercased, or '' when punctuation or the end comes first. */
function wordAfter(text: string, at: number): string {
  const match = /^[\s\u00a0]*([\p{L}\p{N}'’]+)/u.exec(text.slice(at));
  return match ? match[1]!.toLowerCase() : '';
}

function estimativeUse(text: string, start: number, end: number, form: Form): boolean {
  const before = wordsBefore(text, start);
  const previous = before[0] ?? '';
  const next = wordAfter(text, end);
  if (before.some(isNegator)) return false;
  if (DEGREE.has(previous)) return false;
  if (form.as === 'phrase') return true;
  if (next === 'not' || next === 'never') return false;
  if (form.as === 'adverb') return true;
  if (form.nouns.includes(next)) return true;
  if (DETERMINERS.has(previous)) return false;
  if (form.copula) return COPULAS.has(previous) && (next === '' || FOLLOWERS.has(next));
  return COPULAS.has(previous) || MODALS.has(previous) || MODALS.has(next) || next === '' || FOLLOWERS.has(next);
}

function confidenceStatement(text: string, start: number, end: number): boolean {
  const before = wordsBefore(text, start);
  if (before.some(isNegator)) return false;
  const previous = before[0] ?? '';
  const next = wordAfter(text, end);
  if (text[start - 1] === '(' && text[end] === ')') return true;
  if (previous === 'with') return true;
  if (HOLD.has(previous) && ASSESSORS.has(before[1] ?? '')) return true;
  if (previous === 'only' && HOLD.has(before[1] ?? '') && ASSESSORS.has(before[2] ?? '')) return true;
  return CONFIDENCE_NOUNS.has(next);
}

/** Every estimative term and confidence statement of `text`, in order, each with all its readings. */
export function findTerms(text: string): Match[] {
  const blocked: [number, number][] = [];
  if (FALSE_FRIEND_PATTERN) for (const m of text.matchAll(bounded(FALSE_FRIEND_PATTERN))) blocked.push([m.index, m.index + m[0].length]);
  const inFalseFriend = (start: number, end: number) => blocked.some(([s, e]) => start < e && end > s);

  const matches: Match[] = [];
  for (const m of text.matchAll(bounded(TERM_PATTERN))) {
    const start = m.index;
    const end = start + m[0].length;
    if (inFalseFriend(start, end)) continue;
    const entries = FORMS.get(normal(m[0]))!;
    const candidates = entries.filter((entry) => estimativeUse(text, start, end, entry.form)).map(({ band, row, term }) => ({ band, row, term }));
    if (candidates.length > 0) matches.push({ kind: 'likelihood', start, end, text: m[0], candidates });
  }
  for (const m of text.matchAll(bounded(CONFIDENCE_PATTERN))) {
    const start = m.index;
    const end = start + m[0].length;
    if (!confidenceStatement(text, start, end)) continue;
    const level = LEVEL_BY_WORD.get(normal(m[0]).split(/[ -]/)[0]!)!;
    matches.push({ kind: 'confidence', start, end, text: m[0], level });
  }
  return matches.sort((a, b) => a.start - b.start);
}

export type DocumentStandard = string; // a standard id or 'mixed'
export const MIXED = 'mixed';

/**
 * The standard a document's texts follow: the one whose own words (those no other standard has,
 * such as "realistic possibility" or "very likely") it uses; "mixed" when it uses the own words
 * of two; the first standard (ICD 203) when it only uses shared words ("likely", "unlikely");
 * undefined when it uses no likelihood term at all.
 */
export function documentStandard(texts: readonly string[]): DocumentStandard | undefined {
  const own = new Set<string>();
  let any = false;
  for (const text of texts) {
    for (const match of findTerms(text)) {
      if (match.kind !== 'likelihood') continue;
      any = true;
      const standards = new Set(match.candidates.map((c) => c.band.standard.id));
      if (standards.size === 1) own.add([...standards][0]!);
    }
  }
  if (own.size > 1) return MIXED;
  if (own.size === 1) return [...own][0];
  return any ? STANDARDS[0]!.id : undefined;
}

/**
 * The matches of `text` read in `standard`: a term it has takes its band; a term only another
 * standard has keeps that one (a mixed document); in a mixed document or with no standard,
 * shared terms are read in the first standard.
 */
export function recognize(text: string, standard?: DocumentStandard): Resolved[] {
  return findTerms(text).map((match) => {
    if (match.kind === 'confidence') return match;
    const chosen = match.candidates.find((c) => c.band.standard.id === standard) ?? match.candidates[0]!;
    return { ...match, band: chosen.band, row: chosen.row, term: chosen.term };
  });
}

/** Vague hedges outside the vocabularies ("could possibly"), with their offsets. */
export function findHedges(text: string): { start: number; end: number; text: string }[] {
  if (!HEDGE_PATTERN) return [];
  return [...text.matchAll(bounded(HEDGE_PATTERN))].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** The sentences of `text` with their start offsets. */
export function sentencesOf(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let from = 0;
  for (const sentence of splitSentences(text)) {
    const start = text.indexOf(sentence, from);
    out.push({ start, end: start + sentence.length, text: sentence });
    from = start + sentence.length;
  }
  return out;
}
