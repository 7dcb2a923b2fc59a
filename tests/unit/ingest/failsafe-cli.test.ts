/**
 * The real CLI on the mistakes and accidents of daily use: a divider section, hand edits to table
 * files, a corrected source ingested again, hostile characters, and runs that are killed or
 * started twice at once. Each test sets up the situation that used to lose data or break the
 * build, then checks the safe outcome and the message.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CLI, cliEnv, frontMatterOf, NODE, REPO, runIngest, sha256 } from './support/cli.ts';
import { main } from '../../../src/ingest/cli.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const ARTICLE = join(REPO, 'content/sources/russia-treaty-north-korea.txt');
const ARTICLE_TITLE = 'Russia’s Treaty with North Korea and a New Era of Regional Tensions in East Asia';
const ASSESSMENT = join(REPO, 'content/sources/russia-north-korea-security-alliance.txt');
const SLUG = 'russia-treaty-north-korea';

let root: string;
let work: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'atlas-failsafe-'));
  work = join(root, 'incoming');
  mkdirSync(join(root, 'content'));
  mkdirSync(work);
  copyFileSync(join(FIXTURES, 'countries.json'), join(root, 'content/countries.json'));
  copyFileSync(join(FIXTURES, 'topics.json'), join(root, 'content/topics.json'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const ingest = (args: string[], at = root) => runIngest(at, args);

const file = (path: string) => join(root, path);
const sha = sha256;

const frontMatter = (path: string) => frontMatterOf(readFileSync(path, 'utf8'));

describe('nothing an ingest accepts can break the build', () => {
  test.each(['---', '...', '…', '—', '* * *'])('a section whose only text is %j is refused with the file and line', (divider) => {
    const source = join(work, 'brief.txt');
    writeFileSync(source, `Baltic Exercise Brief\nKey Judgments\nEstonia will host more drills in 2025.\nInterlude\n${divider}\nOutlook\nThe pattern is likely to hold.\n`);
    const run = ingest([source]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(new RegExp(`error: ${source}: line 4: the section "Interlude" has no words, only punctuation \\(".+"\\), and the search index cannot hold it\\. Give it its text, or delete that heading \\(line 4\\)`));
    expect(existsSync(file('content/assessments'))).toBe(false);
  });
});

describe("editors' edits are never silently lost", () => {
  test('hand edits to table files are detected on re-ingest, named, kept without --force and reported when replaced', () => {
    expect(ingest([ARTICLE, '--title', ARTICLE_TITLE]).code).toBe(0);
    const budget = file(`content/tables/${SLUG}/defense-budget.json`);
    const exports = file(`content/tables/${SLUG}/major-exports.json`);
    const correctedCell = readFileSync(budget, 'utf8').replace('"$49 billion"', '"$51 billion"');
    const correctedRow = readFileSync(exports, 'utf8').replace('"Russia"', '"Russian Federation"');
    writeFileSync(budget, correctedCell);
    writeFileSync(exports, correctedRow);

    const again = ingest([ARTICLE]);
    expect(again.code).toBe(1);
    expect(again.err).toContain(
      `error: ${ARTICLE}: changed by hand since they were generated, so nothing was overwritten: content/tables/${SLUG}/defense-budget.json, content/tables/${SLUG}/major-exports.json. Move the edits into the source and ingest it again, or pass --force to replace these files`,
    );
    expect(readFileSync(budget, 'utf8')).toBe(correctedCell);
    expect(readFileSync(exports, 'utf8')).toBe(correctedRow);

    const forced = ingest([ARTICLE, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.err).toContain(`WARNING: replaced content/tables/${SLUG}/defense-budget.json, which had been edited by hand (--force)`);
    expect(forced.err).toContain(`WARNING: replaced content/tables/${SLUG}/major-exports.json, which had been edited by hand (--force)`);
    expect(readFileSync(budget, 'utf8')).toContain('"$49 billion"');
  });

  test('an editor re-indenting a table file or choosing its chart is not an edit that blocks a re-run', () => {
    expect(ingest([ARTICLE, '--title', ARTICLE_TITLE]).code).toBe(0);
    const budget = file(`content/tables/${SLUG}/defense-budget.json`);
    const data = JSON.parse(readFileSync(budget, 'utf8')) as Record<string, unknown>;
    writeFileSync(budget, `${JSON.stringify({ ...data, chart: null }, null, 4)}\n`);
    const again = ingest([ARTICLE]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('kept "chart": null from the existing data file (no chart)');
  });

  test("an editor's table title and caption are kept on re-ingest, and replaced only with --force", () => {
    expect(ingest([ARTICLE, '--title', ARTICLE_TITLE]).code).toBe(0);
    const exports = file(`content/tables/${SLUG}/major-exports.json`);
    const derived = JSON.parse(readFileSync(exports, 'utf8')) as { title: string; caption: string };
    expect(derived.caption).toBe('Current Major Exports and Potential Trade Impacts, by country');
    writeFileSync(exports, readFileSync(exports, 'utf8').replace(/"caption": "[^"]*"/, '"caption": "Exports by partner, 2023"'));

    const again = ingest([ARTICLE]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('kept the caption "Exports by partner, 2023" from the existing data file');
    expect((JSON.parse(readFileSync(exports, 'utf8')) as { caption: string }).caption).toBe('Exports by partner, 2023');
    // Still the editor's on the run after that: the manifest remembers what the ingester derived.
    expect(ingest([ARTICLE]).out).toContain('kept the caption "Exports by partner, 2023"');

    const forced = ingest([ARTICLE, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('replaced the caption "Exports by partner, 2023" of the existing data file with the derived');
    expect((JSON.parse(readFileSync(exports, 'utf8')) as { caption: string }).caption).toBe(derived.caption);
  });

  test('a corrected source of an existing page updates it without --force, and says so', () => {
    const source = join(work, 'source.txt');
    copyFileSync(ASSESSMENT, source);
    expect(ingest([source]).code).toBe(0);
    const mdx = file('content/assessments/russia-north-korea-security-alliance.mdx');
    const corrected = readFileSync(source, 'utf8').replace('is expected to significantly impact', 'is expected to reshape');
    writeFileSync(source, corrected);

    const again = ingest([source]);
    expect(again.code).toBe(0);
    expect(again.err).toContain(`${source}: note: the source changed since content/assessments/russia-north-korea-security-alliance.mdx was generated: updating that page from the new text`);
    expect(readFileSync(mdx, 'utf8')).toContain('is expected to reshape');
    expect((frontMatter(mdx).source as { sha256: string }).sha256).toBe(sha(corrected));
    expect(readFileSync(file('content/sources/russia-north-korea-security-alliance.txt'), 'utf8')).toBe(corrected);

    // Editing the kept copy under content/sources/ and ingesting it works the same way.
    const copy = file('content/sources/russia-north-korea-security-alliance.txt');
    writeFileSync(copy, corrected.replace('is expected to reshape', 'will reshape'));
    expect(ingest([copy]).code).toBe(0);
    expect(readFileSync(mdx, 'utf8')).toContain('will reshape');
  });

  test('a corrected source does not overwrite a page an editor has changed', () => {
    const source = join(work, 'source.txt');
    copyFileSync(ASSESSMENT, source);
    expect(ingest([source]).code).toBe(0);
    const mdx = file('content/assessments/russia-north-korea-security-alliance.mdx');
    const edited = readFileSync(mdx, 'utf8').replace('## Implications', '## Implications for the Region');
    writeFileSync(mdx, edited);
    writeFileSync(source, readFileSync(source, 'utf8').replace('is expected to significantly impact', 'is expected to reshape'));
    const again = ingest([source]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('changed by hand since they were generated, so nothing was overwritten: content/assessments/russia-north-korea-security-alliance.mdx');
    expect(readFileSync(mdx, 'utf8')).toBe(edited);
  });
});

describe('control characters and the command line', () => {
  test('ESC and BEL in a source are removed with a report and reach neither the page nor the terminal', () => {
    const source = join(work, 'brief.txt');
    writeFileSync(source, 'Baltic \u001b[1mExercise\u001b[0m Brief\u0007\nKey Judgments\nEstonia will host more drills in 2025.\nOutlook\nThe pattern is likely to hold.\n');
    const run = ingest([source]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`${source}: line 1: removed control characters (an escape sequence, BEL), which cannot be shown on a page`);
    expect(`${run.out}${run.err}`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const mdx = readFileSync(file('content/assessments/baltic-exercise.mdx'), 'utf8');
    expect(mdx).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(frontMatter(file('content/assessments/baltic-exercise.mdx')).title).toBe('Baltic Exercise Brief');
  });

  test('the report escapes control characters it prints, such as those in a file name', () => {
    const lines: string[] = [];
    const code = main(['--root', root, 'brief\u001b]0;pwned\u0007.txt'], { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: work });
    expect(code).toBe(1);
    expect(lines[0]).toBe('error: brief\\x1b]0;pwned\\x07.txt: cannot read it (no such file); nothing written for this file');
  });

  test('--title must be one line without control characters; a very long one is warned about', () => {
    const multi = ingest([ASSESSMENT, '--title', 'Line one\nLine two']);
    expect(multi.code).toBe(2);
    expect(multi.err).toContain('ingest: --title must be one line: remove the line breaks');
    const escape = ingest([ASSESSMENT, '--title', 'Red \u001b[31mAlert']);
    expect(escape.code).toBe(2);
    expect(escape.err).toContain('--title contains control characters');
    const long = ingest([ASSESSMENT, '--title', `Russia and North Korea ${'and the region '.repeat(15)}`.trim()]);
    expect(long.code).toBe(0);
    expect(long.err).toMatch(/ingest: WARNING: --title is 2\d\d characters long; a title past about 200 characters makes a poor heading/);
    expect(existsSync(file('content/assessments'))).toBe(true);
    expect(snapshotNames()).not.toContain('\n');
  });

  test('an unknown option is named without a stray quote', () => {
    const run = ingest(['--frobnicate', ASSESSMENT]);
    expect(run.code).toBe(2);
    expect(run.err.split('\n')[0]).toBe('ingest: unknown option "--frobnicate"');
  });
});

function snapshotNames(): string {
  return readdirSync(file('content/assessments')).join(',');
}

// ---------------------------------------------------------------------------------------------
// Interruptions and concurrent runs.

const REGIONS = ['Baltic', 'Sahel', 'Andean', 'Caspian', 'Mekong', 'Nordic', 'Balkan', 'Gulf'];

/** A long report with many tables: version `v` is written into every table row and paragraph. */
function batchSource(i: number, v: string): string {
  const lines = [`${REGIONS[i % REGIONS.length]} Security Review ${i + 1}`, 'Key Judgments', `Exercises in the region will continue through 2025 (edition ${v}).`, 'Supporting Evidence'];
  for (let t = 0; t < 60; t += 1) {
    lines.push(`Table ${t + 1}: Exercise series ${t + 1}`, 'Year | Drills | Edition |', '---|---|---|');
    for (let r = 0; r < 6; r += 1) lines.push(`${2010 + r} | ${t * 10 + r} | ${v} |`);
  }
  lines.push('Outlook', `The pattern is likely to hold (edition ${v}).`);
  return `${lines.join('\n')}\n`;
}

