/**
 * The real CLI keeping the versions of a CRS-style brief (tests/site/fixtures/revisions/): ingested
 * out of order, again, with editors' fields on the current page, and killed while switching.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CLI, cliEnv, frontMatterOf, NODE, REPO, runIngest, sha256 } from './support/cli.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const VERSIONS = join(REPO, 'tests/site/fixtures/revisions');
const [V1, V2, V3] = ['v1-2026-03-04.txt', 'v2-2026-06-10.txt', 'v3-2026-09-18.txt'].map((name) => join(VERSIONS, name)) as [string, string, string];
const SLUG = 'russia-north-korea-military-cooperation';
const PAGE = `content/assessments/${SLUG}.mdx`;
const KEPT = `content/revisions/${SLUG}`;
const TABLE = 'estimated-transfers-category';

const roots: string[] = [];
function newRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-revisions-'));
  mkdirSync(join(root, 'content'));
  copyFileSync(join(FIXTURES, 'countries.json'), join(root, 'content/countries.json'));
  copyFileSync(join(FIXTURES, 'topics.json'), join(root, 'content/topics.json'));
  roots.push(root);
  return root;
}
let root: string;
beforeEach(() => {
  root = newRoot();
});
afterEach(() => {
  for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const ingest = (args: string[], at = root) => runIngest(at, args);
const sha = sha256;
const read = (path: string, at = root) => readFileSync(join(at, path), 'utf8');
const frontMatter = (path: string, at = root) => frontMatterOf(read(path, at));
/** Every file under content/ (but the lock and the vocabularies): path -> sha256. */
function tree(at = root): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(at, path)] = sha(readFileSync(path));
    }
  };
  walk(join(at, 'content'));
  delete files['content/.ingest.lock'];
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

describe('an updated brief keeps its earlier versions', () => {
  test('v1, v3, then v2 late: versions 1 and 2 are kept in date order and v3 is current', () => {
    for (const file of [V1, V3, V2]) expect(ingest([file]).code).toBe(0);

    expect(frontMatter(PAGE)).toMatchObject({ updated: '2026-09-18', source: { path: `content/sources/${SLUG}.txt`, sha256: sha(readFileSync(V3)) } });
    expect(readFileSync(join(root, `content/sources/${SLUG}.txt`))).toEqual(readFileSync(V3));
    for (const [n, file, date] of [[1, V1, '2026-03-04'], [2, V2, '2026-06-10']] as const) {
      const matter = frontMatter(`${KEPT}/${n}.mdx`);
      expect(matter).toMatchObject({ version: n, updated: date, source: { path: `${KEPT}/${n}.txt`, sha256: sha(readFileSync(file)) }, tables: [`${SLUG}/${n}/tables/${TABLE}`] });
      expect(matter).not.toHaveProperty('generatedSha256');
      expect(read(`${KEPT}/${n}.mdx`)).toContain(`<DataTable id="${SLUG}/${n}/tables/${TABLE}" />`);
      expect(readFileSync(join(root, `${KEPT}/${n}.txt`))).toEqual(readFileSync(file));
    }
    // Each version keeps its own figures: v1's table is not v3's.
    expect(read(`${KEPT}/1/tables/${TABLE}.json`)).toContain('$5.5 billion');
    expect(read(`${KEPT}/2/tables/${TABLE}.json`)).toContain('$6.1 billion');
    expect(read(`content/tables/${SLUG}/${TABLE}.json`)).toContain('$2.4 billion');
    expect(existsSync(join(root, `${KEPT}/3.mdx`))).toBe(false);

    const before = tree();
    for (const file of [V1, V2, V3]) {
      const again = ingest([file]);
      expect(again.code, again.err).toBe(0);
      expect(again.out).toMatch(/up to date/);
    }
    expect(tree()).toEqual(before);
  }, 60_000);

  test('an older version is inserted in place and the later stored ones renumbered; the same sources in the same order give the same files', () => {
    // v3 first, then v2, then v1: each later ingest is older than all kept so far.
    for (const file of [V3, V2, V1]) expect(ingest([file]).code).toBe(0);
    expect([1, 2].map((n) => frontMatter(`${KEPT}/${n}.mdx`).updated)).toEqual(['2026-03-04', '2026-06-10']);
    expect(read(`${KEPT}/2/tables/${TABLE}.json`)).toContain('$6.1 billion');
    expect(readdirSync(join(root, KEPT)).sort()).toEqual(['1', '1.mdx', '1.txt', '2', '2.mdx', '2.txt']);

    const other = newRoot();
    for (const file of [V3, V2, V1]) expect(ingest([file], other).code).toBe(0);
    expect(tree(other)).toEqual(tree());
    // In one batch too, and in the ingest order of the first test: the same history.
    const batch = newRoot();
    expect(ingest([V1, V3, V2], batch).code).toBe(0);
    expect(tree(batch)).toEqual(tree());
  }, 60_000);

  test('what an editor added to the current page carries over to the new one; the old page is kept as it was', () => {
    expect(ingest([V1]).code).toBe(0);
    const page = read(PAGE).replace(/\ngeneratedSha256: .*\n/, '\naliases:\n  trade: trade-figures\nrelated:\n  suppress: [some-other-page]\ngeneratedSha256: 0\n');
    writeFileSync(join(root, PAGE), page);
    const run = ingest([V3]);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/kept 1 anchor alias from the earlier page/);
    expect(frontMatter(PAGE)).toMatchObject({ updated: '2026-09-18', aliases: { trade: 'trade-figures' }, related: { suppress: ['some-other-page'] } });
    expect(frontMatter(`${KEPT}/1.mdx`)).toMatchObject({ version: 1, updated: '2026-03-04', aliases: { trade: 'trade-figures' } });
  }, 60_000);

  test('--update names the page for a source that shares neither report number nor title', () => {
    expect(ingest([V1]).code).toBe(0);
    const renamed = join(root, 'renamed.txt');
    writeFileSync(renamed, readFileSync(V3, 'utf8').replace('Russia-North Korea Military Cooperation', 'Russia and North Korea: Arms and Alliance').replace('(IF12760)\n', ''));
    const refused = ingest([renamed, '--slug', SLUG]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already used by another source/);
    const run = ingest([renamed, '--update', SLUG]);
    expect(run.code, run.err).toBe(0);
    expect(frontMatter(PAGE).title).toBe('Russia and North Korea: Arms and Alliance');
    expect(frontMatter(`${KEPT}/1.mdx`).title).toBe('Russia-North Korea Military Cooperation');
    const missing = ingest([V2, '--update', 'no-such-page']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/there is no page "no-such-page" to update/);
  }, 60_000);

  test('a corrected source (same title and file name, no later date) replaces the current page and is not kept as a version', () => {
    const incoming = join(root, 'incoming');
    mkdirSync(incoming);
    const brief = join(incoming, 'brief.txt');
    writeFileSync(brief, readFileSync(V1));
    expect(ingest([brief]).code).toBe(0);
    writeFileSync(brief, readFileSync(V1, 'utf8').replace('reportedly some air defense', 'reportedly several air defense'));
    const run = ingest([brief]);
    expect(run.code, run.err).toBe(0);
    expect(read(PAGE)).toContain('several air defense');
    expect(existsSync(join(root, KEPT))).toBe(false);
  }, 60_000);
});

