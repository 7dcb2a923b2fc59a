/**
 * Builds that can be trusted and redone: two builds of the same content give byte-identical
 * output (no build date, no unordered output), and the second reuses the pages that did not
 * change instead of rendering them again (Astro's incremental build, src/data/pageKeys.ts).
 * After a document is added, a rebuild lists it everywhere it belongs: the home page, the hubs
 * of its countries and topics, and the "Related in other assessments" of the document already
 * there; and what it kept from the last build is exactly what a cold build writes.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { parse } from 'parse5';
import { attr, byTag, elements, hasClass } from './support/dist.ts';
import { createFixtureSite, FIXTURE_DOC, FIXTURE_SLUG, type BuildResult, type FixtureSite } from './support/fixtureSite.ts';

const PROJECT = join(import.meta.dirname, '../..');
const ADDED = 'russia-treaty-north-korea';
const REISSUED = 'russia-north-korea-security-alliance-reissued';

function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

let site: FixtureSite;
const builds: { result: BuildResult; dist: Map<string, Buffer> }[] = [];
const build = async () => {
  const result = await site.build();
  builds.push({ result, dist: result.ok ? files(site.dist) : new Map() });
};

beforeAll(async () => {
  site = createFixtureSite();
  await build();
  await build();
  // An editor adds a second document (the seed article, with its tables and source copy).
  for (const path of [`content/assessments/${ADDED}.mdx`, `content/sources/${ADDED}.txt`, `content/generated/${ADDED}.json`]) {
    site.write(path, readFileSync(join(PROJECT, path), 'utf8'));
  }
  for (const name of readdirSync(join(PROJECT, 'content/tables', ADDED))) {
    site.write(`content/tables/${ADDED}/${name}`, readFileSync(join(PROJECT, 'content/tables', ADDED, name), 'utf8'));
  }
  await build();
  // Then a document on the same countries and topics (the first under another slug and title):
  // it publishes no new hub, so only the pages that list it may change.
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(site.read(FIXTURE_DOC))!;
  const data = yaml.load(front!) as { slug: string; title: string; source: { path: string } };
  Object.assign(data, { slug: REISSUED, title: `${data.title}, reissued`, source: { ...data.source, path: `content/sources/${REISSUED}.txt` } });
  site.write(`content/sources/${REISSUED}.txt`, site.read(`content/sources/${FIXTURE_SLUG}.txt`));
  site.write(`content/assessments/${REISSUED}.mdx`, `---\n${yaml.dump(data, { lineWidth: -1 })}---\n${body}`);
  await build();
  // The same content built cold: no incremental build manifest, no kept pages, no drawn outputs.
  rmSync(join(site.root, 'node_modules/.astro'), { recursive: true, force: true });
  await build();
}, 600_000);
afterAll(() => site?.remove());

const page = (path: string) => elements(parse(builds[2]!.dist.get(path)!.toString('utf8')));
const linksTo = (path: string, slug: string) =>
  page(path).filter((element) => element.tagName === 'a' && (attr(element, 'href') ?? '').includes(`/assessments/${slug}/`));

describe('two builds of the same content', () => {
  it('both succeed', () => {
    expect(builds[0]!.result.output).toMatch(/page\(s\) built/);
    expect(builds[1]!.result.ok).toBe(true);
  });

  it('write the same files, byte for byte', () => {
    const [first, second] = [builds[0]!.dist, builds[1]!.dist];
    expect([...second.keys()]).toEqual([...first.keys()]);
    const differ = [...first].filter(([path, bytes]) => !second.get(path)?.equals(bytes)).map(([path]) => path);
    expect(differ).toEqual([]);
  });

  it('the second reuses the document page, its hubs and its source text instead of rendering them again', () => {
    const reused = (path: string) => new RegExp(`─ ${path.replaceAll('.', '\\.')} \\((?:cached|restored)\\)`).test(builds[1]!.result.output);
    expect(reused(`/assessments/${FIXTURE_SLUG}/index.html`)).toBe(true);
    expect(reused('/countries/north-korea/index.html')).toBe(true);
    expect(reused(`/sources/${FIXTURE_SLUG}.txt`)).toBe(true);
    // Listings that show the newest documents are rendered every time.
    expect(reused('/index.html')).toBe(false);
  });

  it('citations carry no build date', () => {
    const html = builds[0]!.dist.get(`assessments/${FIXTURE_SLUG}/index.html`)!.toString('utf8');
    expect(html).toContain('Cite this page');
    expect(html).not.toMatch(/Accessed|Retrieved/);
  });
});

describe('after adding a document, the rebuild', () => {
  const added = yaml.load(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(PROJECT, `content/assessments/${ADDED}.mdx`), 'utf8'))![1]!) as {
    countries: string[];
    topics: string[];
  };

  it('succeeds and builds its page', () => {
    expect(builds[2]!.result.ok, builds[2]!.result.output.slice(-2000)).toBe(true);
    expect(builds[2]!.dist.has(`assessments/${ADDED}/index.html`)).toBe(true);
  });

  it('lists it on the home page', () => {
    expect(linksTo('index.html', ADDED).length).toBeGreaterThan(0);
  });

  it('lists it on the hub of each of its countries and topics', () => {
    const hubs = [...added.countries.map((id) => `countries/${id}/index.html`), ...added.topics.map((id) => `topics/${id}/index.html`)];
    for (const hub of hubs) expect(linksTo(hub, ADDED).length, hub).toBeGreaterThan(0);
  });

  it('offers its sections as related to the document already there', () => {
    const related = page(`assessments/${FIXTURE_SLUG}/index.html`).filter((element) => hasClass(element, 'related'));
    const links = related.flatMap((block) => byTag(block, 'a')).map((a) => attr(a, 'href') ?? '');
    expect(links.some((href) => href.includes(`/assessments/${ADDED}/#`))).toBe(true);
  });

  it('lists a document that publishes no new hub on the hubs it shares with the others', () => {
    expect(builds[3]!.result.ok, builds[3]!.result.output.slice(-2000)).toBe(true);
    const hub = elements(parse(builds[3]!.dist.get('countries/north-korea/index.html')!.toString('utf8')));
    expect(hub.some((element) => element.tagName === 'a' && (attr(element, 'href') ?? '').includes(`/assessments/${REISSUED}/`))).toBe(true);
  });

  it('writes what a cold build of the same content writes, byte for byte', () => {
    const [rebuilt, cold] = [builds[3]!.dist, builds[4]!.dist];
    expect(builds[4]!.result.ok, builds[4]!.result.output.slice(-2000)).toBe(true);
    expect([...rebuilt.keys()]).toEqual([...cold.keys()]);
    expect([...cold].filter(([path, bytes]) => !rebuilt.get(path)?.equals(bytes)).map(([path]) => path)).toEqual([]);
  });

  it('shares each of its sections on a share page', () => {
    expect([...builds[2]!.dist.keys()].filter((path) => path.startsWith(`s/${ADDED}/`)).length).toBeGreaterThan(0);
  });
});
