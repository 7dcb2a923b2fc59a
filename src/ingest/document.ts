/**
 * Blocks -> the document: title, kind, lede, sections with their roles, stated date and
 * reference number. Every decision that is a guess comes back as a note, so the ingester can say
 * what it guessed. The summary is taken later (`summaryOf`), from the fixed prose.
 */
import GithubSlugger from 'github-slugger';
import type { Kind } from '../lib/kinds.ts';
import { bareHeading, marksAssessment, roleOfHeading, type Role } from '../lib/roles.ts';
import { SUMMARY_MAX } from '../lib/schemas.ts';
import { cutToLength, splitSentences } from '../lib/sentences.ts';
import { shorten, statedDate, type Block, type Note } from './parse.ts';

export interface RecommendationItem {
  line: number;
  text: string;
}

export type DocBlock = Block | { type: 'recommendations'; line: number; start: number; items: RecommendationItem[] };

export interface Section {
  /** The heading's id as Astro gives it (github-slugger over the heading text, in order). */
  id: string;
  title: string;
  /** What the section is for: from its heading (content/roles.json), or as an editor set it. */
  role: Role | undefined;
  line: number;
  blocks: DocBlock[];
}

export interface DocumentModel {
  title: string;
  /** The source line the title was taken from; undefined when it was given or derived. */
  titleLine: number | undefined;
  titleProvisional: boolean;
  kind: Kind;
  /** Paragraphs before the first heading: an article's lede. */
  lede: DocBlock[];
  sections: Section[];
  /** ISO date (YYYY-MM-DD), only when the source states one. */
  published: string | undefined;
  /** The report-number line as written. */
  reference: string | undefined;
}

export interface DocumentOptions {
  /** Given with --title: wins over everything. */
  title?: string | undefined;
  kind?: Kind | undefined;
  /** The title and kind the earlier page of the same source has: an editor's choice stays. */
  fallbackTitle?: string | undefined;
  fallbackKind?: Kind | undefined;
  /** Roles an editor set in the earlier page's front matter, by section id: they win over the heading's. */
  roles?: ReadonlyMap<string, Role> | undefined;
}

/** Headings that name a part of a report, never its title (besides those that have a role). */
const SECTION_NAMES =
  /^(?:findings|background|introduction|overview|context|assessment|analysis|discussion|supporting evidence|evidence|implications|outlook|forecast|scenarios|indicators|conclusions?|concluding remarks|methodology|annex(?:es)?|appendix|appendices)$/;

/** Headings only intelligence-style products have, besides those roles.json marks so. */
const ASSESSMENT_HEADINGS =
  /^(?:key assumptions|intelligence gaps|analytic confidence|confidence (?:levels?|assessment)|estimative language|indicators(?: and warnings| to watch| of change)?|alternative (?:analysis|scenarios|outcomes))$/;
/** Headings common in assessments but also in articles: two of them (or one and a Recommendations section) decide. */
const ASSESSMENT_HINTS = /^(?:supporting evidence|evidence|implications|outlook|assessment|scenarios|findings)$/;

/** Words that open a statement rather than a command ("The", "We", "This"...). */
const NOT_IMPERATIVE = new Set(
  'a an the this that these those there it its we our they their he she his her i you your one some many most all any each every such as in on at by for from with of to if while when although because since given despite after before during under over further furthermore moreover additionally also however therefore thus overall finally first second third next then no not'.split(' '),
);

