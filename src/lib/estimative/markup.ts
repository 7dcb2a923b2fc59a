/**
 * Names shared by the page markup (src/integrations/estimative-terms.ts), the legend, the styles,
 * the search records and the tests: one place for each id and attribute.
 */
import type { JudgmentEstimate } from './frontmatter.ts';
import type { Band } from './vocabulary.ts';

/** Class of the element around a recognised term. */
export const TERM_CLASS = 'est';
/** Class of a key judgment's badge; it carries data-pagefind-ignore, as it is not the author's text. */
export const BADGE_CLASS = 'est-badge';
/** Attributes a key judgment carries with what it states, read by the search records. */
export const JUDGMENT_LIKELIHOOD = 'data-est-likelihood';
export const JUDGMENT_CONFIDENCE = 'data-est-confidence';

/** The legend row of a band, which each of its terms links to. */
export const bandRowId = (band: Band | string) => `est-${typeof band === 'string' ? band : band.key}`;
/** The legend row of a confidence level. */
export const confidenceRowId = (level: string) => `est-confidence-${level}`;
/** The element whose text describes a band to screen readers (aria-describedby of each term). */
export const bandDescriptionId = (band: Band | string) => `${bandRowId(band)}-range`;
/** The element whose text says what a confidence level means. */
export const confidenceDescriptionId = (level: string) => `${confidenceRowId(level)}-meaning`;
export const LEGEND_ID = 'estimative-language';

/** What the build hands the page (remarkPluginFrontmatter.estimativeUse) to draw the legend. */
export interface EstimativeUse {
  standard?: string | undefined;
  /** Band keys used, in the order of the vocabularies. */
  bands: string[];
  /** Confidence levels used, in the order of the vocabulary. */
  confidence: string[];
  /** What each key judgment states, in order (front matter, else derived). */
  judgments: JudgmentEstimate[];
}
