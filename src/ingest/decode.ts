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

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };

  const nul = bytes.indexOf(0);
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
    return {
      ok: false,
      reason: `it is not UTF-8 text (invalid byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at offset ${at}); save it as UTF-8 and try again`,
    };
  }

  let controls = 0;
  for (const char of text) if (isControl(char.codePointAt(0)!)) controls += 1;
  if (controls > 0 && controls / text.length > 0.01) {
    return { ok: false, reason: `it looks binary (${controls} control characters); give a UTF-8 plain-text file` };
  }

  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    notes.push('converted CRLF/CR line endings to LF');
  }

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
