/**
 * What changed between two versions of one document, section by section, as a reader needs it:
 * sections added, removed, renamed (matched by their content when the heading changed) and
 * moved; within a section the sentences added, removed and changed, with the changed words
 * marked; paragraphs that moved; table cells whose figures changed, old -> new. Judgments
 * (role "summary") and recommendations come first, as ICD 203 asks analysts to flag changes in
 * judgments before anything else.
 *
 * Pure and deterministic, and cheap enough to run for every pair of consecutive versions in a
 * build: exact matches are found with Myers' diff (src/lib/revisions/sequence.ts), and the
 * slower similarity pairing only runs on what is left over between them.
 */
import { z } from 'astro/zod';
import { roleSchema } from '../roles.ts';
import { splitSentences } from '../sentences.ts';
import { diffSequences } from './sequence.ts';

export const versionTableSchema = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});

export const versionSectionSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  role: roleSchema.optional(),
  /** Paragraphs and list items in reading order, as plain text. */
  paragraphs: z.array(z.string()),
  tables: z.array(versionTableSchema).default([]),
});

/** One version of a document, reduced to what a reader compares. */
export const versionDocumentSchema = z.object({ sections: z.array(versionSectionSchema) });

export type VersionTable = z.output<typeof versionTableSchema>;
export type VersionSection = z.output<typeof versionSectionSchema>;
export type VersionDocument = z.output<typeof versionDocumentSchema>;

/** A run of text in a changed sentence: kept, removed or added. */
export interface WordPart {
  op: 'same' | 'del' | 'ins';
  text: string;
}

export type SentenceChange =
  | { op: 'same'; text: string }
  | { op: 'del'; text: string }
  | { op: 'ins'; text: string }
  | { op: 'changed'; before: string; after: string; words: WordPart[] };

/** A stretch of a section where something changed, with the unchanged sentences of its paragraphs as context. */
export interface Hunk {
  sentences: SentenceChange[];
}

/** A paragraph found word for word elsewhere in the other version. */
export interface MovedParagraph {
  text: string;
  /** Ids of the section it was in and is in now (equal when it moved within one section). */
  fromSection: string;
  toSection: string;
  fromIndex: number;
  toIndex: number;
}

export interface CellChange {
  /** The row's label (its first cell) in the new version, else its number from 1. */
  row: string;
  column: string;
  before: string;
  after: string;
  /** Both sides read as figures: show it as old -> new. */
  numeric: boolean;
}

export interface TableChange {
  id: string;
  title: string;
  op: 'added' | 'removed' | 'changed';
  cells: CellChange[];
  rowsAdded: string[];
  rowsRemoved: string[];
  columnsAdded: string[];
  columnsRemoved: string[];
}

export interface SectionRef {
  id: string;
  title: string;
  role?: VersionSection['role'];
}

export interface SectionChange {
  op: 'added' | 'removed' | 'changed' | 'unchanged';
  before?: SectionRef;
  after?: SectionRef;
  /** The heading changed (the section was matched by its id or by its content). */
  renamed: boolean;
  /** The section changed place relative to the other sections both versions have. */
  moved: boolean;
  hunks: Hunk[];
  movedParagraphs: MovedParagraph[];
  tables: TableChange[];
  /**
   * What became of each paragraph of the new version, by index: the current page marks key
   * judgments that are new or changed from this.
   */
  paragraphStatus: ('same' | 'changed' | 'added' | 'moved')[];
}

export interface DocumentDiff {
  /** Nothing a reader can see differs. */
  identical: boolean;
  /** Every section of either version: judgments, then recommendations, then the rest in the new order. */
  sections: SectionChange[];
}

/** Two sections whose content overlaps at least this much are one section renamed. */
const RENAME_SIMILARITY = 0.5;
/** Two sentences this alike are one sentence reworded, not one removed and another added. */
const SENTENCE_SIMILARITY = 0.4;
/** A paragraph must have this many words to count as moved rather than added again (one-word items repeat by chance). */
const MOVE_MIN_WORDS = 5;
/** Above this many candidate sentence pairs in one stretch, pairing only considers nearby sentences. */
const PAIRING_WINDOW = 40;

