/**
 * The W3C Nu Html Checker (vnu-jar, run on the machine's Java) finds no errors in any built
 * page. One JVM run checks every file: starting Java per page would cost seconds each.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt, DIST, listFiles } from './support/dist.ts';
import { htmlErrors } from './support/vnu.ts';

describe('HTML validity', () => {
  it('passes the Nu Html Checker with no errors', async () => {
    assertBuilt();
    const files = listFiles()
      .filter((file) => file.endsWith('.html'))
      .map((file) => join(DIST, file));
    expect(files.length).toBeGreaterThan(0);
    expect(await htmlErrors(files, (url) => url.replace(/^file:.*?dist\//, 'dist/'))).toEqual([]);
  });
});