const BATCH = 30;

function writeBatch(v: string): string[] {
  return Array.from({ length: BATCH }, (_, i) => {
    const path = join(work, `review-${i + 1}.txt`);
    writeFileSync(path, batchSource(i, v));
    return path;
  });
}

/**
 * Each page's files agree with each other: the source copy has the sha256 the page names, the
 * table files are exactly those the page lists, each holds the edition of that source, and the
 * manifest has their digests. Returns slug -> edition; `mixed` is a page allowed to be midway
 * (the one a committed journal names, which the next run completes).
 */
function editions(mixed?: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const name of readdirSync(file('content/assessments')).sort()) {
    const slug = name.replace(/\.mdx$/, '');
    if (slug === mixed) continue;
    const matter = frontMatter(file(`content/assessments/${name}`));
    const source = readFileSync(file(`content/sources/${slug}.txt`), 'utf8');
    expect(sha(source), `${slug}: source copy`).toBe((matter.source as { sha256: string }).sha256);
    const edition = /\(edition (v\d+)\)/.exec(source)![1]!;
    const listed = (matter.tables as string[]).map((id) => `${id.split('/')[1]}.json`).sort();
    expect(readdirSync(file(`content/tables/${slug}`)).sort(), `${slug}: table files`).toEqual(listed);
    for (const table of listed) {
      const text = readFileSync(file(`content/tables/${slug}/${table}`), 'utf8');
      expect(text, `${slug}/${table}`).toContain(`"${edition}"`);
    }
    const manifest = JSON.parse(readFileSync(file(`content/generated/${slug}.json`), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files).length, `${slug}: manifest`).toBe(listed.length);
    result.set(slug, edition);
  }
  return result;
}