/** Whether a recommendation-section paragraph opens with a verb in the imperative. */
export function isImperative(text: string): boolean {
  const first = /^\p{L}+/u.exec(text.replace(/^(?:\d+[.)]|[a-z][.)])\s+/i, ''))?.[0];
  if (!first || !/^\p{Lu}/u.test(first)) return false;
  const word = first.toLowerCase();
  if (NOT_IMPERATIVE.has(word)) return false;
  if (/(?:ing|ed|ly)$/.test(word) && !/^(?:need|embed|feed|shed|heed|speed|proceed|exceed|succeed|bring|apply|rely|supply)$/.test(word)) return false;
  // Third-person verbs ("Strengthens") and plural nouns ("Sanctions") end in a single s;
  // imperatives such as "Address", "Assess", "Focus", "Discuss" do not count as such.
  if (/[^su]s$/.test(word) && !/(?:ss|us|is)$/.test(word)) return false;
  return true;
}

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** A stated date as YYYY-MM-DD, or the reason it cannot be used. */
export function isoDate(value: string): { iso: string } | { problem: string } {
  const v = value.trim();
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(v))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,? (\d{4})$/.exec(v))) {
    [d, y] = [Number(match[1]), Number(match[3])];
    m = MONTH_NUMBERS[match[2]!.slice(0, 3).toLowerCase()] ?? 0;
  } else if ((match = /^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(v))) {
    [d, y] = [Number(match[2]), Number(match[3])];
    m = MONTH_NUMBERS[match[1]!.slice(0, 3).toLowerCase()] ?? 0;
  } else if ((match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(v))) {
    const [a, b] = [Number(match[1]), Number(match[2])];
    if (a <= 12 && b <= 12 && a !== b) return { problem: `"${v}" could be day/month or month/day` };
    [d, m, y] = a > 12 ? [a, b, Number(match[3])] : [b, a, Number(match[3])];
  } else {
    return { problem: `"${v}" names no day` };
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { problem: `"${v}" is not a real date` };
  }
  return { iso: date.toISOString().slice(0, 10) };
}

/** A provisional title from the first sentence: leading clause dropped, at most a dozen words. */
export function provisionalTitle(text: string): string {
  let sentence = (splitSentences(text)[0] ?? text).replace(/[.!?…]+$/u, '').trim();
  const clause = /^([^,]{1,80}),\s+(\S.*)$/u.exec(sentence);
  if (clause && clause[1]!.split(/\s+/).length <= 8 && clause[2]!.split(/\s+/).length >= 4) sentence = clause[2]!;
  const words = sentence.split(/\s+/);
  let title = sentence;
  if (words.length > 14) {
    const kept = words.slice(0, 12);
    // End on a word that carries meaning: "set the stage for a" -> "set the stage".
    while (kept.length > 6 && /^(?:a|an|the|of|for|in|on|to|with|and|or|by|at|from|as|that|which|its|their)$/i.test(kept.at(-1)!)) kept.pop();
    title = `${kept.join(' ').replace(/[,;:]$/, '')}…`;
  }
  title = title.charAt(0).toUpperCase() + title.slice(1);
  return title;
}

function blockText(block: DocBlock): string {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'bullets':
      return block.items.map((item) => (item.label ? `${item.label}: ${item.text}` : item.text)).join(' ');
    case 'recommendations':
      return block.items.map((item) => item.text).join(' ');
    case 'table':
      return [block.header, ...block.rows].map((row) => row.cells.join(' ')).join(' ');
  }
}

/** All the words of a section, for tagging. */
export function sectionText(section: Section): string {
  return [section.title, ...section.blocks.map(blockText)].join('\n');
}

function isMetadata(block: Block): boolean {
  return block.type === 'paragraph' && block.role !== undefined && block.role !== 'caption';
}

