/**
 * Blocks -> the document: title, kind, lede, sections with their roles, stated date and
 * reference number. Every decision that is a guess comes back as a note, so the ingester can say
 * what it guessed. The summary is taken later (`summaryOf`), from the fixed prose.
 */
import GithubSlugger from 'github-slugger';
import type { Kind } from '../lib/kinds.ts';
import { bareHeading, isBackMatter, marksAssessment, roleOfHeading, type Role } from '../lib/roles.ts';
import { SUMMARY_MAX, type Author } from '../lib/schemas.ts';
import { cutToLength, splitSentences } from '../lib/sentences.ts';
import verbFile from './data/imperative-verbs.json' with { type: 'json' };
import { bylineAuthors, isPersonName, shorten, statedClassification, statedDate, statedIdentifier, type Block } from './parse.ts';
import type { Note } from './report.ts';

export interface RecommendationItem {
  line: number;
  text: string;
}

type ParagraphBlock = Extract<Block, { type: 'paragraph' }>;

export type DocBlock =
  | Block
  | { type: 'recommendations'; line: number; start: number; items: RecommendationItem[] }
  /**
   * "Figure 2. Title" with the "Source:" and "Note:" lines after it. The source text has only
   * the caption, never the image; the page says so.
   */
  | { type: 'figure'; line: number; caption: ParagraphBlock; credits: ParagraphBlock[] };

/** A paragraph that opens with a run-in heading ("China. During his time..."): `lead` is "China.". */
export type RunIn = ParagraphBlock & { lead?: string };

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
  /** What the source states about itself, taken from its furniture lines. */
  facts: DocumentFacts;
  /** Source lines left out of the page because their content went to front matter (or is page furniture). */
  furniture: number[];
}

export interface DocumentFacts {
  /** ISO dates (YYYY-MM-DD), only when the source states them. */
  published?: string;
  updated?: string;
  /** The report number as written ("IF12760", "Report No. 24-117"). */
  identifier?: string;
  classification?: string;
  authors?: Author[];
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

/** Report-number series of short products: CRS In Focus (IF), Insight (IN), a "Brief" or "In Focus" number. */
const BRIEF_IDENTIFIER = /^(?:IF|IN)\d{4,6}$|\b(?:brief|in focus|insight)\b/i;
/** A document with a report number and at most this many words reads as a brief. */
const BRIEF_MAX_WORDS = 1500;
/** An authored document this long is a report even without an executive summary. */
const REPORT_MIN_WORDS = 4000;

const IMPERATIVE_VERBS = new Set(verbFile.verbs.map((verb) => verb.toLowerCase()));

/**
 * Whether a recommendation-section paragraph opens with a verb in the imperative: its first word
 * is one of src/ingest/data/imperative-verbs.json, capitalised. "Russia has..." and "Congress
 * may..." open with a noun and stay prose.
 */
export function isImperative(text: string): boolean {
  const first = /^\p{L}+/u.exec(text.replace(/^(?:\d+[.)]|[a-z][.)])\s+/i, ''))?.[0];
  if (!first || !/^\p{Lu}\p{Ll}*$/u.test(first)) return false;
  return IMPERATIVE_VERBS.has(first.toLowerCase());
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
    case 'figure':
      return [block.caption, ...block.credits].map((p) => p.text).join(' ');
  }
}

/** All the words of a section, for tagging. */
export function sectionText(section: Section): string {
  return [section.title, ...section.blocks.map(blockText)].join('\n');
}

function isMetadata(block: Block): boolean {
  return block.type === 'paragraph' && block.role !== undefined && block.role !== 'caption';
}

const FIGURE = /^(?:figure|fig\.|chart|map|graph|exhibit|graphic)\s*[\dA-Z]{1,4}[a-z]?\s*[:.–—-]\s*\S/i;
const CREDIT = /^(?:sources?|notes?|nb|n\.b\.)\s*[:.–—-]\s*\S/i;

