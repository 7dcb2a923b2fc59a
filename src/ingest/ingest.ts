/**
 * One source file -> the files to write and a report. Pure: the caller reads the bytes and the
 * vocabularies, decides whether the planned files may be written, and writes them.
 */
import { titleSlug } from '../lib/slug.ts';
import { createTagger, tagText, type Country, type Topic } from '../lib/tagging.ts';
import { decodeSource } from './decode.ts';
import { buildDocument, sectionText, type DocBlock, type Kind } from './document.ts';
import { fixSource, type Fix } from './fixes.ts';
import { sectionWithoutWords } from './indexable.ts';
import { composeMdx, sha256, type FrontMatter } from './frontmatter.ts';
import { parseBlocks, type Note } from './parse.ts';
import { serializeBody } from './serialize.ts';
import { buildTable, serializeTable, type TableData } from './tables.ts';
import { toMdast } from './toMdast.ts';

export interface IngestOptions {
  kind?: Kind | undefined;
  title?: string | undefined;
  slug?: string | undefined;
  /** Apply the safe typographic fixes (default true; `--no-fix` turns them off). */
  fix?: boolean | undefined;
}

/** What an earlier run published for the same source (same sha256): slug, title and kind stay. */
export interface Previous {
  slug: string;
  title: string;
  titleProvisional: boolean;
  kind: Kind | undefined;
}

export interface IngestInput {
  /** The file's bytes, exactly as read. */
  bytes: Uint8Array;
  /** The file name, used for a fallback slug. */
  name: string;
  options: IngestOptions;
  countries: readonly Country[];
  topics: readonly Topic[];
  previous?: Previous | undefined;
}

export type ReportKind = 'note' | 'fix' | 'warning';

export interface ReportEntry {
  kind: ReportKind;
  /** 1-based source line, when the entry is about one. */
  line?: number;
  message: string;
}

export interface PlannedTable {
  id: string;
  data: TableData;
  text: string;
}

export interface PlannedDocument {
  slug: string;
  /** The original bytes, for content/sources/<slug>.txt. */
  source: Uint8Array;
  sourceSha256: string;
  mdx: string;
  frontMatter: FrontMatter;
  tables: PlannedTable[];
  fixes: Fix[];
}

export type IngestResult =
  | { ok: true; document: PlannedDocument; report: ReportEntry[] }
  | { ok: false; reason: string; report: ReportEntry[] };

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function fallbackSlug(name: string, sha: string): string {
  const base = name.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return base || `document-${sha.slice(0, 8)}`;
}

export function ingestSource(input: IngestInput): IngestResult {
  const report: ReportEntry[] = [];
  const decoded = decodeSource(input.bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, report };
  for (const note of decoded.notes) report.push({ kind: 'note', message: note });

  const { options, previous } = input;
  const fix = options.fix !== false;
  const fixed = fix ? fixSource(decoded.text, input.countries) : { text: decoded.text, fixes: [] };
  for (const f of fixed.fixes) report.push({ kind: 'fix', line: f.line, message: `${f.rule}: "${f.before}" -> "${f.after}"` });
  if (!fix) report.push({ kind: 'note', message: 'typographic fixes are off (--no-fix)' });

  const notes: Note[] = [];
  const parsed = parseBlocks(fixed.text);
  notes.push(...parsed.notes);

  // A title or kind given on an earlier run of this very source stays unless overridden.
  const fallbackTitle = previous && !previous.titleProvisional ? previous.title : undefined;
  const doc = buildDocument(parsed.blocks, { title: options.title, kind: options.kind, fallbackTitle, fallbackKind: previous?.kind }, notes);
  if (doc.sections.length === 0) {
    return {
      ok: false,
      reason: 'no headings found: a page needs at least one section. Put each heading on a line of its own (a short line without final punctuation)',
      report: [...report, ...notes.map(toEntry)],
    };
  }

  const wordless = sectionWithoutWords(doc.sections);
  if (wordless !== undefined) return { ok: false, reason: wordless, report: [...report, ...notes.map(toEntry)] };

  const sourceSha256 = sha256(input.bytes);
  let slug: string;
  if (options.slug !== undefined) {
    slug = options.slug;
  } else if (previous && !previous.titleProvisional) {
    slug = previous.slug;
    notes.push({ line: 0, message: `slug "${slug}" kept from the earlier page of this source` });
  } else {
    const fromTitle = titleSlug(doc.title);
    slug = fromTitle ?? fallbackSlug(input.name, sourceSha256);
    notes.push({ line: 0, message: `slug "${slug}" (${fromTitle ? 'from the title' : 'from the file name: the title has no Latin letters'}; override with --slug)` });
  }
  if (!SLUG_PATTERN.test(slug)) {
    return { ok: false, reason: `slug "${slug}" must be lowercase letters, digits and single hyphens`, report: [...report, ...notes.map(toEntry)] };
  }

  // Tables: ids unique in the document, each attached to the section it sits in.
  const taken = new Set<string>();
  const { matchCountry } = createTagger(input.countries, input.topics);
  const tables: PlannedTable[] = [];
  const tableIds = new Map<number, string>();
  const plan = (blocks: DocBlock[], section: string) => {
    blocks.forEach((block, index) => {
      if (block.type !== 'table') return;
      const before = blocks[index - 1];
      const built = buildTable(block, { slug, section, before: before?.type === 'recommendations' ? undefined : before, taken, matchCountry }, notes);
      tableIds.set(block.line, `${slug}/${built.id}`);
      tables.push({ id: built.id, data: built.data, text: serializeTable(built.data) });
    });
  };
  if (doc.lede.some((b) => b.type === 'table')) {
    notes.push({ line: doc.lede.find((b) => b.type === 'table')!.line, message: `a table before the first heading: attached to the first section ("${doc.sections[0]!.id}")` });
  }
  plan(doc.lede, doc.sections[0]!.id);
  for (const section of doc.sections) plan(section.blocks, section.id);

  const body = serializeBody(toMdast(doc, tableIds));
  const docTags = tagText(fixed.text, input.countries, input.topics);
  const frontMatter: FrontMatter = {
    title: doc.title,
    ...(doc.titleProvisional ? { titleProvisional: true as const } : {}),
    slug,
    kind: doc.kind,
    summary: doc.summary,
    ...(doc.published ? { published: doc.published } : {}),
    ...(doc.reference ? { reference: doc.reference } : {}),
    source: { path: `content/sources/${slug}.txt`, sha256: sourceSha256 },
    countries: docTags.countries,
    topics: docTags.topics,
    sections: doc.sections.map((section) => {
      const tags = tagText(sectionText(section), input.countries, input.topics);
      return { id: section.id, title: section.title, countries: tags.countries, topics: tags.topics };
    }),
    tables: tables.map((t) => `${slug}/${t.id}`),
  };

  if (doc.titleProvisional) {
    report.push({
      kind: 'warning',
      message: `NO TITLE: the source has no title line and no --title was given. Using the PROVISIONAL title "${doc.title}" (marked titleProvisional: true). Give the real one with --title "..."`,
    });
  }
  if (!doc.published) notes.push({ line: 0, message: 'no publication date stated: "published" left out' });

  return {
    ok: true,
    document: { slug, source: input.bytes, sourceSha256, mdx: composeMdx(frontMatter, body), frontMatter, tables, fixes: fixed.fixes },
    report: [...report, ...notes.map(toEntry)],
  };
}

function toEntry(note: Note): ReportEntry {
  return note.line > 0 ? { kind: 'note', line: note.line, message: note.message } : { kind: 'note', message: note.message };
}
