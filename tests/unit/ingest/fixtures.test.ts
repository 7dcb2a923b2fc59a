/**
 * Fixture tests: each directory under fixtures/ holds a source.txt (and optional args.json with
 * the CLI options), and the exact expected output: expected.mdx, expected-tables/<id>.json and
 * expected-report.txt. Every generated page is also compiled and rendered the way Astro does and
 * compared word for word with its (fixed) source.
 *
 * After an intended change of output, regenerate with
 *   UPDATE_FIXTURES=1 npx vitest run --project unit tests/unit/ingest/fixtures.test.ts
 * and review the diff of the expected files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeSource } from '../../../src/ingest/decode.ts';
import { fixSource } from '../../../src/ingest/fixes.ts';
import { ingestSource, type IngestOptions, type PlannedDocument } from '../../../src/ingest/ingest.ts';
import { formatReport } from '../../../src/ingest/report.ts';
import { loadCountries, loadTopics } from '../../../src/ingest/vocabulary.ts';
import { compareWords, forbiddenNodes, renderMdx, sourceWords, type TableFile } from './render.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const countries = loadCountries(FIXTURES);
const topics = loadTopics(FIXTURES);

const REPOSITORY = join(import.meta.dirname, '../../..');

/**
 * A fixture's source: its own source.txt, or (for the seeds, stored once under content/sources/)
 * the repository path written in source.path.
 */
export function fixtureSource(dir: string): string {
  const pointer = join(dir, 'source.path');
  return existsSync(pointer) ? join(REPOSITORY, readFileSync(pointer, 'utf8').trim()) : join(dir, 'source.txt');
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(fixtureSource(join(FIXTURES, d.name))))
  .map((d) => d.name)
  .sort();

function optionsOf(dir: string): IngestOptions {
  const file = join(dir, 'args.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as IngestOptions) : {};
}

function ingest(dir: string) {
  const bytes = readFileSync(fixtureSource(dir));
  const result = ingestSource({ bytes, name: 'source.txt', options: optionsOf(dir), countries, topics });
  if (!result.ok) throw new Error(`${dir}: ${result.reason}`);
  return { bytes, document: result.document, report: formatReport('source.txt', result.report).join('\n') + '\n' };
}

function writeExpected(dir: string, document: PlannedDocument, report: string) {
  writeFileSync(join(dir, 'expected.mdx'), document.mdx);
  writeFileSync(join(dir, 'expected-report.txt'), report);
  rmSync(join(dir, 'expected-tables'), { recursive: true, force: true });
  if (document.tables.length > 0) {
    mkdirSync(join(dir, 'expected-tables'));
    for (const t of document.tables) writeFileSync(join(dir, 'expected-tables', `${t.id}.json`), t.text);
  }
}

test('there are fixtures', () => {
  expect(cases.length).toBeGreaterThanOrEqual(14);
});

describe.each(cases)('fixture %s', (name) => {
  const dir = join(FIXTURES, name);
  const { bytes, document, report } = ingest(dir);
  if (UPDATE) writeExpected(dir, document, report);

  test('MDX is exactly the expected file', () => {
    expect(document.mdx).toBe(readFileSync(join(dir, 'expected.mdx'), 'utf8'));
  });

  test('table data files are exactly the expected files', () => {
    const tablesDir = join(dir, 'expected-tables');
    const expected = existsSync(tablesDir) ? readdirSync(tablesDir).sort() : [];
    expect(document.tables.map((t) => `${t.id}.json`).sort()).toEqual(expected);
    for (const t of document.tables) expect(t.text).toBe(readFileSync(join(tablesDir, `${t.id}.json`), 'utf8'));
  });

  test('the report is exactly the expected one', () => {
    expect(report).toBe(readFileSync(join(dir, 'expected-report.txt'), 'utf8'));
  });

  test('the original is kept byte for byte', () => {
    expect(Buffer.from(document.source).equals(bytes)).toBe(true);
    expect(document.frontMatter.source.path).toBe(`content/sources/${document.slug}.txt`);
  });

  test('compiles with Sätteri as Astro does, creating no element or expression from source text', () => {
    expect(forbiddenNodes(document.mdx)).toEqual([]);
  });

  test('renders every word of the source, in order, and nothing else', () => {
    const loadTable = (id: string): TableFile => {
      const table = document.tables.find((t) => `${document.slug}/${t.id}` === id);
      if (!table) throw new Error(`DataTable asks for unknown table ${id}`);
      return table.data;
    };
    const rendered = renderMdx(document.mdx, loadTable);
    const decoded = decodeSource(bytes);
    if (!decoded.ok) throw new Error(decoded.reason);
    // Furniture the ingester reported and moved to front matter (dates, report numbers, banners,
    // bylines, page footers) is not page text; a hard-wrapped line it reported joined continues the
    // line before it (blank and removed lines between them aside), its line-end hyphen dropped
    // only where it said so.
    const furniture = new Set(document.furniture);
    const joins = new Map(document.joins.map((join) => [join.line, join]));
    const lines: string[] = [];
    let last = -1;
    decoded.text.split('\n').forEach((line, i) => {
      const join = joins.get(i + 1);
      if (furniture.has(i + 1)) return lines.push('');
      if (join === undefined || last < 0) {
        if (line.trim() !== '') last = lines.length;
        return lines.push(line);
      }
      const before = lines[last]!.trimEnd();
      lines[last] = `${join.dropHyphen ? before.replace(/-$/, '') : before}${join.glue}${line.trim()}`;
      return lines.push('');
    });
    const body = lines.join('\n');
    const text = optionsOf(dir).fix === false ? body : fixSource(body, countries).text;
    const title = document.frontMatter.title;
    expect(compareWords(rendered.pieces, sourceWords(text, title))).toBeUndefined();
    // Front matter agrees with what Astro sees.
    expect(rendered.frontMatter.slug).toBe(document.slug);
    expect(rendered.headings.map((h) => [h.depth, h.slug, h.text])).toEqual(
      document.frontMatter.sections.map((s) => [2, s.id, s.title]),
    );
    expect(rendered.tableIds).toEqual(document.frontMatter.tables);
  });

  test('is idempotent: the same source gives byte-identical output', () => {
    const again = ingest(dir);
    expect(again.document.mdx).toBe(document.mdx);
    expect(again.document.tables.map((t) => t.text)).toEqual(document.tables.map((t) => t.text));
  });
});
