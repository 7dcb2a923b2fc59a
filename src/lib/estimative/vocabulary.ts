/**
 * The vocabularies of estimative language, read from content/estimative/*.json: likelihood
 * standards (bands, their ranges and the words of each row) and confidence levels. Everything
 * else in src/lib/estimative reads bands and levels from here.
 */
import { z } from 'astro/zod';
import icd203 from '../../../content/estimative/icd-203.json' with { type: 'json' };
import ukYardstick from '../../../content/estimative/uk-probability-yardstick.json' with { type: 'json' };
import confidenceFile from '../../../content/estimative/confidence.json' with { type: 'json' };

const word = z.string().regex(/^[a-z]+(?: [a-z]+)*$/, 'lowercase words separated by single spaces');

const formSchema = z.object({
  text: word,
  as: z.enum(['adjective', 'adverb', 'phrase']),
  /** Nouns before which the adjective is estimative even after an article ("a remote possibility"). */
  nouns: z.array(word).default([]),
  /** Without one of `nouns` after it, the adjective must follow a linking verb ("the chance is remote"). */
  copula: z.boolean().default(false),
});

const standardSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  name: z.string().min(1),
  title: z.string().min(1),
  rows: z.number().int().min(1),
  bands: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
        label: z.string().min(1),
        range: z.tuple([z.number().min(0).max(100), z.number().min(0).max(100)]),
        terms: z.array(z.object({ term: word, row: z.number().int().min(1), forms: z.array(formSchema).min(1) })).min(1),
      }),
    )
    .min(1),
  falseFriends: z.array(word).default([]),
});

const confidenceSchema = z.object({
  levels: z.array(z.object({ id: z.string().regex(/^[a-z]+$/), label: z.string().min(1), words: z.array(word).min(1), meaning: z.string().min(1) })).min(1),
  hedges: z.array(word).default([]),
});

function parse<T extends z.ZodType>(schema: T, data: unknown, file: string): z.output<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`content/estimative/${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return parsed.data;
}

export type Standard = z.output<typeof standardSchema>;
export type Form = z.output<typeof formSchema>;

/** The standards in order of preference: a term both share is read in the first one unless a document says otherwise. */
export const STANDARDS: readonly Standard[] = [parse(standardSchema, icd203, 'icd-203.json'), parse(standardSchema, ukYardstick, 'uk-probability-yardstick.json')];
const confidence = parse(confidenceSchema, confidenceFile, 'confidence.json');
export const CONFIDENCE_LEVELS = confidence.levels;
export const HEDGES: readonly string[] = confidence.hedges;

export const STANDARD_IDS = STANDARDS.map((standard) => standard.id) as [string, ...string[]];
export const CONFIDENCE_IDS = CONFIDENCE_LEVELS.map((level) => level.id) as [string, ...string[]];

/** A band anywhere: `<standard>-<band>` ("icd-203-likely", "uk-yardstick-realistic-possibility"), as front matter, ids and search use it. */
export interface Band {
  key: string;
  standard: Standard;
  id: string;
  label: string;
  range: readonly [number, number];
}

export const BANDS: readonly Band[] = STANDARDS.flatMap((standard) =>
  standard.bands.map((band) => ({ key: `${standard.id}-${band.id}`, standard, id: band.id, label: band.label, range: band.range })),
);
export const BAND_KEYS = BANDS.map((band) => band.key) as [string, ...string[]];

export function bandByKey(key: string): Band | undefined {
  return BANDS.find((band) => band.key === key);
}

export function standardById(id: string): Standard | undefined {
  return STANDARDS.find((standard) => standard.id === id);
}

export function confidenceLevel(id: string) {
  return CONFIDENCE_LEVELS.find((level) => level.id === id);
}

/** "55–80%". */
export function rangeText(band: Band): string {
  return `${band.range[0]}–${band.range[1]}%`;
}

/** A band as search filters list it: "Likely (55–80%, ICD 203)". */
export function bandName(band: Band): string {
  return `${band.label} (${rangeText(band)}, ${band.standard.name})`;
}

/** What a reader is told about a marked term: "likely: 55–80% (ICD 203)". */
export function termDescription(words: string, band: Band): string {
  return `${words.toLowerCase()}: ${rangeText(band)} (${band.standard.name})`;
}