/** Groups runs of imperative paragraphs under a Recommendations heading into one list. */
function groupRecommendations(blocks: Block[], notes: Note[]): DocBlock[] {
  const out: DocBlock[] = [];
  let run: Extract<Block, { type: 'paragraph' }>[] = [];
  const flush = () => {
    if (run.length >= 2) {
      // Items the author numbered 1., 2., 3. keep their numbers as the list's own.
      const numbers = run.map((p) => /^(\d{1,3})[.)]\s+/.exec(p.text));
      const first = Number(numbers[0]?.[1]);
      const numbered = numbers.every((m, i) => m !== null && Number(m[1]) === first + i);
      const items = run.map((p, i) => ({ line: p.line, text: numbered ? p.text.slice(numbers[i]![0].length) : p.text }));
      out.push({ type: 'recommendations', line: run[0]!.line, start: numbered ? first : 1, items });
      notes.push({
        line: run[0]!.line,
        message: `${run.length} imperative paragraphs (lines ${run[0]!.line}-${run.at(-1)!.line}) under a Recommendations heading: made a numbered list${numbered ? ' (their own numbers became the list numbers)' : ''}`,
      });
    } else {
      out.push(...run);
    }
    run = [];
  };
  for (const block of blocks) {
    if (block.type === 'paragraph' && !block.role && isImperative(block.text)) {
      run.push(block);
    } else {
      flush();
      out.push(block);
    }
  }
  flush();
  return out;
}

export function buildDocument(blocks: Block[], options: DocumentOptions, notes: Note[]): DocumentModel {
  // Title: the first line that is not a date, reference or classification line, when it is a
  // bare short line and not the name of a report part such as "Key Judgments".
  let titleLine: number | undefined;
  let sourceTitle: string | undefined;
  const firstContent = blocks.findIndex((b) => !isMetadata(b));
  const first = blocks[firstContent];
  if (first?.type === 'heading' && roleOfHeading(first.text) === undefined && !SECTION_NAMES.test(bareHeading(first.text))) {
    sourceTitle = first.text;
    titleLine = first.line;
    blocks = blocks.filter((_, i) => i !== firstContent);
    // The parser announced it as a heading; it is the title instead.
    const announced = notes.findIndex((n) => n.line === first.line && n.message.startsWith('heading '));
    if (announced !== -1) notes.splice(announced, 1);
  }

  const lede: Block[] = [];
  const rawSections: { title: string; line: number; blocks: Block[] }[] = [];
  for (const block of blocks) {
    if (block.type === 'heading') rawSections.push({ title: block.text, line: block.line, blocks: [] });
    else if (rawSections.length === 0) lede.push(block);
    else rawSections.at(-1)!.blocks.push(block);
  }

  const slugger = new GithubSlugger();
  const sections: Section[] = rawSections.map((s) => {
    const id = slugger.slug(s.title);
    const fromHeading = roleOfHeading(s.title);
    const given = options.roles?.get(id);
    if (given !== undefined && given !== fromHeading) {
      notes.push({ line: s.line, message: `role "${given}" kept from the earlier page's front matter (the heading alone gives ${fromHeading === undefined ? 'none' : `"${fromHeading}"`})` });
    }
    const role = given ?? fromHeading;
    return { id, title: s.title, role, line: s.line, blocks: role === 'recommendations' ? groupRecommendations(s.blocks, notes) : s.blocks };
  });

  // Title
  let title: string;
  let titleProvisional = false;
  if (options.title !== undefined) {
    title = options.title;
    if (sourceTitle !== undefined && sourceTitle !== title) {
      notes.push({ line: titleLine!, message: `title "${title}" given with --title replaces the title line "${sourceTitle}"` });
    } else {
      notes.push({ line: 0, message: `title "${title}" (given with --title)` });
    }
  } else if (options.fallbackTitle !== undefined && options.fallbackTitle !== sourceTitle) {
    title = options.fallbackTitle;
    const instead = sourceTitle === undefined ? 'no title line' : `instead of the title line "${sourceTitle}"`;
    notes.push({ line: 0, message: `title "${title}" kept from the earlier page of this source (${instead}; --title overrides)` });
  } else if (sourceTitle !== undefined) {
    title = sourceTitle;
    notes.push({ line: titleLine!, message: `title "${title}" (the first line is a short bare line)` });
  } else {
    const firstProse = [...lede, ...sections.flatMap((s) => s.blocks)].find(
      (b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph' && !b.role,
    );
    title = provisionalTitle(firstProse?.text ?? sections[0]?.title ?? 'Untitled document');
    titleProvisional = true;
  }

  // Kind
  let kind: Kind;
  const headings = sections.map((s) => ({ line: s.line, bare: bareHeading(s.title), title: s.title, role: s.role }));
  const strong = headings.find((h) => marksAssessment(h.title) || ASSESSMENT_HEADINGS.test(h.bare));
  const hints = headings.filter((h) => h.role === 'recommendations' || ASSESSMENT_HINTS.test(h.bare));
  const guessed: Kind = strong || hints.length >= 2 ? 'assessment' : 'article';
  const why = strong
    ? `the heading "${strong.title}" on line ${strong.line}`
    : hints.length >= 2
      ? `the headings ${hints.map((h) => `"${h.title}"`).join(', ')}`
      : 'no intelligence-style headings such as "Key Judgments"';
  if (options.kind !== undefined) {
    kind = options.kind;
    notes.push({ line: 0, message: `kind: ${kind} (given with --kind; the text alone suggests ${guessed}: ${why})` });
  } else if (options.fallbackKind !== undefined && options.fallbackKind !== guessed) {
    kind = options.fallbackKind;
    notes.push({ line: 0, message: `kind: ${kind} (kept from the earlier page of this source; the text alone suggests ${guessed}: ${why}; --kind overrides)` });
  } else {
    kind = guessed;
    notes.push({ line: 0, message: `kind: ${kind} (guessed from ${why}; override with --kind)` });
  }

  // Date and reference: only what the source states.
  let published: string | undefined;
  let reference: string | undefined;
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    if (block.role === 'date' && published === undefined) {
      const stated = statedDate(block.text)!;
      if (/updated|as of/i.test(stated.key)) {
        notes.push({ line: block.line, message: `"${block.text}" is not a publication date: not used as the published date` });
        continue;
      }
      const parsed = isoDate(stated.value);
      if ('iso' in parsed) {
        published = parsed.iso;
        notes.push({ line: block.line, message: `published ${published} (from "${block.text}")` });
      } else {
        notes.push({ line: block.line, message: `date line "${block.text}" not used: ${parsed.problem}` });
      }
    }
    if (block.role === 'reference' && reference === undefined) {
      reference = block.text;
      notes.push({ line: block.line, message: `reference "${reference}"` });
    }
  }

  return { title, titleLine, titleProvisional, kind, lede, sections, published, reference };
}

