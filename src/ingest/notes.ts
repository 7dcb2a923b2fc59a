/**
 * Endnotes: markers in the prose (`[1]`, `[12]`, `¹²`) paired with the entries of the Notes /
 * Endnotes / Footnotes section (role `notes`, src/lib/roles.ts) written `[1] ...`, `1. ...`,
 * `1) ...` or `1 ...`.
 *
 * A paired marker links to its note and the note's number links back. The site's Sätteri
 * processor runs with GFM off (astro.config.mjs), so mdast `footnoteReference` /
 * `footnoteDefinition` would come out as literal "[^1]" text: the links are plain JSX elements
 * (`<sup id><a href>`) that MDX renders as HTML. A marker with no note, a note no marker cites,
 * and digits glued to a word ("sanctions2", a marker lost in a PDF export) stay text and are
 * reported with their line.
 */
import type { PhrasingContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx';
import { noteId, noteReferenceId } from '../lib/ids.ts';
import type { Note } from './report.ts';


/** One paragraph or line of text with the (source) line it starts on. */
export interface Passage {
  readonly line: number;
  readonly text: string;
}

export interface NoteReference {
  readonly line: number;
  /** 0-based offset of the marker in its passage. */
  readonly column: number;
  /** The marker as written: "[3]" or "³". */
  readonly text: string;
  readonly number: number;
  /** Fragment id of the marker: "note-ref-3", a further citation of note 3 "note-ref-3-2". */
  readonly id: string;
}

export interface NoteEntry {
  readonly line: number;
  readonly number: number;
  /** The entry's number as written: "[3]", "3.", "3)" or "3". */
  readonly marker: string;
  /** The note's text after the number (continuation lines not included). */
  readonly text: string;
  /** Fragment id of the note: "note-3". */
  readonly id: string;
  /** Id of the first marker citing it, which the note's number links back to. */
  readonly backId: string;
}

export interface NotesFound {
  /** Markers that found their note, in text order. */
  readonly references: readonly NoteReference[];
  /** Notes that a marker cites, in section order. */
  readonly entries: readonly NoteEntry[];
  readonly notes: readonly Note[];
}

const SUPERSCRIPT: Readonly<Record<string, string>> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
/** `[12]` not inside a longer bracket or a link, or superscript digits right after a word or punctuation. */
const MARKER = /(?<![[\w])\[(\d{1,3})\](?!\()|(?<=[\p{L}\p{N}\p{P}])([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})/gu;
/** Digits glued to the end of a lower-case word, as a PDF export leaves a superscript: "sanctions2", "period.12". */
const GLUED = /(?<![\p{L}\p{N}])(\p{L}*\p{Ll}{2}[.,;:]?)(\d{1,3})(?=[\s,;:.)]|$)/gu;
const ENTRY = /^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)]|(\d{1,3})(?=\s)|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))\s*(\S.*)$/u;

const fromSuperscript = (digits: string) => Number([...digits].map((d) => SUPERSCRIPT[d]).join(''));


interface RawMarker {
  line: number;
  column: number;
  text: string;
  number: number;
}

function markersIn(passage: Passage): RawMarker[] {
  return [...passage.text.matchAll(MARKER)].map((match) => ({
    line: passage.line,
    column: match.index,
    text: match[0],
    number: match[1] !== undefined ? Number(match[1]) : fromSuperscript(match[2]!),
  }));
}

/** The entry a notes-section line starts, or undefined for a continuation line. */
export function parseNoteEntry(text: string): { number: number; marker: string; text: string } | undefined {
  const match = ENTRY.exec(text);
  if (match === null) return undefined;
  const [, bracket, dotted, bare, superscript, body] = match;
  const number = superscript !== undefined ? fromSuperscript(superscript) : Number(bracket ?? dotted ?? bare);
  const marker = text.trimStart().slice(0, text.trimStart().length - body!.length).trimEnd();
  return { number, marker, text: body! };
}

/**
 * Pairs the markers of `prose` (body passages, the notes section excluded) with the entries of
 * `noteSection` (its passages in order).
 */