const ROLE_ORDER: Record<string, number> = { summary: 0, recommendations: 1 };

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
const wordsOf = (text: string) => norm(text).toLowerCase().match(/[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu) ?? [];

/** Dice coefficient of two word multisets: 1 for the same words, 0 for none shared. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(word, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** Words, numbers (with their separators: "28.4", "1,200") and single marks; white space kept as tokens. */
function tokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}]+(?:[.,'’\-/][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
}

/** The word-level difference of two sentences, merged into runs; white space between two changes joins them. */
export function diffWords(before: string, after: string): WordPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const raw: WordPart[] = diffSequences(a, b).map((edit) =>
    edit.op === 'same' ? { op: 'same', text: a[edit.a]! } : edit.op === 'del' ? { op: 'del', text: a[edit.a]! } : { op: 'ins', text: b[edit.b]! },
  );
  // A lone space kept between two changes reads better inside them: "[-was 12-][+is 15+]".
  for (let i = 1; i < raw.length - 1; i += 1) {
    const part = raw[i]!;
    if (part.op === 'same' && /^\s+$/.test(part.text) && raw[i - 1]!.op !== 'same' && raw[i + 1]!.op !== 'same') {
      raw.splice(i, 1, { op: 'del', text: part.text }, { op: 'ins', text: part.text });
      i += 1;
    }
  }
  // Within a run of changes, all removals first, then all additions; then merge neighbours.
  const out: WordPart[] = [];
  let dels = '';
  let ins = '';
  const flush = () => {
    if (dels) out.push({ op: 'del', text: dels });
    if (ins) out.push({ op: 'ins', text: ins });
    dels = '';
    ins = '';
  };
  for (const part of raw) {
    if (part.op === 'del') dels += part.text;
    else if (part.op === 'ins') ins += part.text;
    else {
      flush();
      const last = out.at(-1);
      if (last?.op === 'same') last.text += part.text;
      else out.push({ ...part });
    }
  }
  flush();
  return out;
}

interface Para {
  text: string;
  words: string[];
}

const paras = (section: VersionSection): Para[] =>
  section.paragraphs.map((text) => ({ text: norm(text), words: wordsOf(text) })).filter((p) => p.text !== '');

