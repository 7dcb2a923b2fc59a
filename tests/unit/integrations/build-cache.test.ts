/** The code part of the build cache's keys: any change to a listed file makes every key of that kind new. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeVersion } from '../../../src/integrations/build-cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'build-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('codeVersion', () => {
  it('is the same for the same bytes and changes with any of them', async () => {
    const render = file('render.ts', 'export const render = 1;');
    const font = file('font.ttf', 'glyphs');
    const before = await codeVersion([render, font]);
    expect(await codeVersion([render, font])).toBe(before);
    file('font.ttf', 'glyphs, redrawn');
    expect(await codeVersion([render, font])).not.toBe(before);
  });

  it('tells two files apart from one with their bytes run together', async () => {
    const joined = file('joined.ts', 'ab');
    expect(await codeVersion([file('a.ts', 'a'), file('b.ts', 'b')])).not.toBe(await codeVersion([joined]));
  });

  it('fails on a file that is not there, naming it, rather than keying without it', async () => {
    await expect(codeVersion([join(dir, 'gone.ts')])).rejects.toThrow(/gone\.ts/);
  });
});
