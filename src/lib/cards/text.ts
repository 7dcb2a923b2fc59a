/**
 * Text on a card: shaped by fontkit with the shipped Noto Sans (kerning and ligatures, the same
 * shaping as the PDFs), wrapped at spaces, and drawn glyph by glyph from coverage masks that
 * are rasterised once per glyph, size and quarter-pixel offset and then reused by every card.
 */
import type { Canvas } from './canvas.ts';
import { parsedFonts, type Glyph } from './fonts.ts';
import { rasterize, type Mask, type PathCommand } from './raster.ts';

export interface TextStyle {
  weight: 'regular' | 'bold';
  /** Pixels per em. */
  size: number;
  colour: string;
  /** Pixels added after each character (CSS letter-spacing). */
  letterSpacing?: number;
}

/** Noto Sans's cap height, in ems: what centres a line of capitals and lower case on a point. */
const CAP_HEIGHT = 0.714;

/** Glyph positions are kept to a quarter pixel: finer does not show, coarser spaces unevenly. */
const SUBPIXEL = 4;

const MASK_LIMIT = 20_000;
const masks = new Map<string, Mask>();

interface Placed {
  glyph: Glyph;
  /** From the start of the line and from the baseline, in pixels. */
  x: number;
  y: number;
}

function shape(text: string, style: TextStyle): { placed: Placed[]; width: number } {
  const font = parsedFonts()[style.weight];
  const scale = style.size / font.unitsPerEm;
  const spacing = style.letterSpacing ?? 0;
  const run = font.layout(text);
  const placed: Placed[] = [];
  let pen = 0;
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i]!;
    placed.push({ glyph, x: pen + position.xOffset! * scale, y: -position.yOffset! * scale });
    pen += position.xAdvance! * scale + spacing;
  });
  return { placed, width: placed.length > 0 ? pen - spacing : 0 };
}

export function textWidth(text: string, style: TextStyle): number {
  return shape(text, style).width;
}

/** The baseline that centres a line of `style` on `middle` (capitals and lower case alike). */
export function centredBaseline(middle: number, style: TextStyle): number {
  return middle + (CAP_HEIGHT * style.size) / 2;
}

/** Cuts a word too long for a line into pieces that fit (a long URL in a title). */
function splitWord(word: string, style: TextStyle, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && textWidth(piece + char, style) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  return piece ? [...pieces, piece] : pieces;
}

/** Lines of at most `maxWidth` pixels, broken at spaces; a run of white space counts as one. */
export function wrap(text: string, style: TextStyle, maxWidth: number): string[] {
  const space = textWidth(' ', style);
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (const piece of textWidth(word, style) > maxWidth ? splitWord(word, style, maxWidth) : [word]) {
      const pieceWidth = textWidth(piece, style);
      if (line && width + space + pieceWidth > maxWidth) {
        lines.push(line);
        line = '';
        width = 0;
      }
      width += (line ? space : 0) + pieceWidth;
      line = line ? `${line} ${piece}` : piece;
    }
  }
  return line ? [...lines, line] : lines;
}

/** Keeps `lines` to `max`, ending the last one kept with an ellipsis that fits in `maxWidth`. */
export function clipLines(lines: readonly string[], max: number, style: TextStyle, maxWidth: number): string[] {
  if (lines.length <= max) return [...lines];
  const kept = lines.slice(0, max);
  let last = kept[max - 1]!;
  while (last && textWidth(`${last}…`, style) > maxWidth) {
    const shorter = last.replace(/\s+\S+$/, '');
    last = shorter !== last ? shorter : [...last].slice(0, -1).join('');
  }
  kept[max - 1] = `${last}…`;
  return kept;
}

function glyphMask(glyph: Glyph, style: TextStyle, phase: number, rise: number): Mask {
  const key = `${style.weight}:${glyph.id}:${style.size}:${phase}:${rise}`;
  let mask = masks.get(key);
  if (!mask) {
    const scale = style.size / parsedFonts()[style.weight].unitsPerEm;
    const dx = phase / SUBPIXEL;
    // Font units have y up; the canvas has y down, with the baseline at 0.
    const commands = glyph.path.commands.map(({ command, args }) => ({
      command,
      args: args.map((value, i) => (i % 2 === 0 ? dx + value * scale : rise - value * scale)),
    })) as PathCommand[];
    mask = rasterize(commands);
    if (masks.size < MASK_LIMIT) masks.set(key, mask);
  }
  return mask;
}

/** Draws one line of text with its left end at x and its baseline at y. */
export function drawText(canvas: Canvas, text: string, style: TextStyle, x: number, baseline: number): void {
  const y = Math.round(baseline);
  for (const { glyph, x: offset, y: rise } of shape(text, style).placed) {
    // Glyph 0 is the font's "missing" box: the build warns about such characters instead.
    if (glyph.id === 0) continue;
    const at = x + offset;
    let whole = Math.floor(at);
    let phase = Math.round((at - whole) * SUBPIXEL);
    if (phase === SUBPIXEL) {
      whole += 1;
      phase = 0;
    }
    canvas.paint(glyphMask(glyph, style, phase, Math.round(rise)), style.colour, whole, y);
  }
}
