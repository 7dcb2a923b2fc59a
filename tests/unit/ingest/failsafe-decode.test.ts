/**
 * Sources in the encodings and with the stray bytes real exports have: Word's "Unicode text"
 * (UTF-16 with a BOM), a Windows-1252 file, and text copied from a terminal with colour codes.
 */
import { describe, expect, test } from 'vitest';
import { decodeSource } from '../../../src/ingest/decode.ts';
import { fixSource } from '../../../src/ingest/fixes.ts';

const TEXT = 'Regional Outlook\n\nKey Judgments\n\nThe alliance will deepen.\n';

function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le).swap16();
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
}

describe('encodings', () => {
  test.each(['le', 'be'] as const)('UTF-16 %s with a byte order mark is converted, with a note', (order) => {
    const decoded = decodeSource(utf16(TEXT.replace(/\n/g, '\r\n'), order));
    expect(decoded).toEqual({
      ok: true,
      text: TEXT,
      notes: [`converted from UTF-16 ${order.toUpperCase()} to UTF-8 (the copy under content/sources/ keeps the original bytes)`, 'converted CRLF/CR line endings to LF'],
    });
  });

  test('UTF-16 without a byte order mark is named as such, not "binary"', () => {
    const decoded = decodeSource(utf16(TEXT, 'le', false));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.reason).toContain('it looks like UTF-16 text without a byte order mark; save it as UTF-8');
  });

  test('a Windows-1252 file is named as a single-byte encoding, with the line of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('Outlook\n\nThe r'), Buffer.from([0xe9]), Buffer.from('gime will hold.\n')]);
    const decoded = decodeSource(bytes);
    expect(!decoded.ok && decoded.reason).toBe(
      'it is not UTF-8 text (invalid byte 0xe9 at offset 14, line 3); it looks like a single-byte encoding such as Windows-1252 or ISO-8859-1 (Latin-1); save it as UTF-8 and try again',
    );
  });
});

describe('control characters', () => {
  test('escape sequences and BEL are removed whole, reported by line, and leave nothing for the fixer to split', () => {
    const source = `Outlook\n\nThe \u001b[31mregime\u001b[0m will hold.\u0007\nPyongyang,\u001b]0;title\u0007 Moscow.\n${'The talks in Vladivostok ended without a statement. '.repeat(3)}\n`;
    const decoded = decodeSource(Buffer.from(source));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.text.split('\n').slice(0, 4)).toEqual(['Outlook', '', 'The regime will hold.', 'Pyongyang, Moscow.']);
    expect(decoded.notes).toEqual([
      'line 3: removed control characters (an escape sequence, BEL), which cannot be shown on a page',
      'line 4: removed control characters (an escape sequence), which cannot be shown on a page',
    ]);
    expect(fixSource(decoded.text, []).text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