/** Groups a figure caption with the Source and Note lines right after it. */
function groupFigures(blocks: Block[], notes: Note[]): DocBlock[] {
  const out: DocBlock[] = [];
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i]!;
    if (block.type === 'paragraph' && block.role === 'caption' && FIGURE.test(block.text)) {
      const credits: ParagraphBlock[] = [];
      while (true) {
        const next = blocks[i + 1];
        if (!(next?.type === 'paragraph' && next.role === 'caption' && CREDIT.test(next.text))) break;
        credits.push(next);
        i += 1;
      }
      out.push({ type: 'figure', line: block.line, caption: block, credits });
      notes.push({
        line: block.line,
        message: `figure caption "${shorten(block.text, 50)}"${credits.length > 0 ? ` with ${credits.map((c) => `line ${c.line}`).join(', ')}` : ''}: a figure block (the page says the image is not part of the source)`,
      });
    } else {
      out.push(block);
    }
  }
  return out;
}

/**
 * Takes the furniture lines out of the blocks: dates, report numbers, classification banners,
 * bylines and page headers or footers. What they state goes into `facts`; a second line that
 * states something different stays in the text and is reported, so nothing is lost.
 */
function takeFurniture(blocks: Block[], notes: Note[]): { blocks: Block[]; facts: DocumentFacts; furniture: number[] } {
  const facts: DocumentFacts = {};
  const furniture: number[] = [];
  const kept: Block[] = [];
  // The front matter of the text: everything before the first heading that is not the title line.
  const titleIndex = blocks.findIndex((b) => !isMetadata(b));
  const firstHeading = blocks.findIndex((b, i) => b.type === 'heading' && i !== titleIndex);
  blocks.forEach((block, index) => {
    const front = firstHeading === -1 || index < firstHeading;
    const drop = (message: string) => {
      furniture.push(block.line);
      notes.push({ line: block.line, message: `${message}; left out of the page text` });
    };
    if (block.type !== 'paragraph' || block.role === undefined) {
      kept.push(block);
      return;
    }
    const text = block.text;
    switch (block.role) {
      case 'date': {
        const stated = statedDate(text)!;
        // A bare date line in the body is more likely a timeline entry than the document's date.
        if (stated.key === '' && !front) break;
        const parsed = isoDate(stated.value);
        if (!('iso' in parsed)) {
          notes.push({ line: block.line, message: `date line "${text}" not used: ${parsed.problem}; kept in the text` });
          break;
        }
        const field = /updated|as of|revised/i.test(stated.key) ? 'updated' : 'published';
        if (facts[field] !== undefined && facts[field] !== parsed.iso) {
          notes.push({ line: block.line, message: `a second ${field} date "${text}" differs from ${facts[field]}: kept in the text` });
          break;
        }
        facts[field] = parsed.iso;
        return drop(`${field} ${parsed.iso} (from "${text}")`);
      }
      case 'identifier': {
        const id = statedIdentifier(text)!;
        if (facts.identifier !== undefined && facts.identifier !== id) {
          notes.push({ line: block.line, message: `a second report number "${text}" (the first is "${facts.identifier}"): kept in the text` });
          break;
        }
        facts.identifier = id;
        return drop(`identifier "${id}" (a report-number line)`);
      }
      case 'classification': {
        const banner = statedClassification(text);
        if (banner === undefined) break;
        if (facts.classification !== undefined && facts.classification !== banner) {
          notes.push({ line: block.line, message: `classification "${banner}" differs from the banner "${facts.classification}": kept in the text` });
          break;
        }
        facts.classification = banner;
        return drop(`classification "${banner}" (shown as the page's banner, top and bottom)`);
      }
      case 'byline': {
        const authors = bylineAuthors(text, false);
        if (!authors || facts.authors !== undefined || !front) break;
        facts.authors = authors;
        return drop(`byline: authors ${authors.map((a) => `"${a.name}"${a.role ? ` (${a.role})` : ''}`).join(', ')}`);
      }
      case 'pageFurniture':
        return drop(`"${shorten(text, 40)}" is page furniture (a page number, or a header or footer repeated with page numbers)`);
      default:
        break;
    }
    kept.push(block);
  });
  return { blocks: kept, facts, furniture };
}

/**
 * An "Author Information" / "About the Authors" block lists names and positions on lines of
 * their own, which read as headings. Until the next heading that has a role or names a report
 * part, such "headings" are the block's lines: they become paragraphs, and name lines followed
 * by a position line give authors.
 */
