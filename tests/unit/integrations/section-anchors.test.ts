/**
 * The section-anchors hast plugin, compiled with Sätteri as Astro compiles a page (after
 * wrap-sections): heading ids from front matter, numbered parts of the summary and
 * recommendations sections (by role), tables; the permalink and
 * section-end components it places; alias targets; the section text it hands to the page; and
 * its errors. The compiled JSX is read as text.
 */
import { pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { sectionAnchors } from '../../../src/integrations/section-anchors.ts';
import { wrapSections } from '../../../src/integrations/wrap-sections.ts';

/** Front matter sections as the ingester writes them: id, title and, where it has one, role. */
const SECTIONS = [
  { id: 'key-judgments', title: 'Key Judgments', role: 'summary' },
  { id: 'recommendations', title: 'Recommendations', role: 'recommendations' },
  { id: 'outlook--2025', title: 'Outlook — 2025' },
  { id: 'outlook--2025-1', title: 'Outlook — 2025' },
];

async function compile(body: string, frontmatter: Record<string, unknown> = { slug: 'doc', sections: SECTIONS }) {
  const data = { astro: { frontmatter: { ...frontmatter }, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() } };
  const result = await mdxToJs(body, {
    hastPlugins: [wrapSections, sectionAnchors],
    features: { smartPunctuation: false, gfm: false },
    fileURL: pathToFileURL(`${process.cwd()}/content/assessments/doc.mdx`),
    jsxImportSource: 'astro',
    data,
  });
  const code = result.code.replace(/\s+/g, ' ').replace(/\[ /g, '[').replace(/ \]/g, ']');
  return { code, sectionText: (data.astro.frontmatter as { sectionText?: Record<string, string> }).sectionText };
}

const permalinks = (code: string) => [...code.matchAll(/_jsx\(Permalink, \{ (.*?) \}\)/g)].map((m) => m[1]);

const BODY = `Lede paragraph.

## Key Judgments

First judgment.

Second judgment:

- A bulleted judgment.

## Recommendations

We recommend that:

1. Do one thing.
2. Do another.

## Outlook — 2025

Text with a table.

<DataTable id="doc/defense-budget" />

## Outlook — 2025
`;

describe('section-anchors', () => {
  it('places the contents before the first section that is not a summary, or at the end of a body with none', async () => {
    const order = (code: string) => [...code.matchAll(/_jsx\(Contents, \{ doc: "doc" \}\)|_components\.h2, \{ id: "([^"]+)"/g)].map((m) => m[1] ?? 'contents');
    expect(order((await compile(BODY)).code)).toEqual(['key-judgments', 'contents', 'recommendations', 'outlook--2025', 'outlook--2025-1']);
    const report = await compile('Lede.\n\n## Background\n\nText.\n', { slug: 'doc', sections: [{ id: 'background', title: 'Background' }] });
    expect(order(report.code)).toEqual(['contents', 'background']);
    expect(report.code.indexOf('_jsx(Contents')).toBeGreaterThan(report.code.indexOf('"Lede."'));
    const summaries = await compile('## Key Findings\n\nA.\n', { slug: 'doc', sections: [{ id: 'key-findings', title: 'Key Findings', role: 'summary' }] });
    expect(order(summaries.code)).toEqual(['key-findings', 'contents']);
  });

  it('gives headings the front matter ids, and numbers the summary (paragraphs and items) and recommendations (items)', async () => {
    const { code } = await compile(BODY);
    expect([...code.matchAll(/_components\.h2, \{ id: "([^"]+)"/g)].map((m) => m[1])).toEqual([
      'key-judgments',
      'recommendations',
      'outlook--2025',
      'outlook--2025-1',
    ]);
    expect([...code.matchAll(/_components\.(p|li), \{ id: "([^"]+)"/g)].map((m) => `${m[1]}#${m[2]}`)).toEqual([
      'p#kj-1',
      'p#kj-2',
      'li#kj-3',
      'li#rec-1',
      'li#rec-2',
    ]);
    expect(code).toContain('_components.p, { children: "We recommend that:" }');
  });

  it('places one permalink per target, with the names the controls use, and ends each section with SectionEnd', async () => {
    const { code } = await compile(BODY);
    expect(permalinks(code)).toEqual([
      'id: "key-judgments", name: "section: Key Judgments", doc: "doc"',
      'id: "kj-1", name: "key judgment 1"',
      'id: "kj-2", name: "key judgment 2"',
      'id: "kj-3", name: "key judgment 3"',
      'id: "recommendations", name: "section: Recommendations", doc: "doc"',
      'id: "rec-1", name: "recommendation 1"',
      'id: "rec-2", name: "recommendation 2"',
      'id: "outlook--2025", name: "section: Outlook — 2025", doc: "doc"',
      'id: "outlook--2025-1", name: "section: Outlook — 2025", doc: "doc"',
    ]);
    expect([...code.matchAll(/_jsx\(SectionEnd, \{ (.*?) \}\)/g)].map((m) => m[1])).toEqual([
      'doc: "doc", section: "key-judgments"',
      'doc: "doc", section: "recommendations"',
      'doc: "doc", section: "outlook--2025"',
      'doc: "doc", section: "outlook--2025-1"',
    ]);
  });

  it('hands the page each section\'s text, paragraphs apart, without the heading', async () => {
    const { sectionText } = await compile(BODY);
    expect(sectionText).toEqual({
      'key-judgments': 'First judgment.\n\nSecond judgment:\n\nA bulleted judgment.',
      recommendations: 'We recommend that:\n\nDo one thing. Do another.',
      'outlook--2025': 'Text with a table.',
      'outlook--2025-1': '',
    });
  });

  it('numbers the paragraphs of a recommendations section that has no list', async () => {
    const sections = [{ id: 'policy-recommendations', title: 'Policy Recommendations', role: 'recommendations' }];
    const { code } = await compile('## Policy Recommendations\n\nEngage Seoul.\n\nWatch Moscow.\n', { slug: 'doc', sections });
    expect([...code.matchAll(/_components\.p, \{ id: "([^"]+)"/g)].map((m) => m[1])).toEqual(['rec-1', 'rec-2']);
  });

  it('numbers a summary by its role, whatever its heading says, and marks the section with the role', async () => {
    for (const [heading, id] of [['Key Judgements', 'key-judgements'], ['1. Key Judgments', '1-key-judgments'], ['Bottom Line Up Front', 'bottom-line-up-front']]) {
      const { code } = await compile(`## ${heading}\n\nOne.\n\nTwo.\n`, { slug: 'doc', sections: [{ id, title: heading, role: 'summary' }] });
      expect([...code.matchAll(/_components\.p, \{ id: "([^"]+)"/g)].map((m) => m[1])).toEqual(['kj-1', 'kj-2']);
      expect(code).toContain(`_components.section, { className: "doc-section", "data-role": "summary", children: [_jsx(_components.h2, { id: "${id}"`);
    }
  });

  it('leaves a section without a role as prose, even when its heading mentions recommendations', async () => {
    const sections = [{ id: 'reviewing-the-commissions-recommendations', title: "Reviewing the Commission's Recommendations" }];
    const { code } = await compile("## Reviewing the Commission's Recommendations\n\n1. First.\n2. Second.\n", { slug: 'doc', sections });
    expect(code).not.toMatch(/id: "(?:rec|kj)-\d+"/);
    expect(code).not.toContain('data-role');
  });

  it('fails naming the file when the body and the front matter have different numbers of sections', async () => {
    await expect(compile('## One\n\nText.\n\n## Two\n\nText.\n', { slug: 'doc', sections: [{ id: 'one', title: 'One' }] })).rejects.toThrow(
      'content/assessments/doc.mdx: the body has 2 ## headings but front matter lists 1 sections.',
    );
  });

  it('puts an alias target at the start of the element that has the new id, or just before a table', async () => {
    const { code } = await compile(BODY, { slug: 'doc', sections: SECTIONS, aliases: { outlook: 'outlook--2025', 'rec-9': 'rec-2', 'table-budget': 'table-defense-budget' } });
    expect(code).toContain('_components.h2, { id: "outlook--2025", children: [_jsx(_components.span, { id: "outlook", className: "alias-target", "data-alias-for": "outlook--2025" }), "Outlook — 2025"] }');
    expect(code).toContain('_components.li, { id: "rec-2", children: [_jsx(_components.span, { id: "rec-9", className: "alias-target", "data-alias-for": "rec-2" }), "Do another."');
    expect(code).toMatch(/_jsx\(_components\.span, \{ id: "table-budget", className: "alias-target", "data-alias-for": "table-defense-budget" \}\), (?:"\\n", )?_jsx\(DataTable, \{ id: "doc\/defense-budget" \}\)/);
  });

  it('refuses an alias to a missing id, or one that hides a current id, naming the file', async () => {
    await expect(compile(BODY, { slug: 'doc', sections: SECTIONS, aliases: { old: 'nowhere' } })).rejects.toThrow(
      'doc: the alias old -> nowhere points at an id this page does not have. In the front matter of content/assessments/doc.mdx, point each alias at a current id: #key-judgments, #kj-1,',
    );
    await expect(compile(BODY, { slug: 'doc', sections: SECTIONS, aliases: { 'kj-1': 'kj-2' } })).rejects.toThrow(
      'doc: #kj-1 is still an id of the page, so an alias for it would never apply. Remove that alias from the front matter of content/assessments/doc.mdx.',
    );
  });

  it('refuses a heading whose id collides with a numbered part', async () => {
    const sections = [{ id: 'key-judgments', title: 'Key Judgments', role: 'summary' }, { id: 'kj-1', title: 'KJ 1' }];
    await expect(compile('## Key Judgments\n\nOne.\n\n## KJ 1\n\nText.\n', { slug: 'doc', sections })).rejects.toThrow(
      'content/assessments/doc.mdx: two parts of the page would both have the id "kj-1". Rename the heading or table that produces it.',
    );
  });

  it('leaves pages without a slug alone', async () => {
    const { code, sectionText } = await compile('## Title\n\nText.\n', {});
    expect(permalinks(code)).toEqual([]);
    expect(sectionText).toBeUndefined();
  });
});
