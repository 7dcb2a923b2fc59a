/**
 * Every word of every source reaches its page: each sentence, heading, bullet (with its label)
 * and table cell of content/sources/<slug>.txt, after the ingester's reported typographic fixes,
 * appears in the visible text of /assessments/<slug>/, in the source's order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/ingest/decode.ts';
import { fixSource } from '../../src/ingest/fixes.ts';
import { assertBuilt, first, fileForPath, loadPage, normalizeSpace, visibleText, BASE } from './support/dist.ts';

const SOURCES = 'content/sources';
const slugs = readdirSync(SOURCES)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => name.slice(0, -'.txt'.length))
  .sort();

/**
 * The pieces of text a page must show for one source, in order: table rows split into cells,
 * bullets without their marker, prose split into sentences. Table separator rows show nothing.
 */
export function expectedPieces(source: string): string[] {
  const pieces: string[] = [];
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (line === '' || /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(line)) continue;
    if (line.includes('|')) {
      pieces.push(...line.split('|').map(normalizeSpace).filter(Boolean));
      continue;
    }
    const text = line.replace(/^[-*•]\s+/u, '');
    pieces.push(...text.split(/(?<=[.!?])\s+/u).map(normalizeSpace).filter(Boolean));
  }
  return pieces;
}

describe('source text on the page', () => {
  beforeAll(assertBuilt);

  it('has a source for at least one document', () => {
    expect(slugs.length).toBeGreaterThan(0);
  });

  it.each(slugs)('%s: every sentence, bullet and table cell appears in order', (slug) => {
    const decoded = decodeSource(readFileSync(join(SOURCES, `${slug}.txt`)));
    if (!decoded.ok) throw new Error(`${SOURCES}/${slug}.txt: ${decoded.reason}`);
    const { text } = fixSource(decoded.text);

    const file = fileForPath(`${BASE}assessments/${slug}/`);
    expect(file, `no page for ${slug}: dist/assessments/${slug}/index.html`).toBeDefined();
    const main = first(loadPage(file!).document, (element) => element.tagName === 'main');
    const shown = visibleText(main!);

    const missing: string[] = [];
    let from = 0;
    for (const piece of expectedPieces(text)) {
      const at = shown.indexOf(piece, from);
      if (at === -1) {
        missing.push(shown.includes(piece) ? `out of order: ${piece}` : piece);
      } else {
        from = at + piece.length;
      }
    }
    expect(missing).toEqual([]);
  });

  it('splits a source the way the test reads it', () => {
    const source = 'Title\n- Label: one. Two!\nA | $5 | +1% |\n---|---|---|\nb\t| c |\n';
    expect(expectedPieces(source)).toEqual(['Title', 'Label: one.', 'Two!', 'A', '$5', '+1%', 'b', 'c']);
  });
});
