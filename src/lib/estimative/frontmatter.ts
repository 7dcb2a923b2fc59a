/**
 * The `estimative` front matter of a document, derived from its text and editable:
 *
 * ```yaml
 * estimative:
 *   standard: icd-203          # or uk-yardstick, or mixed
 *   strict: true               # lint warnings fail `npm run check` (default false)
 *   judgments:                 # one per key judgment, in order (kj-1, kj-2, ...)
 *     - { likelihood: icd-203-likely, confidence: moderate }
 *     - {}                     # this judgment states neither
 * ```
 *
 * The ingester writes what `deriveEstimative` returns; the build derives the same when the front
 * matter has none, and what an editor wrote wins (`resolveEstimative`), field by field for the
 * standard and judgment by judgment for the judgments.
 */
import { z } from 'astro/zod';
import { documentStandard, MIXED, recognize } from './recognize.ts';
import { BAND_KEYS, CONFIDENCE_IDS, STANDARD_IDS } from './vocabulary.ts';

export const judgmentEstimateSchema = z
  .object({
    /** A band as `<standard>-<band>`: see content/estimative/. */
    likelihood: z.enum(BAND_KEYS).optional(),
    confidence: z.enum(CONFIDENCE_IDS).optional(),
  })
  .strict();

export const estimativeSchema = z
  .object({
    standard: z.enum([...STANDARD_IDS, MIXED]).optional(),
    strict: z.boolean().default(false),
    judgments: z.array(judgmentEstimateSchema).optional(),
  })
  .strict();

export type JudgmentEstimate = z.output<typeof judgmentEstimateSchema>;
export type Estimative = z.output<typeof estimativeSchema>;
export type EstimativeInput = z.input<typeof estimativeSchema>;

/** What a judgment's text states: its first likelihood term and its first confidence statement. */
export function judgmentEstimate(text: string, standard: string | undefined): JudgmentEstimate {
  const matches = recognize(text, standard);
  const likelihood = matches.find((m) => m.kind === 'likelihood');
  const confidence = matches.find((m) => m.kind === 'confidence');
  return {
    ...(likelihood && likelihood.kind === 'likelihood' ? { likelihood: likelihood.band.key } : {}),
    ...(confidence && confidence.kind === 'confidence' ? { confidence: confidence.level } : {}),
  };
}

/**
 * The front matter value for a document: `judgments` are the texts of its key judgments in order,
 * `text` every block of the document (judgments included). Fields that would be empty are left
 * out, so a document without estimative language gets `{ strict: false }`; `serialisable()` drops that too.
 */
export function deriveEstimative(input: { judgments: readonly string[]; text: readonly string[] }, declaredStandard?: string): Estimative {
  const standard = declaredStandard ?? documentStandard(input.text);
  const judgments = input.judgments.map((text) => judgmentEstimate(text, standard));
  return {
    ...(standard ? { standard } : {}),
    strict: false,
    ...(judgments.some((j) => j.likelihood || j.confidence) ? { judgments } : {}),
  };
}

/** Front matter wins over the derivation: the standard when stated, each judgment entry that is present. */
export function resolveEstimative(stated: Estimative | undefined, input: { judgments: readonly string[]; text: readonly string[] }): Estimative {
  const derived = deriveEstimative(input, stated?.standard);
  const count = input.judgments.length;
  const judgments = Array.from({ length: count }, (_, i) => stated?.judgments?.[i] ?? derived.judgments?.[i] ?? {});
  return { ...derived, strict: stated?.strict ?? false, ...(judgments.length > 0 ? { judgments } : {}) };
}

/** The value as the ingester should write it: undefined when there is nothing to say. */
export function serialisable(value: Estimative): EstimativeInput | undefined {
  const { strict, ...rest } = value;
  const out: EstimativeInput = { ...rest, ...(strict ? { strict } : {}) };
  return Object.keys(out).length > 0 ? out : undefined;
}
