import { readFileSync, writeFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { type RelatedDocumentInput, createRelatedIndex, relatedRulesSchema } from '../../../src/lib/related.ts';
import { ingestSource } from '../../../src/ingest/ingest.ts';
import { type Country, type Topic, createTagger } from '../../../src/lib/tagging.ts';

const readText = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const readJson = <T>(path: string): T => JSON.parse(readText(path)) as T;

interface Case {
  name: string;
  documents: RelatedDocumentInput[];
  /** "<slug>#<id>" -> the links it should show, "(pinned)" marking pins. */
  expected: Record<string, string[]>;
}

const show = (index: ReturnType<typeof createRelatedIndex>, ref: string) => {
  const [slug, id] = ref.split('#') as [string, string];
  return index.relatedTo(slug, id).map((link) => (link.pinned ? `${link.ref} (pinned)` : link.ref));
};

describe('ranking, pins and suppressions (fixtures)', () => {
  for (const { name, documents, expected } of readJson<Case[]>('./fixtures/related-cases.json')) {
    it(name, () => {
      const index = createRelatedIndex(documents);
      const got = Object.fromEntries(Object.keys(expected).map((ref) => [ref, show(index, ref)]));
      expect(got).toEqual(expected);
    });
  }

  it('never offers back matter as a related section, however many tags it shares', () => {
    const section = (id: string, role?: 'notes') => ({ id, title: id, role, countries: ['japan'], topics: ['trade', 'energy'] });
    const index = createRelatedIndex([
      { slug: 'a', sections: [section('a1'), { id: 'a2', title: 'a2', countries: ['peru'], topics: ['sanctions'] }] },
      { slug: 'b', sections: [section('b1', 'notes'), { id: 'b2', title: 'b2', countries: ['japan'], topics: ['trade'] }, { id: 'b3', title: 'b3', countries: ['chile'], topics: ['cyber'] }] },
    ]);
    expect(show(index, 'a#a1')).toEqual(['b#b2']);
  });

  it('scores by the documented formula', () => {
    const [first] = readJson<Case[]>('./fixtures/related-cases.json');
    const [b1, b2, b3] = createRelatedIndex(first!.documents).relatedTo('a', 'a1');
    // 6 sections; idf = ln(7 / (df + 1)): diplomacy and japan df 3, sanctions df 2.
    const diplomacy = Math.log(7 / 4);
    const sanctions = Math.log(7 / 3);
    const japan = Math.log(7 / 4);
    // a1 lists [diplomacy, sanctions]; b1 lists [sanctions, diplomacy]: salience 1 and 1/2 crosswise.
    expect(b1!.score).toBeCloseTo(diplomacy * 1 * 0.5 + sanctions * 0.5 * 1 + 0.2 * japan, 10);
    expect(b2!.score).toBeCloseTo(diplomacy, 10);
    expect(b3!.score).toBeCloseTo(0.2 * japan, 10);
    expect(b1!.shared).toEqual({ topics: ['diplomacy', 'sanctions'], countries: ['japan'] });
    expect(b1).toMatchObject({ docSlug: 'b', sectionId: 'b1', title: 'B1', pinned: false });
  });

  it('tells what a pinned section shares too', () => {
    const index = createRelatedIndex([
      { slug: 'a', sections: [{ id: 'a1', title: 'A1', countries: ['japan', 'china'], topics: ['trade', 'energy'], related: { pin: ['b#b2'] } }] },
      {
        slug: 'b',
        sections: [
          { id: 'b1', title: 'B1', countries: ['peru'], topics: ['cyber'] },
          { id: 'b2', title: 'B2', countries: ['china'], topics: ['energy', 'cyber'] },
        ],
      },
    ]);
    expect(index.relatedTo('a', 'a1')[0]).toMatchObject({ ref: 'b#b2', pinned: true, score: 0, shared: { countries: ['china'], topics: ['energy'] } });
  });

  it('honours another limit and other weights', () => {
    const [first] = readJson<Case[]>('./fixtures/related-cases.json');
    const onlyCountries = createRelatedIndex(first!.documents, { limit: 1, weights: { topic: 0, country: 1 } });
    expect(onlyCountries.relatedTo('a', 'a1').map((link) => link.ref)).toEqual(['b#b1']);
  });
});

describe('broken pins and suppressions fail with the file, the field and the fix', () => {
  const base = (related: object, sectionRelated?: object): RelatedDocumentInput[] => [
    { slug: 'a', related, sections: [{ id: 'a1', title: 'A1', topics: ['trade'], countries: [], related: sectionRelated }] },
    { slug: 'b', sections: [{ id: 'b1', title: 'B1', topics: ['trade'], countries: [] }] },
  ];

  it('a pin to a section that does not exist', () => {
    expect(() => createRelatedIndex(base({ pin: ['b#gone'] }))).toThrow(
      'content/assessments/a.mdx: related.pin lists "b#gone", which is not a section of any document; point it at a current "<slug>#<section-id>" or remove it.',
    );
  });

  it('a pin to the same document', () => {
    expect(() => createRelatedIndex(base({}, { pin: ['a#a1'] }))).toThrow(
      'content/assessments/a.mdx: sections[0].related.pin lists "a#a1", a section of the same document; related links point at other documents, so remove it.',
    );
  });

  it('a suppression of something that does not exist, every problem listed', () => {
    const run = () => createRelatedIndex(base({ suppress: ['nowhere'] }, { suppress: ['b#old-id'] }));
    expect(run).toThrow('content/assessments/a.mdx: related.suppress lists "nowhere", which does not exist; update or remove it.');
    expect(run).toThrow('content/assessments/a.mdx: sections[0].related.suppress lists "b#old-id", which does not exist; update or remove it.');
  });

  it('asking for a section that is not indexed', () => {
    expect(() => createRelatedIndex(base({})).relatedTo('a', 'zz')).toThrow('Related links: no section "zz" in document "a".');
  });
});

describe('relatedRulesSchema (front matter)', () => {
  it('fills in empty lists', () => {
    expect(relatedRulesSchema.parse({})).toEqual({ pin: [], suppress: [] });
    expect(relatedRulesSchema.parse({ pin: ['other-doc#implications'] })).toEqual({ pin: ['other-doc#implications'], suppress: [] });
  });

  it('accepts heading ids in any script and whole documents in suppress', () => {
    expect(relatedRulesSchema.parse({ suppress: ['doc#перспективы', 'doc#outlook--2025', 'doc'] }).suppress).toHaveLength(3);
  });

  it.each([
    [{ pin: ['other-doc'] }, 'pin a section as "<document-slug>#<section-id>"'],
    [{ pin: ['Other Doc#x'] }, 'pin a section as "<document-slug>#<section-id>"'],
    [{ suppress: ['doc#with space'] }, 'suppress "<document-slug>#<section-id>" or a whole "<document-slug>"'],
    [{ pin: ['a#1', 'a#2', 'a#3', 'a#4'] }, 'pin at most 3 sections'],
    [{ pin: ['a#x'], suppress: ['a'] }, 'a section cannot be both pinned and suppressed here'],
    [{ pins: ['a#x'] }, 'pins'],
  ])('%j is refused: %s', (input, message) => {
    const result = relatedRulesSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join('\n')).toContain(message);
  });
});

