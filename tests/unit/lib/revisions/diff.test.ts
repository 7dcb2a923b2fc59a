import { describe, expect, it } from 'vitest';
import { diffDocuments, diffWords, type SectionChange, type VersionDocument, type VersionSection } from '../../../../src/lib/revisions/diff.ts';
import { diffSequences } from '../../../../src/lib/revisions/sequence.ts';

const section = (id: string, title: string, paragraphs: string[], extra: Partial<VersionSection> = {}): VersionSection => ({ id, title, paragraphs, tables: [], ...extra });
const doc = (...sections: VersionSection[]): VersionDocument => ({ sections });
/** A sentence change as a reader sees it: "-old", "+new", "~old => new", or "=same". */
const show = (change: SectionChange) =>
  change.hunks.flatMap((h) => h.sentences.map((s) => (s.op === 'same' ? `=${s.text}` : s.op === 'del' ? `-${s.text}` : s.op === 'ins' ? `+${s.text}` : `~${s.before} => ${s.after}`)));
const marked = (before: string, after: string) => diffWords(before, after).map((p) => (p.op === 'same' ? p.text : p.op === 'del' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');

const kj = (paragraphs: string[]) => section('key-judgments', 'Key Judgments', paragraphs, { role: 'summary' });
const background = section('background', 'Background', [
  'Russia and North Korea signed a treaty in June 2024. It commits each to aid the other if attacked.',
  'Trade between the two has grown since then, mostly in fuel and munitions.',
]);

describe('sequence diff', () => {
  it('finds the shortest edit script', () => {
    const edits = diffSequences('abcabba'.split(''), 'cbabac'.split(''));
    expect(edits.filter((e) => e.op !== 'same')).toHaveLength(5);
    const a = edits.flatMap((e) => (e.op === 'ins' ? [] : ['abcabba'[e.a]]));
    expect(a.join('')).toBe('abcabba');
    const b = edits.flatMap((e) => (e.op === 'del' ? [] : ['cbabac'[e.b]]));
    expect(b.join('')).toBe('cbabac');
  });
});

describe('diffWords', () => {
  it('marks the changed words and keeps the rest', () => {
    expect(marked('Moscow will likely expand its support.', 'Moscow will almost certainly expand its support.')).toBe('Moscow will [-likely-]{+almost certainly+} expand its support.');
  });
  it('treats a figure as one word', () => {
    expect(marked('Spending rose to $28.4 billion in 2025.', 'Spending rose to $31.2 billion in 2025.')).toBe('Spending rose to $[-28.4-]{+31.2+} billion in 2025.');
  });
});

describe('diffDocuments', () => {
  it('says "no changes" for identical versions', () => {
    const a = doc(kj(['One judgment.']), background);
    const result = diffDocuments(a, structuredClone(a));
    expect(result.identical).toBe(true);
    expect(result.sections.map((s) => s.op)).toEqual(['unchanged', 'unchanged']);
  });

  it('ignores differences of white space only', () => {
    const result = diffDocuments(doc(section('a', 'A', ['One  sentence here.'])), doc(section('a', 'A', [' One sentence\nhere. '])));
    expect(result.identical).toBe(true);
  });

  it('aligns sentences: a reworded sentence is changed, the others added, removed or kept', () => {
    const before = doc(section('outlook', 'Outlook', ['Cooperation will deepen. Sanctions will bite slowly. China will stay aloof.']));
    const after = doc(section('outlook', 'Outlook', ['Cooperation will deepen. Sanctions will bite only slowly. Japan will rearm faster.']));
    const [change] = diffDocuments(before, after).sections;
    expect(change!.op).toBe('changed');
    expect(show(change!)).toEqual(['=Cooperation will deepen.', '~Sanctions will bite slowly. => Sanctions will bite only slowly.', '-China will stay aloof.', '+Japan will rearm faster.']);
    const reworded = change!.hunks[0]!.sentences[1]!;
    expect(reworded.op === 'changed' && reworded.words.filter((w) => w.op === 'ins').map((w) => w.text.trim())).toEqual(['only']);
  });

  it('aligns sentences across a paragraph split in two', () => {
    const before = doc(section('s', 'S', ['First point stands. Second point stands too.']));
    const after = doc(section('s', 'S', ['First point stands.', 'Second point stands too.']));
    const [change] = diffDocuments(before, after).sections;
    expect(show(change!).filter((s) => !s.startsWith('='))).toEqual([]);
  });

  it('puts judgments and recommendations first, whatever their place in the document', () => {
    const before = doc(background, section('recommendations', 'Recommendations', ['Tighten interdiction at sea.'], { role: 'recommendations' }), kj(['Moscow will likely expand its support.']));
    const after = doc(background, section('recommendations', 'Recommendations', ['Tighten interdiction at sea and in the air.'], { role: 'recommendations' }), kj(['Moscow will almost certainly expand its support.']));
    const result = diffDocuments(before, after);
    expect(result.sections.map((s) => s.after?.id)).toEqual(['key-judgments', 'recommendations', 'background']);
    expect(result.sections[0]!.paragraphStatus).toEqual(['changed']);
  });

  it('matches a renamed section by its content', () => {
    const text = ['Pyongyang sells shells and missiles to Moscow in exchange for fuel and food.', 'Rail shipments rose through 2025.'];
    const result = diffDocuments(doc(section('arms-transfers', 'Arms Transfers', text)), doc(section('weapons-for-fuel', 'Weapons for Fuel', [...text, 'A new sentence was added.'])));
    expect(result.sections).toHaveLength(1);
    const [change] = result.sections;
    expect(change).toMatchObject({ op: 'changed', renamed: true, before: { id: 'arms-transfers' }, after: { id: 'weapons-for-fuel' } });
    expect(show(change!)).toEqual(['+A new sentence was added.']);
  });

  it('matches a section whose heading was reworded but id kept', () => {
    const result = diffDocuments(doc(section('outlook', 'Outlook', ['Alpha beta.'])), doc(section('outlook', 'Outlook for 2027', ['Gamma delta.'])));
    expect(result.sections).toHaveLength(1);
    expect(result.sections[0]).toMatchObject({ renamed: true, before: { title: 'Outlook' }, after: { title: 'Outlook for 2027' } });
  });

  it('reports a section with different content and heading as one removed and one added, the removed one in its old place', () => {
    const before = doc(kj(['Judgment one stands.']), section('trade', 'Trade', ['Trade grew in fuel and munitions.']), background);
    const after = doc(kj(['Judgment one stands.']), background, section('congress', 'Issues for Congress', ['Congress may consider new sanctions authorities.']));
    const result = diffDocuments(before, after);
    expect(result.sections.map((s) => `${s.op}:${(s.after ?? s.before)!.id}`)).toEqual(['unchanged:key-judgments', 'removed:trade', 'unchanged:background', 'added:congress']);
    expect(show(result.sections[1]!)).toEqual(['-Trade grew in fuel and munitions.']);
    expect(show(result.sections[3]!)).toEqual(['+Congress may consider new sanctions authorities.']);
    expect(result.identical).toBe(false);
  });

  it('detects a moved section', () => {
    const a = section('a', 'Alpha', ['Alpha text.']);
    const b = section('b', 'Bravo', ['Bravo text.']);
    const c = section('c', 'Charlie', ['Charlie text.']);
    const result = diffDocuments(doc(a, b, c), doc(c, a, b));
    expect(result.sections.filter((s) => s.moved).map((s) => s.after!.id)).toEqual(['c']);
    expect(result.sections.find((s) => s.after!.id === 'a')!.op).toBe('unchanged');
  });

  it('detects a paragraph moved within a section and across sections, not as removed and added', () => {
    const moving = 'This paragraph about the port of Rajin says the same thing in both versions.';
    const across = 'This paragraph about rail links moved from one section into another one.';
    const before = doc(section('a', 'Alpha', [moving, 'Short one.', 'Another paragraph stays in place here.', across]), section('b', 'Bravo', ['Bravo keeps its paragraph.']));
    const after = doc(section('a', 'Alpha', ['Short one.', 'Another paragraph stays in place here.', moving]), section('b', 'Bravo', ['Bravo keeps its paragraph.', across]));
    const result = diffDocuments(before, after);
    const [a, b] = result.sections;
    expect(a!.movedParagraphs.map((m) => [m.fromSection, m.toSection, m.fromIndex, m.toIndex])).toEqual([['a', 'a', 0, 2]]);
    expect(b!.movedParagraphs.map((m) => [m.fromSection, m.toSection])).toEqual([['a', 'b']]);
    expect(show(a!)).toEqual([]);
    expect(show(b!)).toEqual([]);
    expect(a!.paragraphStatus).toEqual(['same', 'same', 'moved']);
  });

  it('shows changed table figures as old -> new per cell, rows matched by their label', () => {
    const table = (rows: string[][]) => ({ id: 'budgets', title: 'Defense budgets', columns: ['Country', 'Budget (2025)', 'Change'], rows });
    const before = doc(section('t', 'Budgets', ['Figures follow.'], { tables: [table([['Japan', '$55.3 billion', '+16%'], ['South Korea', '$43.9 billion', '+4%']])] }));
    const after = doc(section('t', 'Budgets', ['Figures follow.'], { tables: [table([['South Korea', '$46.1 billion', '+4%'], ['Japan', '$55.3 billion', '+16%'], ['Taiwan', '$19.1 billion', '+8%']])] }));
    const [change] = diffDocuments(before, after).sections;
    expect(change!.tables).toHaveLength(1);
    expect(change!.tables[0]).toMatchObject({ op: 'changed', rowsAdded: ['Taiwan'], rowsRemoved: [], cells: [{ row: 'South Korea', column: 'Budget (2025)', before: '$43.9 billion', after: '$46.1 billion', numeric: true }] });
  });

  it('reports added and removed tables and columns', () => {
    const t1 = { id: 'a', columns: ['Year', 'Tonnes'], rows: [['2024', '10']] };
    const t2 = { id: 'b', columns: ['Port', 'Calls'], rows: [['Rajin', '4']] };
    const [change] = diffDocuments(doc(section('s', 'S', ['x y'], { tables: [t1] })), doc(section('s', 'S', ['x y'], { tables: [{ ...t1, columns: ['Year', 'Tonnes', 'Source'], rows: [['2024', '10', 'Customs']] }, t2] }))).sections;
    expect(change!.tables.map((t) => [t.id, t.op, t.columnsAdded])).toEqual([['a', 'changed', ['Source']], ['b', 'added', ['Port', 'Calls']]]);
  });

  it('marks the key judgments of the new version that are new or changed', () => {
    const before = doc(kj(['Moscow will likely expand its support.', 'Beijing will tolerate the partnership.', 'Tokyo will raise spending.']));
    const after = doc(kj(['Moscow will almost certainly expand its support.', 'Beijing will tolerate the partnership.', 'Seoul may seek its own deterrent.', 'Tokyo will raise spending.']));
    expect(diffDocuments(before, after).sections[0]!.paragraphStatus).toEqual(['changed', 'same', 'added', 'same']);
  });

  it('is deterministic', () => {
    const before = doc(kj(['A b c. D e f.']), background);
    const after = doc(background, kj(['A b c d. G h i.']));
    expect(JSON.stringify(diffDocuments(before, after))).toBe(JSON.stringify(diffDocuments(structuredClone(before), structuredClone(after))));
  });

  it('runs in well under a second on two versions of 5,000 words', () => {
    const sentence = (n: number) => `Sentence ${n} says that shipments through port ${n % 17} rose by ${n % 9} percent in quarter ${n % 4}.`;
    const version = (shift: number) =>
      doc(
        ...Array.from({ length: 20 }, (_, s) =>
          section(`s${s}`, `Section ${s}`, Array.from({ length: 10 }, (_, p) => Array.from({ length: 2 }, (_, k) => sentence(s * 100 + p * 10 + k + (p % 3 === 0 ? shift : 0))).join(' '))),
        ),
      );
    const before = version(0);
    const after = version(1);
    const words = (d: VersionDocument) => d.sections.flatMap((s) => s.paragraphs).join(' ').split(/\s+/).length;
    expect(words(before)).toBeGreaterThan(5000);
    const started = performance.now();
    const result = diffDocuments(before, after);
    const elapsed = performance.now() - started;
    expect(result.sections.filter((s) => s.op === 'changed')).toHaveLength(20);
    expect(elapsed).toBeLessThan(1000);
  });
});
