/**
 * The W3C Nu Html Checker (vnu-jar, run on the machine's Java) finds no errors in any built
 * page. One JVM run checks every file: starting Java per page would cost seconds each.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { assertBuilt, DIST, listFiles } from './support/dist.ts';

const run = promisify(execFile);
const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar';

interface Message {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

describe('HTML validity', () => {
  it('passes the Nu Html Checker with no errors', async () => {
    assertBuilt();
    const files = listFiles()
      .filter((file) => file.endsWith('.html'))
      .map((file) => join(DIST, file));
    expect(files.length).toBeGreaterThan(0);
    // vnu exits 1 when it reports errors; the JSON report on stderr says which.
    const { stderr } = await run('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], {
      maxBuffer: 32 * 1024 * 1024,
    }).catch((error: { stderr?: string; message: string }) => {
      if (error.stderr?.trimStart().startsWith('{')) return { stderr: error.stderr };
      throw new Error(`could not run the Nu Html Checker (java -jar ${VNU}): ${error.message}`);
    });
    const { messages } = JSON.parse(stderr) as { messages: Message[] };
    const errors = messages
      .filter((message) => message.type === 'error' || message.type === 'non-document-error')
      .map((message) => `${message.url?.replace(/^file:.*?dist\//, 'dist/')}:${message.lastLine ?? '?'} ${message.message} ${message.extract ?? ''}`);
    expect(errors).toEqual([]);
  });
});
