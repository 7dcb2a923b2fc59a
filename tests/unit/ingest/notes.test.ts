import { readFileSync } from 'node:fs';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Root } from 'mdast';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { findNotes, linkNoteEntry, linkNoteMarkers, parseNoteEntry, type Passage } from '../../../src/ingest/notes.ts';
import { ASTRO_MDX } from './render.ts';

const source = readFileSync(new URL('./text-fixtures/think-tank-notes.txt', import.meta.url), 'utf8').split('\n');
const passages = source.map((text, index): Passage => ({ line: index + 1, text })).filter((p) => p.text.trim() !== '');
const notesAt = passages.findIndex((p) => p.text === 'Notes');
const prose = passages.slice(0, notesAt);
const noteSection = passages.slice(notesAt + 1);
const found = findNotes(prose, noteSection);

describe('findNotes on a think-tank report with [n] markers and a Notes section', () => {
  it('pairs each marker with its note, numbering repeated citations', () => {
    expect(found.references.map((r) => [r.line, r.text, r.id])).toEqual([
      [6, '[1]', 'note-ref-1'],
      [6, '[2]', 'note-ref-2'],
      [7, '[3]', 'note-ref-3'],
      [7, '[1]', 'note-ref-1-2'],
      [7, '[4]', 'note-ref-4'],
    ]);
    expect(found.entries.map((e) => [e.line, e.number, e.id, e.backId])).toEqual([
      [12, 1, 'note-1', 'note-ref-1'],
      [13, 2, 'note-2', 'note-ref-2'],
      [14, 3, 'note-3', 'note-ref-3'],
      [15, 4, 'note-4', 'note-ref-4'],
    ]);
  });

  it('reports a marker with no note, a note no marker cites, and digits glued to a word, by line', () => {
    expect(found.notes).toEqual([
      { line: 8, column: 109, message: 'note marker "[7]" kept as text: the Notes section has no note 7' },
      { line: 9, column: 71, message: '"sanctions2" may end in a note marker; left as written; note 2 exists: write [2] to link it' },
      { line: 16, message: 'note 5 kept as text: no marker in the text cites it' },
      { line: 12, message: 'note 1 is cited 2 times: its number links back to the first citation' },
    ]);
  });

  it('reads superscript markers and the usual ways of numbering notes', () => {
    const result = findNotes([{ line: 3, text: 'Exports fell by a third.¹ Imports rose.² Prices held.³ Tariffs rose.²⁷' }], [
      { line: 10, text: '1. Customs data, 2025.' },
      { line: 11, text: '2) Ministry of Trade.' },
      { line: 12, text: '3 Central bank bulletin.' },
    ]);
    expect(result.references.map((r) => [r.text, r.number])).toEqual([['¹', 1], ['²', 2], ['³', 3]]);
    expect(result.entries.map((e) => [e.number, e.marker, e.line])).toEqual([[1, '1.', 10], [2, '2)', 11], [3, '3', 12]]);
    expect(result.notes).toEqual([{ line: 3, column: 68, message: 'note marker "²⁷" kept as text: the Notes section has no note 27' }]);
    expect(parseNoteEntry('[12] Reuters, "Sanctions," 2024.')).toEqual({ number: 12, marker: '[12]', text: 'Reuters, "Sanctions," 2024.' });
    expect(parseNoteEntry('2) Ministry of Trade.')).toEqual({ number: 2, marker: '2)', text: 'Ministry of Trade.' });
    expect(parseNoteEntry('See also the annex.')).toBeUndefined();
  });

  it('leaves years, list numbers and citations in brackets of other shapes alone', () => {
    const result = findNotes([{ line: 1, text: 'In 2024 the G7 met [see annex] and [a] list [1, 2] followed; F35 jets arrived.' }], [{ line: 5, text: '[1] A note.' }]);
    expect(result.references).toEqual([]);
    expect(result.notes).toEqual([{ line: 5, message: 'note 1 kept as text: no marker in the text cites it' }]);
  });
});

/** Runs compiled MDX with a tiny JSX runtime and collects text, ids and links of the output. */
function render(root: Root) {
  const mdx = toMarkdown(root, { extensions: [mdxToMarkdown()] });
  const { code } = mdxToJs(mdx, { ...ASTRO_MDX, outputFormat: 'function-body', elementAttributeNameCase: 'html' }) as { code: string };
  const ids = new Map<string, string>();
  const links: { href: string; text: string }[] = [];
  let text = '';
  const textOf = (node: unknown): string =>
    typeof node === 'string' ? node : Array.isArray(node) ? node.map(textOf).join('') : node && typeof node === 'object' ? textOf((node as { props: { children?: unknown } }).props.children) : '';
  const jsx = (type: unknown, props: Record<string, unknown>) => {
    const node = { type, props };
    if (typeof props.id === 'string') ids.set(props.id, String(type));
    if (type === 'a') links.push({ href: String(props.href), text: textOf(props.children) });
    return node;
  };
  const run = new Function(code) as (r: unknown) => { default: (p: unknown) => unknown };
  const tree = run({ Fragment: Symbol('f'), jsx, jsxs: jsx }).default({});
  text = textOf(tree);
  return { mdx, ids, links, text };
}

describe('the mdast the notes produce, compiled with the site\'s Sätteri settings (GFM off)', () => {
  const root: Root = {
    type: 'root',
    children: [
      ...prose.slice(4).map((p) => ({ type: 'paragraph' as const, children: linkNoteMarkers(p, found) })),
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Notes' }] },
      ...noteSection.map((p) => ({ type: 'paragraph' as const, children: linkNoteEntry(p, found) })),
    ],
  };
  const page = render(root);

  it('links every paired marker to its note and every cited note back to its first marker', () => {
    for (const reference of found.references) {
      expect(page.ids.get(reference.id)).toBe('sup');
      expect(page.ids.has(`note-${reference.number}`)).toBe(true);
    }
    expect(page.links.filter((l) => l.href.startsWith('#note-ref'))).toEqual(found.entries.map((e) => ({ href: `#${e.backId}`, text: `[${e.number}]` })));
    expect(page.links.filter((l) => /^#note-\d+$/.test(l.href)).map((l) => l.href)).toEqual(['#note-1', '#note-2', '#note-3', '#note-1', '#note-4']);
    // Every link lands on an id of the page.
    for (const link of page.links) expect(page.ids.has(link.href.slice(1)), link.href).toBe(true);
  });

  it('keeps the words exactly, unpaired markers and the uncited note as text', () => {
    const expected = [...prose.slice(4), { text: 'Notes' }, ...noteSection].map((p) => p.text).join('');
    expect(page.text.replace(/\n/g, '')).toBe(expected);
    expect(page.ids.has('note-5')).toBe(false);
    expect(page.text).toContain('in 2024.[7]');
  });
});
