import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Country, type Topic, createTagger, inflections, tagText } from '../../../src/lib/tagging.ts';

const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const countries = readJson<Country[]>('../../../content/countries.json');
const topics = readJson<Topic[]>('../../../content/topics.json');
const cases = readJson<{ name: string; text: string; countries: string[]; topics: string[] }[]>('./fixtures/tagging-cases.json');

const tagger = createTagger(countries, topics);

describe('tagging with the real country and topic data', () => {
  it.each(cases)('$name', ({ text, countries: expectedCountries, topics: expectedTopics }) => {
    expect(tagger.tag(text)).toEqual({ countries: expectedCountries, topics: expectedTopics });
  });

  it('tagText gives the same answer as a compiled tagger', () => {
    const text = 'Pyongyang and Moscow discussed sanctions.';
    expect(tagText(text, countries, topics)).toEqual(tagger.tag(text));
    expect(tagText(text, countries, topics)).toEqual({ countries: ['north-korea', 'russia'], topics: ['sanctions'] });
  });
});

describe('longest match wins', () => {
  // A data set where bare "Korea" is a country of its own, to prove the longer names win.
  const koreas: Country[] = [
    { id: 'korea', name: 'Korea', aliases: [] },
    { id: 'north-korea', name: 'North Korea', aliases: ['DPRK'] },
    { id: 'south-korea', name: 'South Korea', aliases: [] },
    { id: 'guinea', name: 'Guinea', aliases: [] },
    { id: 'guinea-bissau', name: 'Guinea-Bissau', aliases: [] },
  ];
  const small = createTagger(koreas, [{ id: 'nuclear', label: 'Nuclear', keywords: ['nuclear', 'nuclear test'] }]);

  it('"South Korea" and "North Korea" do not also tag "Korea"', () => {
    expect(small.tag('South Korea and North Korea’s talks').countries).toEqual(['south-korea', 'north-korea']);
    expect(small.tag('Korea before 1945').countries).toEqual(['korea']);
    expect(small.tag('The Korean War').countries).toEqual([]);
  });

  it('"Guinea-Bissau" does not also tag "Guinea"', () => {
    expect(small.tag('Guinea-Bissau').countries).toEqual(['guinea-bissau']);
    expect(small.tag('Guinea and Guinea-Bissau').countries).toEqual(['guinea', 'guinea-bissau']);
  });

  it('a longer keyword is one mention, not two', () => {
    expect(small.mentions('a nuclear test').map((m) => m.form)).toEqual(['nuclear test']);
  });
});

