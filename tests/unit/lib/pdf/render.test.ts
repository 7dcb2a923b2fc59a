import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PdfDocument, Run } from '../../../../src/lib/pdf/model.ts';
import { renderPdf } from '../../../../src/lib/pdf/render.ts';

const text = (value: string): Run => ({ type: 'text', text: value });
const marker = (n: number, linked = true): Run => ({ type: 'noteref', text: `[${n}]`, ...(linked ? { note: `note-${n}` } : {}) });
// Long enough that its markers fall at the ends of lines and in the middle of them.
const filler = (n: number) => Array.from({ length: n }, (_, i) => `Allied outlays on missile defense rose again in year ${i + 1} of the plan.`).join(' ');

/** A think-tank report with endnotes, as the model reads it from a built page. */
const report: PdfDocument = {
  title: 'Paying for Deterrence: Allied Burden Sharing and Missile Defense in Northeast Asia',
  lang: 'en',
  url: 'https://atlas.example.org/assessments/paying-deterrence/',
  facts: ['Report', 'Published 4 March 2026'],
  byline: 'By Maria Okafor, Daniel Reyes and Hana Kim',
  authors: ['Maria Okafor', 'Daniel Reyes', 'Hana Kim'],
  lede: [],
  sections: [
    {
      id: 'executive-summary',
      title: 'Executive Summary',
      blocks: [
        {
          type: 'paragraph',
          runs: [
            text('Allied spending on missile defense in Northeast Asia has grown faster than at any time since the end of the Cold War.'),
            marker(1),
            text(` Japan and South Korea now fund most of the interceptors deployed in the region. ${filler(6)}`),
            marker(3),
            text(` ${filler(4)}`),
            marker(2),
            text(` ${filler(3)} Further tests are likely before the next budget cycle.`),
            marker(5, false),
          ],
        },
        { type: 'list', ordered: false, start: 1, items: [[text('Spending: Combined allied outlays rose by a third between 2022 and 2025.'), marker(2)]] },
      ],
    },
    {
      id: 'notes',
      title: 'Notes',
      blocks: [
        { type: 'note', id: 'note-1', label: '[1]', runs: [text('International Institute for Strategic Studies, The Military Balance 2026 (London: IISS, 2026).')] },
        { type: 'note', id: 'note-2', label: '[2]', runs: [text('Ministry of Defense of Japan, Defense of Japan 2025 (Tokyo, 2025).')] },
        { type: 'note', id: 'note-3', label: '[3]', runs: [text('Center for Arms Control, North Korean Missile Test Database, accessed February 2026.')] },
      ],
    },
  ],
};

interface Line {
  page: number;
  y: number;
  items: TextItem[];
}

let bytes: Buffer;
let pages: { items: TextItem[]; links: { dest: unknown; rect: number[] }[] }[];
let destinations: Record<string, unknown[]>;
let pageRefs: unknown[];

beforeAll(async () => {
  bytes = (await renderPdf(report, { siteName: 'Assessment Atlas' })).bytes;
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  pages = [];
  pageRefs = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    pageRefs.push(page.ref);
    const items = (await page.getTextContent()).items.filter((item): item is TextItem => 'str' in item);
    const links = (await page.getAnnotations()).filter((a) => a.subtype === 'Link' && typeof a.dest === 'string').map((a) => ({ dest: a.dest, rect: a.rect as number[] }));
    pages.push({ items, links });
  }
  destinations = (await pdf.getDestinations()) as Record<string, unknown[]>;
});

const isMarker = (item: TextItem) => /^\[\d+\]$/.test(item.str);
/** The text as pdf.js gives it to a reader copying it, line ends as spaces (as tests/site/outputs.test.ts reads it). */
const flat = () => pages.map((page) => page.items.map((item) => `${item.str}${item.hasEOL ? ' ' : ''}`).join('')).join(' ');

