/**
 * The social card of a page: a 1200x630 PNG that chat clients and social sites show with a
 * shared link. Site name, kind, title (a section's card adds its document's title) and date,
 * dark text on a light card with a strong accent band, so it reads the same in light and dark
 * clients (the card carries its own background). Drawn without a browser (src/lib/cards/
 * raster.ts says why not with a general renderer); the same input gives the same bytes.
 */
import { Canvas } from './canvas.ts';
import { roundedRect, rasterize } from './raster.ts';
import { centredBaseline, clipLines, drawText, textWidth, wrap, type TextStyle } from './text.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardInput {
  siteName: string;
  /** "Assessment", "Article". */
  kindLabel: string;
  /** The big line: the document's title, or the section's on a section's card. */
  title: string;
  /** On a section's card: the title of the document it belongs to, under the section's. */
  context?: string | undefined;
  /** With its label, as the page shows it ("Updated 1 June 2024"); omitted when the document states none. */
  date?: string | undefined;
}

const INK = '#14213d';
const MUTED = '#4a5568';
const ACCENT = '#1d4ed8';
const PAPER = '#ffffff';

const BAND = 24;
const MARGIN_X = 72;
const TOP = BAND + 48;
const BOTTOM = CARD_HEIGHT - 56;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN_X;
const HEADER_HEIGHT = 46;
const DATE_HEIGHT = 38;
const GAP = 28;
const LINE_HEIGHT = 1.15;

const siteNameStyle: TextStyle = { weight: 'bold', size: 30, colour: ACCENT };
const badgeStyle: TextStyle = { weight: 'bold', size: 24, colour: PAPER, letterSpacing: 2 };
const dateStyle: TextStyle = { weight: 'regular', size: 28, colour: MUTED };
const contextStyle: TextStyle = { weight: 'regular', size: 30, colour: MUTED };

/** Title sizes, largest first: long titles get a smaller size rather than being cut. */
const TITLE_SIZES = [64, 56, 48, 42, 36];

/** The title's size and lines: the largest size (no larger than its length suggests) whose lines fit `height`. */
function titleLines(title: string, height: number): { style: TextStyle; lines: string[] } {
  const length = [...title].length;
  const largest = length <= 50 ? 64 : length <= 90 ? 56 : length <= 140 ? 48 : 42;
  const sizes = TITLE_SIZES.filter((size) => size <= largest);
  for (const size of sizes) {
    const style: TextStyle = { weight: 'bold', size, colour: INK };
    const lines = wrap(title, style, TEXT_WIDTH);
    if (lines.length * size * LINE_HEIGHT <= height) return { style, lines };
  }
  const style: TextStyle = { weight: 'bold', size: sizes.at(-1)!, colour: INK };
  return { style, lines: clipLines(wrap(title, style, TEXT_WIDTH), Math.floor(height / (style.size * LINE_HEIGHT)), style, TEXT_WIDTH) };
}

export function cardPng(input: CardInput): Buffer {
  const canvas = new Canvas(CARD_WIDTH, CARD_HEIGHT, PAPER);
  canvas.fillRect(0, 0, CARD_WIDTH, BAND, ACCENT);

  // Header: the site's name on the left, the kind as a badge on the right.
  const headerMiddle = TOP + HEADER_HEIGHT / 2;
  drawText(canvas, input.siteName, siteNameStyle, MARGIN_X, centredBaseline(headerMiddle, siteNameStyle));
  const label = input.kindLabel.toUpperCase();
  const badgeWidth = Math.round(textWidth(label, badgeStyle)) + 32;
  const badgeLeft = CARD_WIDTH - MARGIN_X - badgeWidth;
  canvas.paint(rasterize(roundedRect(badgeLeft, TOP, badgeWidth, HEADER_HEIGHT, 6)), INK);
  drawText(canvas, label, badgeStyle, badgeLeft + 16, centredBaseline(headerMiddle, badgeStyle));

  // The title (and a section's document) centred in the space between header and date.
  const spaceTop = TOP + HEADER_HEIGHT + GAP;
  const spaceBottom = BOTTOM - DATE_HEIGHT - GAP;
  const contextLineHeight = contextStyle.size * 1.3;
  const context = input.context ? clipLines(wrap(input.context, contextStyle, TEXT_WIDTH), 2, contextStyle, TEXT_WIDTH) : [];
  const contextHeight = context.length > 0 ? 16 + context.length * contextLineHeight : 0;
  const { style, lines } = titleLines(input.title, spaceBottom - spaceTop - contextHeight);
  const lineHeight = style.size * LINE_HEIGHT;
  let top = spaceTop + (spaceBottom - spaceTop - lines.length * lineHeight - contextHeight) / 2;
  for (const line of lines) {
    drawText(canvas, line, style, MARGIN_X, centredBaseline(top + lineHeight / 2, style));
    top += lineHeight;
  }
  top += 16;
  for (const line of context) {
    drawText(canvas, line, contextStyle, MARGIN_X, centredBaseline(top + contextLineHeight / 2, contextStyle));
    top += contextLineHeight;
  }

  if (input.date) drawText(canvas, input.date, dateStyle, MARGIN_X, centredBaseline(BOTTOM - DATE_HEIGHT / 2, dateStyle));
  return canvas.png();
}
