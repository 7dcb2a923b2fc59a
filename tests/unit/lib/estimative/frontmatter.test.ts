/** The `estimative` front matter: derived from key judgments, and what an editor wrote wins. */
import { describe, expect, it } from 'vitest';
import { deriveEstimative, estimativeSchema, resolveEstimative, serialisable } from '../../../../src/lib/estimative/frontmatter.ts';

const judgments = [
  'We assess that Maduro is likely to remain in power. We have moderate confidence in this judgment.',
  'Unrest is very unlikely in the next six months.',
  'Sanctions relief will be tied to guarantees.',
];

describe('deriveEstimative', () => {
  it('gives the standard and, per judgment, its first band and confidence', () => {
    expect(deriveEstimative({ judgments, text: judgments })).toEqual({
      standard: 'icd-203',
      strict: false,
      judgments: [{ likelihood: 'icd-203-likely', confidence: 'moderate' }, { likelihood: 'icd-203-very-unlikely' }, {}],
    });
  });

  it('reads shared terms in the UK yardstick when the document uses its wording', () => {
    const uk = ['Russia is likely to extend patrols.', 'It is a realistic possibility that a second boat deploys.'];
    expect(deriveEstimative({ judgments: uk, text: uk })).toMatchObject({
      standard: 'uk-yardstick',
      judgments: [{ likelihood: 'uk-yardstick-likely' }, { likelihood: 'uk-yardstick-realistic-possibility' }],
    });
  });

  it('says nothing for a document without estimative language', () => {
    const value = deriveEstimative({ judgments: ['The treaty was signed in June.'], text: ['The treaty was signed in June.'] });
    expect(serialisable(value)).toBeUndefined();
  });

  it('gives a value the schema accepts', () => {
    expect(estimativeSchema.parse(serialisable(deriveEstimative({ judgments, text: judgments })))).toMatchObject({ standard: 'icd-203' });
  });
});

describe('resolveEstimative', () => {
  it('keeps the stated standard and stated judgments, and derives the rest', () => {
    const stated = estimativeSchema.parse({ standard: 'uk-yardstick', strict: true, judgments: [{ confidence: 'high' }] });
    expect(resolveEstimative(stated, { judgments, text: judgments })).toEqual({
      standard: 'uk-yardstick',
      strict: true,
      judgments: [{ confidence: 'high' }, { likelihood: 'icd-203-very-unlikely' }, {}],
    });
  });

  it('rejects bands and levels that no vocabulary has', () => {
    expect(estimativeSchema.safeParse({ judgments: [{ likelihood: 'likely' }] }).success).toBe(false);
    expect(estimativeSchema.safeParse({ judgments: [{ confidence: 'certain' }] }).success).toBe(false);
  });
});
