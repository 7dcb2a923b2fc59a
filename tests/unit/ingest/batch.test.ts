/**
 * A batch in one CLI run: fifty sources whose titles share their first words all get pages with
 * distinct, readable slugs, and running the same batch again changes nothing.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SLUG_PATTERN } from '../../../src/lib/ids.ts';

const REPO = join(import.meta.dirname, '../../..');
const NODE = join(REPO, 'node_modules/.bin/node');
const CLI = join(REPO, 'src/ingest/cli.ts');
const FIXTURES = join(import.meta.dirname, 'fixtures');

// Subjects as an archive of CRS-style products has them; several share more than the first words.
const SUBJECTS = [
  'Energy Cooperation in the Arctic', 'Energy Cooperation and Sanctions Evasion', 'Arms Transfers and Artillery Shells', 'Arms Transfers and Ballistic Missiles',
  'Labor Migration', 'Rail Links Across the Tumen River', 'Space Launch Technology', 'Food Aid and Grain Shipments', 'Tourism in Wonsan', 'Banking Channels',
  'Military Exercises', 'Cyber Operations', 'Nuclear Cooperation', 'Maritime Transfers at Sea', 'The Treaty on Comprehensive Strategic Partnership',
  'Implications for Japan', 'Implications for South Korea', 'Implications for China', 'Implications for the United States', 'Implications for Mongolia',
];

let root: string;
let dir: string;
const files: string[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'atlas-batch-'));
  dir = join(root, 'incoming');
  mkdirSync(join(root, 'content'), { recursive: true });
  mkdirSync(dir);
  for (const name of ['countries.json', 'topics.json']) copyFileSync(join(FIXTURES, name), join(root, 'content', name));
  copyFileSync(join(REPO, 'content/roles.json'), join(root, 'content/roles.json'));
  for (let i = 0; i < 50; i += 1) {
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const part = i < SUBJECTS.length ? '' : ` (Part ${Math.floor(i / SUBJECTS.length) + 1})`;
    const file = join(dir, `${String(i).padStart(3, '0')}.txt`);
    writeFileSync(
      file,
      `Russia-North Korea Relations: ${subject}${part}\nOverview\nRussia and North Korea signed a treaty in June 2024, number ${i} in this series of notes.\nOutlook\nCooperation is likely to deepen through 2026.\n`,
    );
    files.push(file);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function run() {
  return spawnSync(NODE, [CLI, '--root', root, ...files], { cwd: REPO, encoding: 'utf8' });
}

test('fifty sources sharing their first title words get fifty distinct, readable slugs, and a re-run is idempotent', () => {
  const first = run();
  expect(first.stderr).toBe('');
  expect(first.status).toBe(0);
  const pages = readdirSync(join(root, 'content/assessments')).sort();
  expect(pages).toHaveLength(50);
  const slugs = pages.map((p) => p.replace(/\.mdx$/, ''));
  for (const slug of slugs) {
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.startsWith('russia-north-korea-relations')).toBe(true);
  }
  // Readable: the subject's words are in the slug, not only a counter.
  expect(slugs).toContain('russia-north-korea-relations-energy-cooperation-arctic');
  expect(slugs).toContain('russia-north-korea-relations-japan');
  expect(slugs).toContain('russia-north-korea-relations-arms-transfers-ballistic-missiles');
  expect(slugs).toContain('russia-north-korea-relations-banking-channels-part-2');
  // Each extension is reported.
  expect(first.stdout).toMatch(/is taken by another source: extended with further title words/);

  const before = new Map(pages.map((p) => [p, readFileSync(join(root, 'content/assessments', p), 'utf8')]));
  const second = run();
  expect(second.status).toBe(0);
  expect(second.stdout.match(/: up to date: /g)).toHaveLength(50);
  const after = readdirSync(join(root, 'content/assessments')).sort();
  expect(after).toEqual(pages);
  for (const p of after) expect(readFileSync(join(root, 'content/assessments', p), 'utf8')).toBe(before.get(p));
}, 120_000);
