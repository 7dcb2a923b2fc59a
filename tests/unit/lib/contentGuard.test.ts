/**
 * The build's content rules, on pages shaped like generated ones after an editor's slip: an
 * expression typed into the text, a pasted component, a country id that does not exist, a
 * front matter whose closing line was deleted, an unclosed quote.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent, encodingProblem, formatProblems, frontMatterProblems, mdxCodeProblems } from '../../../src/lib/contentGuard.ts';

const FILE = 'content/assessments/baltic-outlook.mdx';
const VOCABULARY = { countries: ['estonia', 'latvia', 'russia'], topics: ['defense', 'energy'] };

const MATTER = `---
title: Baltic Outlook
slug: baltic-outlook
kind: assessment
summary: Drills will grow.
countries:
  - estonia
  - russia
topics:
  - defense
sections:
  - id: key-judgments
    title: Key Judgments
    countries:
      - latvia
    topics: []
  - id: outlook
    title: Outlook
    countries: []
    topics:
      - energy
---
`;

const page = (body: string, matter = MATTER) => `${matter}\n## Key Judgments\n\n${body}\n`;

describe('the body is data, not code', () => {
  test('expressions are refused with their line', () => {
    const problems = mdxCodeProblems(FILE, page('Built in {new Date().getFullYear()} and {process.env.HOME}.'));
    expect(problems.map((p) => [p.line, p.message.split(';')[0]])).toEqual([
      [26, 'the expression {new Date().getFullYear()} would run as code at build time'],
      [26, 'the expression {process.env.HOME} would run as code at build time'],
    ]);
  });

  test('import/export and components the site does not provide are refused; the generated DataTable is fine', () => {
    const body = [
      '<DataTable id="baltic-outlook/exercises" />',
      '',
      "import secrets from '../../.env'",
      '',
      'export const year = 2026',
      '',
      '<Chart data={secrets} />',
      '',
      'Text with <b>bold</b> inside.',
      '',
      '<DataTable id={`baltic-outlook/${year}`} />',
    ].join('\n');
    const problems = mdxCodeProblems(FILE, page(body));
    expect(problems.map((p) => `${p.line}: ${p.message.split(/[;(]/)[0]!.trim()}`)).toEqual([
      `28: "import secrets from '../../.env'" is an import/export, which would run as code at build time`,
      '30: "export const year = 2026" is an import/export, which would run as code at build time',
      '32: <Chart> is markup the site does not provide',
      '34: <b> is markup the site does not provide',
      '36: <DataTable> takes only a literal id of the form shown, on lines of its own: <DataTable id="<slug>/<table-id>" />',
    ]);
  });

  test('endnote links of the form the ingester writes pass; links leaving the page, other ids and expressions do not', () => {
    const body = [
      'Spending rose.<sup id="note-ref-1"><a href="#note-1" aria-label="Note 1">\\[1]</a></sup> Again.<sup id="note-ref-1-2"><a href="#note-1" aria-label="Note 1">\\[1]</a></sup>',
      '',
      '<a id="note-1" href="#note-ref-1" aria-label="Back to the text citing note 1">\\[1]</a> A source.',
      '',
      'See <a href="https://example.org/#note-1" aria-label="Note 1">this</a>.',
      '',
      'Also<sup id="footnote-1"><a href="#note-1" aria-label="Note 1">1</a></sup> and <a id="note-2" href={"#note-ref-2"} aria-label="Back to the text citing note 2">2</a>.',
      '',
      '<sup id="note-ref-3">',
      '',
      'flow',
      '',
      '</sup>',
    ].join('\n');
    const problems = mdxCodeProblems(FILE, page(body));
    expect(problems.map((p) => `${p.line}: ${p.message.split(',')[0]}`)).toEqual([
      '30: <a> takes only a literal href',
      '32: <sup> takes only a literal id of the form shown',
      '32: <a> takes only a literal href',
      '34: <sup> takes only a literal id of the form shown',
    ]);
  });

  test('escaped braces and brackets, as the ingester writes them, are text', () => {
    expect(mdxCodeProblems(FILE, page('Budgets rose \\{sharply\\} and 1 \\< 2 while a < b.'))).toEqual([]);
  });
});

describe('front matter', () => {
  test('unknown country and topic ids are named with their field and line, document and section level', () => {
    const matter = MATTER.replace('  - russia', '  - rusia').replace('      - latvia', '      - narnia').replace('      - energy', '      - enegry');
    expect(frontMatterProblems(FILE, page('Text.', matter), VOCABULARY)).toEqual([
      { file: FILE, line: 8, message: 'countries[1]: unknown country id "rusia"; use an id from content/countries.json (did you mean "russia"?), or add the country there' },
      { file: FILE, line: 15, message: 'sections[0] ("key-judgments").countries[0]: unknown country id "narnia"; use an id from content/countries.json, or add the country there' },
      { file: FILE, line: 21, message: 'sections[1] ("outlook").topics[0]: unknown topic id "enegry"; use an id from content/topics.json (did you mean "energy"?), or add the topic there' },
    ]);
  });

  test('a missing closing --- is named as such, not as missing fields', () => {
    const text = page('Text.').replace('\n---\n\n## Key', '\n\n## Key');
    expect(frontMatterProblems(FILE, text, VOCABULARY)).toEqual([
      { file: FILE, line: 1, message: 'the front matter opened on line 1 is never closed: add a line --- after its last field (before the text of the page)' },
    ]);
  });

  test('an unclosed quote is reported at its own line', () => {
    const text = page('Text.').replace('summary: Drills will grow.', 'summary: "Drills will grow.');
    expect(frontMatterProblems(FILE, text, VOCABULARY)).toEqual([
      { file: FILE, line: 5, message: 'this value opens a quote that is never closed: add the closing quote at the end of the value' },
    ]);
  });

  test('other YAML errors are reported at their line', () => {
    const text = page('Text.').replace('kind: assessment', 'kind: assessment: memo');
    const [problem] = frontMatterProblems(FILE, text, VOCABULARY);
    expect(problem!.line).toBe(4);
    expect(problem!.message).toMatch(/^the front matter is not valid YAML \(.+\); fix this line$/);
  });

  test('a clean page has no problems', () => {
    expect(frontMatterProblems(FILE, page('Text.'), VOCABULARY)).toEqual([]);
  });
});

test('encodings other than UTF-8 are named', () => {
  expect(encodingProblem(Buffer.from([0xff, 0xfe, 0x2d, 0x00]))).toBe('the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8');
  expect(encodingProblem(Buffer.from('r\xe9gime', 'latin1'))).toBe('the file is not UTF-8 (perhaps Windows-1252 or ISO-8859-1); save it as UTF-8');
  expect(encodingProblem(Buffer.from('régime'))).toBeUndefined();
});

describe('checkContent on a content folder', () => {
  const setup = () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-guard-'));
    mkdirSync(join(root, 'content/assessments'), { recursive: true });
    mkdirSync(join(root, 'content/sources'), { recursive: true });
    writeFileSync(join(root, 'content/countries.json'), JSON.stringify(VOCABULARY.countries.map((id) => ({ id, name: id }))));
    writeFileSync(join(root, 'content/topics.json'), JSON.stringify(VOCABULARY.topics.map((id) => ({ id, label: id, keywords: [id] }))));
    const source = 'Baltic Outlook\nKey Judgments\nDrills will grow.\n';
    writeFileSync(join(root, 'content/sources/baltic-outlook.txt'), source);
    const sha = createHash('sha256').update(source).digest('hex');
    const matter = MATTER.replace('summary: Drills will grow.\n', `summary: Drills will grow.\nsource:\n  path: content/sources/baltic-outlook.txt\n  sha256: ${sha}\n`);
    writeFileSync(join(root, FILE), page('Drills will grow.', matter));
    return root;
  };

  test('a consistent page passes; a changed source copy and an interrupted ingest are named with the command that fixes them', () => {
    const root = setup();
    try {
      expect(checkContent(root)).toEqual([]);
      writeFileSync(join(root, 'content/sources/baltic-outlook.txt'), 'Baltic Outlook\nKey Judgments\nDrills will shrink.\n');
      mkdirSync(join(root, 'content/.ingest-staging'));
      writeFileSync(join(root, 'content/.ingest-staging/journal.json'), '{}');
      expect(formatProblems(checkContent(root))).toBe(
        [
          'content/.ingest-staging/journal.json: an ingest was interrupted while switching a page to its new files; run npm run ingest again (with any source, for example the same files) and it completes the switch first',
          `${FILE}:8: source.sha256: content/sources/baltic-outlook.txt is no longer the text this page was made from; run npm run ingest -- content/sources/baltic-outlook.txt to update the page from it (a page edited by hand since is kept unless you add --force)`,
        ].join('\n'),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
