/**
 * The fonts of the generated outputs (cards, PDFs), read from src/assets/fonts/ so no output
 * depends on the fonts of the machine that builds it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as fontkit from 'fontkit';

/**
 * Paths from the project root (the build's working directory), not from this module: the
 * build bundles it into dist/.prerender/chunks/, where relative URLs no longer reach src/.
 */
export const PROJECT_FILES = (path: string) => resolve(path);

export const FONT_FILES = {
  regular: PROJECT_FILES('src/assets/fonts/NotoSans-Regular.ttf'),
  bold: PROJECT_FILES('src/assets/fonts/NotoSans-Bold.ttf'),
  italic: PROJECT_FILES('src/assets/fonts/NotoSans-Italic.ttf'),
} as const;

let cached: { regular: Buffer; bold: Buffer } | undefined;

export function fontData(): { regular: Buffer; bold: Buffer } {
  cached ??= { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) };
  return cached;
}

interface Position {
  [key: string]: number;
}
/** What the cards read of a glyph: its id (0: the font has none for the character) and outline, in font units, y up. */
export interface Glyph {
  id: number;
  path: { commands: { command: string; args: number[] }[] };
}
interface Run {
  glyphs: Glyph[];
  positions: Position[];
}
export interface FontkitFont {
  postscriptName: string;
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features?: unknown): Run;
}

const LAYOUT_MEMO_LIMIT = 200_000;

/**
 * A font whose layout of a run of text (shaping with the font's kerning and ligature tables,
 * most of the cost of a PDF) is computed once per process for every document. pdfkit scales
 * the positions it gets in place, by 1000 / unitsPerEm: for a font of 1000 units per em (Noto
 * Sans) that leaves them as they are, so every caller shares one run; for any other font each
 * caller gets its own copy of them.
 */
function memoizedLayout(font: FontkitFont): FontkitFont {
  const memo = new Map<string, Run>();
  const shared = font.unitsPerEm === 1000;
  const wrapped = Object.create(font) as FontkitFont;
  const withWidth = (glyphs: Glyph[], positions: Position[]) => ({ glyphs, positions, advanceWidth: positions.reduce((sum, position) => sum + position.xAdvance!, 0) });
  wrapped.layout = (text, features) => {
    if (features !== undefined) return font.layout(text, features);
    let run = memo.get(text);
    if (!run) {
      const shaped = font.layout(text);
      const positions = shaped.positions.map((position) => ({ ...position }));
      run = shared ? withWidth(shaped.glyphs, positions) : { glyphs: shaped.glyphs, positions };
      if (memo.size < LAYOUT_MEMO_LIMIT) memo.set(text, run);
    }
    if (shared) return run;
    const positions = run.positions.map((position) => ({ ...position }));
    return {
      glyphs: run.glyphs,
      positions,
      // Read after pdfkit has scaled them.
      get advanceWidth() {
        return positions.reduce((sum, position) => sum + position.xAdvance!, 0);
      },
    };
  };
  return wrapped;
}

let parsed: { regular: FontkitFont; bold: FontkitFont; italic: FontkitFont } | undefined;

/** The fonts parsed by fontkit once per process, as pdfkit takes them (a font object instead of a file). */
export function parsedFonts() {
  parsed ??= {
    regular: memoizedLayout(fontkit.create(fontData().regular) as FontkitFont),
    bold: memoizedLayout(fontkit.create(fontData().bold) as FontkitFont),
    italic: memoizedLayout(fontkit.create(readFileSync(FONT_FILES.italic)) as FontkitFont),
  };
  return parsed;
}

let coverage: { hasGlyphForCodePoint(codePoint: number): boolean } | undefined;
/**
 * Characters already found drawable: a document's text is checked whole before its PDF is
 * drawn, and testing each character against the font's tables costs more than drawing it.
 */
const drawable = new Set<number>();

/**
 * The distinct characters of `text` that the shipped font cannot draw (Chinese, Korean...),
 * so a caller can say which ones would come out as empty boxes.
 */
export function missingGlyphs(text: string): string[] {
  coverage ??= parsedFonts().regular;
  const missing = new Set<string>();
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (drawable.has(codePoint)) continue;
    // White space and format controls draw nothing in any font.
    if (/[\s\p{Cf}]/u.test(char) || coverage.hasGlyphForCodePoint(codePoint)) drawable.add(codePoint);
    else missing.add(char);
  }
  return [...missing];
}