/**
 * The summary: the first section whose role is `summary` (Key Judgments, BLUF, Executive
 * Summary...), else the lede, else the first section with text; cut at a sentence boundary.
 */
export function summaryOf(document: DocumentModel, notes: Note[]): string {
  const { lede, sections, title } = document;
  const prose = (list: DocBlock[]) =>
    list.filter((b) => !(b.type === 'paragraph' && b.role) && b.type !== 'table').map(blockText).join(' ');
  const judgments = sections.find((s) => s.role === 'summary');
  let summarySource: string;
  let summaryText: string;
  if (judgments && prose(judgments.blocks) !== '') {
    summaryText = prose(judgments.blocks);
    summarySource = `the "${judgments.title}" section (line ${judgments.line})`;
  } else if (prose(lede) !== '') {
    summaryText = prose(lede);
    summarySource = 'the lede';
  } else {
    const section = sections.find((s) => prose(s.blocks) !== '');
    summaryText = section ? prose(section.blocks) : title;
    summarySource = section ? `the first section with text ("${shorten(section.title, 40)}", line ${section.line})` : 'the title';
  }
  const summary = cutToLength(summaryText, SUMMARY_MAX);
  notes.push({ line: 0, message: `summary from ${summarySource}${summary.length < summaryText.trim().length ? `, cut to ${summary.length} characters` : ''}` });
  return summary;
}
