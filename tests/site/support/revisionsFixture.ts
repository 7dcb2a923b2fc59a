/**
 * A fixture site with three versions of one CRS-style brief (tests/site/fixtures/revisions/),
 * each ingested by the real ingester in the order a newsroom might: version 1, then version 3,
 * then version 2 late. The ingester keeps the earlier ones under content/revisions/<slug>/ in
 * the order of their "Updated ..." dates (src/ingest/revisions.ts); the newest is the current page.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createFixtureSite, type FixtureSite } from './fixtureSite.ts';

const PROJECT = resolve(import.meta.dirname, '../../..');
const SOURCES = join(PROJECT, 'tests/site/fixtures/revisions');
export const REVISED_SLUG = 'russia-north-korea-military-cooperation';

/** In ingest order. */
export const INGESTS = ['v1-2026-03-04.txt', 'v3-2026-09-18.txt', 'v2-2026-06-10.txt'];

export function createRevisionsSite(): FixtureSite {
  const site = createFixtureSite();
  for (const file of INGESTS) {
    execFileSync(process.execPath, [join(PROJECT, 'src/ingest/cli.ts'), '--root', site.root, join(SOURCES, file)], { stdio: 'pipe' });
  }
  return site;
}
