/**
 * A fixture site with three versions of one CRS-style brief (tests/site/fixtures/revisions/),
 * each ingested by the real ingester in the order a newsroom might: version 1, then version 3,
 * then version 2 late. The order of versions comes from src/lib/revisions/order.ts; the earlier
 * ones are placed under content/revisions/<slug>/ the way the ingester is to do it (see
 * content/README.md), the newest becomes the current page.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { orderVersions } from '../../../src/lib/revisions/order.ts';
import { createFixtureSite, type FixtureSite } from './fixtureSite.ts';

const PROJECT = resolve(import.meta.dirname, '../../..');
const SOURCES = join(PROJECT, 'tests/site/fixtures/revisions');
export const REVISED_SLUG = 'russia-north-korea-military-cooperation';

/** In ingest order. `updated` is the "Updated ..." line of each source, which the ingester does not yet write (issue 9). */
export const INGESTS = [
  { file: 'v1-2026-03-04.txt', updated: '2026-03-04' },
  { file: 'v3-2026-09-18.txt', updated: '2026-09-18' },
  { file: 'v2-2026-06-10.txt', updated: '2026-06-10' },
];

interface Ingested {
  sha256: string;
  ingested: number;
  updated: string;
  root: string;
  file: string;
}

function ingest(file: string): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-ingest-'));
  cpSync(join(PROJECT, 'content/countries.json'), join(root, 'content/countries.json'));
  cpSync(join(PROJECT, 'content/topics.json'), join(root, 'content/topics.json'));
  execFileSync(process.execPath, [join(PROJECT, 'src/ingest/cli.ts'), '--root', root, '--slug', REVISED_SLUG, join(SOURCES, file)], { stdio: 'pipe' });
  return root;
}

const splitPage = (text: string) => {
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  return { data: yaml.load(front!) as Record<string, unknown>, body: body! };
};
const joinPage = (data: Record<string, unknown>, body: string) => `---\n${yaml.dump(data, { lineWidth: -1 })}---\n${body}`;

export function createRevisionsSite(): FixtureSite {
  const site = createFixtureSite();
  const ingested: Ingested[] = INGESTS.map(({ file, updated }, index) => ({
    file,
    updated,
    ingested: index,
    sha256: createHash('sha256').update(readFileSync(join(SOURCES, file))).digest('hex'),
    root: ingest(file),
  }));
  const ordered = orderVersions(ingested);
  const slug = REVISED_SLUG;
  for (const { number, version } of ordered) {
    const current = number === ordered.length;
    const page = splitPage(readFileSync(join(version.root, `content/assessments/${slug}.mdx`), 'utf8'));
    page.data.updated = version.updated;
    const tablesDir = join(version.root, `content/tables/${slug}`);
    const tableFiles = existsSync(tablesDir) ? readdirSync(tablesDir).sort() : [];
    if (current) {
      site.write(`content/assessments/${slug}.mdx`, joinPage(page.data, page.body));
      site.write(`content/sources/${slug}.txt`, readFileSync(join(version.root, `content/sources/${slug}.txt`), 'utf8'));
      for (const name of tableFiles) site.write(`content/tables/${slug}/${name}`, readFileSync(join(tablesDir, name), 'utf8'));
    } else {
      // An earlier version keeps its own source and tables, and its body points at those tables.
      const dir = `content/revisions/${slug}`;
      delete page.data.generatedSha256;
      page.data.version = number;
      page.data.source = { path: `${dir}/${number}.txt`, sha256: version.sha256 };
      page.data.tables = (page.data.tables as string[]).map((id) => `${slug}/${number}/tables/${id.split('/').at(-1)}`);
      const body = page.body.replace(/<DataTable id="([^"/]+)\/([^"]+)" \/>/g, (_, s: string, id: string) => `<DataTable id="${s}/${number}/tables/${id}" />`);
      site.write(`${dir}/${number}.mdx`, joinPage(page.data, body));
      site.write(`${dir}/${number}.txt`, readFileSync(join(version.root, `content/sources/${slug}.txt`), 'utf8'));
      for (const name of tableFiles) site.write(`${dir}/${number}/tables/${name}`, readFileSync(join(tablesDir, name), 'utf8'));
    }
  }
  for (const version of ingested) rmSync(version.root, { recursive: true, force: true });
  return site;
}
