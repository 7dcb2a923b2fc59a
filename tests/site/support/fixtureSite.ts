/**
 * A tiny copy of the project for tests that must run whole builds with content they change: the
 * real config, src/ and vocabulary, and one document (the seed assessment, without its related
 * pins, which point at the other seed). It lives in a temporary folder with this project's
 * packages linked, starts without an anchor lock or caches, and builds with this project's Astro.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import yaml from 'js-yaml';

const PROJECT = resolve(import.meta.dirname, '../../..');
export const FIXTURE_SLUG = 'russia-north-korea-security-alliance';
export const FIXTURE_DOC = `content/assessments/${FIXTURE_SLUG}.mdx`;
export const FIXTURE_LOCK = 'content/anchors.lock.json';

export interface BuildResult {
  ok: boolean;
  /** stdout and stderr together, without colour codes. */
  output: string;
}

export interface FixtureSite {
  readonly root: string;
  readonly dist: string;
  read(path: string): string;
  write(path: string, text: string): void;
  exists(path: string): boolean;
  /** Changes the document's front matter (parsed) and body. */
  editDocument(edit: (doc: { data: Record<string, unknown>; body: string }) => void): void;
  build(env?: Record<string, string>): Promise<BuildResult>;
  remove(): void;
}

/**
 * The environment of a fixture build: the default site and base path whatever this run uses
 * (the tests expect its URLs), and CI cleared unless a test sets it (the lock behaves
 * differently on CI). Vitest puts Vite's own variables into process.env (BASE_URL=/ among them),
 * and a child build would take BASE_URL for its base path: they are left out too.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const { BASE_PATH: _base, SITE_URL: _site, BASE_URL: _viteBase, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...rest } = process.env;
  return { ...rest, CI: '', NO_COLOR: '1', FORCE_COLOR: '0' };
}

/**
 * Gives `site` a node_modules of links to each of `project`'s packages, not a link to the folder,
 * so the caches a build keeps there (.astro: content store, incremental build, drawn cards and
 * PDFs; .vite) start empty and belong to that site alone.
 */
export function linkPackages(project: string, site: string): void {
  mkdirSync(join(site, 'node_modules'));
  for (const name of readdirSync(join(project, 'node_modules'))) {
    if (!['.astro', '.vite', '.cache'].includes(name)) symlinkSync(join(project, 'node_modules', name), join(site, 'node_modules', name));
  }
}

export function createFixtureSite(): FixtureSite {
  const root = mkdtempSync(join(tmpdir(), 'atlas-fixture-'));
  for (const path of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'content/countries.json', 'content/topics.json', 'content/roles.json', 'content/estimative', `content/sources/${FIXTURE_SLUG}.txt`]) {
    if (existsSync(join(PROJECT, path))) cpSync(join(PROJECT, path), join(root, path), { recursive: true });
  }
  linkPackages(PROJECT, root);

  const site: FixtureSite = {
    root,
    dist: join(root, 'dist'),
    read: (path) => readFileSync(join(root, path), 'utf8'),
    write: (path, text) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    exists: (path) => existsSync(join(root, path)),
    editDocument(edit) {
      const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(site.read(FIXTURE_DOC))!;
      const doc = { data: yaml.load(front!) as Record<string, unknown>, body: body! };
      edit(doc);
      site.write(FIXTURE_DOC, `---\n${yaml.dump(doc.data, { lineWidth: -1 })}---\n${doc.body}`);
    },
    build(env = {}) {
      return new Promise((done) => {
        execFile(
          process.execPath,
          [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build'],
          { cwd: root, env: { ...buildEnv(), ...env }, maxBuffer: 16 * 1024 * 1024 },
          (error, stdout, stderr) => done({ ok: !error, output: `${stdout}\n${stderr}`.replace(/\u001b\[[0-9;]*m/g, '') }),
        );
      });
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };

  // The document as published, minus its pins to the other seed, which this copy does not have.
  const source = readFileSync(join(PROJECT, FIXTURE_DOC), 'utf8');
  site.write(FIXTURE_DOC, source);
  site.editDocument(({ data }) => {
    delete data.related;
    for (const section of data.sections as Record<string, unknown>[]) delete section.related;
  });
  return site;
}