/** Starts the CLI, waits until it has begun staging files, waits `delay` ms more, SIGKILLs it. */
async function killDuringWrite(files: string[], delay: number): Promise<boolean> {
  const child = spawn(NODE, [CLI, '--root', root, ...files], { cwd: REPO, env: cliEnv(), stdio: 'ignore' });
  let finished = false;
  const exited = new Promise<void>((done) => child.on('exit', () => ((finished = true), done())));
  const staging = join(root, 'content/.ingest-staging');
  while (!existsSync(staging) && !finished) await new Promise((r) => setTimeout(r, 1));
  await new Promise((r) => setTimeout(r, delay));
  const killed = !finished && child.kill('SIGKILL');
  await exited;
  return killed;
}

describe('a version switch killed midway', () => {
  test('leaves the document fully old or fully new (or a committed journal), and the next run recovers', async () => {
    const expected = newRoot();
    for (const file of [V1, V3]) expect(ingest([file], expected).code).toBe(0);
    const after = tree(expected);
    expect(ingest([V1]).code).toBe(0);
    const beforeSwitch = tree();

    for (const delay of [0, 0, 1, 2, 4]) {
      await killDuringWrite([V3], delay);
      const journal = existsSync(join(root, 'content/.ingest-staging/journal.json'));
      const seen = Object.fromEntries(Object.entries(tree()).filter(([path]) => !path.startsWith('content/.ingest-staging/')));
      if (!journal) expect([beforeSwitch, after]).toContainEqual(seen);
      const again = ingest([V3]);
      expect(again.code, again.err).toBe(0);
      if (journal) expect(again.err).toMatch(/completed the interrupted write of "russia-north-korea-military-cooperation"/);
      expect(tree()).toEqual(after);
      // Back to version 1 alone for the next round.
      rmSync(join(root, 'content'), { recursive: true });
      mkdirSync(join(root, 'content'));
      copyFileSync(join(FIXTURES, 'countries.json'), join(root, 'content/countries.json'));
      copyFileSync(join(FIXTURES, 'topics.json'), join(root, 'content/topics.json'));
      expect(ingest([V1]).code).toBe(0);
      expect(tree()).toEqual(beforeSwitch);
    }
  }, 120_000);
});
