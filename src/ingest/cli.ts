/**
 * npm run ingest -- <file.txt>... [--kind <kind>] [--title "..."] [--slug ...]
 *                   [--update <slug>] [--force] [--no-fix] [--root <dir>]
 *
 * Exit codes: 0 every file ingested (or already up to date); 1 at least one file failed or was
 * skipped (bad input, an edited page, a slug clash); the other files of the run are still
 * ingested; 2 the command line itself is wrong (nothing ingested).
 */
import { readFileSync } from 'node:fs';
import { relative as relativePath, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { kindSchema, KINDS, type Kind } from '../lib/kinds.ts';
import { SLUG_PATTERN } from '../lib/ids.ts';
import { ingestSource, type PlannedDocument } from './ingest.ts';
import { readExistingMdx, sha256 } from './frontmatter.ts';
import type { PageSummary } from './updates.ts';
import { formatEntry, ordered } from './report.ts';
import { acquireLock } from './lock.ts';
import { incomingStoredFiles, isNewVersion, keptVersions, planVersion, renumberFiles, revisionPaths, storedFiles } from './revisions.ts';
import { checkTarget, contentDir, finish, isUntouched, paths, readArchive, readExistingTable, readManifest, recover, switchFiles, takenSlugs, writeDocument } from './store.ts';
import { keepEditorCaption, keepEditorChart, serializeTable } from './tables.ts';
import { loadCountries, loadTopics, VocabularyError } from './vocabulary.ts';

const KIND_OPTION = `--kind ${KINDS.join('|')}`;
const USAGE = `Usage: npm run ingest -- <file.txt>... [options]

Turns plain-text sources into content/assessments/<slug>.mdx, keeps each original under
content/sources/ and writes each table to content/tables/<slug>/.

Options:
  ${KIND_OPTION.padEnd(25)} override the guessed kind
  --title "..."              the page title (one file only); needed when the source has no title line
  --slug words-with-hyphens  the page slug (one file only); default: a few words of the title
  --update <slug>            the files are versions of the page <slug>: earlier ones are kept
  --force                    replace a page edited by hand, or another source's page with this slug
  --no-fix                   keep the text exactly as written (no typographic fixes)
  --root <dir>               project directory to write into (default: this repository)
  -h, --help                 show this help

Exit codes: 0 all files ingested; 1 some file failed or was skipped (others still ingested);
2 wrong command line.`;

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

/** Titles longer than this still work but make poor headings and tab titles. */
const LONG_TITLE = 200;

/**
 * A line as the terminal may show it: control characters other than tab (from a source's text,
 * a file name) are written as escapes such as \x1b, so they can never drive the terminal.
 */
export function printable(line: string): string {
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function usageError(io: Io, message: string): number {
  io.err(`ingest: ${message}`);
  io.err('Run "npm run ingest -- --help" for the options.');
  return 2;
}

export function main(argv: string[], terminal: Io): number {
  const io: Io = { cwd: terminal.cwd, out: (line) => terminal.out(printable(line)), err: (line) => terminal.err(printable(line)) };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        kind: { type: 'string' },
        title: { type: 'string' },
        slug: { type: 'string' },
        update: { type: 'string' },
        force: { type: 'boolean', default: false },
        'no-fix': { type: 'boolean', default: false },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    // Node's own wording ends in a stray quote ("... as in '-- "--x"'); say it plainly instead.
    const option = /'(-[^']*)'/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) return usageError(io, `unknown option "${option}"`);
    return usageError(io, message);
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (files.length === 0) return usageError(io, 'no source files given');
  if (values.kind !== undefined && !kindSchema.safeParse(values.kind).success) {
    return usageError(io, `--kind must be one of ${KINDS.join(", ")}, not "${values.kind}"`);
  }
  if (files.length > 1 && (values.title !== undefined || values.slug !== undefined)) {
    return usageError(io, '--title and --slug name one document: give them with a single file');
  }
  if (values.update !== undefined && !SLUG_PATTERN.test(values.update)) return usageError(io, `--update "${values.update}" must be the slug of a page (lowercase letters, digits and single hyphens)`);
  if (values.update !== undefined && values.slug !== undefined && values.slug !== values.update) return usageError(io, '--update names the page the files are versions of: leave out --slug');
  if (values.title !== undefined && values.title.trim() === '') return usageError(io, '--title is empty');
  if (values.title !== undefined && /[\r\n\u2028\u2029]/.test(values.title)) return usageError(io, '--title must be one line: remove the line breaks');
  if (values.title !== undefined && /[\u0000-\u001f\u007f-\u009f]/.test(values.title)) {
    return usageError(io, '--title contains control characters (such as an escape or a tab): type it again as plain text');
  }
  if (values.slug !== undefined && !SLUG_PATTERN.test(values.slug)) {
    return usageError(io, `--slug "${values.slug}" must be lowercase letters, digits and single hyphens (for example "russia-north-korea-alliance")`);
  }

  const root = resolve(io.cwd, values.root ?? REPOSITORY);
  const rel = (p: string) => relativePath(root, p) || '.';
  let countries, topics;
  try {
    countries = loadCountries(contentDir(root));
    topics = loadTopics(contentDir(root));
  } catch (error) {
    if (error instanceof VocabularyError) return usageError(io, error.message);
    throw error;
  }

  if (values.title !== undefined && [...values.title.trim()].length > LONG_TITLE) {
    io.err(`ingest: WARNING: --title is ${[...values.title.trim()].length} characters long; a title past about ${LONG_TITLE} characters makes a poor heading and tab title`);
  }
  const lock = acquireLock(contentDir(root), rel(contentDir(root)));
  if (!lock.ok) {
    io.err(`ingest: ${lock.reason}; nothing ingested`);
    return 1;
  }
  try {
    if (lock.note !== undefined) io.err(`ingest: note: ${lock.note}`);
    for (const note of recover(root)) io.err(`ingest: note: ${note}`);
    return ingestAll(files, values, root, rel, countries, topics, io);
  } finally {
    finish(root);
    lock.release();
  }
}

