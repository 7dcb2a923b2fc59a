/**
 * The W3C Nu Html Checker (vnu-jar, on the machine's Java): the errors it finds in HTML files,
 * one JVM run for all of them (starting Java per page would cost seconds each).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const VNU = join(import.meta.dirname, '../../../node_modules/vnu-jar/build/dist/vnu.jar');

interface Message {
  type: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** "file:line message extract" for every error; `shorten` rewrites the file URLs for reading. */
export async function htmlErrors(files: string[], shorten: (url: string) => string = (url) => url): Promise<string[]> {
  // vnu exits 1 when it reports errors; the JSON report on stderr says which.
  const { stderr } = await run('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], {
    maxBuffer: 32 * 1024 * 1024,
  }).catch((error: { stderr?: string; message: string }) => {
    if (error.stderr?.trimStart().startsWith('{')) return { stderr: error.stderr };
    throw new Error(`could not run the Nu Html Checker (java -jar ${VNU}): ${error.message}`);
  });
  const { messages } = JSON.parse(stderr) as { messages: Message[] };
  return messages
    .filter((message) => message.type === 'error' || message.type === 'non-document-error')
    .map((message) => `${shorten(message.url ?? '?')}:${message.lastLine ?? '?'} ${message.message} ${message.extract ?? ''}`);
}