function authorBlock(blocks: Block[], notes: Note[]): { blocks: Block[]; authors: Author[] } {
  const out: Block[] = [];
  const authors: Author[] = [];
  let inAuthors = false;
  for (const block of blocks) {
    if (block.type === 'heading') {
      const role = roleOfHeading(block.text);
      if (role !== undefined || SECTION_NAMES.test(bareHeading(block.text))) {
        inAuthors = role === 'authors';
        out.push(block);
        continue;
      }
      if (inAuthors) {
        const announced = notes.findIndex((n) => n.line === block.line && n.message.startsWith('heading '));
        if (announced !== -1) notes.splice(announced, 1);
        notes.push({ line: block.line, message: `"${shorten(block.text)}" is a line of the authors block, not a heading` });
        out.push({ type: 'paragraph', line: block.line, text: block.text });
        continue;
      }
    }
    out.push(block);
  }
  // Names and positions: "Jane Doe" then "Specialist in Asian Affairs" (and perhaps a contact line).
  let inSection = false;
  out.forEach((block, i) => {
    if (block.type === 'heading') inSection = roleOfHeading(block.text) === 'authors';
    if (!inSection || block.type !== 'paragraph' || !isPersonName(block.text)) return;
    const next = out[i + 1];
    const role = next?.type === 'paragraph' && !isPersonName(next.text) && next.text.split(/\s+/).length <= 10 && !/[.!?]$/.test(next.text) ? next.text : undefined;
    authors.push(role ? { name: block.text, role } : { name: block.text });
  });
  return { blocks: out, authors };
}