export function findNotes(prose: readonly Passage[], noteSection: readonly Passage[]): NotesFound {
  const notes: Note[] = [];
  const entriesByNumber = new Map<number, { line: number; marker: string; text: string }>();
  for (const passage of noteSection) {
    const entry = parseNoteEntry(passage.text);
    if (entry === undefined) continue;
    if (entriesByNumber.has(entry.number)) {
      notes.push({ line: passage.line, message: `note ${entry.number} is given twice (also on line ${entriesByNumber.get(entry.number)!.line}): only the first is linked` });
      continue;
    }
    entriesByNumber.set(entry.number, { line: passage.line, ...entry });
  }

  const references: NoteReference[] = [];
  const counts = new Map<number, number>();
  for (const passage of prose) {
    for (const marker of markersIn(passage)) {
      if (!entriesByNumber.has(marker.number)) {
        const why = entriesByNumber.size === 0 ? 'the document has no Notes section with numbered entries' : `the Notes section has no note ${marker.number}`;
        notes.push({ line: marker.line, column: marker.column, message: `note marker "${marker.text}" kept as text: ${why}` });
        continue;
      }
      const count = (counts.get(marker.number) ?? 0) + 1;
      counts.set(marker.number, count);
      references.push({ ...marker, id: noteReferenceId(marker.number, count) });
    }
    for (const match of passage.text.matchAll(GLUED)) {
      const number = Number(match[2]);
      const hint = entriesByNumber.has(number) ? `; note ${number} exists: write [${number}] to link it` : '';
      notes.push({ line: passage.line, column: match.index, message: `"${match[0]}" may end in a note marker; left as written${hint}` });
    }
  }

  const entries: NoteEntry[] = [];
  for (const [number, entry] of entriesByNumber) {
    if (!counts.has(number)) {
      notes.push({ line: entry.line, message: `note ${number} kept as text: no marker in the text cites it` });
      continue;
    }
    entries.push({ ...entry, number, id: noteId(number), backId: noteReferenceId(number, 1) });
  }
  for (const [number, count] of counts) {
    if (count > 1) notes.push({ line: entriesByNumber.get(number)!.line, message: `note ${number} is cited ${count} times: its number links back to the first citation` });
  }
  return { references, entries, notes };
}

function jsxText(name: string, attributes: Record<string, string>, children: PhrasingContent[]): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement',
    name,
    attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
    children,
  };
}

/**
 * A prose passage as phrasing content: text, with each paired marker a superscript link to its
 * note (`<sup id="note-ref-3"><a href="#note-3">[3]</a></sup>`). `passage` must be one of the
 * prose passages given to `findNotes`, with the same line and text.
 */
export function linkNoteMarkers(passage: Passage, found: NotesFound): PhrasingContent[] {
  const here = found.references.filter((r) => r.line === passage.line && passage.text.startsWith(r.text, r.column));
  const children: PhrasingContent[] = [];
  let at = 0;
  for (const reference of here.sort((a, b) => a.column - b.column)) {
    if (reference.column < at) continue;
    if (reference.column > at) children.push({ type: 'text', value: passage.text.slice(at, reference.column) });
    children.push(
      jsxText('sup', { id: reference.id }, [
        jsxText('a', { href: `#${noteId(reference.number)}`, 'aria-label': `Note ${reference.number}` }, [{ type: 'text', value: reference.text }]),
      ]),
    );
    at = reference.column + reference.text.length;
  }
  if (at < passage.text.length) children.push({ type: 'text', value: passage.text.slice(at) });
  return children;
}

/**
 * A line of the notes section as phrasing content: a cited note's number becomes the note's
 * anchor and links back to the text (`<a id="note-3" href="#note-ref-3">[3]</a> ...`); any other
 * line stays text.
 */
export function linkNoteEntry(passage: Passage, found: NotesFound): PhrasingContent[] {
  const entry = found.entries.find((e) => e.line === passage.line);
  const parsed = parseNoteEntry(passage.text);
  if (entry === undefined || parsed === undefined) return [{ type: 'text', value: passage.text }];
  const start = passage.text.indexOf(parsed.marker);
  const end = start + parsed.marker.length;
  const children: PhrasingContent[] = [];
  if (start > 0) children.push({ type: 'text', value: passage.text.slice(0, start) });
  children.push(
    jsxText('a', { id: entry.id, href: `#${entry.backId}`, 'aria-label': `Back to the text citing note ${entry.number}` }, [
      { type: 'text', value: parsed.marker },
    ]),
  );
  children.push({ type: 'text', value: passage.text.slice(end) });
  return children;
}