describe('note markers in the PDF', () => {
  it('stay in the text where they were, glued to the word they follow: pdf.js reads "Cold War.[1] Japan"', () => {
    expect(flat()).toContain('since the end of the Cold War.[1] Japan and South Korea');
    expect(flat()).toContain('next budget cycle.[5]');
  });

  it('are set smaller than their text and raised above its baseline, never at the start of a line', () => {
    const markers = pages.flatMap((page) => page.items.filter(isMarker).map((item) => ({ item, page })));
    // [1], [3], [2], [5] in the paragraph and [2] in the list; the notes' own numbers are not markers.
    const inText = markers.filter(({ item }) => item.height < 9);
    expect(inText.map(({ item }) => item.str)).toEqual(['[1]', '[3]', '[2]', '[5]', '[2]']);
    for (const { item, page } of inText) {
      const before = page.items.filter((other) => !isMarker(other) && other.str.trim() !== '' && Math.abs(other.transform[5]! - item.transform[5]!) < 8 && other.transform[4]! < item.transform[4]!);
      expect(before.length, `${item.str} starts a line`).toBeGreaterThan(0);
      const word = before.at(-1)!;
      expect(item.height).toBeLessThan(word.height * 0.75);
      // PDF y grows upwards: the marker's baseline is above the text's.
      expect(item.transform[5]! - word.transform[5]!).toBeGreaterThan(2.5);
    }
  });

  it('keep the lines of their paragraph evenly spaced, whichever line a marker ends', () => {
    // Text at body size (11 pt): the paragraph and the list item.
    const body = pages[0]!.items.filter((item) => item.str.trim() !== '' && Math.abs(item.height - 11) < 0.01);
    const baselines = [...new Set(body.map((item) => Math.round(item.transform[5]! * 100) / 100))].sort((a, b) => b - a);
    expect(baselines.length).toBeGreaterThan(12);
    const steps = new Set(baselines.slice(1).map((y, i) => Math.round((baselines[i]! - y) * 10) / 10));
    // One step between lines of a paragraph, one across the gap to the list.
    expect([...steps].filter((step) => step < 20)).toHaveLength(1);
  });

  it('link to their note where the note is in this PDF, and the unlinked one links nowhere', () => {
    const links = pages.flatMap((page) => page.links.map((link) => link.dest)).filter((dest) => String(dest).startsWith('note-'));
    expect(links).toEqual(['note-1', 'note-3', 'note-2', 'note-2']);
    for (const id of ['note-1', 'note-2', 'note-3']) {
      const [page, , , top] = destinations[id]!;
      const index = pageRefs.findIndex((ref) => JSON.stringify(ref) === JSON.stringify(page));
      // The destination is the note's line: its number and text start right there.
      const label = pages[index]!.items.find((item) => item.str === `[${id.slice(5)}]` && item.height > 9)!;
      expect(label, id).toBeDefined();
      expect(Math.abs((top as number) - (label.transform[5]! + label.height))).toBeLessThan(6);
    }
  });
});

describe('the title and contents of the PDF', () => {
  it('wraps a title longer than a line within the margins, and sets a short heading on one line', () => {
    const title = pages[0]!.items.filter((item) => item.str.trim() !== '' && Math.abs(item.height - 22) < 0.01);
    expect(new Set(title.map((item) => Math.round(item.transform[5]!))).size).toBeGreaterThan(1);
    expect(title.map((item) => item.str).join(' ').replace(/\s+/g, ' ')).toContain('Paying for Deterrence: Allied Burden Sharing');
    for (const item of title) {
      expect(item.transform[4]!).toBeGreaterThanOrEqual(64 - 0.01);
      expect(item.transform[4]! + item.width).toBeLessThanOrEqual(595.28 - 64 + 0.01);
    }
    const heading = pages.flatMap((page) => page.items).filter((item) => item.str.includes('Executive Summary') && Math.abs(item.height - 15) < 0.01);
    expect(heading).toHaveLength(1);
  });

  it('lists every section in the contents, set in under its caption, each entry a link over its text to the top of its section', () => {
    const caption = pages[0]!.items.find((item) => item.str === 'Contents')!;
    for (const [index, title] of report.sections.map((section) => section.title).entries()) {
      const entry = pages[0]!.items.find((item) => item.str === `${index + 1}. ${title}`)!;
      expect(entry, title).toBeDefined();
      expect(entry.transform[4]! - caption.transform[4]!).toBeGreaterThan(4);
      expect(entry.transform[5]!).toBeLessThan(caption.transform[5]!);
      const link = pages[0]!.links.find((candidate) => candidate.dest === `s${index}`)!;
      expect(link, title).toBeDefined();
      const [x1, y1, x2, y2] = link.rect as [number, number, number, number];
      // The link covers the entry's text, no more than a hair wider.
      expect(Math.abs(x1 - entry.transform[4]!)).toBeLessThan(0.01);
      expect(Math.abs(x2 - (entry.transform[4]! + entry.width))).toBeLessThan(0.5);
      expect(entry.transform[5]!).toBeGreaterThan(y1);
      expect(entry.transform[5]!).toBeLessThan(y2);
      const [page, , , top] = destinations[`s${index}`]!;
      const at = pageRefs.findIndex((ref) => JSON.stringify(ref) === JSON.stringify(page));
      const heading = pages[at]!.items.find((item) => item.str === title && Math.abs(item.height - 15) < 0.01)!;
      expect(heading, title).toBeDefined();
      expect(Math.abs((top as number) - (heading.transform[5]! + heading.height))).toBeLessThan(6);
    }
  });
});

