/**
 * The estimative lint: each warning it gives with its line, none on clean text, and the same
 * warnings for the two fixture assessments as `npm run check` prints.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintMdxDocument } from '../../../../src/lib/estimative/document.ts';
import { formatWarning, lintEstimative, type Block } from '../../../../src/lib/estimative/lint.ts';

const blocks = (...texts: (string | [string, true])[]): Block[] =>
  texts.map((t, i) => (typeof t === 'string' ? { text: t, line: i + 1, judgment: false } : { text: t[0], line: i + 1, judgment: true }));
const lint = (b: Block[], standard?: string) => lintEstimative({ file: 'doc.mdx', blocks: b, standard }).map(formatWarning);

describe('lintEstimative', () => {
  it('is silent on text that keeps to one row and states confidence apart', () => {
    expect(lint(blocks(['X is likely to happen. We have moderate confidence in this judgment.', true], 'Y is very unlikely.'))).toEqual([]);
  });

  it('reports terms of the row used less, with the first term of the other row', () => {
    expect(lint(blocks('X is likely.', 'Y is very likely to follow.', 'Z will probably happen.'))).toEqual([
      'doc.mdx:3: "probably" is from row 2 of ICD 203, "likely" (line 1) from row 1: use the terms of one row (almost no chance, very unlikely, unlikely, roughly even chance, likely, very likely, almost certain)',
    ]);
  });

  it('reports the wording of a second standard', () => {
    const out = lint(blocks('X is very likely.', 'Y is very unlikely.', 'Z is highly likely.'));
    expect(out).toEqual(['doc.mdx:3: "highly likely" is UK Probability Yardstick wording in a document that follows ICD 203: keep to one standard']);
  });

  it('reports any other standard\u2019s wording when the front matter names the standard', () => {
    expect(lint(blocks('It is a realistic possibility.'), 'icd-203')).toEqual([
      'doc.mdx:1: "realistic possibility" is UK Probability Yardstick wording in a document that follows ICD 203: keep to one standard',
    ]);
  });

  it('reports confidence and likelihood in one sentence, not in neighbouring sentences', () => {
    expect(lint(blocks('We assess with high confidence that X is likely to fall. Y is unlikely.'))).toEqual([
      'doc.mdx:1: confidence and likelihood in one sentence ("high confidence", "likely"): state the confidence in a sentence of its own',
    ]);
  });

  it('reports a key judgment with neither likelihood nor confidence, and not body text', () => {
    expect(lint(blocks(['The alliance will reshape the region.', true], 'The alliance will reshape the region.'))).toEqual([
      'doc.mdx:1: key judgment states no likelihood and no confidence: add a term of ICD 203 or a confidence level (high, moderate, low)',
    ]);
  });

  it('counts a negated term as no statement', () => {
    expect(lint(blocks(['It is not likely that X.', true]))).toHaveLength(1);
  });

  it('reports vague hedges', () => {
    expect(lint(blocks('It is not impossible that talks resume; Pyongyang could possibly test.'))).toEqual([
      'doc.mdx:1: vague hedge "It is not impossible that": say how likely with a term of ICD 203',
      'doc.mdx:1: vague hedge "could possibly": say how likely with a term of ICD 203',
    ]);
  });
});

describe('lintMdxDocument', () => {
  it.each([
    ['venezuela-prospects', ['73: "remote" is from row 2 of ICD 203']],
    ['russian-naval-activity-north-atlantic', ['63: vague hedge "could possibly"']],
  ])('the %s fixture', (slug, expected) => {
    const file = `tests/fixtures/estimative/content/${slug}.mdx`;
    const { warnings, strict } = lintMdxDocument(file, readFileSync(file, 'utf8'));
    expect(strict).toBe(false);
    expect(warnings.map((w) => `${w.line}: ${w.message}`.slice(0, expected[0]!.length))).toEqual(expected);
  });

  it('reads key judgments from the section whose role is summary, and strict from front matter', () => {
    const text = `---\ntitle: T\nestimative:\n  strict: true\nsections:\n  - id: bottom-line\n    title: Bottom Line\n    role: summary\n  - id: notes\n    title: Notes\n---\n\n## Bottom Line\n\n- Sanctions will bite.\n- Talks will \\{resume\\}.\n\n## Notes\n\nNothing estimative.\n`;
    const { warnings, strict } = lintMdxDocument('x.mdx', text);
    expect(strict).toBe(true);
    expect(warnings.map((w) => w.line)).toEqual([15, 16]);
  });

  it('names the file and field of a bad estimative value', () => {
    expect(() => lintMdxDocument('x.mdx', '---\nestimative:\n  standard: nato\n---\n')).toThrow(/^x\.mdx: front matter estimative\.standard: /);
  });
});
