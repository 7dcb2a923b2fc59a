/**
 * Synthetic source texts for the benchmark, made from the two seed sources: sections drawn from
 * both seeds and shuffled, sentences shuffled within paragraphs, other countries and regions
 * named, figures and years changed, a publication date on most. The output is plain source
 * text (the ingester's input), so every synthetic document goes through the real pipeline.
 * Deterministic: document i is the same for every run and every N.
 */
import { splitSentences } from '../../src/lib/sentences.ts';

export interface SeedSection {
  heading: string;
  lines: string[];
}

export interface Seeds {
  /** The article's lede (the seed article has no title line). */
  lede: string;
  keyJudgments: string[];
  recommendations: string[];
  /** Every other section of both seeds. */
  sections: SeedSection[];
}

export interface Country {
  name: string;
  adjectives?: string[] | undefined;
}

/** mulberry32: small, fast and good enough to vary text. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function pick<T>(items: readonly T[], rand: () => number): T {
  return items[Math.floor(rand() * items.length)]!;
}

/**
 * Splits the seeds into sections by their headings (the section titles the ingester found,
 * from the seeds' front matter), so the generator never has to guess what a heading is.
 */
export function readSeeds(article: string, assessment: string, headings: ReadonlySet<string>): Seeds {
  const split = (text: string) => {
    const lines = text.replace(/\r\n/g, '\n').split('\n').map((line) => line.trim()).filter(Boolean);
    const before: string[] = [];
    const sections: SeedSection[] = [];
    for (const line of lines) {
      if (headings.has(line)) sections.push({ heading: line, lines: [] });
      else if (sections.length > 0) sections.at(-1)!.lines.push(line);
      else before.push(line);
    }
    return { before, sections };
  };
  const a = split(article);
  const b = split(assessment);
  const take = (name: string) => b.sections.find((section) => section.heading === name)?.lines ?? [];
  return {
    lede: a.before.join(' '),
    keyJudgments: take('Key Judgments'),
    recommendations: take('Recommendations'),
    sections: [...a.sections, ...b.sections.filter((s) => s.heading !== 'Key Judgments' && s.heading !== 'Recommendations')],
  };
}

const REGIONS = ['East Asia', 'Central Asia', 'the Sahel', 'Eastern Europe', 'the Middle East', 'South America', 'the Horn of Africa', 'the Caucasus', 'Southeast Asia', 'the Balkans', 'the Arctic', 'the Indo-Pacific'];
const ASSESSMENT_TITLES = [
  'Strategic Implications of the {A}-{B} Security Alliance',
  'The {A}-{B} Defense Pact and Stability in {R}',
  'Assessing the Deepening {A}-{B} Military Partnership',
  '{A} and {B}: Risks of a New Security Axis in {R}',
  'Outlook for the {A}-{B} Alignment Through {Y}',
];
const ARTICLE_TITLES = [
  '{A}’s Treaty with {B} and a New Era of Regional Tensions in {R}',
  'How the {A}-{B} Partnership Is Reshaping {R}',
  '{B} Turns to {A} as Tensions Rise in {R}',
  'Why the {A}-{B} Accord Worries Its Neighbours in {R}',
  'A New Alignment in {R}: {A}, {B} and the Balance of Power',
];

interface Cast {
  a: Country;
  b: Country;
  others: Country[];
  region: string;
}

const adjective = (country: Country) => country.adjectives?.[0] ?? country.name;

/** Puts the cast in place of the seeds' countries, capitals and region, in one pass. */
function recast(text: string, cast: Cast): string {
  const [c, d, e, f] = cast.others as [Country, Country, Country, Country];
  const names: Record<string, string> = {
    'North Korean': adjective(cast.b),
    'North Korea': cast.b.name,
    Pyongyang: cast.b.name,
    Russian: adjective(cast.a),
    Russia: cast.a.name,
    Moscow: cast.a.name,
    Chinese: adjective(c),
    China: c.name,
    'South Korean': adjective(d),
    'South Korea': d.name,
    Japanese: adjective(e),
    Japan: e.name,
    'United States': f.name,
    'U.S.': f.name,
    'East Asian': 'regional',
    'East Asia': cast.region,
    'East asia': cast.region,
  };
  const pattern = new RegExp(Object.keys(names).sort((x, y) => y.length - x.length).map((k) => k.replace(/\./g, '\\.')).join('|'), 'g');
  return text.replace(pattern, (match) => names[match]!);
}

