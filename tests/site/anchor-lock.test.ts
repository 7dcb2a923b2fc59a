/**
 * Links that survive edits, on whole builds of a one-document copy of the site
 * (support/fixtureSite.ts): the anchor lock records every published id, a renamed heading fails
 * the build until its old id is aliased, the alias then lands on the new heading without
 * JavaScript, CI refuses an out-of-date lock, and the link checker fails on broken links that
 * an editor writes in MDX.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorsInHtml } from '../../src/lib/pageAnchors.ts';
import { createFixtureSite, FIXTURE_DOC, FIXTURE_LOCK, FIXTURE_SLUG, type FixtureSite } from './support/fixtureSite.ts';
import { attr, elements, first, type Element } from './support/dist.ts';
import { htmlErrors } from './support/vnu.ts';
import { parse } from 'parse5';

type Section = { id: string; title: string };

/** Renames a section in the body and in front matter, as an editor (or the ingester) would. */
function renameSection(site: FixtureSite, from: Section, to: Section) {
  site.editDocument((doc) => {
    doc.body = doc.body.replace(`\n## ${from.title}\n`, `\n## ${to.title}\n`);
    const section = (doc.data.sections as Section[]).find((candidate) => candidate.id === from.id)!;
    section.id = to.id;
    section.title = to.title;
  });
}

const builtPage = (site: FixtureSite) => readFileSync(join(site.dist, 'assessments', FIXTURE_SLUG, 'index.html'), 'utf8');
const lockOf = (site: FixtureSite) => JSON.parse(site.read(FIXTURE_LOCK)) as Record<string, string[]>;

let site: FixtureSite;
beforeAll(() => {
  site = createFixtureSite();
});
afterAll(() => site?.remove());

describe('the anchor lock on a fixture site', { timeout: 120_000 }, () => {
  it('a first build writes the lock with every published id: sections, key judgments, recommendations', async () => {
    expect(site.exists(FIXTURE_LOCK)).toBe(false);
    const result = await site.build();
    expect(result.ok, result.output).toBe(true);
    expect(result.output).toContain(`${FIXTURE_LOCK}: added the new page ${FIXTURE_SLUG} (#implications, #key-judgments, #kj-1,`);
    expect(lockOf(site)).toEqual({
      [FIXTURE_SLUG]: ['implications', 'key-judgments', 'kj-1', 'rec-1', 'rec-2', 'rec-3', 'rec-4', 'rec-5', 'recommendations', 'supporting-evidence'],
    });
    expect(anchorsInHtml(builtPage(site)).ids.sort()).toEqual(lockOf(site)[FIXTURE_SLUG]);
  });

  it('a renamed heading fails the build, naming the page, the lost id and the alias to add', async () => {
    renameSection(site, { id: 'implications', title: 'Implications' }, { id: 'consequences', title: 'Consequences' });
    const result = await site.build();
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      `${FIXTURE_SLUG}: the published anchor #implications is gone, so links to it would break. ` +
        `Add \`aliases: { implications: <new-id> }\` to the front matter of ${FIXTURE_DOC}, replacing <new-id> with the id of the section that now holds that content ` +
        '(current ids: #consequences, #key-judgments, #kj-1,',
    );
    // A failed build changes nothing in the lock.
    expect(lockOf(site)[FIXTURE_SLUG]).not.toContain('consequences');
  });

  it('an alias to an id the page does not have fails with the ids it could point at', async () => {
    site.editDocument((doc) => {
      doc.data.aliases = { implications: 'consequence' };
    });
    const result = await site.build();
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      `${FIXTURE_SLUG}: the alias implications -> consequence points at an id this page does not have. In the front matter of ${FIXTURE_DOC}, point each alias at a current id: #consequences,`,
    );
  });

  it('passes once aliased; the old id lands on the renamed heading and stays in the lock', async () => {
    site.editDocument((doc) => {
      doc.data.aliases = { implications: 'consequences' };
    });
    const result = await site.build();
    expect(result.ok, result.output).toBe(true);
    expect(result.output).toContain(`${FIXTURE_LOCK}: added #consequences on ${FIXTURE_SLUG}. Commit it with this change.`);
    expect(lockOf(site)[FIXTURE_SLUG]).toEqual(expect.arrayContaining(['implications', 'consequences']));

    const document = parse(builtPage(site));
    const target = first(document, (element) => attr(element, 'id') === 'implications')!;
    expect(target.tagName).toBe('span');
    const heading = target.parentNode as Element;
    expect([heading.tagName, attr(heading, 'id')]).toEqual(['h2', 'consequences']);
    expect(heading.childNodes[0]).toBe(target);
    // Still one element per id, and the alias is not a permalink of its own.
    const ids = elements(document).flatMap((element) => attr(element, 'id') ?? []);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(anchorsInHtml(builtPage(site))).toMatchObject({ aliases: { implications: 'consequences' } });
    expect(anchorsInHtml(builtPage(site)).ids).not.toContain('implications');
    // The extra target keeps the page valid HTML.
    expect(await htmlErrors([join(site.dist, 'assessments', FIXTURE_SLUG, 'index.html')])).toEqual([]);
  });

  it('on CI an out-of-date lock fails the build and asks for the commit; locally it is updated', async () => {
    renameSection(site, { id: 'supporting-evidence', title: 'Supporting Evidence' }, { id: 'evidence', title: 'Evidence' });
    site.editDocument((doc) => {
      doc.data.aliases = { implications: 'consequences', 'supporting-evidence': 'evidence' };
    });
    const before = site.read(FIXTURE_LOCK);
    const onCi = await site.build({ CI: 'true' });
    expect(onCi.ok).toBe(false);
    expect(onCi.output).toContain(
      `${FIXTURE_LOCK} is out of date: #evidence on ${FIXTURE_SLUG}. Run \`npm run build\` locally, which adds them, and commit ${FIXTURE_LOCK} with this change.`,
    );
    expect(site.read(FIXTURE_LOCK)).toBe(before);

    const local = await site.build();
    expect(local.ok, local.output).toBe(true);
    expect(lockOf(site)[FIXTURE_SLUG]).toContain('evidence');
    const again = await site.build({ CI: 'true' });
    expect(again.ok, again.output).toBe(true);
    expect(again.output).toContain(`${FIXTURE_LOCK} is up to date`);
  });
});

describe('the link checker on a fixture site', { timeout: 120_000 }, () => {
  it('fails the build on links an editor writes in MDX that lead nowhere, naming the page and the href', async () => {
    site.editDocument((doc) => {
      doc.body = doc.body.replace(
        '\n## Consequences\n',
        '\nSee [the old section](#implications), [the evidence](/assessments/' +
          FIXTURE_SLUG +
          '/#evidence), [a missing page](/assessments/no-such-page/) and [a missing section](#no-such-section).\n\n## Consequences\n',
      );
    });
    const result = await site.build();
    expect(result.ok).toBe(false);
    expect(result.output).toContain('2 broken internal links:');
    expect(result.output).toContain(`  dist/assessments/${FIXTURE_SLUG}/index.html\n`);
    expect(result.output).toContain('    <a href="/assessments/no-such-page/">: no page or file is built at /assessments/no-such-page/');
    expect(result.output).toContain('    <a href="#no-such-section">: no element has the id "no-such-section" on this page');
  });
});
