/**
 * Whole builds of a fixture site whose page an editor has changed by hand. Each first shows what
 * used to happen (an expression ran and published the build's environment; an unknown country
 * stopped the build with a TypeError while rendering /404), then the refusal: the build fails
 * before writing any page, naming the file, the line or field, and the fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSite, FIXTURE_DOC, FIXTURE_SLUG, type FixtureSite } from './support/fixtureSite.ts';

let site: FixtureSite;

beforeAll(() => {
  site = createFixtureSite();
});

afterAll(() => site?.remove());

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('content is data, and its errors name the file', { timeout: 240_000 }, () => {
  it('refuses an MDX expression with file:line and publishes nothing', async () => {
    const original = site.read(FIXTURE_DOC);
    const edited = original.replace(/\n## /, '\nBuilt in {new Date().getFullYear()} and {process.env.HOME}.\n\n## ');
    site.write(FIXTURE_DOC, edited);
    const result = await site.build();
    expect(result.ok).toBe(false);
    expect(result.output).toContain(
      `${FIXTURE_DOC}:${lineOf(edited, 'Built in {')}: the expression {new Date().getFullYear()} would run as code at build time; write the text itself, or escape the brace as \\{`,
    );
    expect(result.output).toContain(`${FIXTURE_DOC}:${lineOf(edited, 'Built in {')}: the expression {process.env.HOME} would run as code`);
    expect(result.output).not.toContain(process.env.HOME ?? '/root');
    expect(site.exists(`dist/assessments/${FIXTURE_SLUG}/index.html`)).toBe(false);
    site.write(FIXTURE_DOC, original);
  });

  it('names an unknown country id with its field and line, at document and section level', async () => {
    const original = site.read(FIXTURE_DOC);
    site.editDocument(({ data }) => {
      (data.countries as string[]).push('narnia');
      ((data.sections as { topics: string[] }[])[1]!.topics).push('witchcraft');
    });
    const edited = site.read(FIXTURE_DOC);
    const result = await site.build();
    expect(result.ok).toBe(false);
    expect(result.output).not.toContain("Cannot read properties of undefined (reading 'data')");
    expect(result.output).toMatch(new RegExp(`${FIXTURE_DOC}:${lineOf(edited, '- narnia')}: countries\\[\\d+\\]: unknown country id "narnia"; use an id from content/countries.json`));
    expect(result.output).toMatch(new RegExp(`${FIXTURE_DOC}:${lineOf(edited, '- witchcraft')}: sections\\[1\\] \\("[^"]+"\\)\\.topics\\[\\d+\\]: unknown topic id "witchcraft"`));
    expect(site.exists(`dist/assessments/${FIXTURE_SLUG}/index.html`)).toBe(false);
    site.write(FIXTURE_DOC, original);
  });
});