/** Other figures: years move a little, amounts and percentages scale. */
function refigure(text: string, rand: () => number): string {
  return text.replace(/\b\d[\d,]*(?:\.\d+)?\b/g, (match) => {
    const value = Number(match.replace(/,/g, ''));
    if (!Number.isFinite(value)) return match;
    if (value >= 1990 && value <= 2035 && !match.includes('.')) return String(value + Math.floor(rand() * 5) - 2);
    const scaled = value * (0.5 + rand());
    return match.includes('.') ? scaled.toFixed(1) : String(Math.max(1, Math.round(scaled)));
  });
}

/** Sentences of a paragraph in a new order; a closing "...include:" stays last. */
function reshuffle(paragraph: string, rand: () => number): string {
  const sentences = splitSentences(paragraph);
  if (sentences.length < 2) return paragraph;
  const closing = sentences.at(-1)!.endsWith(':') ? sentences.pop()! : undefined;
  const kept = shuffle(sentences, rand).filter((_, index) => index === 0 || rand() > 0.15);
  return [...kept, ...(closing ? [closing] : [])].join(' ');
}

function isProse(line: string): boolean {
  return !line.startsWith('- ') && !line.includes('|');
}

function sectionText(section: SeedSection, rand: () => number, borrowed: string | undefined): string[] {
  // Paragraphs move within the section only where no list or table is attached to them.
  const lines = section.lines.map((line) => (isProse(line) ? reshuffle(line, rand) : line));
  const prose = lines.every(isProse);
  const body = prose ? shuffle(lines, rand) : lines;
  return borrowed ? [...body, reshuffle(borrowed, rand)] : body;
}

export interface Synthetic {
  title: string;
  text: string;
}

/** Document `index`: the same text for the same index and inputs. */
export function syntheticSource(index: number, seeds: Seeds, countries: readonly Country[]): Synthetic {
  const rand = random(index * 7919 + 17);
  const cast: Cast = {
    a: pick(countries, rand),
    b: pick(countries, rand),
    others: [pick(countries, rand), pick(countries, rand), pick(countries, rand), pick(countries, rand)],
    region: pick(REGIONS, rand),
  };
  if (cast.b === cast.a) cast.b = countries[(countries.indexOf(cast.a) + 1) % countries.length]!;
  const assessment = rand() < 0.5;
  const year = 2022 + Math.floor(rand() * 4);
  const title = pick(assessment ? ASSESSMENT_TITLES : ARTICLE_TITLES, rand)
    .replace('{A}', cast.a.name)
    .replace('{B}', cast.b.name)
    .replace('{R}', cast.region.replace(/^the /, ''))
    .replace('{Y}', String(year + 2));

  const head: string[] = [title];
  if (rand() < 0.85) {
    const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Math.floor(rand() * 12)];
    head.push(`Date: ${1 + Math.floor(rand() * 28)} ${month} ${year}`);
  }
  const lines: string[] = [];
  const borrow = () => {
    if (rand() > 0.3) return undefined;
    const donor = pick(seeds.sections, rand);
    return donor.lines.filter(isProse)[0];
  };
  const chosen = shuffle(seeds.sections, rand).slice(0, (assessment ? 2 : 3) + Math.floor(rand() * 4));
  if (assessment) {
    lines.push('Key Judgments', ...seeds.keyJudgments.map((line) => reshuffle(line, rand)));
    for (const section of chosen) lines.push(section.heading, ...sectionText(section, rand, borrow()));
    if (rand() < 0.7) {
      const picked = shuffle(seeds.recommendations, rand).slice(0, 3 + Math.floor(rand() * (seeds.recommendations.length - 2)));
      lines.push('Recommendations', ...picked);
    }
  } else {
    lines.push(reshuffle(seeds.lede, rand));
    for (const section of chosen) lines.push(section.heading, ...sectionText(section, rand, borrow()));
  }
  return { title, text: `${head.join('\n')}\n${refigure(recast(lines.join('\n'), cast), rand)}\n` };
}
