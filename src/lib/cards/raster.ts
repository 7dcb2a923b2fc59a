/**
 * Fills a vector path (glyph outlines, a rounded rectangle) into an anti-aliased coverage mask.
 *
 * Why not a general renderer (satori + resvg did this before): a card is a handful of filled
 * shapes in flat colours, and at one card per section of the archive the general pipeline
 * (HTML layout, an SVG of every outline, a full-canvas RGBA render, then palette conversion)
 * cost about 21 ms a card. Coverage is computed exactly, by signed area accumulation (the
 * method of font-rs and stb_truetype's v2 rasteriser): each edge adds the area it covers to
 * the cells it crosses, and a running sum along the rows gives each pixel's coverage. Curves
 * are flattened into short lines first. The same path always gives the same mask.
 */

export type PathCommand =
  | { command: 'moveTo' | 'lineTo'; args: readonly [number, number] | readonly number[] }
  | { command: 'quadraticCurveTo'; args: readonly number[] }
  | { command: 'bezierCurveTo'; args: readonly number[] }
  | { command: 'closePath'; args?: readonly number[] };

/** Coverage (0 to 255) of a rectangle of pixels whose top left corner is at (left, top). */
export interface Mask {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

type Point = readonly [number, number];

/** How far a chord may stray from its curve, in pixels: less than one coverage step shows. */
const TOLERANCE = 0.05;

/**
 * Segments for a curve whose second derivative is at most `bend` pixels: a chord over 1/n of
 * its parameter strays from it by at most bend / (8 n^2).
 */
function segments(bend: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(bend / (8 * TOLERANCE))));
}

/** The path as closed polygons (lists of points), curves flattened. */
function polygons(commands: readonly PathCommand[]): Point[][] {
  const out: Point[][] = [];
  let current: Point[] = [];
  const close = () => {
    if (current.length > 1) out.push(current);
    current = [];
  };
  for (const step of commands) {
    const a = step.args ?? [];
    const last = current.at(-1) ?? [0, 0];
    switch (step.command) {
      case 'moveTo':
        close();
        current.push([a[0]!, a[1]!]);
        break;
      case 'lineTo':
        current.push([a[0]!, a[1]!]);
        break;
      case 'quadraticCurveTo': {
        const [cx, cy, x, y] = a as [number, number, number, number];
        const n = segments(2 * Math.hypot(last[0] - 2 * cx + x, last[1] - 2 * cy + y));
        for (let i = 1; i <= n; i++) {
          const t = i / n;
          const u = 1 - t;
          current.push([u * u * last[0] + 2 * u * t * cx + t * t * x, u * u * last[1] + 2 * u * t * cy + t * t * y]);
        }
        break;
      }
      case 'bezierCurveTo': {
        const [c1x, c1y, c2x, c2y, x, y] = a as [number, number, number, number, number, number];
        const n = segments(6 * Math.max(Math.hypot(last[0] - 2 * c1x + c2x, last[1] - 2 * c1y + c2y), Math.hypot(c1x - 2 * c2x + x, c1y - 2 * c2y + y)));
        for (let i = 1; i <= n; i++) {
          const t = i / n;
          const u = 1 - t;
          current.push([
            u * u * u * last[0] + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x,
            u * u * u * last[1] + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y,
          ]);
        }
        break;
      }
      case 'closePath':
        close();
        break;
    }
  }
  close();
  return out;
}

