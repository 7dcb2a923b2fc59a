/**
 * Recognition of estimative language, as tables of sentences: what is marked (the exact words,
 * band and standard), what is not (negations, degree words, attributive uses, false friends),
 * and which standard a document follows.
 */
import { describe, expect, it } from 'vitest';
import { documentStandard, findHedges, recognize } from '../../../../src/lib/estimative/recognize.ts';

const marks = (text: string, standard?: string) =>
  recognize(text, standard).map((m) => (m.kind === 'likelihood' ? `${m.text}=${m.band.key}/row${m.row}` : `${m.text}=confidence:${m.level}`));

describe('likelihood terms that are marked', () => {
  it.each([
    ['Moscow is unlikely to withdraw its forces before the spring.', undefined, ['unlikely=icd-203-unlikely/row1']],
    ['We assess that Beijing will likely expand the exercises.', undefined, ['likely=icd-203-likely/row1']],
    ['The talks will probably collapse.', undefined, ['probably=icd-203-likely/row2']],
    ['It is probable that the ceasefire holds.', undefined, ['probable=icd-203-likely/row2']],
    ['Tehran is very likely to retaliate.', undefined, ['very likely=icd-203-very-likely/row1']],
    ['A coup is highly improbable.', undefined, ['highly improbable=icd-203-very-unlikely/row2']],
    ['There is a roughly even chance that the vote is delayed.', undefined, ['roughly even chance=icd-203-roughly-even-chance/row1']],
    ['The odds are roughly even odds, at best.', undefined, ['roughly even odds=icd-203-roughly-even-chance/row2']],
    ['There is almost no chance of a negotiated settlement.', undefined, ['almost no chance=icd-203-almost-no-chance/row1']],
    ['The regime will almost certainly survive.', undefined, ['almost certainly=icd-203-almost-certain/row1']],
    ['Russia is almost certain to veto the resolution.', undefined, ['almost certain=icd-203-almost-certain/row1']],
    ['The chance of a collision is remote.', undefined, ['remote=icd-203-almost-no-chance/row2']],
    ['There is a remote possibility of escalation.', undefined, ['remote=icd-203-almost-no-chance/row2']],
    ['It is highly likely that the fleet deploys.', undefined, ['highly likely=uk-yardstick-highly-likely/row1']],
    ['A strike is highly unlikely in the next 12 months.', undefined, ['highly unlikely=uk-yardstick-highly-unlikely/row1']],
    ['It is a realistic possibility that the unit redeploys.', undefined, ['realistic possibility=uk-yardstick-realistic-possibility/row1']],
    ['Russia is likely to extend patrols.', 'uk-yardstick', ['likely=uk-yardstick-likely/row1']],
    ['The GUGI ships are almost certainly under military direction.', 'uk-yardstick', ['almost certainly=uk-yardstick-almost-certain/row1']],
    ['Likely, the junta will call elections.', undefined, ['Likely=icd-203-likely/row1']],
    ['Elections are UNLIKELY before 2027.', undefined, ['UNLIKELY=icd-203-unlikely/row1']],
    ['Sanctions relief is likely if talks resume.', undefined, ['likely=icd-203-likely/row1']],
  ])('%s', (text, standard, expected) => {
    expect(marks(text, standard)).toEqual(expected);
  });
});

describe('uses that are not marked', () => {
  it.each([
    ['negation', 'It is not likely that output rises.'],
    ['contracted negation', "An agreement isn't likely this year."],
    ['negation further back', 'We do not think it likely that the talks resume.'],
    ['negated phrase', 'There is no realistic possibility that the alliance forms.'],
    ['negated adverb', 'The army will never probably accept it.'],
    ['adverb then not', 'The army will probably not intervene.'],
    ['comparative', 'North Korea is less likely to make concessions.'],
    ['superlative', 'The most likely outcome is a stalemate.'],
    ['degree word', 'A deal is extremely unlikely.'],
    ['attributive after an article', 'An unlikely alliance has formed.'],
    ['attributive after "the"', 'The likely candidates come from the opposition.'],
    ['attributive at the start', 'Likely candidates include the defence minister.'],
    ['attributive after a possessive', "Russia's likely response is a veto."],
    ['remote as a place', 'Troops patrol remote areas of the border.'],
    ['remote after an article', 'The airstrip sits in a remote valley.'],
    ['false friend', 'Police had probable cause to search the vessel.'],
    ['comparative "as"', 'A ceasefire is as likely as a new offensive.'],
  ])('%s: %s', (_why, text) => {
    expect(marks(text)).toEqual([]);
  });
});

describe('confidence statements', () => {
  it.each([
    ['We assess with moderate confidence that the regime will hold.', ['moderate confidence=confidence:moderate']],
    ['We have high confidence in this judgment.', ['high confidence=confidence:high']],
    ['We have only low confidence in this judgment.', ['low confidence=confidence:low']],
    ['The regime will hold (high confidence).', ['high confidence=confidence:high']],
    ['These are low-confidence judgments.', ['low-confidence=confidence:low']],
    ['We judge with medium confidence that patrols continue.', ['medium confidence=confidence:moderate']],
  ])('%s', (text, expected) => {
    expect(marks(text)).toEqual(expected);
  });

  it.each([
    ['Public confidence in the government is low.'],
    ['Voters have low confidence in the government.'],
    ['Investor confidence remains high.'],
    ['We do not have high confidence in these reports.'],
  ])('not: %s', (text) => {
    expect(marks(text)).toEqual([]);
  });

  it('gives offsets of exactly the author\u2019s characters', () => {
    const text = 'Kim is highly\u00a0likely to attend (moderate confidence).';
    expect(recognize(text).map((m) => text.slice(m.start, m.end))).toEqual(['highly\u00a0likely', 'moderate confidence']);
  });
});

describe('the standard of a document', () => {
  it.each([
    [['It is very likely that X.', 'Y is unlikely.'], 'icd-203'],
    [['It is highly likely that X.', 'A realistic possibility.'], 'uk-yardstick'],
    [['It is very likely that X.', 'It is highly likely that Y.'], 'mixed'],
    [['Y is unlikely to happen.'], 'icd-203'],
    [['No estimative language here.'], undefined],
    [['There is no realistic possibility of that.', 'X is likely to follow.'], 'icd-203'],
  ])('%j -> %s', (texts, expected) => {
    expect(documentStandard(texts)).toBe(expected);
  });
});

describe('vague hedges', () => {
  it.each([
    ['The survey ships could possibly be mapping cables.', ['could possibly']],
    ['It is not impossible that the talks resume.', ['It is not impossible that']],
    ['Pyongyang might potentially test again.', ['might potentially']],
    ['The talks may resume.', []],
  ])('%s', (text, expected) => {
    expect(findHedges(text).map((h) => h.text)).toEqual(expected);
  });
});
