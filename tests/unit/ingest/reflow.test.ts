import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectWrapWidth, isEnglishWord, reflowSource, sourceLine } from '../../../src/ingest/reflow.ts';

const fixture = (name: string) => readFileSync(new URL(`./text-fixtures/${name}`, import.meta.url), 'utf8');
const pdf = fixture('pdf-export.txt');
const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('reflowSource on a PDF export (wrapped at ~80 columns, footers, hyphenation)', () => {
  const result = reflowSource(pdf);
  const out = result.text.split('\n');

  it('finds the source hard-wrapped and says at which width', () => {
    expect(result.wrapped).toBe(true);
    expect(result.width).toBeGreaterThanOrEqual(76);
    expect(result.width).toBeLessThanOrEqual(82);
    expect(result.notes.some((n) => /hard-wrapped at about \d+ characters/.test(n.message))).toBe(true);
  });

  it('joins each paragraph into one line and keeps the title, date line and headings apart', () => {
    expect(out.filter((l) => l !== '')).toEqual([
      'Russia-North Korea Military Cooperation: Issues for Congress',
      'Updated September 18, 2026',
      'Background',
      expect.stringMatching(/^In June 2024, Russia and North Korea .* space and satellite cooperation\.$/),
      expect.stringMatching(/^Analysts disagree .* is under review\.$/),
      'Key Issues',
      expect.stringMatching(/^- Sanctions enforcement: .* ceased operations in April 2024 after a Russian veto\.$/),
      expect.stringMatching(/^- Technology transfer: .* submarine technology\.$/),
      'Options for Congress',
      expect.stringMatching(/^Congress may consider .* report on enforcement\.$/),
    ]);
  });

  it('joins a hyphenated real word and keeps compound hyphens', () => {
    expect(result.text).toContain('described the classification of these transfers');
    expect(result.text).not.toMatch(/classifi-|\bcation\b/);
    expect(result.text).toContain('The Russia-North Korea relationship');
    expect(result.text).toContain('The long-term effects');
    const hyphenNotes = result.notes.filter((n) => /hyphen|joined "/.test(n.message));
    expect(hyphenNotes).toEqual([
      { line: 13, message: expect.stringContaining('joined "classifi-" and "cation" into "classification"') },
      { line: 15, message: expect.stringContaining('keeping the hyphen in "Russia-North"') },
      { line: 24, message: expect.stringContaining('keeping the hyphen in "long-term"') },
    ]);
  });

  it('removes the page footers, also the one inside a paragraph, which then continues', () => {
    expect(result.text).not.toContain('Congressional Research Service');
    expect(result.text).toContain('while others see a long-term realignment');
    expect(result.notes).toContainEqual({ line: 21, message: 'removed page footer or header "Congressional Research Service 1"' });
    expect(result.notes).toContainEqual({ line: 39, message: 'removed page footer or header "Congressional Research Service 2"' });
    expect(result.notes).toContainEqual({ line: 23, message: expect.stringContaining('paragraph continues') });
  });

  it('says exactly what the source says, minus the footers and the joined hyphen', () => {
    const expected = words(pdf.replace(/^Congressional Research Service \d+$/gm, '').replace('classifi-\ncation', 'classification').replace(/-\n/g, '-'));
    expect(words(result.text)).toEqual(expected);
  });

  it('maps every output line and column back to its source line', () => {
    const paragraph = lineOf(result.text, 'In June 2024');
    expect(sourceLine(result, paragraph)).toBe(7);
    const text = out[paragraph - 1]!;
    expect(sourceLine(result, paragraph, text.indexOf('classification'))).toBe(12);
    expect(sourceLine(result, paragraph, text.indexOf('resolutions'))).toBe(14);
    const analysts = lineOf(result.text, 'Analysts');
    const after = out[analysts - 1]!;
    expect(sourceLine(result, analysts, after.indexOf('see a long-term'))).toBe(23);
    expect(sourceLine(result, lineOf(result.text, 'Options for Congress'))).toBe(33);
    // Every source line with text is cited by some output line, except the removed footers.
    const cited = new Set(result.lines.flatMap((l) => l.parts.map((p) => p.line)));
    const withText = pdf.split('\n').flatMap((l, i) => (l.trim() !== '' && !l.startsWith('Congressional') ? [i + 1] : []));
    expect(withText.filter((n) => !cited.has(n))).toEqual([]);
  });
});

describe('one-line-per-paragraph sources pass through unchanged', () => {
  it.each(['russia-north-korea-security-alliance.txt', 'russia-treaty-north-korea.txt'])('%s', (name) => {
    const seed = readFileSync(new URL(`../../../content/sources/${name}`, import.meta.url), 'utf8');
    const result = reflowSource(seed);
    expect(result.wrapped).toBe(false);
    expect(result.text).toBe(seed);
    expect(result.notes).toEqual([]);
    expect(sourceLine(result, 5)).toBe(5);
  });

  it('a short report with long paragraph lines is not taken for wrapped text', () => {
    const text = [
      'Deterrence Under Strain',
      '',
      'Key Judgments',
      'Japan and South Korea are increasing missile defense spending faster than at any time since 2010, driven by North Korean tests.',
      'Both governments face budget pressure that may slow procurement after 2027.',
      '',
      'Background',
      'The alliance has relied on forward-deployed U.S. systems for two decades, and the shift toward national systems is recent.',
      'Officials in Tokyo describe the change as permanent.',
    ].join('\n');
    expect(detectWrapWidth(text.split('\n'))).toBeUndefined();
    expect(reflowSource(text).text).toBe(text);
  });
});

describe('page furniture', () => {
  const page = (n: number, body: string[]) => [...body, '', `Page ${n} of 3`, '\f'];
  const para = [
    'The ministry published its annual white paper in July, describing the threat',
    'environment in stronger terms than in any previous edition and naming three',
    'neighbouring states for the first time.',
  ];
  it('removes "Page N of M", a running title repeated at page breaks, and ascending bare page numbers', () => {
    const lines = [
      'Annual Defence Review',
      '',
      ...page(1, para),
      'ANNUAL DEFENCE REVIEW 2026',
      ...page(2, ['Spending is planned to rise by a fifth over four years, with most of the', 'increase going to air and missile defence programmes across the country.']),
      'ANNUAL DEFENCE REVIEW 2026',
      ...page(3, ['Procurement reform is the second pillar of the plan, and the review sets out', 'a timetable for it.']),
      'ANNUAL DEFENCE REVIEW 2026',
      '4',
      'Annex material follows on the next pages and is not part of the assessment',
      'itself, which ends here.',
      '5',
    ];
    const result = reflowSource(lines.join('\n'));
    expect(result.text).not.toMatch(/Page \d of 3|ANNUAL DEFENCE REVIEW 2026|^\d$/m);
    const removed = result.notes.filter((n) => n.message.startsWith('removed')).map((n) => n.line);
    const expectedLines = lines.flatMap((l, i) => (/^(Page \d of 3|ANNUAL DEFENCE REVIEW 2026|\d)$/.test(l) ? [i + 1] : []));
    expect(removed).toEqual(expectedLines);
    expect(result.text).toContain('Annual Defence Review');
  });

  it('keeps a number that does not count pages and a line repeated only twice', () => {
    const text = ['Heading', '', '2', '', 'Summary', '', 'Summary'].join('\n');
    expect(reflowSource(text).text).toBe(text);
  });
});

describe('joins in a wrapped source', () => {
  const wrapped = (lines: string[], isWord = isEnglishWord) =>
    reflowSource(
      [
        'Energy security in the Baltic states has changed since the last gas shipments',
        'through the pipeline ended, and the three governments have invested heavily',
        'in terminals for liquefied natural gas and in links to the Nordic grid.',
        '',
        'Synchronisation with the continental European grid, completed in early 2025,',
        'removed the last technical dependence on the Russian system, although the',
        'cost was borne largely by consumers.',
        '',
        ...lines,
      ].join('\n'),
      { isWord },
    );

  it('joins a hyphenated word the English word list knows though the document never writes it whole', () => {
    const result = wrapped(['The governments also agreed on a common approach to the procure-', 'ment of interceptors for the region.']);
    expect(result.text).toContain('the procurement of interceptors');
    expect(result.notes).toContainEqual({ line: 10, message: expect.stringContaining('"procurement" is an English word') });
    expect(sourceLine(result, result.text.split('\n').findIndex((l) => l.includes('procurement')) + 1)).toBe(9);
  });

  it('keeps the hyphen when the joined word is unknown to both', () => {
    const result = wrapped(['The plan also funds a new counter-', 'drone programme across the three governments and the region.'], () => false);
    expect(result.text).toContain('a new counter-drone programme');
  });

  it('keeps a short last line apart from the next paragraph, and code-like lines apart from prose', () => {
    const result = wrapped(['Tallinn opened its terminal first.', 'Riga followed two years later, after a long dispute over the financing of the', 'project.', "import fs from 'node:fs'", 'const grid = load();']);
    const out = result.text.split('\n');
    expect(out).toContain('Tallinn opened its terminal first.');
    expect(out).toContain('Riga followed two years later, after a long dispute over the financing of the project.');
    expect(out).toContain("import fs from 'node:fs'");
    expect(out).toContain('const grid = load();');
  });

  it('keeps table rows as rows', () => {
    const result = wrapped(['Country | Terminal capacity (bcm)', 'Lithuania | 4.0', 'Estonia | 2.5']);
    expect(result.text.split('\n').slice(-3)).toEqual(['Country | Terminal capacity (bcm)', 'Lithuania | 4.0', 'Estonia | 2.5']);
  });
});