/** Adds the signed area of the edge (x0, y0) -> (x1, y1) to the cells of `acc` (rows of `width`). */
function accumulateEdge(acc: Float64Array, width: number, x0: number, y0: number, x1: number, y1: number): void {
  if (y0 === y1) return;
  let direction = 1;
  if (y0 > y1) {
    [x0, y0, x1, y1] = [x1, y1, x0, y0];
    direction = -1;
  }
  const dxdy = (x1 - x0) / (y1 - y0);
  let x = x0;
  for (let y = Math.floor(y0), end = Math.ceil(y1); y < end; y++) {
    const row = y * width;
    const dy = Math.min(y + 1, y1) - Math.max(y, y0);
    const xNext = x + dxdy * dy;
    const d = dy * direction;
    const left = Math.min(x, xNext);
    const right = Math.max(x, xNext);
    const leftCell = Math.floor(left);
    const rightCell = Math.ceil(right);
    if (rightCell <= leftCell + 1) {
      // The edge stays within one column on this row: split its area at its mean x.
      const mid = 0.5 * (x + xNext) - leftCell;
      acc[row + leftCell]! += d - d * mid;
      acc[row + leftCell + 1]! += d * mid;
    } else {
      const s = 1 / (right - left);
      const leftFraction = left - leftCell;
      const first = 0.5 * s * (1 - leftFraction) ** 2;
      const rightFraction = right - rightCell + 1;
      const last = 0.5 * s * rightFraction ** 2;
      acc[row + leftCell]! += d * first;
      if (rightCell === leftCell + 2) {
        acc[row + leftCell + 1]! += d * (1 - first - last);
      } else {
        const second = s * (1.5 - leftFraction);
        acc[row + leftCell + 1]! += d * (second - first);
        for (let cell = leftCell + 2; cell < rightCell - 1; cell++) acc[row + cell]! += d * s;
        const beforeLast = second + (rightCell - leftCell - 3) * s;
        acc[row + rightCell - 1]! += d * (1 - beforeLast - last);
      }
      acc[row + rightCell]! += d * last;
    }
    x = xNext;
  }
}

/** The mask of a path whose coordinates are pixels (y down); overlapping contours fill once (non-zero). */
export function rasterize(commands: readonly PathCommand[]): Mask {
  const shapes = polygons(commands);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const shape of shapes) {
    for (const [x, y] of shape) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  if (!Number.isFinite(minX)) return { left: 0, top: 0, width: 0, height: 0, alpha: new Uint8Array(0) };
  const left = Math.floor(minX);
  const top = Math.floor(minY);
  // One column more than the path spans: an edge's area spills into the cell on its right.
  const width = Math.ceil(maxX) - left + 2;
  const height = Math.ceil(maxY) - top;
  const acc = new Float64Array(width * height + 1);
  for (const shape of shapes) {
    for (let i = 0; i < shape.length; i++) {
      const [ax, ay] = shape[i]!;
      const [bx, by] = shape[(i + 1) % shape.length]!;
      accumulateEdge(acc, width, ax - left, ay - top, bx - left, by - top);
    }
  }
  const alpha = new Uint8Array(width * height);
  let sum = 0;
  for (let i = 0; i < alpha.length; i++) {
    // Each row's areas sum to zero, so the running sum can carry on from row to row.
    if (i % width === 0) sum = 0;
    sum += acc[i]!;
    alpha[i] = Math.round(Math.min(1, Math.abs(sum)) * 255);
  }
  return { left, top, width, height, alpha };
}

/** A rectangle with round corners (cubic quarter circles), as a path. */
export function roundedRect(x: number, y: number, width: number, height: number, radius: number): PathCommand[] {
  const r = Math.min(radius, width / 2, height / 2);
  const k = r * 0.5523; // the control distance of a cubic quarter circle
  const right = x + width;
  const bottom = y + height;
  return [
    { command: 'moveTo', args: [x + r, y] },
    { command: 'lineTo', args: [right - r, y] },
    { command: 'bezierCurveTo', args: [right - r + k, y, right, y + r - k, right, y + r] },
    { command: 'lineTo', args: [right, bottom - r] },
    { command: 'bezierCurveTo', args: [right, bottom - r + k, right - r + k, bottom, right - r, bottom] },
    { command: 'lineTo', args: [x + r, bottom] },
    { command: 'bezierCurveTo', args: [x + r - k, bottom, x, bottom - r + k, x, bottom - r] },
    { command: 'lineTo', args: [x, y + r] },
    { command: 'bezierCurveTo', args: [x, y + r - k, x + r - k, y, x + r, y] },
    { command: 'closePath' },
  ];
}
