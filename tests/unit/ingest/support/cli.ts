/**
 * Running the real ingest CLI in a child process, as a user does, for the tests that kill it,
 * race it or read what it printed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import yaml from 'js-yaml';

export const REPO = join(import.meta.dirname, '../../../..');
/** Node 24 from the `node` package, as `npm run ingest` runs it. */
export const NODE = join(REPO, 'node_modules/.bin/node');
export const CLI = join(REPO, 'src/ingest/cli.ts');

/** The environment without npm's INIT_CWD, which would point the CLI at this repository. */
export function cliEnv(): NodeJS.ProcessEnv {
  const copy = { ...process.env };
  delete copy.INIT_CWD;
  return copy;
}

/** `npm run ingest -- --root <root> ...args`: exit code and what it printed. */
export function runIngest(root: string, args: string[]) {
  const run = spawnSync(NODE, [CLI, '--root', root, ...args], { cwd: REPO, env: cliEnv(), encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The YAML front matter of an MDX file's text. */
export function frontMatterOf(text: string): Record<string, unknown> {
  return yaml.load(/^---\n([\s\S]*?\n)---\n/.exec(text)![1]!) as Record<string, unknown>;
}