/** "Maria Okafor is a senior fellow in the Asia Program." -> her role and affiliation, as written. */
function describedAuthor(sections: { role: Role | undefined; blocks: DocBlock[] }[], name: string): { role?: string; affiliation?: string; line: number } | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${escaped} is (?:a|an|the) ([a-z][\\p{L} -]{2,60}?)(?: (?:at|with|in|of) (?:the )?(\\p{Lu}[^,.;]{2,80}))?[,.;]`, 'u');
  for (const section of sections) {
    if (section.role !== 'authors') continue;
    for (const block of section.blocks) {
      const match = block.type === 'paragraph' ? pattern.exec(block.text) : null;
      if (match) return { role: match[1]!, ...(match[2] ? { affiliation: match[2] } : {}), line: block.line };
    }
  }
  return undefined;
}

/** Groups runs of imperative paragraphs under a Recommendations heading into one list. */
function groupRecommendations(blocks: DocBlock[], notes: Note[]): DocBlock[] {
  const out: DocBlock[] = [];
  let run: ParagraphBlock[] = [];
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
  const taken = takeFurniture(blocks, notes);
  const { facts, furniture } = taken;
  const byAuthorBlock = authorBlock(taken.blocks, notes);
  blocks = byAuthorBlock.blocks;
  if (facts.authors === undefined && byAuthorBlock.authors.length > 0) {
    facts.authors = byAuthorBlock.authors;
    notes.push({ line: 0, message: `authors ${facts.authors.map((a) => `"${a.name}"`).join(', ')} (from the authors block)` });
  } else if (facts.authors !== undefined) {
    // The byline names them; the authors block may add what they do.
    for (const author of facts.authors) {
      const found = byAuthorBlock.authors.find((a) => a.name === author.name);
      if (found?.role !== undefined && author.role === undefined) author.role = found.role;
    }
  }
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
    const grouped = groupFigures(s.blocks, notes);
    return { id, title: s.title, role, line: s.line, blocks: role === 'recommendations' ? groupRecommendations(grouped, notes) : grouped };
  });
  // Back matter is published after the body, each part in the order the source gives it.
  const body = sections.filter((s) => !isBackMatter(s.role));
  const back = sections.filter((s) => isBackMatter(s.role));
  const moved = back.filter((s) => sections.indexOf(s) < sections.indexOf(body.at(-1)!));
  for (const s of moved) notes.push({ line: s.line, message: `"${s.title}" is back matter: moved after the body` });
  sections.splice(0, sections.length, ...body, ...back);

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

  for (const author of facts.authors ?? []) {
    const described = describedAuthor(sections, author.name);
    if (!described) continue;
    if (author.role === undefined && described.role) author.role = described.role;
    if (author.affiliation === undefined && described.affiliation) author.affiliation = described.affiliation;
    notes.push({ line: described.line, message: `author "${author.name}": ${[author.role, author.affiliation].filter(Boolean).join(', ')} (from the authors section)` });
  }

  // Kind, from the document's shape: its headings, its report number, its authors and length.
  let kind: Kind;
  const headings = sections.map((s) => ({ line: s.line, bare: bareHeading(s.title), title: s.title, role: s.role }));
  const strong = headings.find((h) => marksAssessment(h.title) || ASSESSMENT_HEADINGS.test(h.bare));
  const hints = headings.filter((h) => h.role === 'recommendations' || ASSESSMENT_HINTS.test(h.bare));
  const wordCount = [...lede, ...sections.flatMap((s) => s.blocks)].map(blockText).join(' ').split(/\s+/).filter(Boolean).length;
  const briefId = facts.identifier !== undefined && BRIEF_IDENTIFIER.test(facts.identifier);
  const summarySection = headings.find((h) => h.role === 'summary');
  const authored = facts.authors !== undefined && facts.authors.length > 0;
  let guessed: Kind;
  let why: string;
  if (strong) {
    [guessed, why] = ['assessment', `the heading "${strong.title}" on line ${strong.line}`];
  } else if (briefId || (facts.identifier !== undefined && wordCount <= BRIEF_MAX_WORDS)) {
    [guessed, why] = ['brief', briefId ? `the report number "${facts.identifier}" (a short-product series)` : `a report number and only ${wordCount} words`];
  } else if (authored && (summarySection !== undefined || sections.length >= 6 || wordCount >= REPORT_MIN_WORDS)) {
    const shape = summarySection ? `a "${summarySection.title}" section` : sections.length >= 6 ? `${sections.length} sections` : `${wordCount} words`;
    [guessed, why] = ['report', `named authors and ${shape}`];
  } else if (hints.length >= 2) {
    [guessed, why] = ['assessment', `the headings ${hints.map((h) => `"${h.title}"`).join(', ')}`];
  } else {
    [guessed, why] = ['article', 'no intelligence-style headings such as "Key Judgments", no report number, no byline with a summary section'];
  }
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

  for (const field of ['published', 'updated'] as const) {
    if (facts[field] === undefined) notes.push({ line: 0, message: `no ${field === 'published' ? 'publication' : '"Updated"'} date stated: "${field}" left out` });
  }
  return { title, titleLine, titleProvisional, kind, lede: groupFigures(lede, notes), sections, facts, furniture };
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

/** "China." or "Economic Statecraft." at the start of a paragraph: a short Title Case term and a period. */
const RUN_IN = /^(\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}[\p{L}'’-]*|and|of|the|in|for|on|to|with|&)){0,5}\.)\s+(?=\p{Lu})/u;
/** Words that end with a period without ending a term. */
const ABBREVIATIONS = /^(?:mr|mrs|ms|dr|st|jr|sr|gen|sen|rep|gov|lt|col|maj|capt|adm|prof|no|vol|inc|ltd|co|corp|u\.s|u\.k|e\.u)$/i;

function runInLead(text: string): string | undefined {
  const match = RUN_IN.exec(text);
  if (!match) return undefined;
  const lead = match[1]!;
  const words = lead.slice(0, -1).split(/\s+/);
  if (ABBREVIATIONS.test(words.at(-1)!) || words.at(-1)!.length < 2 || /\p{Lu}\.\p{Lu}/u.test(lead)) return undefined;
  if (text.slice(match[0].length).split(/\s+/).length < 6) return undefined;
  return lead;
}

/**
 * Run-in headings: paragraphs of a section that open with a short term and a period ("China.
 * During his time in office..."). Authors use them in series, so two or more in one section are
 * needed; each becomes a bold lead-in, the text unchanged. Runs after the fixes, on fixed text.
 */
export function markRunIns(document: DocumentModel, notes: Note[]): DocumentModel {
  const mark = (blocks: DocBlock[]): DocBlock[] => {
    const leads = blocks.map((b) => (b.type === 'paragraph' && b.role === undefined ? runInLead(b.text) : undefined));
    if (leads.filter(Boolean).length < 2) return blocks;
    return blocks.map((block, i) => {
      const lead = leads[i];
      if (lead === undefined || block.type !== 'paragraph') return block;
      notes.push({ line: block.line, message: `run-in heading "${lead}": shown as a bold lead-in (the text is unchanged)` });
      return { ...block, lead } satisfies RunIn;
    });
  };
  return { ...document, lede: mark(document.lede), sections: document.sections.map((s) => ({ ...s, blocks: mark(s.blocks) })) };
}
