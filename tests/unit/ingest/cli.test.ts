/**
 * The real CLI, spawned as `npm run ingest` runs it, writing into a temporary project directory.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

const REPO = join(import.meta.dirname, '../../..');
const NODE = join(REPO, 'node_modules/.bin/node');
const CLI = join(REPO, 'src/ingest/cli.ts');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const ASSESSMENT = join(import.meta.dirname, '../../../content/sources/russia-north-korea-security-alliance.txt');
const ARTICLE = join(import.meta.dirname, '../../../content/sources/russia-treaty-north-korea.txt');
const ARTICLE_TITLE = 'Russia’s Treaty with North Korea and a New Era of Regional Tensions in East Asia';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'atlas-ingest-'));
  mkdirSync(join(root, 'content'));
  copyFileSync(join(FIXTURES, 'countries.json'), join(root, 'content/countries.json'));
  copyFileSync(join(FIXTURES, 'topics.json'), join(root, 'content/topics.json'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function ingest(args: string[], cwd = REPO) {
  const env = { ...process.env };
  delete env.INIT_CWD;
  const run = spawnSync(NODE, [CLI, '--root', root, ...args], { cwd, env, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** Every file under the temporary content/, with its bytes, vocabularies left out. */
function snapshot(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!/^(countries|topics)\.json$/.test(entry.name)) files.set(relative(root, path), readFileSync(path));
    }
  };
  walk(join(root, 'content'));
  return files;
}

const MDX = 'content/assessments/russia-north-korea-security-alliance.mdx';

describe('good input', () => {
  test('writes the page, the source copy and the tables, and reports what it did', () => {
    const run = ingest([ARTICLE, '--title', ARTICLE_TITLE]);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    expect([...snapshot().keys()].sort()).toEqual([
      'content/assessments/russia-treaty-north-korea.mdx',
      'content/generated/russia-treaty-north-korea.json',
      'content/sources/russia-treaty-north-korea.txt',
      'content/tables/russia-treaty-north-korea/defense-budget.json',
      'content/tables/russia-treaty-north-korea/implications.json',
      'content/tables/russia-treaty-north-korea/interests.json',
      'content/tables/russia-treaty-north-korea/major-exports.json',
    ]);
    expect(readFileSync(join(root, 'content/sources/russia-treaty-north-korea.txt')).equals(readFileSync(ARTICLE))).toBe(true);
    expect(run.out).toContain(`${ARTICLE}:4: fix missing-space: "Furthermore,this" -> "Furthermore, this"`);
    expect(run.out).toContain(`${ARTICLE}:2: heading "The Implications of Russia-North Korea Relations for Regional Stability"`);
    expect(run.out).toContain(`${ARTICLE}: ok: article "${ARTICLE_TITLE}" -> content/assessments/russia-treaty-north-korea.mdx (7 sections, 4 tables, 17 fixes)`);
    // The page is the same as the pure pipeline's fixture output.
    expect(readFileSync(join(root, 'content/assessments/russia-treaty-north-korea.mdx'), 'utf8')).toBe(
      readFileSync(join(FIXTURES, 'seed-article/expected.mdx'), 'utf8'),
    );
  });

  test('is idempotent: a second run changes no byte and says so', () => {
    expect(ingest([ASSESSMENT, ARTICLE]).code).toBe(0);
    const first = snapshot();
    const again = ingest([ASSESSMENT, ARTICLE]);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`${ASSESSMENT}: up to date: ${MDX} (no file changed)`);
    const second = snapshot();
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, bytes] of first) expect(second.get(file)!.equals(bytes), file).toBe(true);
  });

  test('a source without a title line gets a loud provisional title; a later --title moves it to its real slug', () => {
    const run = ingest([ARTICLE]);
    expect(run.code).toBe(0);
    expect(run.err).toContain('WARNING: NO TITLE: the source has no title line and no --title was given. Using the PROVISIONAL title');
    const provisional = 'content/assessments/russia-treaty-north-korea-set.mdx';
    expect(readFileSync(join(root, provisional), 'utf8')).toContain('titleProvisional: true');

    const titled = ingest([ARTICLE, '--title', ARTICLE_TITLE]);
    expect(titled.code).toBe(0);
    expect(titled.out).toContain(`the page moved from ${provisional} (provisional title) to the slug "russia-treaty-north-korea"`);
    expect([...snapshot().keys()].filter((f) => f.includes('-set'))).toEqual([]);
    const page = readFileSync(join(root, 'content/assessments/russia-treaty-north-korea.mdx'), 'utf8');
    expect(page).toBe(readFileSync(join(FIXTURES, 'seed-article/expected.mdx'), 'utf8'));

    // Re-ingesting the stored copy without --title keeps the title given before.
    const again = ingest([join(root, 'content/sources/russia-treaty-north-korea.txt')]);
    expect(again.code).toBe(0);
    expect(again.err).toBe('');
    expect(again.out).toContain('title "Russia’s Treaty with North Korea and a New Era of Regional Tensions in East Asia" kept from the earlier page');
    expect(readFileSync(join(root, 'content/assessments/russia-treaty-north-korea.mdx'), 'utf8')).toBe(page);
  });

  test('--no-fix keeps the text as written', () => {
    expect(ingest([ARTICLE, '--title', ARTICLE_TITLE, '--no-fix']).code).toBe(0);
    const page = readFileSync(join(root, 'content/assessments/russia-treaty-north-korea.mdx'), 'utf8');
    expect(page).toContain('Furthermore,this alignment');
    expect(page).not.toContain('Furthermore, this alignment');
  });

  test('--kind and --slug override the guesses; relative paths are read from the working directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cwd-'));
    copyFileSync(ASSESSMENT, join(dir, 'report.txt'));
    const run = ingest(['report.txt', '--kind', 'article', '--slug', 'alliance'], dir);
    rmSync(dir, { recursive: true });
    expect(run.code).toBe(0);
    expect(run.out).toContain('kind: article (given with --kind; the text alone suggests assessment');
    const page = readFileSync(join(root, 'content/assessments/alliance.mdx'), 'utf8');
    expect(page).toMatch(/^kind: article$/m);

    // A later run without the options keeps the editor's choices for this source.
    const again = ingest([ASSESSMENT]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('kind: article (kept from the earlier page of this source');
    expect(again.out).toContain('slug "alliance" kept from the earlier page of this source');
    expect(readFileSync(join(root, 'content/assessments/alliance.mdx'), 'utf8')).toBe(page);
  });

  test('a --title that replaced a title line is kept on later runs', () => {
    expect(ingest([ASSESSMENT, '--title', 'Russia and North Korea: A Security Alliance']).code).toBe(0);
    const again = ingest([ASSESSMENT]);
    expect(again.code).toBe(0);
    expect(again.out).toContain(
      'title "Russia and North Korea: A Security Alliance" kept from the earlier page of this source (instead of the title line "Strategic Implications of the Russia-North Korea Security Alliance"; --title overrides)',
    );
    expect(again.out).toContain('up to date');
  });
});