// The issue's requirement, on the real seeds with the real tagger and data.
describe('the seeds', () => {
  const countries = readJson<Country[]>('../../../content/countries.json');
  const topics = readJson<Topic[]>('../../../content/topics.json');
  const tagger = createTagger(countries, topics);

  /** The source format's heading: a short bare line with no final punctuation, not a bullet or row. */
  const isHeading = (line: string) =>
    line.trim() !== '' && !line.startsWith('- ') && !line.includes('|') && !/[.!?:;,]$/.test(line.trim()) && line.trim().split(/\s+/).length <= 15;

  function toDocument(slug: string, text: string): RelatedDocumentInput {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const slugger = new GithubSlugger();
    const sections: { title: string; body: string[] }[] = [];
    lines.forEach((line, index) => {
      // A heading-like first line is the document's title, not a section.
      if (isHeading(line) && index > 0) sections.push({ title: line.trim(), body: [] });
      else if (sections.length > 0) sections.at(-1)!.body.push(line);
    });
    return {
      slug,
      sections: sections.map(({ title, body }) => ({ id: slugger.slug(title), title, ...tagger.tag([title, ...body].join('\n')) })),
    };
  }

  const article = toDocument('article', readText('../../../content/sources/russia-treaty-north-korea.txt'));
  const assessment = toDocument('assessment', readText('../../../content/sources/russia-north-korea-security-alliance.txt'));
  const index = createRelatedIndex([article, assessment]);
  const related = (slug: string, id: string) => index.relatedTo(slug, id).map((link) => link.ref);

  const nuclear = 'assessing-the-future-of-north-koreas-nuclear-aspirations-and-regional-security';
  const diplomatic = 'strategies-for-diplomatic-engagement-in-a-changing-landscape';

  it('splits the seeds into the sections an editor sees', () => {
    expect(article.sections.map((s) => s.id)).toContain(nuclear);
    expect(article.sections.map((s) => s.id)).toContain(diplomatic);
    expect(assessment.sections.map((s) => s.id)).toEqual(['key-judgments', 'supporting-evidence', 'implications', 'recommendations']);
  });

  it("the article's nuclear-aspirations section points to the assessment's Implications and Recommendations", () => {
    expect(related('article', nuclear)).toEqual(expect.arrayContaining(['assessment#implications', 'assessment#recommendations']));
  });

  it("the article's diplomatic-engagement section points to the assessment's Implications and Recommendations", () => {
    expect(related('article', diplomatic)).toEqual(expect.arrayContaining(['assessment#implications', 'assessment#recommendations']));
  });

  // Implications -> nuclear aspirations is an editor's pin in content/ (checked below on the
  // published front matter): topic keywords are the field's vocabulary, not the seeds' phrases.
  it('and back: Implications points to the article', () => {
    expect(related('assessment', 'implications').some((ref) => ref.startsWith('article#'))).toBe(true);
  });

  it('and back: Recommendations points to the diplomatic-engagement section', () => {
    expect(related('assessment', 'recommendations')).toContain(`article#${diplomatic}`);
  });

  it('an editor can pin the cross-link the ranking leaves out (Implications -> diplomatic engagement)', () => {
    const pinned = createRelatedIndex([
      article,
      {
        ...assessment,
        sections: assessment.sections.map((section) =>
          section.id === 'implications' ? { ...section, related: { pin: [`article#${nuclear}`, `article#${diplomatic}`] } } : section,
        ),
      },
    ]);
    const links = pinned.relatedTo('assessment', 'implications');
    expect(links.map((link) => [link.ref, link.pinned])).toEqual([
      [`article#${nuclear}`, true],
      [`article#${diplomatic}`, true],
      [related('assessment', 'implications')[0], false],
    ]);
  });

  it('gives every section the expected links (regression fixture)', () => {
    const got: Record<string, string[]> = {};
    for (const document of [article, assessment]) {
      for (const section of document.sections) got[`${document.slug}#${section.id}`] = related(document.slug, section.id);
    }
    // After an intended change of topics.json: UPDATE_FIXTURES=1, then review the diff.
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(new URL('./fixtures/seed-related.json', import.meta.url), `${JSON.stringify(got, null, 2)}\n`);
    expect(got).toEqual(readJson('./fixtures/seed-related.json'));
  });
});

