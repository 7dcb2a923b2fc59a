/**
 * The committed content: every page under content/assessments/ compiles with Sätteri as Astro
 * does, creates no element or expression from its source, and shows every word of its source
 * (content/sources/<slug>.txt, after the reported fixes) in order; its front matter agrees with
 * the headings Astro finds and with the table files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeSource } from '../../../src/ingest/decode.ts';
import { fixSource } from '../../../src/ingest/fixes.ts';
import { sha256 } from '../../../src/ingest/frontmatter.ts';
import { compareWords, forbiddenNodes, renderMdx, sourceWords, tableLoader } from './render.ts';

const CONTENT = join(import.meta.dirname, '../../../content');
const pages = readdirSync(join(CONTENT, 'assessments'))
  .filter((name) => name.endsWith('.mdx'))
  .sort();

test('both seed documents are published', () => {
  expect(pages).toEqual(expect.arrayContaining(['russia-north-korea-security-alliance.mdx', 'russia-treaty-north-korea.mdx']));
});

describe.each(pages)('content/assessments/%s', (name) => {
  const mdx = readFileSync(join(CONTENT, 'assessments', name), 'utf8');
  const rendered = renderMdx(mdx, tableLoader(CONTENT));
  const matter = rendered.frontMatter as {
    slug: string;
    title: string;
    source: { path: string; sha256: string };
    sections: { id: string; title: string }[];
    tables: string[];
  };

  test('no element or expression comes from source text', () => {
    expect(forbiddenNodes(mdx)).toEqual([]);
  });

  test('the original is kept, and its sha256 is the one in front matter', () => {
    expect(matter.source.path).toBe(`content/sources/${matter.slug}.txt`);
    expect(sha256(readFileSync(join(CONTENT, '..', matter.source.path)))).toBe(matter.source.sha256);
  });

  test('every word of the fixed source is on the page, in order', () => {
    const decoded = decodeSource(readFileSync(join(CONTENT, '..', matter.source.path)));
    if (!decoded.ok) throw new Error(decoded.reason);
    const { text } = fixSource(decoded.text);
    expect(compareWords(rendered.pieces, sourceWords(text, matter.title))).toBeUndefined();
  });

  test('section ids are the ones Astro gives the headings; tables match their files', () => {
    expect(rendered.headings.map((h) => [h.slug, h.text])).toEqual(matter.sections.map((s) => [s.id, s.title]));
    expect(rendered.tableIds).toEqual(matter.tables);
    for (const id of matter.tables) {
      const table = JSON.parse(readFileSync(join(CONTENT, 'tables', `${id}.json`), 'utf8')) as { document: string; section: string };
      expect(table.document).toBe(matter.slug);
      expect(matter.sections.map((s) => s.id)).toContain(table.section);
    }
    const dir = join(CONTENT, 'tables', matter.slug);
    const files = (() => {
      try {
        return readdirSync(dir).map((f) => `${matter.slug}/${f.replace(/\.json$/, '')}`);
      } catch {
        return [];
      }
    })();
    expect(files.sort()).toEqual([...matter.tables].sort());
  });
});
