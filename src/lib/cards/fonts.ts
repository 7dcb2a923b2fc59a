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

let coverage: { hasGlyphForCodePoint(codePoint: number): boolean } | undefined;

/**
 * The distinct characters of `text` that the shipped font cannot draw (Chinese, Korean...),
 * so a caller can say which ones would come out as empty boxes.
 */
export function missingGlyphs(text: string): string[] {
  coverage ??= fontkit.create(fontData().regular) as { hasGlyphForCodePoint(codePoint: number): boolean };
  const missing = new Set<string>();
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    // White space and format controls draw nothing in any font.
    if (/[\s\p{Cf}]/u.test(char)) continue;
    if (!coverage.hasGlyphForCodePoint(codePoint)) missing.add(char);
  }
  return [...missing];
}