function ingestAll(
  files: string[],
  values: { kind?: string | undefined; title?: string | undefined; slug?: string | undefined; update?: string | undefined; force: boolean; 'no-fix': boolean },
  root: string,
  rel: (p: string) => string,
  countries: ReturnType<typeof loadCountries>,
  topics: ReturnType<typeof loadTopics>,
  io: Io,
): number {
  const options = {
    kind: values.kind as Kind | undefined,
    title: values.title?.trim(),
    slug: values.update ?? values.slug,
    fix: !values['no-fix'],
  };
  const slugsThisRun = new Map<string, string>();
  // Read once: each file of the run looks its earlier page up in this index, not in every file.
  const archive = readArchive(root);
  const pages = archive.pages;
  let failed = 0;

  for (const file of files) {
    const fail = (reason: string) => {
      io.err(`error: ${file}: ${reason}; nothing written for this file`);
      failed += 1;
    };
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(resolve(io.cwd, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory, not a file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      fail(`cannot read it (${why})`);
      continue;
    }

    const input = resolve(io.cwd, file);
    const name = file.split(/[\\/]/).at(-1)!;
    const sourceSha256 = sha256(bytes);
    const previous = archive.previous(sourceSha256, input);
    if (previous && !previous.titleProvisional && options.slug !== undefined && options.slug !== previous.slug && !values.force) {
      fail(`this source is already published as ${rel(previous.file)}; run without --slug to update that page, or pass --force to publish a second copy`);
      continue;
    }
    if (values.update !== undefined && !pages.some((page) => page.slug === values.update)) {
      fail(`there is no page "${values.update}" to update (content/assessments/${values.update}.mdx); ingest its first version without --update`);
      continue;
    }
    const taken = takenSlugs(pages, sourceSha256, slugsThisRun.keys());
    let result = ingestSource({ bytes, name, options, countries, topics, previous, taken, pages });
    // Another version of a published document: the earlier ones are kept (src/ingest/revisions.ts).
    const first = result.ok ? result.document : undefined;
    const page = first && pages.find((p) => p.slug === first.slug);
    let step: ReturnType<typeof versionStep>;
    try {
      step = first && page ? versionStep(root, first, page, { update: values.update !== undefined, slugGiven: values.slug !== undefined, name, input }) : undefined;
    } catch (error) {
      fail((error as Error).message);
      continue;
    }
    if (step?.kind === 'up-to-date') {
      io.out(`${file}: up to date: ${step.file} (the same text as ${step.number === undefined ? 'the current version' : `version ${step.number}`}; no file changed)`);
      continue;
    }
    if (step?.plan.current) {
      // The current page moves on: what an editor added to it carries over to the new one.
      const { matter } = step.current;
      const kind = kindSchema.safeParse(matter.kind).data;
      result = ingestSource({ bytes, name, options: { ...options, slug: step.slug }, countries, topics, previous: { slug: step.slug, title: first!.frontMatter.title, titleProvisional: false, kind, matter, newVersion: true }, taken, pages });
    }
    for (const entry of ordered(result.report)) {
      (entry.kind === 'warning' ? io.err : io.out)(formatEntry(file, entry));
    }
    if (!result.ok) {
      fail(result.reason);
      continue;
    }
    const doc = result.document;
    const clash = step === undefined ? slugsThisRun.get(doc.slug) : undefined;
    if (clash !== undefined) {
      fail(`the slug "${doc.slug}" was already used by ${clash} in this run; give one of them --slug`);
      continue;
    }
    if (step !== undefined && !step.plan.current) {
      // An earlier version than the current page: stored in its place, the current page untouched.
      const renumbered = renumberFiles(root, doc.slug, step.stored, step.plan);
      const files = [...renumbered.write, ...incomingStoredFiles(doc.slug, step.plan.number, doc)];
      let switched;
      try {
        switched = switchFiles(root, doc.slug, files.map((f) => ({ file: resolve(root, f.file), data: f.data })), renumbered.vacated.map((f) => resolve(root, f)));
      } catch (error) {
        fail(`writing failed (${(error as Error).message})`);
        continue;
      }
      slugsThisRun.set(doc.slug, file);
      const moved = step.plan.renumber.map(({ from, to }) => `${from} -> ${to}`);
      io.out(`${file}: an earlier version of "${doc.slug}" than its current page: kept as version ${step.plan.number}${moved.length > 0 ? ` (renumbered ${moved.join(', ')})` : ''}; the current page is unchanged`);
      io.out(`${file}: wrote ${[...switched.written.map(rel), ...switched.removed.map((p) => `removed ${rel(p)}`)].join(', ')}`);
      continue;
    }
    const verdict = step !== undefined ? { ok: true as const, notes: [] } : checkTarget(root, doc, { force: values.force, name, input, relative: rel });
    if (!verdict.ok) {
      fail(verdict.reason);
      continue;
    }
    // The earlier page had a provisional title and so a provisional slug: it moves to the new one.
    const moving = previous?.titleProvisional === true && previous.slug !== doc.slug ? previous : undefined;
    if (moving && !isUntouched(moving.file) && !values.force) {
      fail(`${rel(moving.file)} (the earlier page of this source, with a provisional title) was changed by hand; move the edits into the source, or pass --force to replace it with ${doc.slug}`);
      continue;
    }
    for (const note of verdict.notes) io.err(`${file}: ${note.startsWith('replaced') ? 'WARNING: ' : 'note: '}${note}`);
    // An editor's chart (or "chart": null), title and caption survive a re-run; --force puts the
    // ingester's back.
    const derived = readManifest(root, doc.slug)?.captions;
    for (const table of doc.tables) {
      const existing = readExistingTable(root, doc.slug, table.id);
      const captioned = keepEditorCaption(table.data, existing, derived?.[`tables/${doc.slug}/${table.id}.json`], values.force === true);
      for (const message of captioned.messages) io.out(`${file}:${table.data.line}: table "${table.id}": ${message}`);
      if (captioned.data !== table.data) {
        table.data = captioned.data;
        table.text = serializeTable(captioned.data);
      }
      const kept = keepEditorChart(table.data, existing);
      if (kept.message === undefined) continue;
      if (values.force && kept.data !== table.data) {
        io.out(`${file}:${table.data.line}: table "${table.id}": replaced the chart of the existing data file with the proposal (--force)`);
        continue;
      }
      io.out(`${file}:${table.data.line}: table "${table.id}": ${kept.message}`);
      table.data = kept.data;
      table.text = serializeTable(kept.data);
    }
    let written;
    try {
      const alsoWrite = step?.plan.retireCurrentAs === undefined ? undefined : storedFiles(root, doc.slug, step.plan.retireCurrentAs, step.current);
      written = writeDocument(root, doc, { name, retire: moving?.slug, alsoWrite });
    } catch (error) {
      fail(`writing failed (${(error as Error).message})`);
      continue;
    }
    slugsThisRun.set(doc.slug, file);
    const { title, identifier, published, updated } = doc.frontMatter;
    if (step !== undefined) {
      io.out(`${file}: a newer version of "${doc.slug}": the page it replaces is kept as version ${step.plan.retireCurrentAs} (${revisionPaths(doc.slug, step.plan.retireCurrentAs!).mdx})`);
    }
    archive.wrote(
      { slug: doc.slug, sourceSha256: doc.sourceSha256, title, identifier, published: published?.toISOString().slice(0, 10), updated: updated?.toISOString().slice(0, 10), sourceName: name },
      moving?.slug,
    );
    if (moving) {
      io.out(`${file}: the page moved from ${rel(moving.file)} (provisional title) to the slug "${doc.slug}"`);
    }
    const changed = [...written.written.map(rel), ...written.removed.map((p) => `removed ${rel(p)}`)];
    io.out(
      changed.length === 0
        ? `${file}: up to date: ${rel(written.unchanged.at(-1)!)} (no file changed)`
        : `${file}: wrote ${changed.join(', ')}`,
    );
    io.out(
      `${file}: ok: ${doc.frontMatter.kind} "${doc.frontMatter.title}" -> ${rel(paths(root, doc.slug).mdx)} (${doc.frontMatter.sections.length} sections, ${doc.tables.length} tables, ${doc.fixes.length} fixes)`,
    );
  }

  if (failed > 0) {
    io.err(`ingest: ${files.length - failed} of ${files.length} files ingested; ${failed} failed or skipped (see the errors above)`);
    return 1;
  }
  return 0;
}

/**
 * What ingesting `doc` does to the versions of the page under its slug: nothing special
 * (undefined: the same source, a correction, or a different document, handled as before), up to
 * date (its bytes are kept already), or a new version placed by planVersion.
 */
function versionStep(root: string, doc: PlannedDocument, page: PageSummary, how: { update: boolean; slugGiven: boolean; name: string; input: string }) {
  const kept = keptVersions(root, doc.slug);
  const current = kept.current;
  if (current === undefined) return undefined;
  const { title, identifier, published, updated } = doc.frontMatter;
  const iso = (date: Date | undefined) => date?.toISOString().slice(0, 10);
  const planned = { slug: doc.slug, sourceSha256: doc.sourceSha256, title, identifier, published: iso(published), updated: iso(updated), sourceName: how.name };
  const stored = kept.stored.findIndex((version) => version.sha256 === doc.sourceSha256);
  if (stored >= 0) return { kind: 'up-to-date' as const, file: kept.stored[stored]!.source, number: stored + 1 };
  const ownCopy = resolve(how.input) === paths(root, doc.slug).source;
  if (!isNewVersion({ page, planned, updateOf: doc.updateOf, update: how.update, slugGiven: how.slugGiven, ownCopy })) return undefined;
  const plan = planVersion(kept.stored, current, { sha256: doc.sourceSha256, published: planned.published, updated: planned.updated });
  if (plan.kind === 'up-to-date') return { kind: 'up-to-date' as const, file: current.source, number: plan.number };
  const matter = readExistingMdx(readFileSync(resolve(root, current.mdx), 'utf8')).matter ?? {};
  return { kind: 'insert' as const, slug: doc.slug, plan, stored: kept.stored, current: { ...current, matter } };
}

if (import.meta.main) {
  process.exitCode = main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
  });
}