// The same requirement on the front matter the ingester really writes for the seeds.
describe('the seeds as the ingester tags them', () => {
  const countries = readJson<Country[]>('../../../content/countries.json');
  const topics = readJson<Topic[]>('../../../content/topics.json');
  const ingest = (file: string, kind: 'article' | 'assessment') => {
    const result = ingestSource({ bytes: readFileSync(new URL(file, import.meta.url)), name: file, options: { kind }, countries, topics });
    if (!result.ok) throw new Error(`ingesting ${file} failed: ${JSON.stringify(result)}`);
    return result.document.frontMatter;
  };
  const article = ingest('../../../content/sources/russia-treaty-north-korea.txt', 'article');
  const assessment = ingest('../../../content/sources/russia-north-korea-security-alliance.txt', 'assessment');
  const index = createRelatedIndex([article, assessment]);
  const refs = (slug: string, id: string) => index.relatedTo(slug, id).map((link) => link.ref);
  const nuclear = `${article.slug}#assessing-the-future-of-north-koreas-nuclear-aspirations-and-regional-security`;
  const diplomatic = `${article.slug}#strategies-for-diplomatic-engagement-in-a-changing-landscape`;

  it('links the nuclear-aspirations and diplomatic-engagement sections with Implications and Recommendations', () => {
    for (const ref of [nuclear, diplomatic]) {
      const [slug, id] = ref.split('#') as [string, string];
      expect(refs(slug, id)).toEqual(expect.arrayContaining([`${assessment.slug}#implications`, `${assessment.slug}#recommendations`]));
    }
    expect(refs(assessment.slug, 'recommendations')).toContain(diplomatic);
  });
});