function leftovers(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (/ingest-tmp$|^\.ingest\.lock|\.new$|journal\.json/.test(entry.name)) found.push(join(dir, entry.name));
    }
  };
  walk(file('content'));
  return found;
}

/** Starts the CLI, waits until it has begun switching files, waits `delay` ms more, SIGKILLs it. */
async function killDuringWrite(files: string[], delay: number): Promise<boolean> {
  const child = spawn(NODE, [CLI, '--root', root, ...files], { cwd: REPO, env: cliEnv(), stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const staging = file('content/.ingest-staging');
  let finished = false;
  child.on('exit', () => (finished = true));
  while (!existsSync(staging) && !finished) await new Promise((r) => setTimeout(r, 1));
  await new Promise((r) => setTimeout(r, delay));
  const killed = !finished && child.kill('SIGKILL');
  await exited;
  return killed;
}

describe('interrupted and concurrent runs', () => {
  test('SIGKILL at several points of a large batch leaves every page whole, and the next run recovers', async () => {
    expect(ingest(writeBatch('v1')).code).toBe(0);
    let previous = 'v1';
    let recovered = 0;
    let killedMidway = 0;
    for (const [round, delay] of [0, 3, 15, 40, 90, 200].entries()) {
      const next = `v${round + 2}`;
      const files = writeBatch(next);
      const killed = await killDuringWrite(files, delay);
      const journal = file('content/.ingest-staging/journal.json');
      const mixed = existsSync(journal) ? (JSON.parse(readFileSync(journal, 'utf8')) as { slug: string }).slug : undefined;
      const seen = editions(mixed);
      expect(seen.size + (mixed ? 1 : 0)).toBe(BATCH);
      for (const [slug, edition] of seen) expect([previous, next], slug).toContain(edition);
      if (killed && [...seen.values()].some((e) => e === previous) && [...seen.values()].some((e) => e === next)) killedMidway += 1;

      const again = ingest(files);
      expect(again.code, again.err).toBe(0);
      if (killed) expect(again.err).toMatch(/took over the lock content\/\.ingest\.lock left by an ingest that no longer runs \(pid \d+\)/);
      if (/completed the interrupted write|unfinished file\(s\) of an interrupted run/.test(again.err)) recovered += 1;
      expect(new Set(editions().values())).toEqual(new Set([next]));
      expect(leftovers()).toEqual([]);
      previous = next;
    }
    // The kills landed inside the write phase, with some pages already new and others still old.
    expect(killedMidway).toBeGreaterThan(0);
    expect(recovered).toBeGreaterThan(0);
  }, 240_000);

  test('temporary files of older ingesters are removed by the next run', () => {
    expect(ingest([ASSESSMENT]).code).toBe(0);
    writeFileSync(file('content/assessments/.4242.0.ingest-tmp'), 'partial');
    mkdirSync(file('content/tables/x'), { recursive: true });
    writeFileSync(file('content/tables/x/.4242.1.ingest-tmp'), 'partial');
    const run = ingest([ASSESSMENT]);
    expect(run.code).toBe(0);
    expect(run.err).toContain('removed 2 temporary file(s) (*.ingest-tmp) an interrupted run left in content/');
    expect(leftovers()).toEqual([]);
  });

  test('two ingests started together that want one slug: exactly one wins, the other says why', async () => {
    const one = join(work, 'alpha.txt');
    const two = join(work, 'beta.txt');
    writeFileSync(one, batchSource(0, 'v1').replace('Baltic Security Review 1', 'Alpha Report'));
    writeFileSync(two, batchSource(1, 'v1').replace('Sahel Security Review 2', 'Beta Report'));
    const run = (source: string) =>
      new Promise<{ code: number | null; err: string; source: string }>((done) => {
        const child = spawn(NODE, [CLI, '--root', root, source, '--slug', 'shared'], { cwd: REPO, env: cliEnv() });
        let err = '';
        child.stderr.on('data', (chunk) => (err += chunk));
        child.on('close', (code) => done({ code, err, source }));
      });
    for (let round = 0; round < 6; round += 1) {
      rmSync(file('content/assessments'), { recursive: true, force: true });
      rmSync(file('content/sources'), { recursive: true, force: true });
      rmSync(file('content/tables'), { recursive: true, force: true });
      rmSync(file('content/generated'), { recursive: true, force: true });
      const results = await Promise.all([run(one), run(two)]);
      const winners = results.filter((r) => r.code === 0);
      expect(winners, results.map((r) => r.err).join('\n')).toHaveLength(1);
      const loser = results.find((r) => r.code !== 0)!;
      expect(loser.code).toBe(1);
      expect(loser.err).toMatch(/another ingest \(pid \d+\) is writing into content; wait until it has finished and run this again|the slug "shared" is already used by another source/);
      const matter = frontMatter(file('content/assessments/shared.mdx'));
      expect((matter.source as { sha256: string }).sha256).toBe(sha(readFileSync(winners[0]!.source)));
      expect(leftovers()).toEqual([]);
    }
  }, 120_000);
});
