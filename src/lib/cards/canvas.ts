/**
 * A picture of palette indices, kept as PNG scanlines from the start, so encoding it is one
 * deflate. Flat colours with anti-aliased edges need few colours: a mask's coverage is blended
 * over what is already there in 16 steps, and each blend is a palette entry made on first use
 * (a card has under a hundred). Nothing depends on the order of a map or on the clock: the same
 * drawing gives the same bytes.
 */
import { constants, crc32, deflateSync } from 'node:zlib';
import type { Mask } from './raster.ts';

/** Steps of coverage between background and colour; more would not show at card sizes. */
const LEVELS = 16;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** "#1d4ed8" as 0x1d4ed8. */
function rgb(colour: string): number {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) throw new Error(`canvas colours are #rrggbb, got ${colour}`);
  return Number.parseInt(colour.slice(1), 16);
}

function mix(from: number, to: number, level: number): number {
  const channel = (shift: number) => {
    const a = (from >> shift) & 0xff;
    const b = (to >> shift) & 0xff;
    return Math.round(a + ((b - a) * level) / LEVELS) << shift;
  };
  return channel(16) | channel(8) | channel(0);
}

export class Canvas {
  readonly width: number;
  readonly height: number;
  /** Row by row, each a filter byte (0: none) and then one palette index per pixel. */
  private readonly rows: Uint8Array;
  private readonly stride: number;
  private readonly palette: number[] = [];
  private readonly indexOf = new Map<number, number>();
  /** (index under, colour index, level) -> blended index. */
  private readonly blends = new Map<number, number>();

  constructor(width: number, height: number, background: string) {
    this.width = width;
    this.height = height;
    this.stride = width + 1;
    // All zeros: every filter byte "none", every pixel palette entry 0, the background.
    this.rows = new Uint8Array(this.stride * height);
    this.colour(rgb(background));
  }

  private colour(value: number): number {
    let index = this.indexOf.get(value);
    if (index === undefined) {
      // A palette image holds 256 colours; a card uses far fewer, so more is a drawing mistake.
      if (this.palette.length === 256) throw new Error('a card needs more than 256 colours');
      index = this.palette.length;
      this.palette.push(value);
      this.indexOf.set(value, index);
    }
    return index;
  }

  private blend(under: number, colour: number, level: number): number {
    const key = (under * 256 + colour) * (LEVELS + 1) + level;
    let index = this.blends.get(key);
    if (index === undefined) {
      index = this.colour(mix(this.palette[under]!, this.palette[colour]!, level));
      this.blends.set(key, index);
    }
    return index;
  }

  /** Whole pixels from (x, y), clipped to the canvas. */
  fillRect(x: number, y: number, width: number, height: number, colour: string): void {
    const index = this.colour(rgb(colour));
    const x0 = Math.max(0, x);
    const x1 = Math.min(this.width, x + width);
    for (let row = Math.max(0, y), end = Math.min(this.height, y + height); row < end; row++) {
      const start = row * this.stride + 1;
      this.rows.fill(index, start + x0, start + x1);
    }
  }

  /** Paints `colour` through the mask, placed with its top left corner offset by (dx, dy). */
  paint(mask: Mask, colour: string, dx = 0, dy = 0): void {
    const index = this.colour(rgb(colour));
    for (let my = 0; my < mask.height; my++) {
      const y = mask.top + dy + my;
      if (y < 0 || y >= this.height) continue;
      const row = y * this.stride + 1;
      for (let mx = 0; mx < mask.width; mx++) {
        const alpha = mask.alpha[my * mask.width + mx]!;
        if (alpha === 0) continue;
        const x = mask.left + dx + mx;
        if (x < 0 || x >= this.width) continue;
        const level = Math.round((alpha * LEVELS) / 255);
        if (level === 0) continue;
        this.rows[row + x] = level === LEVELS ? index : this.blend(this.rows[row + x]!, index, level);
      }
    }
  }

  /** The picture as a palette PNG. */
  png(): Buffer {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(this.width, 0);
    ihdr.writeUInt32BE(this.height, 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 3; // colour type: palette
    const plte = Buffer.alloc(this.palette.length * 3);
    this.palette.forEach((value, i) => {
      plte[i * 3] = value >> 16;
      plte[i * 3 + 1] = (value >> 8) & 0xff;
      plte[i * 3 + 2] = value & 0xff;
    });
    return Buffer.concat([
      SIGNATURE,
      chunk('IHDR', ihdr),
      chunk('PLTE', plte),
      chunk('IDAT', deflateSync(this.rows, { level: 6, strategy: constants.Z_RLE })),
      chunk('IEND', new Uint8Array(0)),
    ]);
  }
}
