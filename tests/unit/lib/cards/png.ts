/** Reads back a palette PNG the cards write: size and each pixel's colour, for assertions. */
import { inflateSync } from 'node:zlib';

export interface Picture {
  width: number;
  height: number;
  /** "#rrggbb" of the pixel at (x, y). */
  at(x: number, y: number): string;
}

export function readPalettePng(png: Buffer): Picture {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let palette: string[] = [];
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[9] !== 3) throw new Error(`colour type ${body[9]}, expected a palette`);
    } else if (type === 'PLTE') {
      palette = Array.from({ length: length / 3 }, (_, i) => `#${body.subarray(i * 3, i * 3 + 3).toString('hex')}`);
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  for (let y = 0; y < height; y++) if (rows[y * (width + 1)] !== 0) throw new Error(`row ${y} uses a filter`);
  return { width, height, at: (x, y) => palette[rows[y * (width + 1) + 1 + x]!]! };
}