/** Pairs old and new sections: same heading or id first, then the most similar content. */
function matchSections(before: VersionSection[], after: VersionSection[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  const title = (s: VersionSection) => norm(s.title).toLowerCase();
  for (const by of [title, (s: VersionSection) => s.id]) {
    after.forEach((section, j) => {
      if (taken.has(j)) return;
      const i = before.findIndex((old, index) => !pairs.has(index) && by(old) === by(section));
      if (i >= 0) {
        pairs.set(i, j);
        taken.add(j);
      }
    });
  }
  const content = (s: VersionSection) => [...s.paragraphs.flatMap(wordsOf), ...s.tables.flatMap((t) => [...t.columns, ...t.rows.flat()].flatMap(wordsOf))];
  const candidates: { i: number; j: number; score: number }[] = [];
  const oldContent = before.map(content);
  const newContent = after.map(content);
  before.forEach((_, i) => {
    if (pairs.has(i)) return;
    after.forEach((_, j) => {
      if (taken.has(j)) return;
      const score = similarity(oldContent[i]!, newContent[j]!);
      if (score >= RENAME_SIMILARITY) candidates.push({ i, j, score });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  for (const { i, j } of candidates) {
    if (pairs.has(i) || taken.has(j)) continue;
    pairs.set(i, j);
    taken.add(j);
  }
  return pairs;
}

/** Sections whose relative order changed: those off the longest run both orders share. */
function movedSections(pairs: Map<number, number>): Set<number> {
  const byNew = [...pairs.entries()].sort((x, y) => x[1] - y[1]).map(([i]) => i);
  const byOld = [...byNew].sort((x, y) => x - y);
  const kept = new Set(diffSequences(byOld, byNew, String).flatMap((e) => (e.op === 'same' ? [byOld[e.a]!] : [])));
  return new Set(byNew.filter((i) => !kept.has(i)));
}

/** Pairs removed and added sentences of one stretch that say nearly the same, keeping their order. */
function pairSentences(removed: string[], added: string[]): [number, number][] {
  const rw = removed.map(wordsOf);
  const aw = added.map(wordsOf);
  const candidates: { i: number; j: number; score: number }[] = [];
  const wide = removed.length * added.length > PAIRING_WINDOW * PAIRING_WINDOW;
  for (let i = 0; i < removed.length; i += 1) {
    const from = wide ? Math.max(0, Math.round((i * added.length) / removed.length) - PAIRING_WINDOW / 2) : 0;
    const to = wide ? Math.min(added.length, from + PAIRING_WINDOW) : added.length;
    for (let j = from; j < to; j += 1) {
      const score = similarity(rw[i]!, aw[j]!);
      if (score >= SENTENCE_SIMILARITY) candidates.push({ i, j, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const accepted: [number, number][] = [];
  for (const { i, j } of candidates) {
    if (accepted.some(([pi, pj]) => pi === i || pj === j || (pi < i) !== (pj < j))) continue;
    accepted.push([i, j]);
  }
  return accepted.sort((x, y) => x[0] - y[0]);
}

/** The sentence changes of one stretch of removed and added paragraphs. */
function diffStretch(removed: Para[], added: Para[]): SentenceChange[] {
  const a = removed.flatMap((p) => splitSentences(p.text));
  const b = added.flatMap((p) => splitSentences(p.text));
  const out: SentenceChange[] = [];
  let dels: string[] = [];
  let inss: string[] = [];
  const flush = () => {
    const pairs = pairSentences(dels, inss);
    let i = 0;
    let j = 0;
    for (const [pi, pj] of [...pairs, [dels.length, inss.length] as [number, number]]) {
      while (i < pi) out.push({ op: 'del', text: dels[i++]! });
      while (j < pj) out.push({ op: 'ins', text: inss[j++]! });
      if (pi < dels.length) {
        const before = dels[i++]!;
        const after = inss[j++]!;
        out.push({ op: 'changed', before, after, words: diffWords(before, after) });
      }
    }
    dels = [];
    inss = [];
  };
  for (const edit of diffSequences(a, b)) {
    if (edit.op === 'del') dels.push(a[edit.a]!);
    else if (edit.op === 'ins') inss.push(b[edit.b]!);
    else {
      flush();
      out.push({ op: 'same', text: a[edit.a]! });
    }
  }
  flush();
  return out;
}

interface Slot {
  section: number;
  index: number;
  para: Para;
}

/** Cells that read as figures: digits with an optional sign, currency, separators and unit. */
const isFigure = (cell: string) => /\d/.test(cell) && /^[^\p{L}]{0,3}[\d.,\s]+\s*(?:%|[\p{L}$€£¥₩]{0,12})?\s*$/u.test(cell.trim());

export function diffTables(before: VersionTable[], after: VersionTable[]): TableChange[] {
  const out: TableChange[] = [];
  const used = new Set<number>();
  const match = (table: VersionTable) => {
    let i = before.findIndex((old, index) => !used.has(index) && old.id === table.id);
    if (i < 0) i = before.findIndex((old, index) => !used.has(index) && similarity(old.columns.flatMap(wordsOf), table.columns.flatMap(wordsOf)) >= RENAME_SIMILARITY);
    if (i >= 0) used.add(i);
    return i;
  };
  const label = (table: VersionTable) => table.title ?? table.id;
  for (const table of after) {
    const i = match(table);
    if (i < 0) {
      out.push({ id: table.id, title: label(table), op: 'added', cells: [], rowsAdded: table.rows.map((r, n) => r[0] ?? String(n + 1)), rowsRemoved: [], columnsAdded: [...table.columns], columnsRemoved: [] });
      continue;
    }
    const old = before[i]!;
    const rowKey = (rows: string[][]) => {
      const keys = rows.map((r) => norm(r[0] ?? '').toLowerCase());
      return new Set(keys).size === keys.length && keys.every((k) => k !== '') ? keys : rows.map((_, n) => String(n + 1));
    };
    const oldKeys = rowKey(old.rows);
    const newKeys = rowKey(table.rows);
    const cells: CellChange[] = [];
    const columns = table.columns.map((c) => norm(c).toLowerCase());
    const oldColumns = old.columns.map((c) => norm(c).toLowerCase());
    table.rows.forEach((row, r) => {
      const o = oldKeys.indexOf(newKeys[r]!);
      if (o < 0) return;
      columns.forEach((column, c) => {
        const oc = oldColumns.indexOf(column);
        if (oc < 0) return;
        const b = old.rows[o]![oc] ?? '';
        const a = row[c] ?? '';
        if (norm(a) === norm(b)) return;
        cells.push({ row: row[0] ?? String(r + 1), column: table.columns[c]!, before: b, after: a, numeric: isFigure(a) && isFigure(b) });
      });
    });
    const change: TableChange = {
      id: table.id,
      title: label(table),
      op: 'changed',
      cells,
      rowsAdded: table.rows.filter((_, r) => !oldKeys.includes(newKeys[r]!)).map((row, n) => row[0] ?? String(n + 1)),
      rowsRemoved: old.rows.filter((_, r) => !newKeys.includes(oldKeys[r]!)).map((row, n) => row[0] ?? String(n + 1)),
      columnsAdded: table.columns.filter((_, c) => !oldColumns.includes(columns[c]!)),
      columnsRemoved: old.columns.filter((_, c) => !columns.includes(oldColumns[c]!)),
    };
    if (cells.length + change.rowsAdded.length + change.rowsRemoved.length + change.columnsAdded.length + change.columnsRemoved.length > 0) out.push(change);
  }
  before.forEach((table, i) => {
    if (!used.has(i)) out.push({ id: table.id, title: label(table), op: 'removed', cells: [], rowsAdded: [], rowsRemoved: table.rows.map((r, n) => r[0] ?? String(n + 1)), columnsAdded: [], columnsRemoved: [...table.columns] });
  });
  return out;
}

const ref = (s: VersionSection): SectionRef => ({ id: s.id, title: s.title, ...(s.role ? { role: s.role } : {}) });

export function diffDocuments(beforeDoc: VersionDocument, afterDoc: VersionDocument): DocumentDiff {
  const before = beforeDoc.sections;
  const after = afterDoc.sections;
  const pairs = matchSections(before, after);
  const moved = movedSections(pairs);
  const oldOf = new Map([...pairs.entries()].map(([i, j]) => [j, i]));
  const oldParas = before.map(paras);
  const newParas = after.map(paras);

  // Pass 1: per section pair, the paragraphs not kept in place.
  const removedSlots: Slot[] = [];
  const addedSlots: Slot[] = [];
  const kept = new Map<number, Set<number>>(); // new section -> indexes of new paragraphs kept in place
  after.forEach((_, j) => {
    const i = oldOf.get(j);
    const keptHere = new Set<number>();
    kept.set(j, keptHere);
    if (i === undefined) {
      newParas[j]!.forEach((para, index) => addedSlots.push({ section: j, index, para }));
      return;
    }
    for (const edit of diffSequences(oldParas[i]!, newParas[j]!, (p) => p.text)) {
      if (edit.op === 'same') keptHere.add(edit.b);
      else if (edit.op === 'del') removedSlots.push({ section: i, index: edit.a, para: oldParas[i]![edit.a]! });
      else addedSlots.push({ section: j, index: edit.b, para: newParas[j]![edit.b]! });
    }
  });
  before.forEach((_, i) => {
    if (!pairs.has(i)) oldParas[i]!.forEach((para, index) => removedSlots.push({ section: i, index, para }));
  });

  // Pass 2: a paragraph removed in one place and added word for word in another moved.
  const moves: { from: Slot; to: Slot }[] = [];
  const waiting = new Map<string, Slot[]>();
  for (const slot of removedSlots) {
    if (slot.para.words.length < MOVE_MIN_WORDS) continue;
    waiting.set(slot.para.text, [...(waiting.get(slot.para.text) ?? []), slot]);
  }
  const slotKey = (section: number, index: number) => `${section}:${index}`;
  const movedTo = new Set<string>();
  const movedFrom = new Set<string>();
  for (const slot of addedSlots) {
    const from = waiting.get(slot.para.text)?.shift();
    if (!from) continue;
    moves.push({ from, to: slot });
    movedTo.add(slotKey(slot.section, slot.index));
    movedFrom.add(slotKey(from.section, from.index));
  }

  // Pass 3: the rest, per section, aligned sentence by sentence in stretches between kept paragraphs.
  const changes = after.map((section, j): SectionChange => {
    const i = oldOf.get(j);
    const old = i === undefined ? undefined : before[i]!;
    const status: SectionChange['paragraphStatus'] = newParas[j]!.map((_, index) => (kept.get(j)!.has(index) ? 'same' : 'added'));
    const hunks: Hunk[] = [];
    if (i !== undefined) {
      let removed: Para[] = [];
      let added: Para[] = [];
      let addedIndexes: number[] = [];
      const flush = () => {
        if (removed.length + added.length === 0) return;
        const sentences = diffStretch(removed, added);
        if (sentences.some((s) => s.op !== 'same')) hunks.push({ sentences });
        // An added paragraph that shares a sentence, or rewords one, was changed rather than written anew.
        addedIndexes.forEach((index, n) => {
          const pieces = splitSentences(added[n]!.text);
          if (pieces.some((p) => sentences.some((s) => (s.op === 'same' && s.text === p) || (s.op === 'changed' && s.after === p)))) status[index] = 'changed';
        });
        removed = [];
        added = [];
        addedIndexes = [];
      };
      for (const edit of diffSequences(oldParas[i]!, newParas[j]!, (p) => p.text)) {
        if (edit.op === 'same') flush();
        else if (edit.op === 'del') {
          if (!movedFrom.has(slotKey(i, edit.a))) removed.push(oldParas[i]![edit.a]!);
        } else if (!movedTo.has(slotKey(j, edit.b))) {
          added.push(newParas[j]![edit.b]!);
          addedIndexes.push(edit.b);
        }
      }
      flush();
    } else {
      const fresh = newParas[j]!.filter((_, index) => !movedTo.has(slotKey(j, index)));
      if (fresh.length > 0) hunks.push({ sentences: fresh.flatMap((p) => splitSentences(p.text)).map((text) => ({ op: 'ins', text }) as const) });
    }
    for (const m of moves) if (m.to.section === j) status[m.to.index] = 'moved';
    const movedParagraphs = moves
      .filter((m) => m.to.section === j)
      .map((m) => ({ text: m.to.para.text, fromSection: before[m.from.section]!.id, toSection: section.id, fromIndex: m.from.index, toIndex: m.to.index }));
    const tables = diffTables(old?.tables ?? [], section.tables);
    const renamed = old !== undefined && norm(old.title) !== norm(section.title);
    const sectionMoved = i !== undefined && moved.has(i);
    const changed = i === undefined || renamed || sectionMoved || hunks.length > 0 || movedParagraphs.length > 0 || tables.length > 0;
    return {
      op: i === undefined ? 'added' : changed ? 'changed' : 'unchanged',
      ...(old ? { before: ref(old) } : {}),
      after: ref(section),
      renamed,
      moved: sectionMoved,
      hunks,
      movedParagraphs,
      tables,
      paragraphStatus: status,
    };
  });

  // Removed sections, each placed after the section that preceded it in the old version.
  const removedChanges = new Map<number, SectionChange[]>();
  before.forEach((section, i) => {
    if (pairs.has(i)) return;
    const fresh = oldParas[i]!.filter((_, index) => !movedFrom.has(slotKey(i, index)));
    const change: SectionChange = {
      op: 'removed',
      before: ref(section),
      renamed: false,
      moved: false,
      hunks: fresh.length > 0 ? [{ sentences: fresh.flatMap((p) => splitSentences(p.text)).map((text) => ({ op: 'del', text }) as const) }] : [],
      movedParagraphs: [],
      tables: diffTables(section.tables, []),
      paragraphStatus: [],
    };
    let anchor = -1;
    for (let k = i - 1; k >= 0; k -= 1) {
      if (pairs.has(k)) {
        anchor = pairs.get(k)!;
        break;
      }
    }
    removedChanges.set(anchor, [...(removedChanges.get(anchor) ?? []), change]);
  });
  const ordered: SectionChange[] = [...(removedChanges.get(-1) ?? [])];
  changes.forEach((change, j) => ordered.push(change, ...(removedChanges.get(j) ?? [])));

  const rank = (c: SectionChange) => ROLE_ORDER[(c.after ?? c.before)?.role ?? ''] ?? 2;
  const sections = ordered.map((change, index) => ({ change, index })).sort((x, y) => rank(x.change) - rank(y.change) || x.index - y.index).map((x) => x.change);
  return { identical: sections.every((s) => s.op === 'unchanged'), sections };
}
