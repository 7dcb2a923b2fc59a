/**
 * Endnotes in the PDF of a built page: a think-tank report whose markers ("[1]") the ingester
 * links to its Notes section (tests/unit/ingest/fixtures/think-tank-endnotes), built with the
 * real site and read back with pdf.js. What the page shows is the expectation: every marker it
 * links is a link in the PDF to the same note, and every note it numbers is in the PDF with its
 * number, in the page's order.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from './support/builtSite.ts';
import { attr, byTag, first, normalizeSpace, visibleText, type Element, type Page } from './support/dist.ts';
import { createFixtureSite, type FixtureSite } from './support/fixtureSite.ts';

const SOURCE = 'think-tank-endnotes';

let fixture: FixtureSite;
let page: Page;
let text: string;
let links: string[];
let destinations: string[];

beforeAll(async () => {
  fixture = createFixtureSite();
  mkdirSync(join(fixture.root, 'incoming'));
  const file = join(fixture.root, 'incoming', `${SOURCE}.txt`);
  cpSync(`tests/unit/ingest/fixtures/${SOURCE}/source.txt`, file);
  await promisify(execFile)(process.execPath, ['src/ingest/cli.ts', file, '--root', fixture.root], { cwd: process.cwd() });
  const built = await fixture.build();
  if (!built.ok) throw new Error(built.output);
  // The one page with endnotes: the fixture's seed document has none.
  page = builtSite(fixture.dist).pages.find((candidate) => /^assessments\/[^/]+\/index\.html$/.test(candidate.file) && candidate.html.includes('id="note-ref-1"'))!;
  expect(page, 'no built page has endnote markers').toBeDefined();
  const link = first(page.document, (el) => el.tagName === 'a' && attr(el, 'type') === 'application/pdf')!;
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(join(fixture.dist, attr(link, 'href')!))), useSystemFonts: false, isEvalSupported: false }).promise;
  text = '';
  links = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const pdfPage = await pdf.getPage(n);
    const items = (await pdfPage.getTextContent()).items.filter((item): item is TextItem => 'str' in item);
    text += ` ${items.map((item) => `${item.str}${item.hasEOL ? ' ' : ''}`).join('')}`;
    links.push(...(await pdfPage.getAnnotations()).flatMap((annotation) => (typeof annotation.dest === 'string' ? [annotation.dest] : [])));
  }
  text = normalizeSpace(text);
  destinations = Object.keys(await pdf.getDestinations());
}, 240_000);
afterAll(() => fixture?.remove());

/** The page's markers: `<sup id="note-ref-N"><a href="#note-N">[N]</a></sup>`, in text order. */
const markers = (): Element[] => byTag(page.document, 'sup').filter((sup) => /^note-ref-/.test(attr(sup, 'id') ?? ''));
/** The page's notes: `<a id="note-N">[N]</a> text` paragraphs, in order. */
const notes = (): Element[] => byTag(page.document, 'a').filter((a) => /^note-\d+$/.test(attr(a, 'id') ?? ''));

describe('the PDF of a report with endnotes', { timeout: 120_000 }, () => {
  it('links every marker the page links, in the same order, to the note the page links it to', () => {
    expect(markers().length).toBeGreaterThan(1);
    const targets = markers().map((sup) => attr(first(sup, (el) => el.tagName === 'a')!, 'href')!.slice(1));
    expect(links.filter((dest) => dest.startsWith('note-'))).toEqual(targets);
    for (const target of targets) expect(destinations).toContain(target);
  });

  it('keeps each marker in its sentence as the page shows it: "Cold War.[1] Japan", with no space before the marker', () => {
    for (const sup of markers()) {
      const paragraph = sup.parentNode as Element;
      const words = normalizeSpace(visibleText(paragraph));
      const marker = normalizeSpace(visibleText(sup));
      const at = words.indexOf(marker);
      const around = words.slice(Math.max(0, words.lastIndexOf(' ', at - 1) + 1), at + marker.length);
      expect(text, `marker ${marker}`).toContain(around);
    }
    expect(text).toContain('since the end of the Cold War.[1] Japan');
  });

  it('prints the Notes section as the page numbers it: each note with its number and text, in order', () => {
    expect(notes().length).toBeGreaterThan(1);
    const positions = notes().map((anchor) => {
      const entry = normalizeSpace(visibleText(anchor.parentNode as Element));
      const start = entry.split(' ').slice(0, 6).join(' ');
      expect(text, `note ${attr(anchor, 'id')}`).toContain(start);
      return text.indexOf(start);
    });
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
