/**
 * PNG encoding of a card's pixels. Cards are flat colour with anti-aliased text (under a hundred
 * distinct colours), so an exact palette image is lossless, a third of the size of RGBA and far
 * cheaper to compress than resvg's own RGBA encoder. A picture with more than 256 colours is
 * written as RGBA instead. zlib is Node's, so the same pixels always give the same bytes.
 */
import { constants, crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function header(width: number, height: number, colourType: 3 | 6): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colourType;
  return chunk('IHDR', ihdr);
}

/** `rgba`: width * height * 4 bytes, non-premultiplied, row by row. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const index = new Map<number, number>();
  const rows = new Uint8Array((width + 1) * height);
  let last = -1;
  let lastIndex = 0;
  for (let y = 0; y < height; y++) {
    let out = y * (width + 1) + 1; // byte 0 of each row: filter type 0 (none)
    for (let x = y * width, end = x + width; x < end; x++, out++) {
      const value = pixels[x]!;
      if (value !== last) {
        let found = index.get(value);
        if (found === undefined) {
          if (index.size === 256) return encodeRgba(rgba, width, height);
          found = index.size;
          index.set(value, found);
        }
        last = value;
        lastIndex = found;
      }
      rows[out] = lastIndex;
    }
  }
  const palette = Buffer.alloc(index.size * 3);
  const alpha = Buffer.alloc(index.size);
  const bytes = new Uint8Array(4);
  const view = new Uint32Array(bytes.buffer);
  for (const [value, i] of index) {
    view[0] = value;
    palette[i * 3] = bytes[0]!;
    palette[i * 3 + 1] = bytes[1]!;
    palette[i * 3 + 2] = bytes[2]!;
    alpha[i] = bytes[3]!;
  }
  const opaque = alpha.every((a) => a === 255);
  return Buffer.concat([
    SIGNATURE,
    header(width, height, 3),
    chunk('PLTE', palette),
    ...(opaque ? [] : [chunk('tRNS', alpha)]),
    chunk('IDAT', deflateSync(rows, { level: 6, strategy: constants.Z_RLE })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function encodeRgba(rgba: Uint8Array, width: number, height: number): Buffer {
  const rows = new Uint8Array((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return Buffer.concat([SIGNATURE, header(width, height, 6), chunk('IDAT', deflateSync(rows, { level: 6, strategy: constants.Z_RLE })), chunk('IEND', new Uint8Array(0))]);
}
