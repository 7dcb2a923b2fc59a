import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, cardPng, type CardInput } from '../../../../src/lib/cards/card.ts';
import { clipLines, textWidth, wrap, type TextStyle } from '../../../../src/lib/cards/text.ts';
import { readPalettePng } from './png.ts';

const title: TextStyle = { weight: 'bold', size: 48, colour: '#14213d' };

describe('wrap', () => {
  it('breaks at spaces into lines no wider than asked, keeping every word in order', () => {
    const text = 'The Implications of Russia-North Korea Relations for Regional Stability and the Future of Extended Deterrence';
    const lines = wrap(text, title, 600);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line, title)).toBeLessThanOrEqual(600);
    expect(lines.join(' ')).toBe(text);
  });

  it('cuts a word longer than a line (a URL in a title) instead of letting it run off', () => {
    const lines = wrap('See https://www.crisisgroup.org/asia/north-east-asia/korean-peninsula/337-report', title, 500);
    for (const line of lines) expect(textWidth(line, title)).toBeLessThanOrEqual(500);
    expect(lines.join('').replace(/\s/g, '')).toBe('Seehttps://www.crisisgroup.org/asia/north-east-asia/korean-peninsula/337-report');
  });

  it('clips to a number of lines with an ellipsis that still fits', () => {
    const lines = clipLines(wrap('one two three four five six seven eight nine ten eleven twelve', title, 300), 2, title, 300);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    expect(textWidth(lines[1]!, title)).toBeLessThanOrEqual(300);
  });
});

const INK = '#14213d';
const PAPER = '#ffffff';

/** Pixels of a colour other than the background inside a rectangle. */
function inked(png: Buffer, x0: number, y0: number, x1: number, y1: number): number {
  const picture = readPalettePng(png);
  let count = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (picture.at(x, y) !== PAPER) count++;
  return count;
}

describe('cardPng', () => {
  const document: CardInput = { siteName: 'Assessment Atlas', kindLabel: 'Assessment', title: 'Russia–North Korea Security Alliance', date: 'Updated 1 June 2024' };

  it('draws a 1200x630 palette PNG: accent band, white card, dark title, the same bytes every time', () => {
    const png = cardPng(document);
    const picture = readPalettePng(png);
    expect([picture.width, picture.height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(picture.at(600, 10)).toBe('#1d4ed8');
    expect(picture.at(5, 300)).toBe(PAPER);
    expect(cardPng({ ...document })).toEqual(png);
    // The title's strokes are solid ink somewhere in the middle band of the card.
    let solid = 0;
    for (let y = 200; y < 450; y++) for (let x = 72; x < 1128; x++) if (picture.at(x, y) === INK) solid++;
    expect(solid).toBeGreaterThan(2000);
  });

  it('shows the date only when the document states one', () => {
    const dateBand = (png: Buffer) => inked(png, 72, 532, 600, 574);
    expect(dateBand(cardPng(document))).toBeGreaterThan(0);
    expect(dateBand(cardPng({ ...document, date: undefined }))).toBe(0);
  });

  it('keeps any title, however long, inside the margins and clear of the date', () => {
    const long = `${'An Assessment of the Strategic Consequences of the Treaty on Comprehensive Strategic Partnership '.repeat(4)}https://example.org/${'x'.repeat(120)}`;
    for (const input of [{ ...document, title: long }, { ...document, title: 'Key Judgments', context: long }]) {
      const png = cardPng(input);
      expect(inked(png, 0, 24, 72, CARD_HEIGHT), 'left margin').toBe(0);
      expect(inked(png, 1128, 140, CARD_WIDTH, CARD_HEIGHT), 'right margin').toBe(0);
      expect(inked(png, 0, 600, CARD_WIDTH, CARD_HEIGHT), 'bottom margin').toBe(0);
      expect(inked(png, 72, 512, 1128, 532), 'between the title and the date').toBe(0);
    }
  });

  it('gives a section its own card, with the document named under the section title', () => {
    const section = cardPng({ ...document, title: 'Key Judgments', context: document.title });
    expect(section).not.toEqual(cardPng(document));
    expect(section).not.toEqual(cardPng({ ...document, title: 'Key Judgments' }));
  });
});
