import { expect, test } from 'vitest';
import { isImperative } from '../../../src/ingest/document.ts';
import { keepEditorFields } from '../../../src/ingest/editorFields.ts';
import { bylineAuthors, paragraphRole, statedIdentifier } from '../../../src/ingest/parse.ts';
import { findUpdateTarget } from '../../../src/ingest/updates.ts';
import { displayDates, sortDate } from '../../../src/lib/dates.ts';
import { titleSlug, uniqueSlug } from '../../../src/lib/slug.ts';

test('report numbers as real products write them', () => {
  expect(statedIdentifier('(IF12760)')).toBe('IF12760');
  expect(statedIdentifier('CRS Report R45153')).toBe('CRS Report R45153');
  expect(statedIdentifier('RAND RR-A1234-1')).toBe('RAND RR-A1234-1');
  expect(statedIdentifier('Report No. 123')).toBe('Report No. 123');
  for (const heading of ['F-35 Procurement', 'The G20 Summit', 'Background']) expect(statedIdentifier(heading), heading).toBeUndefined();
});

test('bylines name people, with positions where stated', () => {
  expect(bylineAuthors('By Maria Okafor and Daniel Reyes', true)).toEqual([{ name: 'Maria Okafor' }, { name: 'Daniel Reyes' }]);
  expect(bylineAuthors('By Maria Okafor, Senior Fellow, and Daniel Reyes', true)).toEqual([{ name: 'Maria Okafor', role: 'Senior Fellow' }, { name: 'Daniel Reyes' }]);
  expect(bylineAuthors('Ana Silva, Li Wei and Tom Park', false)).toHaveLength(3);
  expect(bylineAuthors('By the end of the decade, Russia will rearm', true)).toBeUndefined();
  expect(paragraphRole('By Maria Okafor and Daniel Reyes')).toBe('byline');
  expect(paragraphRole('OFFICIAL-SENSITIVE')).toBe('classification');
});

test('recommendations: only imperative verbs of the list open a list item', () => {
  for (const yes of ['Impose export controls.', 'Prioritize air defense.', 'Engage Seoul early.']) expect(isImperative(yes), yes).toBe(true);
  for (const no of ['Russia has supplied shells.', 'Congress may act.', 'Sanctions failed.']) expect(isImperative(no), no).toBe(false);
});

test('an Updated date is the sort date when it is the only one; the later date wins otherwise', () => {
  const updated = new Date('2026-09-18');
  expect(sortDate({ updated })).toBe(updated);
  expect(sortDate({ published: new Date('2026-03-04'), updated })).toBe(updated);
  expect(sortDate({})).toBeUndefined();
  expect(displayDates({ updated }).map((d) => d.label)).toEqual(['Updated']);
});

test('slugs: never one generic word when the title says more; taken slugs are extended by title words, then the report number', () => {
  expect(titleSlug('Deterrence Under Strain: Allied Missile Defense Spending in Northeast Asia')).toBe('deterrence-strain-allied-missile-defense');
  const taken = new Set(['russia-north-korea-relations']);
  expect(uniqueSlug('Russia-North Korea Relations: Energy Cooperation', undefined, taken)?.slug).toBe('russia-north-korea-relations-energy-cooperation');
  expect(uniqueSlug('Russia-North Korea Relations', 'IF12760', taken)?.slug).toBe('russia-north-korea-relations-if12760');
  expect(uniqueSlug('Russia-North Korea Relations', undefined, new Set())).toEqual({ slug: 'russia-north-korea-relations' });
});

test('a newer version of a published source is an update of that page', () => {
  const pages = [
    { slug: 'japan-defense-buildup', sourceSha256: 'a', title: "Japan's Defense Buildup", identifier: 'IF12760', updated: '2026-03-01' },
    { slug: 'arctic-posture', sourceSha256: 'b', title: 'Arctic Posture', published: '2025-01-01' },
  ];
  expect(findUpdateTarget({ slug: '', sourceSha256: 'c', title: 'Anything', identifier: 'if12760' }, pages)?.slug).toBe('japan-defense-buildup');
  expect(findUpdateTarget({ slug: '', sourceSha256: 'c', title: 'Arctic Posture', published: '2026-01-01' }, pages)?.slug).toBe('arctic-posture');
  expect(findUpdateTarget({ slug: '', sourceSha256: 'c', title: 'Arctic Posture', published: '2024-01-01' }, pages)).toBeUndefined();
  expect(findUpdateTarget({ slug: '', sourceSha256: 'a', title: "Japan's Defense Buildup", identifier: 'IF12760' }, pages)).toBeUndefined();
});

test("re-ingesting keeps an editor's identifier, authors and classification, and migrates the old reference field", () => {
  const generated = { title: 'T', slug: 't', kind: 'brief' as const, summary: 'S', identifier: 'IF1', source: { path: 'content/sources/t.txt', sha256: 'a'.repeat(64) }, sections: [{ id: 'a', title: 'A' }] };
  const kept = keepEditorFields(generated, { reference: 'IF12760', authors: [{ name: 'Jane Doe' }], classification: 'OFFICIAL' });
  expect(kept.matter.identifier).toBe('IF12760');
  expect(kept.matter.authors).toEqual([{ name: 'Jane Doe' }]);
  expect(kept.matter.classification).toBe('OFFICIAL');
  expect(kept.messages.join('\n')).toContain('as "identifier" (the field was renamed)');
});

test('citations name the authors, the report number and the Updated date instead of "n.d."', async () => {
  const { apa, chicago, mla } = await import('../../../src/lib/cite.ts');
  const input = {
    title: "Japan's Defense Buildup",
    url: 'https://atlas.example.org/assessments/japan-defense-buildup/',
    authors: [{ name: 'Mark E. Manyin' }, { name: 'Emma Chanlett-Avery' }],
    identifier: 'IF12760',
    updated: new Date('2026-09-18'),
    accessed: new Date('2026-11-01'),
    siteName: 'Assessment Atlas',
    kind: 'brief' as const,
  };
  expect(apa(input).text).toBe("Manyin, M. E., & Chanlett-Avery, E. (2026, September 18). Japan's Defense Buildup (IF12760) [Brief]. Assessment Atlas. https://atlas.example.org/assessments/japan-defense-buildup/");
  expect(chicago(input).text).toContain('Manyin, Mark E., and Emma Chanlett-Avery. “Japan');
  expect(chicago(input).text).toContain('IF12760. Assessment Atlas. Updated September 18, 2026.');
  expect(mla(input).text).toContain('updated 18 Sept. 2026');
});
