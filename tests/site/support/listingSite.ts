/**
 * A fixture site with enough documents to paginate every listing: the fixture site's seed plus
 * `count` documents ingested with the real ingester from variations of report-shaped sources
 * (a CRS In Focus brief, a UK assessment with classification banners, a UK assessment, a BLUF brief, a
 * report with a number and a table, a brief with three country tables), each
 * with its own title and date, a few undated. The sources are written to the site's root and
 * ingested in one command, as an editor would.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createFixtureSite, type FixtureSite } from './fixtureSite.ts';

const PROJECT = resolve(import.meta.dirname, '../../..');
const FIXTURES = join(PROJECT, 'tests/unit/ingest/fixtures');
const CODE_WORDS = 'Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey Xray Yankee Zulu'.split(' ');
const SERIES = ['Review', 'Digest', 'Survey', 'Bulletin'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Template {
  fixture: string;
  /** The source's title line and date line, as written. */
  title: string;
  date?: { line: string; write: (day: number, month: string, year: number) => string };
  identifier?: { line: string; write: (i: number) => string };
}

const TEMPLATES: Template[] = [
  {
    fixture: 'crs-in-focus',
    title: "Japan's Defense Buildup and the U.S.-Japan Alliance",
    // A report number names one report: each copy needs its own, or it is an update of the first.
    identifier: { line: '(IF12760)', write: (i) => `(IF${12760 + i})` },
    date: { line: 'Updated September 18, 2026', write: (d, m, y) => `Updated ${m} ${d}, ${y}` },
  },
  // (Not the think-tank report: its two summary sections both claim the id kj-1, which the build refuses.)
  {
    fixture: 'uk-banners',
    title: 'Russia and the Arctic: Assessment of Military Posture to 2030',
    date: { line: 'Date: 12 June 2026', write: (d, m, y) => `Date: ${d} ${m} ${y}` },
  },
  {
    fixture: 'uk-key-judgements',
    title: 'Russia: Sanctions Resilience to 2026',
    date: { line: 'Date: 14 March 2025', write: (d, m, y) => `Date: ${d} ${m} ${y}` },
  },
  // No date in the source: these list after every dated document.
  { fixture: 'bluf-brief', title: 'Maritime Security in the Red Sea: Options for Congress' },
  {
    fixture: 'report-metadata',
    title: "Pyongyang's Missile Exports to Russia",
    identifier: { line: 'Report No. 24-117', write: (i) => `Report No. 24-${117 + i}` },
    date: { line: 'Date: 3 May 2024', write: (d, m, y) => `Date: ${d} ${m} ${y}` },
  },
  // Three tables with a country column each, undated: enough tables to page /data/ and a country's rows.
  { fixture: 'typed-cells', title: 'Typed Cells and Charts' },
];
/** Which template each document uses, in turn. */
const ROTATION = [0, 5, 1, 5, 2, 4, 3, 5];

export interface ListingSite {
  readonly site: FixtureSite;
  /** Output of the ingest command. */
  readonly ingest: string;
}

/** Source `i` of the generated set: its file name and text. */
export function listingSource(i: number): { name: string; text: string } {
  const template = TEMPLATES[ROTATION[i % ROTATION.length]!]!;
  let text = readFileSync(join(FIXTURES, template.fixture, 'source.txt'), 'utf8');
  if (!text.includes(template.title)) throw new Error(`${template.fixture}/source.txt no longer starts with "${template.title}": update listingSite.ts.`);
  // Distinct titles, so each makes its own document rather than an update of another.
  // (Words, not numbers: the slug rule keeps a title's leading words.)
  const series = `${CODE_WORDS[i % CODE_WORDS.length]} ${SERIES[Math.floor(i / CODE_WORDS.length) % SERIES.length]}`;
  text = text.replace(template.title, `${series}: ${template.title}`);
  if (template.identifier) text = text.replace(template.identifier.line, template.identifier.write(i));
  if (template.date) {
    if (!text.includes(template.date.line)) throw new Error(`${template.fixture}/source.txt has no line "${template.date.line}": update listingSite.ts.`);
    // Several documents share a day, so the title decides between them.
    text = text.replace(template.date.line, template.date.write((i % 7) + 1, MONTHS[i % 12]!, 2019 + (i % 5)));
  }
  return { name: `listing-${String(i + 1).padStart(3, '0')}.txt`, text };
}

export async function createListingSite(count: number): Promise<ListingSite> {
  const site = createFixtureSite();
  const files = Array.from({ length: count }, (_, i) => {
    const { name, text } = listingSource(i);
    site.write(`incoming/${name}`, text);
    return join(site.root, 'incoming', name);
  });
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(PROJECT, 'src/ingest/cli.ts'), '--root', site.root, ...files], {
    cwd: site.root,
    maxBuffer: 32 * 1024 * 1024,
  });
  return { site, ingest: `${stdout}\n${stderr}` };
}
