/**
 * The build log of a fixture site: what an editor reads after each build. Warnings Astro raises
 * about its own generated modules (one per document) and about an archive with no earlier
 * versions yet are gone; a warning about the site's own code still shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, type FixtureSite } from './support/fixtureSite.ts';

let site: FixtureSite;
let output = '';

beforeAll(async () => {
  site = createFixtureSite();
  // The revisions folder as a fresh clone has it: present, with no earlier version in it.
  site.write('content/revisions/.gitkeep', '');
  // A module of the site's own with a directive Rolldown cannot keep: its warning must still show.
  site.write('src/lib/directive-probe.js', "'use probe';\nexport const probe = 'A page of the site';\n");
  site.write('src/pages/probe.astro', "---\nimport { probe } from '../lib/directive-probe.js';\n---\n<p>{probe}</p>\n");
  const result = await site.build({ SITE_URL: 'https://atlas.example.org' });
  output = result.output;
  if (!result.ok) throw new Error(`the fixture site did not build:\n${output.slice(-4000)}`);
}, 240_000);
afterAll(() => site?.remove());

describe('the build log', () => {
  it("has no warning about Astro's own head-inject directive", () => {
    expect(output).not.toContain('use astro:head-inject');
  });

  it("still warns about a module-level directive in the site's own code", () => {
    expect(output).toMatch(/\[MODULE_LEVEL_DIRECTIVE\][^\n]*"use probe"[^\n]*directive-probe\.js/);
  });

  it('says nothing about the revisions folder when no document has an earlier version', () => {
    expect(output).not.toMatch(/collection "revisions(?:Tables)?" does not exist or is empty/);
    expect(output).not.toMatch(/No files found matching[^\n]*revisions/);
    expect(output).not.toMatch(/base directory[^\n]*revisions/);
  });
});