describe('the notes section in the PDF', () => {
  it('lists the notes in order, each with its number and its text', () => {
    const notes = flat().slice(flat().lastIndexOf('Notes'));
    const order = ['[1] International Institute for Strategic Studies', '[2] Ministry of Defense of Japan', '[3] Center for Arms Control'].map((entry) =>
      notes.replace(/\s+/g, ' ').replace(/\] ?/g, '] ').indexOf(entry),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('draws the same bytes for the same document', async () => {
    expect(Buffer.compare((await renderPdf(report, { siteName: 'Assessment Atlas' })).bytes, bytes)).toBe(0);
  });
});

/** A UK-style assessment whose judgements and a quoted source run over several pages. */
const assessment: PdfDocument = {
  title: 'Iran: Maritime Harassment in the Strait of Hormuz',
  lang: 'en-GB',
  url: 'https://atlas.example.org/assessments/iran-hormuz/',
  facts: ['Assessment', 'Published 12 January 2026'],
  authors: [],
  lede: [],
  sections: [
    {
      id: 'key-judgements',
      title: 'Key judgements',
      blocks: [
        ...Array.from({ length: 6 }, (_, i) => ({ type: 'paragraph' as const, runs: [text(`We judge it highly likely (${i + 1}) that harassment of merchant shipping will continue. ${filler(8)}`)] })),
        // Longer than a page, so it runs onto the next one whatever page it starts on.
        { type: 'quote', runs: [text(`A master of a tanker boarded in the strait reported: ${filler(60)}`)] },
      ],
    },
  ],
};

describe('colours in the PDF', () => {
  it('keeps text that runs onto a new page in its colour there, not in the black a page starts with', async () => {
    const rendered = await renderPdf(assessment, { siteName: 'Assessment Atlas' });
    const pdf = await getDocument({ data: new Uint8Array(rendered.bytes), useSystemFonts: false, isEvalSupported: false }).promise;
    expect(pdf.numPages).toBeGreaterThan(2);
    const colours: string[] = [];
    for (let n = 2; n <= pdf.numPages; n++) {
      const { fnArray, argsArray } = await (await pdf.getPage(n)).getOperatorList();
      // The graphics state at the start of every page: black fill, kept and restored by q/Q.
      const stack: string[] = [];
      let fill = '#000000';
      fnArray.forEach((fn, i) => {
        if (fn === OPS.save) stack.push(fill);
        else if (fn === OPS.restore) fill = stack.pop() ?? fill;
        else if (fn === OPS.setFillRGBColor) fill = String((argsArray[i] as unknown[])[0]);
        else if (fn === OPS.showText) colours.push(fill);
      });
    }
    // Body text in ink (#111111), the quote and the footers muted (#444444).
    expect(new Set(colours)).toEqual(new Set(['#111111', '#444444']));
  });
});