describe('mentions', () => {
  it('reports offsets in the original text, whatever the folding', () => {
    const text = 'Pyongyang’s envoy met São Tomé and Príncipe officials in MOSCOW.';
    const found = tagger.countryMentions(text);
    expect(found.map(({ id, text: written, form }) => ({ id, written, form }))).toEqual([
      { id: 'north-korea', written: 'Pyongyang', form: 'Pyongyang' },
      { id: 'sao-tome-and-principe', written: 'São Tomé and Príncipe', form: 'São Tomé and Príncipe' },
      { id: 'russia', written: 'MOSCOW', form: 'Moscow' },
    ]);
    for (const mention of found) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it('keeps offsets right after decomposed accents and collapsed spaces', () => {
    const text = 'In  Sa\u0303o Tome\u0301 and Pri\u0301ncipe, then\tRussia.';
    const found = tagger.countryMentions(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['Sa\u0303o Tome\u0301 and Pri\u0301ncipe', 'Russia']);
  });

  it('treats emoji as punctuation but letters outside the BMP as part of a word', () => {
    expect(tagger.tag('Japan😀Russia').countries).toEqual(['japan', 'russia']);
    expect(tagger.tag('Japan𝐀 Russia𝟏').countries).toEqual([]);
  });

  it('gives the written form next to the data form, for case fixes', () => {
    const [mention] = tagger.countryMentions('ties with south Korea');
    expect(mention).toMatchObject({ id: 'south-korea', text: 'south Korea', form: 'South Korea' });
  });

  it('lists countries and topics together in text order', () => {
    expect(tagger.mentions('Sanctions on Russia').map((m) => `${m.kind}:${m.id}`)).toEqual(['topic:sanctions', 'country:russia']);
  });
});

describe('matchCountry (table cells, names)', () => {
  it.each([
    ['south Korea', 'south-korea'],
    ['  china ', 'china'],
    ['South korea', 'south-korea'],
    ['The Netherlands', 'netherlands'],
    ['netherlands', 'netherlands'],
    ['DPRK', 'north-korea'],
    ['dprk', 'north-korea'],
    ["Cote d'Ivoire", 'ivory-coast'],
    ['Guinea Bissau', 'guinea-bissau'],
    ['United  States', 'united-states'],
  ])('%j -> %s', (name, id) => {
    expect(tagger.matchCountry(name)).toBe(id);
  });

  it.each(['Korea', 'Russian', 'East Asia', '', 'Country'])('%j is no country', (name) => {
    expect(tagger.matchCountry(name)).toBeUndefined();
  });
});

describe('content/countries.json and content/topics.json', () => {
  const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  it('has every UN member state and a few others, with unique well-formed ids', () => {
    const ids = countries.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(idPattern);
    expect(ids.length).toBeGreaterThanOrEqual(193);
    for (const id of ['north-korea', 'south-korea', 'united-states', 'united-kingdom', 'china', 'russia', 'japan', 'taiwan', 'kosovo', 'palestine', 'vatican-city']) {
      expect(ids).toContain(id);
    }
  });

  it('each name, alias and adjective tags exactly its own country', () => {
    const wrong: string[] = [];
    for (const country of countries) {
      for (const form of [country.name, ...country.aliases, ...(country.adjectives ?? [])]) {
        const got = tagger.tag(form).countries;
        if (got.length !== 1 || got[0] !== country.id) wrong.push(`${form} -> ${got.join(',') || 'nothing'} (want ${country.id})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('each name and alias resolves back to its country', () => {
    for (const country of countries) {
      for (const form of [country.name, ...country.aliases]) expect(tagger.matchCountry(form), form).toBe(country.id);
    }
  });

  it('each exclusion tags nothing', () => {
    for (const country of countries) {
      for (const form of country.exclude ?? []) expect(tagger.tag(form).countries, form).toEqual([]);
    }
  });

  it('each topic keyword tags its own topic, with well-formed unique ids', () => {
    const ids = topics.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const topic of topics) {
      expect(topic.id).toMatch(idPattern);
      for (const keyword of topic.keywords) expect(tagger.tag(keyword).topics, keyword).toEqual([topic.id]);
    }
  });
});

describe('ambiguous data is refused with the file and the fix', () => {
  it('the same alias on two countries', () => {
    const data: Country[] = [
      { id: 'congo', name: 'Republic of the Congo', aliases: ['Congo'] },
      { id: 'dr-congo', name: 'Democratic Republic of the Congo', aliases: ['Congo'] },
    ];
    expect(() => createTagger(data, [])).toThrow('content/countries.json: "Congo" names both "congo" and "dr-congo"; keep it on one of them.');
  });

  it('the same adjective on two countries', () => {
    const data: Country[] = [
      { id: 'dominica', name: 'Dominica', aliases: [], adjectives: ['Dominican'] },
      { id: 'dominican-republic', name: 'Dominican Republic', aliases: [], adjectives: ['Dominican'] },
    ];
    expect(() => createTagger(data, [])).toThrow('"Dominican" belongs to "dominica" and "dominican-republic"');
  });

  it('an exclusion that is also an alias', () => {
    const data: Country[] = [{ id: 'united-states', name: 'United States', aliases: ['America'], exclude: ['America'] }];
    expect(() => createTagger(data, [])).toThrow('"America" is both a pattern ("united-states") and an exclusion ("united-states" exclude)');
  });

  it('the same keyword under two topics', () => {
    const data: Topic[] = [
      { id: 'trade', label: 'Trade', keywords: ['tariff'] },
      { id: 'sanctions', label: 'Sanctions', keywords: ['Tariff'] },
    ];
    expect(() => createTagger([], data)).toThrow('content/topics.json: the keyword "Tariff" is listed under both "trade" and "sanctions"');
  });

  it('a pattern that does not start with a letter or digit', () => {
    expect(() => createTagger([{ id: 'x', name: '-X', aliases: [] }], [])).toThrow('content/countries.json: "x" "-X" must start with a letter or digit.');
  });
});

describe('inflections', () => {
  it.each([
    ['sanction', ['sanction', 'sanctions', 'sanctioned', 'sanctioning']],
    ['militarize', ['militarize', 'militarizes', 'militarized', 'militarizing']],
    ['ally', ['ally', 'allies', 'allied', 'allying']],
    ['embargo', ['embargo', 'embargoes', 'embargoed', 'embargoing']],
    ['missile test', ['missile test', 'missile tests', 'missile tested', 'missile testing']],
    ['plan', ['plan', 'plans', 'planned', 'planning', 'planed', 'planing']],
    ['ICBM', ['ICBM', 'ICBMs']],
    ['UN', ['UN', 'UNs']],
    ['of', ['of']],
  ])('%s', (keyword, forms) => {
    expect(inflections(keyword).sort()).toEqual([...forms].sort());
  });
});
