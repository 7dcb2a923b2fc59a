/**
 * The estimative-terms hast plugin, run with Sätteri after wrap-sections and section-anchors as
 * the site runs it, evaluated with a small JSX runtime that records the element tree: the words
 * it marks and how, the badges of key judgments, what it hands the legend, that front matter
 * wins, and that the text of every document (the seeds and both fixtures) is the same with and
 * without it, badges aside.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { evaluate, type HastPluginDefinition } from 'satteri';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { estimativeTerms } from '../../../src/integrations/estimative-terms.ts';
import { sectionAnchors } from '../../../src/integrations/section-anchors.ts';
import { wrapSections } from '../../../src/integrations/wrap-sections.ts';
import type { EstimativeUse } from '../../../src/lib/estimative/markup.ts';

interface Node {
  type: unknown;
  props: Record<string, unknown>;
}
const runtime = {
  Fragment: 'fragment',
  jsx: (type: unknown, props: Record<string, unknown>) => ({ type, props }),
  jsxs: (type: unknown, props: Record<string, unknown>) => ({ type, props }),
};
const none = () => null;

async function render(source: string, plugins: HastPluginDefinition[]) {
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [, 'slug: doc', source];
  const frontmatter = yaml.load(front!) as Record<string, unknown>;
  const data = { astro: { frontmatter, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() } };
  const module = (await evaluate(body!, {
    ...runtime,
    hastPlugins: plugins,
    features: { smartPunctuation: false, gfm: false },
    fileURL: pathToFileURL(`${process.cwd()}/content/assessments/doc.mdx`),
    data,
  } as never)) as { default: (props: object) => Node };
  const tree = module.default({ components: { Contents: none, Permalink: none, SectionEnd: none, DataTable: none } });
  return { tree, use: (frontmatter as { estimativeUse?: EstimativeUse }).estimativeUse };
}

const children = (node: Node): unknown[] => {
  const c = node.props.children;
  return c === undefined ? [] : Array.isArray(c) ? c : [c];
};
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && 'props' in value;
const classOf = (node: Node) => String(node.props.className ?? '');

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!isNode(value) || typeof value.type === 'function') return '';
  if (classOf(value) === 'est-badge') return '';
  return children(value).map(text).join('');
}
function findAll(value: unknown, predicate: (node: Node) => boolean, out: Node[] = []): Node[] {
  if (!isNode(value)) return out;
  if (predicate(value)) out.push(value);
  for (const child of children(value)) findAll(child, predicate, out);
  return out;
}

const BEFORE = [wrapSections, sectionAnchors];
const WITH = [wrapSections, sectionAnchors, estimativeTerms];

const documents = [
  ...readdirSync('content/assessments').map((name) => `content/assessments/${name}`),
  ...readdirSync('tests/fixtures/estimative/content').map((name) => `tests/fixtures/estimative/content/${name}`),
];

describe('estimative-terms', () => {
  it.each(documents)('leaves the text of %s unchanged', async (file) => {
    const source = readFileSync(file, 'utf8');
    const marked = text((await render(source, WITH)).tree);
    expect(marked.length).toBeGreaterThan(500);
    expect(marked).toBe(text((await render(source, BEFORE)).tree));
  });

  it('marks the terms of the ICD 203 fixture with band, range and legend link, and nothing else', async () => {
    const { tree, use } = await render(readFileSync('tests/fixtures/estimative/content/venezuela-prospects.mdx', 'utf8'), WITH);
    const terms = findAll(tree, (n) => n.type === 'a' && classOf(n).split(' ').includes('est'));
    expect(terms.map((t) => `${text(t)} ${String(t.props['data-tip'])} ${String(t.props.href)}`)).toEqual([
      'likely likely: 55–80% (ICD 203) #est-icd-203-likely',
      'unlikely unlikely: 20–45% (ICD 203) #est-icd-203-unlikely',
      'moderate confidence Moderate confidence: Credibly sourced and plausible, but not corroborated enough for high confidence. #est-confidence-moderate',
      'very unlikely very unlikely: 5–20% (ICD 203) #est-icd-203-very-unlikely',
      'almost certainly almost certainly: 95–99% (ICD 203) #est-icd-203-almost-certain',
      'likely likely: 55–80% (ICD 203) #est-icd-203-likely',
      'high confidence High confidence: Well-corroborated information from proven sources; the judgment could still be wrong. #est-confidence-high',
      'roughly even chance roughly even chance: 45–55% (ICD 203) #est-icd-203-roughly-even-chance',
      'remote remote: 1–5% (ICD 203) #est-icd-203-almost-no-chance',
    ]);
    expect(terms[0]!.props['aria-describedby']).toBe('est-icd-203-likely-range');
    expect(use).toEqual({
      standard: 'icd-203',
      bands: ['icd-203-almost-no-chance', 'icd-203-very-unlikely', 'icd-203-unlikely', 'icd-203-roughly-even-chance', 'icd-203-likely', 'icd-203-almost-certain'],
      confidence: ['high', 'moderate'],
      judgments: [
        { likelihood: 'icd-203-likely' },
        { likelihood: 'icd-203-unlikely', confidence: 'moderate' },
        { likelihood: 'icd-203-very-unlikely' },
        { likelihood: 'icd-203-almost-certain' },
      ],
    });
    const badges = findAll(tree, (n) => classOf(n) === 'est-badge');
    expect(badges.map((b) => children(b).map((c) => (typeof c === 'string' ? c : '')).join(''))).toEqual([
      'Likely (55–80%)',
      'Unlikely (20–45%) · Moderate confidence',
      'Very unlikely (5–20%)',
      'Almost certain (95–99%)',
    ]);
    expect(badges.every((b) => b.props['data-pagefind-ignore'] === '')).toBe(true);
  });

  it('reads the UK fixture in the yardstick and prints a range once per band per paragraph', async () => {
    const { tree, use } = await render(readFileSync('tests/fixtures/estimative/content/russian-naval-activity-north-atlantic.mdx', 'utf8'), WITH);
    expect(use?.standard).toBe('uk-yardstick');
    const kj = findAll(tree, (n) => n.props.id === 'kj-1')[0]!;
    expect(kj.props['data-est-likelihood']).toBe('uk-yardstick-highly-likely');
    const remote = findAll(tree, (n) => n.props['data-band'] === 'uk-yardstick-remote')[0]!;
    expect(remote.props['data-tip']).toBe('remote: 0–5% (UK Probability Yardstick)');
  });

  it('marks the first term of a band in a paragraph for print, not the second', async () => {
    const { tree } = await render('---\nslug: doc\nsections:\n  - { id: outlook, title: Outlook }\n---\n\n## Outlook\n\nX is likely to fall, and Y is likely to follow. Z is unlikely.\n', WITH);
    const terms = findAll(tree, (n) => n.type === 'a');
    expect(terms.map((t) => 'data-print-range' in t.props)).toEqual([true, false, true]);
  });

  it('honours the judgments and standard stated in front matter', async () => {
    const source = '---\nslug: doc\nestimative:\n  standard: uk-yardstick\n  judgments:\n    - { confidence: high }\nsections:\n  - { id: key-judgments, title: Key Judgments, role: summary }\n---\n\n## Key Judgments\n\nKim is likely to attend.\n\nTalks are unlikely.\n';
    const { tree } = await render(source, WITH);
    const [first, second] = [findAll(tree, (n) => n.props.id === 'kj-1')[0]!, findAll(tree, (n) => n.props.id === 'kj-2')[0]!];
    expect([first.props['data-est-likelihood'], first.props['data-est-confidence']]).toEqual([undefined, 'high']);
    expect(second.props['data-est-likelihood']).toBe('uk-yardstick-unlikely');
    expect(findAll(tree, (n) => n.type === 'a').map((t) => t.props['data-band'])).toEqual(['uk-yardstick-likely', 'uk-yardstick-unlikely']);
  });

  it('gives no legend data and no marks to a document without estimative language', async () => {
    const { tree, use } = await render('---\nslug: doc\nsections:\n  - { id: key-judgments, title: Key Judgments, role: summary }\n---\n\n## Key Judgments\n\nAn unlikely alliance formed; the likely candidates met.\n', WITH);
    expect(findAll(tree, (n) => n.type === 'a' || classOf(n) === 'est-badge')).toEqual([]);
    expect(use).toEqual({ standard: undefined, bands: [], confidence: [], judgments: [{}] });
  });
});