// The requirement on the site as published: the committed front matter, editors' pins included.
describe('the published seeds (content/assessments front matter)', () => {
  const frontMatter = (slug: string) => {
    const text = readText(`../../../content/assessments/${slug}.mdx`);
    const data = yaml.load(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as {
      slug: string;
      related?: RelatedDocumentInput['related'];
      sections: { id: string; title: string; countries?: string[]; topics?: string[]; related?: RelatedDocumentInput['related'] }[];
    };
    return { ...data, sections: data.sections.map((s) => ({ ...s, countries: s.countries ?? [], topics: s.topics ?? [] })) };
  };
  const article = frontMatter('russia-treaty-north-korea');
  const assessment = frontMatter('russia-north-korea-security-alliance');
  const refs = (index: ReturnType<typeof createRelatedIndex>, ref: string) => {
    const [slug, id] = ref.split('#') as [string, string];
    return index.relatedTo(slug, id).map((link) => link.ref);
  };
  const nuclear = `${article.slug}#assessing-the-future-of-north-koreas-nuclear-aspirations-and-regional-security`;
  const diplomatic = `${article.slug}#strategies-for-diplomatic-engagement-in-a-changing-landscape`;
  const implications = `${assessment.slug}#implications`;
  const recommendations = `${assessment.slug}#recommendations`;
  const index = createRelatedIndex([article, assessment]);

  it('links nuclear aspirations and diplomatic engagement to Implications and Recommendations, and each of those back to both', () => {
    for (const from of [nuclear, diplomatic]) expect(refs(index, from)).toEqual(expect.arrayContaining([implications, recommendations]));
    for (const from of [implications, recommendations]) expect(refs(index, from)).toEqual(expect.arrayContaining([nuclear, diplomatic]));
  });

  it('never shows more than three links', () => {
    for (const doc of [article, assessment]) for (const section of doc.sections) expect(refs(index, `${doc.slug}#${section.id}`).length).toBeLessThanOrEqual(3);
  });

  it('needs its pins: by shared tags alone Implications and Recommendations each leave one of the two out', () => {
    const unpinned = createRelatedIndex([article, { ...assessment, sections: assessment.sections.map(({ related: _, ...section }) => section) }]);
    expect(refs(unpinned, implications)).not.toContain(diplomatic);
    expect(refs(unpinned, recommendations)).not.toContain(nuclear);
  });
});
