import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeSource } from '../../../src/ingest/decode.ts';
import { ingestSource } from '../../../src/ingest/ingest.ts';
import { loadCountries, loadTopics } from '../../../src/ingest/vocabulary.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeSource', () => {
  test('drops a UTF-8 BOM and turns CRLF and lone CR into LF, saying so', () => {
    const decoded = decodeSource(bytes('\uFEFFTitle\r\nLine two\rLine three\n'));
    expect(decoded).toEqual({
      ok: true,
      text: 'Title\nLine two\nLine three\n',
      notes: ['dropped the UTF-8 byte order mark', 'converted CRLF/CR line endings to LF'],
    });
  });

  test('keeps non-Latin scripts and emoji exactly', () => {
    const text = 'Обзор 日本語 العربية 👨‍👩‍👧 🇰🇵 e\u0301\n';
    expect(decodeSource(bytes(text))).toEqual({ ok: true, text, notes: [] });
  });
});

describe('bad input is refused with the reason', () => {
  const countries = loadCountries(FIXTURES);
  const topics = loadTopics(FIXTURES);
  test.each([
    ['empty.txt', 'the file is empty'],
    ['whitespace.txt', 'the file contains only white space'],
    ['binary.txt', 'it looks binary (a NUL byte at offset 4); give a UTF-8 plain-text file'],
    ['latin1.txt', 'it is not UTF-8 text (invalid byte 0xe9 at offset 3, line 1); it looks like a single-byte encoding such as Windows-1252 or ISO-8859-1 (Latin-1); save it as UTF-8 and try again'],
    ['control.txt', 'it looks binary (13 control characters); give a UTF-8 plain-text file'],
    ['no-headings.txt', 'no headings found: a page needs at least one section. Put each heading on a line of its own (a short line without final punctuation)'],
  ])('%s', (name, reason) => {
    const result = ingestSource({ bytes: readFileSync(join(FIXTURES, 'bad', name)), name, options: {}, countries, topics });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe(reason);
  });
});
