import { describe, expect, it } from 'vitest';
import { rasterize, roundedRect, type PathCommand } from '../../../../src/lib/cards/raster.ts';

const polygon = (points: [number, number][]): PathCommand[] => [
  { command: 'moveTo', args: points[0]! },
  ...points.slice(1).map((point): PathCommand => ({ command: 'lineTo', args: point })),
  { command: 'closePath' },
];
const coverage = (mask: ReturnType<typeof rasterize>, x: number, y: number) => mask.alpha[(y - mask.top) * mask.width + (x - mask.left)] ?? 0;
const area = (mask: ReturnType<typeof rasterize>) => mask.alpha.reduce((sum, a) => sum + a, 0) / 255;

describe('rasterize', () => {
  it('fills a pixel-aligned rectangle solid, with nothing outside it', () => {
    const mask = rasterize(polygon([[2, 3], [6, 3], [6, 5], [2, 5]]));
    for (let y = 3; y < 5; y++) for (let x = 2; x < 6; x++) expect(coverage(mask, x, y)).toBe(255);
    expect(area(mask)).toBe(8);
  });

  it('gives an edge pixel the share of it that the shape covers', () => {
    const mask = rasterize(polygon([[0.5, 0], [3, 0], [3, 1.25], [0.5, 1.25]]));
    expect(coverage(mask, 0, 0)).toBe(128); // half of the column
    expect(coverage(mask, 1, 0)).toBe(255);
    expect(coverage(mask, 1, 1)).toBe(64); // a quarter of the row
    expect(area(mask)).toBeCloseTo(2.5 * 1.25, 1);
  });

  it('covers a triangle by its area, whichever way its outline runs', () => {
    const clockwise = rasterize(polygon([[0, 0], [10, 0], [0, 10]]));
    const anticlockwise = rasterize(polygon([[0, 0], [0, 10], [10, 0]]));
    expect(area(clockwise)).toBeCloseTo(50, 0);
    expect(anticlockwise.alpha).toEqual(clockwise.alpha);
  });

  it('fills overlapping contours once and a curve close to its true area', () => {
    const twice = rasterize([...polygon([[0, 0], [4, 0], [4, 4], [0, 4]]), ...polygon([[2, 0], [6, 0], [6, 4], [2, 4]])]);
    expect(Math.max(...twice.alpha)).toBe(255);
    expect(area(twice)).toBe(24);
    const circle = rasterize(roundedRect(0, 0, 40, 40, 20));
    expect(area(circle)).toBeCloseTo(Math.PI * 400, -1);
  });

  it('gives an empty mask for an empty path, and the same mask for the same path', () => {
    expect(rasterize([]).alpha.length).toBe(0);
    const path = roundedRect(3.3, 1.7, 50.2, 20.9, 6);
    expect(rasterize(path)).toEqual(rasterize(path));
  });
});