describe('bad input', () => {
  test('each bad file fails with its reason, nothing is written for it, and good files still are', () => {
    const bad = join(FIXTURES, 'bad');
    const missing = join(root, 'does-not-exist.txt');
    const run = ingest([join(bad, 'empty.txt'), ASSESSMENT, join(bad, 'binary.txt'), missing, join(bad, 'whitespace.txt'), join(bad, 'latin1.txt'), FIXTURES]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`error: ${join(bad, 'empty.txt')}: the file is empty; nothing written for this file`);
    expect(run.err).toContain(`error: ${join(bad, 'binary.txt')}: it looks binary (a NUL byte at offset 4)`);
    expect(run.err).toContain(`error: ${missing}: cannot read it (no such file); nothing written for this file`);
    expect(run.err).toContain(`error: ${join(bad, 'whitespace.txt')}: the file contains only white space`);
    expect(run.err).toContain(`error: ${join(bad, 'latin1.txt')}: it is not UTF-8 text (invalid byte 0xe9 at offset 3, line 1)`);
    expect(run.err).toContain(`error: ${FIXTURES}: cannot read it (it is a directory, not a file)`);
    expect(run.err).toContain('ingest: 1 of 7 files ingested; 6 failed or skipped');
    expect([...snapshot().keys()].sort()).toEqual([MDX, 'content/generated/russia-north-korea-security-alliance.json', 'content/sources/russia-north-korea-security-alliance.txt']);
  });

  test.each([
    [['--bogus', ASSESSMENT], 'ingest: unknown option "--bogus"\nRun "npm run ingest -- --help"'],
    [['--kind', 'memo', ASSESSMENT], '--kind must be one of article, assessment, brief, report, not "memo"'],
    [['--slug', 'Not A Slug', ASSESSMENT], '--slug "Not A Slug" must be lowercase letters'],
    [['--title', 'One', ASSESSMENT, ARTICLE], '--title and --slug name one document: give them with a single file'],
    [[], 'no source files given'],
  ])('a wrong command line (%j) exits 2 and writes nothing', (args, message) => {
    const run = ingest(args);
    expect(run.code).toBe(2);
    expect(run.err).toContain(message);
    expect(snapshot().size).toBe(0);
  });

  test('a missing country list is named', () => {
    rmSync(join(root, 'content/countries.json'));
    const run = ingest([ASSESSMENT]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`${join(root, 'content/countries.json')}: cannot read it (ENOENT)`);
  });
});

