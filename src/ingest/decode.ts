/**
 * Bytes of a source file -> text the parser can trust, or the reason it cannot.
 *
 * The original bytes are kept untouched under content/sources/; only the text handed to the
 * parser is normalised (BOM dropped, CRLF and lone CR made LF), so line numbers in every report
 * still point at the lines an editor sees in the original.
 */

export type Decoded =
  | { ok: true; text: string; notes: string[] }
  | { ok: false; reason: string };

const BOM = [0xef, 0xbb, 0xbf];

/** C0 controls other than tab, LF, CR and form feed: a few of them mean the file is not text. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f;
}

/**
 * Terminal escape sequences (colour codes, titles, hyperlinks pasted from a console) and every
 * other control character except tab and newline. A sequence goes whole, so no fragment such as
 * `[31m` is left for the typographic fixes to touch.
 */
const ESCAPES = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-_]/g;
const CONTROLS = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-_]|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const NAMES: Record<number, string> = { 0x07: 'BEL', 0x08: 'BS', 0x0b: 'VT', 0x0c: 'FF', 0x1b: 'ESC', 0x7f: 'DEL' };

function describeControl(match: string): string {
  const code = match.charCodeAt(0);
  const name = NAMES[code] ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return match.length > 1 ? 'an escape sequence' : name;
}

/** Removes control characters, with one note per line that had any. */
export function removeControls(text: string): { text: string; notes: string[] } {
  const notes: string[] = [];
  const lines = text.split('\n').map((line, index) => {
    const found: string[] = [];
    const clean = line.replace(CONTROLS, (match) => {
      found.push(describeControl(match));
      return '';
    });
    if (found.length > 0) notes.push(`line ${index + 1}: removed control characters (${[...new Set(found)].join(', ')}), which cannot be shown on a page`);
    return clean;
  });
  return { text: lines.join('\n'), notes };
}

/** The text of a file with a UTF-16 byte order mark, or undefined when it has none. */
function decodeUtf16(bytes: Uint8Array): { text: string; name: string } | undefined {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return undefined;
  const label = le ? 'utf-16le' : 'utf-16be';
  return { text: new TextDecoder(label, { ignoreBOM: false }).decode(bytes.subarray(2)), name: le ? 'UTF-16 LE' : 'UTF-16 BE' };
}

/** NUL in every other byte of the first lines: UTF-16 saved without a byte order mark. */
function looksUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  let even = 0;
  let odd = 0;
  sample.forEach((b, i) => {
    if (b === 0) (i % 2 === 0 ? (even += 1) : (odd += 1));
  });
  return Math.max(even, odd) > sample.length / 4 && Math.min(even, odd) < sample.length / 50;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };

  const utf16 = decodeUtf16(bytes);
  if (utf16) {
    return finish(utf16.text, [`converted from ${utf16.name} to UTF-8 (the copy under content/sources/ keeps the original bytes)`]);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1 && looksUtf16(bytes)) {
    return { ok: false, reason: 'it looks like UTF-16 text without a byte order mark; save it as UTF-8 (or as UTF-16 with a byte order mark) and try again' };
  }
  if (nul !== -1) {
    return { ok: false, reason: `it looks binary (a NUL byte at offset ${nul}); give a UTF-8 plain-text file` };
  }

  const notes: string[] = [];
  let start = 0;
  if (bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) {
    start = 3;
    notes.push('dropped the UTF-8 byte order mark');
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    const at = firstInvalidUtf8(bytes, start);
    const byte = bytes[at]!;
    // Bytes 0x80-0xff standing alone are the usual sign of a Windows or ISO 8859 code page.
    const guess = byte >= 0x80 ? '; it looks like a single-byte encoding such as Windows-1252 or ISO-8859-1 (Latin-1)' : '';
    return {
      ok: false,
      reason: `it is not UTF-8 text (invalid byte 0x${byte.toString(16).padStart(2, '0')} at offset ${at}, line ${lineAt(bytes, at)})${guess}; save it as UTF-8 and try again`,
    };
  }
  return finish(text, notes);
}

/** Checks shared by every encoding once the bytes are text. */
function finish(decoded: string, notes: string[]): Decoded {
  let text = decoded;

  let controls = 0;
  // A terminal's colour codes are text that was copied with its escapes, not a sign of binary.
  for (const char of text.replace(ESCAPES, '')) if (isControl(char.codePointAt(0)!)) controls += 1;
  if (controls > 0 && controls / text.length > 0.01) {
    return { ok: false, reason: `it looks binary (${controls} control characters); give a UTF-8 plain-text file` };
  }

  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    notes.push('converted CRLF/CR line endings to LF');
  }
  const cleaned = removeControls(text);
  text = cleaned.text;
  notes.push(...cleaned.notes);

  if (text.trim() === '') return { ok: false, reason: 'the file contains only white space' };
  return { ok: true, text, notes };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}