describe('protection', () => {
  test('a page edited by hand is not overwritten without --force', () => {
    expect(ingest([ASSESSMENT]).code).toBe(0);
    const file = join(root, MDX);
    const edited = readFileSync(file, 'utf8').replace('## Implications', '## Implications for the Region');
    writeFileSync(file, edited);

    const run = ingest([ASSESSMENT]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`error: ${ASSESSMENT}: changed by hand since they were generated, so nothing was overwritten: ${MDX}. Move the edits into the source`);
    expect(readFileSync(file, 'utf8')).toBe(edited);

    const forced = ingest([ASSESSMENT, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.err).toContain(`WARNING: replaced ${MDX}, which had been edited by hand (--force)`);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(FIXTURES, 'seed-assessment/expected.mdx'), 'utf8'));
  });

  test("another source's slug is not taken without --force, and its stale tables go when it is", () => {
    expect(ingest([ARTICLE, '--title', ARTICLE_TITLE, '--slug', 'shared']).code).toBe(0);
    expect(readdirSync(join(root, 'content/tables/shared')).length).toBe(4);

    const clash = ingest([join(FIXTURES, 'quirks/source.txt'), '--slug', 'shared']);
    expect(clash.code).toBe(1);
    expect(clash.err).toContain('the slug "shared" is already used by another source (content/assessments/shared.mdx, from content/sources/shared.txt)');

    const forced = ingest([join(FIXTURES, 'quirks/source.txt'), '--slug', 'shared', '--force']);
    expect(forced.code).toBe(0);
    expect(readdirSync(join(root, 'content/tables/shared'))).toEqual(['count.json']);
    expect(forced.out).toContain('removed content/tables/shared/defense-budget.json');
    expect(readFileSync(join(root, 'content/sources/shared.txt')).equals(readFileSync(join(FIXTURES, 'quirks/source.txt')))).toBe(true);
  });

  test('the same source is not published twice under a new --slug without --force', () => {
    expect(ingest([ASSESSMENT]).code).toBe(0);
    const run = ingest([ASSESSMENT, '--slug', 'second-copy']);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`this source is already published as ${MDX}`);
    expect(existsSync(join(root, 'content/assessments/second-copy.mdx'))).toBe(false);
  });

  test('two sources of one run that want the same slug: the second gets its own, reported', () => {
    const copy = join(root, 'copy.txt');
    writeFileSync(copy, `${readFileSync(ASSESSMENT, 'utf8')}\n`);
    const run = ingest([ASSESSMENT, copy]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`${copy}: slug "russia-north-korea-security-alliance-2" ("russia-north-korea-security-alliance" and its longer forms are taken by other sources: numbered`);
    expect(existsSync(join(root, 'content/assessments/russia-north-korea-security-alliance-2.mdx'))).toBe(true);
  });

  test("an editor's chart, or their \"chart\": null, survives a re-run; --force puts the proposal back", () => {
    expect(ingest([ARTICLE, '--title', ARTICLE_TITLE]).code).toBe(0);
    const file = join(root, 'content/tables/russia-treaty-north-korea/defense-budget.json');
    const proposed = readFileSync(file, 'utf8');
    const data = JSON.parse(proposed) as { chart: { title: string; series: unknown[] } | null };
    data.chart = { ...data.chart!, title: 'Defence budgets, 2023', series: data.chart!.series.slice(0, 1) };
    writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);

    const again = ingest([ARTICLE]);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`${ARTICLE}:11: table "defense-budget": kept the chart from the existing data file (an editor's choice); pass --force to replace it with the proposal`);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as typeof data;
    expect(kept.chart).toEqual(data.chart);

    data.chart = null;
    writeFileSync(file, JSON.stringify(data));
    expect(ingest([ARTICLE]).out).toContain('table "defense-budget": kept "chart": null from the existing data file (no chart)');
    expect((JSON.parse(readFileSync(file, 'utf8')) as typeof data).chart).toBeNull();

    const forced = ingest([ARTICLE, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('table "defense-budget": replaced the chart of the existing data file with the proposal (--force)');
    expect(readFileSync(file, 'utf8')).toBe(proposed);
  }, 30_000);

  test('a chart that no longer fits its table is replaced with the proposal, and the report says why', () => {
    expect(ingest([ARTICLE, '--title', ARTICLE_TITLE]).code).toBe(0);
    const file = join(root, 'content/tables/russia-treaty-north-korea/defense-budget.json');
    const proposed = readFileSync(file, 'utf8');
    const data = JSON.parse(proposed) as { chart: { categories: string } };
    data.chart.categories = 'Nation';
    writeFileSync(file, JSON.stringify(data));
    const run = ingest([ARTICLE]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'table "defense-budget": the chart in the existing data file no longer fits the table (categories: no column is labelled "Nation"',
    );
    expect(readFileSync(file, 'utf8')).toBe(proposed);
  }, 15_000);
});
