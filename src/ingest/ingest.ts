/**
 * One source file -> the files to write and a report. Pure: the caller reads the bytes and the
 * vocabularies, decides whether the planned files may be written, and writes them.
 *
 * The steps run one way, each a function of the previous one's output:
 * decodeSource (text) -> reflowSource (hard-wrapped lines joined, page furniture removed) ->
 * parseBlocks (typed blocks) -> buildDocument (title, kind, sections with roles, dates) ->
 * fixDocument (prose fixed) -> documentNotes (endnotes paired) -> summaryOf, buildTable, tags ->
 * toMdast -> MDX. Every line a step reports is a line of the reflowed text until the report is
 * made, where it is mapped back to the source's own line (`sourceLine`).
 */
import { serialisable } from '../lib/estimative/frontmatter.ts';
import { SLUG_PATTERN } from '../lib/ids.ts';
import type { Kind } from '../lib/kinds.ts';
import { isBackMatter } from '../lib/roles.ts';
import { firstIssue, plainFrontMatterSchema, plainTableSchema, type FrontMatter, type FrontMatterInput, type TableData } from '../lib/schemas.ts';
import { uniqueSlug } from '../lib/slug.ts';
import { taggerFor, type Country, type Topic } from '../lib/tagging.ts';
import { decodeSource } from './decode.ts';
import { buildDocument, markRunIns, sectionText, summaryOf, type DocBlock, type DocumentModel } from './document.ts';
import { keepEditorFields, previousEstimative, previousRoles } from './editorFields.ts';
import { documentEstimative } from './estimative.ts';
import { fixDocument, type Fix } from './fixes.ts';
import { composeMdx, sha256 } from './frontmatter.ts';
import { sectionWithoutWords } from './indexable.ts';
import { parseBlocks } from './parse.ts';
import type { Note } from './report.ts';
import { serializeBody } from './serialize.ts';
import { buildTable, serializeTable, type DerivedCaption } from './tables.ts';
import { reflowSource, sourceLine, type Join } from './reflow.ts';
import { documentNotes, toMdast } from './toMdast.ts';
import { findUpdateTarget, type PageSummary, type UpdateTarget } from './updates.ts';

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
  /** The earlier page's front matter as parsed: the fields an editor added there are kept. */
  matter?: unknown;
  /** The earlier page is the current version of the document and this source a newer one (see editorFields.ts). */
  newVersion?: boolean | undefined;
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
  /** Slugs other sources' pages use (and those given out earlier in this run): a new slug avoids them. */
  taken?: ReadonlySet<string> | undefined;
  /** The pages already published, to tell a newer version of one of them (`findUpdateTarget`). */
  pages?: readonly PageSummary[] | undefined;
}

/** `lint`: advice on the estimative language, worded as `npm run check` words it. */
export type ReportKind = 'note' | 'fix' | 'warning' | 'lint';

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
  /** The title and caption as derived from the source, before any editor's are kept. */
  derived: DerivedCaption;
}

export interface PlannedDocument {
  slug: string;
  /** The original bytes, for content/sources/<slug>.txt. */
  source: Uint8Array;
  sourceSha256: string;
  mdx: string;
  /** The front matter as the build reads it (the schema's output: defaults filled in). */
  frontMatter: FrontMatter;
  tables: PlannedTable[];
  fixes: Fix[];
  /** Source lines left out of the page: furniture whose content is in front matter, page headers and footers. */
  furniture: number[];
  /** Source lines joined to the line before them (a hard-wrapped source, see reflow.ts). */
  joins: readonly Join[];
  /** The published page this source is a newer version of, when it is one. */
  updateOf?: UpdateTarget | undefined;
}

export type IngestResult =
  | { ok: true; document: PlannedDocument; report: ReportEntry[] }
  | { ok: false; reason: string; report: ReportEntry[] };

function fallbackSlug(name: string, sha: string): string {
  const base = name.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return base || `document-${sha.slice(0, 8)}`;
}

/** Words of the parts of a document that are tagged: the title, the lede and every section but back matter. */
function taggedText(document: DocumentModel): string {
  // A title given with --title is not the source's text; a title line is.
  const title = document.titleLine === undefined ? '' : document.title;
  const lede = sectionText({ id: '', title, role: undefined, line: 0, blocks: document.lede });
  return [lede, ...document.sections.filter((section) => !isBackMatter(section.role)).map(sectionText)].join('\n');
}

export function ingestSource(input: IngestInput): IngestResult {
  const report: ReportEntry[] = [];
  const decoded = decodeSource(input.bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, report };
  for (const note of decoded.notes) report.push({ kind: 'note', message: note });

  // A hard-wrapped source (a PDF export) is read with its paragraphs joined and its page furniture
  // removed; one paragraph per line is read as written (the parser knows its furniture).
  const reflowed = reflowSource(decoded.text);
  const flowed = reflowed.wrapped ? reflowed : undefined;
  const lineOf = (line: number, column = 0) => (flowed === undefined || line <= 0 ? line : sourceLine(flowed, line, column));
  if (flowed) for (const note of flowed.notes) report.push({ kind: 'note', line: note.line, message: note.message });
  const toEntry = (note: Note): ReportEntry => {
    const line = lineOf(note.line, note.column);
    return line > 0 ? { kind: 'note', line, message: note.message } : { kind: 'note', message: note.message };
  };

  const { options, previous } = input;
  const notes: Note[] = [];
  const parsed = parseBlocks(flowed?.text ?? decoded.text);
  notes.push(...parsed.notes);

  // A title, kind or role given on an earlier run of this very source stays unless overridden.
  const fallbackTitle = previous && !previous.titleProvisional ? previous.title : undefined;
  const built = buildDocument(
    parsed.blocks,
    { title: options.title, kind: options.kind, fallbackTitle, fallbackKind: previous?.kind, roles: previousRoles(previous?.matter) },
    notes,
  );
  if (built.sections.length === 0) {
    return {
      ok: false,
      reason: 'no headings found: a page needs at least one section. Put each heading on a line of its own (a short line without final punctuation)',
      report: [...report, ...notes.map(toEntry)],
    };
  }

  const fix = options.fix !== false;
  const fixed = fix ? fixDocument(built, input.countries, lineOf) : { document: built, fixes: [] };
  const { fixes } = fixed;
  const doc = markRunIns(fixed.document, notes);
  for (const f of fixes) report.push({ kind: 'fix', line: f.line, message: `${f.rule}: "${f.before}" -> "${f.after}"` });
  if (!fix) report.push({ kind: 'note', message: 'typographic fixes are off (--no-fix)' });
  const wordless = sectionWithoutWords(doc.sections);
  if (wordless !== undefined) return { ok: false, reason: wordless, report: [...report, ...notes.map(toEntry)] };
  const endnotes = documentNotes(doc);
  notes.push(...endnotes.notes);
  // A card or search result cannot follow a note link: the summary reads without its markers.
  const summary = endnotes.references.reduce((text, reference) => text.replace(reference.text, ''), summaryOf(doc, notes));

  const sourceSha256 = sha256(input.bytes);
  const { facts } = doc;
  const updateOf = input.pages === undefined ? undefined : findUpdateTarget({ slug: '', sourceSha256, title: doc.title, sourceName: input.name, ...facts }, input.pages);
  let slug: string;
  if (options.slug !== undefined) {
    slug = options.slug;
  } else if (previous && !previous.titleProvisional) {
    slug = previous.slug;
    notes.push({ line: 0, message: `slug "${slug}" kept from the earlier page of this source` });
  } else if (updateOf !== undefined) {
    // Not a new page: the page it updates keeps its address.
    slug = updateOf.slug;
  } else {
    const chosen = uniqueSlug(doc.title, facts.identifier, input.taken ?? new Set());
    slug = chosen?.slug ?? fallbackSlug(input.name, sourceSha256);
    notes.push({ line: 0, message: `slug "${slug}" (${chosen ? (chosen.extended ?? 'from the title') : 'from the file name: the title has no Latin letters'}; override with --slug)` });
  }
  if (updateOf !== undefined) {
    notes.push({ line: 0, message: `an update of the page "${updateOf.slug}" (${updateOf.reason}), not a new page` });
  }
  if (!SLUG_PATTERN.test(slug)) {
    return { ok: false, reason: `slug "${slug}" must be lowercase letters, digits and single hyphens`, report: [...report, ...notes.map(toEntry)] };
  }

  // Tables: ids unique in the document, each attached to the section it sits in.
  const taken = new Set<string>();
  const tagger = taggerFor(input.countries, input.topics);
  const matchCountry = (name: string) => tagger.matchCountry(name);
  const tables: PlannedTable[] = [];
  const tableIds = new Map<number, string>();
  const plan = (blocks: DocBlock[], section: string) => {
    blocks.forEach((block, index) => {
      if (block.type !== 'table') return;
      const before = blocks[index - 1];
      const table = buildTable(block, { slug, section, before: before?.type === 'recommendations' || before?.type === 'figure' ? undefined : before, taken, matchCountry }, notes);
      tableIds.set(block.line, `${slug}/${table.id}`);
      const data = { ...table.data, line: lineOf(table.data.line) };
      tables.push({ id: table.id, data, text: serializeTable(data), derived: { title: data.title, caption: data.caption } });
    });
  };
  if (doc.lede.some((b) => b.type === 'table')) {
    notes.push({ line: doc.lede.find((b) => b.type === 'table')!.line, message: `a table before the first heading: attached to the first section ("${doc.sections[0]!.id}")` });
  }
  plan(doc.lede, doc.sections[0]!.id);
  for (const section of doc.sections) plan(section.blocks, section.id);

  const body = serializeBody(toMdast(doc, tableIds, endnotes));
  // A new version states its own judgments: what an editor set on the earlier edition does not carry over.
  const estimative = documentEstimative(doc, input.name, previousEstimative(previous?.newVersion ? undefined : previous?.matter));
  for (const message of estimative.messages) notes.push({ line: 0, message });
  for (const warning of estimative.warnings) report.push({ kind: 'lint', line: lineOf(warning.line), message: warning.message });
  const estimativeMatter = serialisable(estimative.value);
  const docTags = tagger.tag(taggedText(doc));
  const generated: FrontMatterInput = {
    title: doc.title,
    ...(doc.titleProvisional ? { titleProvisional: true as const } : {}),
    slug,
    kind: doc.kind,
    summary,
    ...(facts.published ? { published: facts.published } : {}),
    ...(facts.updated ? { updated: facts.updated } : {}),
    ...(facts.identifier ? { identifier: facts.identifier } : {}),
    ...(facts.authors ? { authors: facts.authors } : {}),
    ...(facts.classification ? { classification: facts.classification } : {}),
    source: { path: `content/sources/${slug}.txt`, sha256: sourceSha256 },
    countries: docTags.countries,
    topics: docTags.topics,
    sections: doc.sections.map((section) => {
      // Back matter (notes, references, about the authors) is published but not tagged.
      const tags = isBackMatter(section.role) ? { countries: [], topics: [] } : tagger.tag(sectionText(section));
      return { id: section.id, title: section.title, ...(section.role ? { role: section.role } : {}), countries: tags.countries, topics: tags.topics };
    }),
    tables: tables.map((t) => `${slug}/${t.id}`),
    ...(estimativeMatter ? { estimative: estimativeMatter } : {}),
  };
  const { matter: frontMatter, messages: kept } = previous?.matter === undefined ? { matter: generated, messages: [] } : keepEditorFields(generated, previous.matter, { newVersion: previous.newVersion });
  for (const message of kept) notes.push({ line: 0, message });

  // What is about to be written must pass the schemas the build checks it with.
  const page = `content/assessments/${slug}.mdx`;
  const checked = plainFrontMatterSchema.safeParse(frontMatter);
  if (!checked.success) {
    return { ok: false, reason: `${page}: front matter ${firstIssue(checked.error)}`, report: [...report, ...notes.map(toEntry)] };
  }
  for (const table of tables) {
    const result = plainTableSchema.safeParse(table.data);
    if (!result.success) {
      return { ok: false, reason: `content/tables/${slug}/${table.id}.json: ${firstIssue(result.error)}`, report: [...report, ...notes.map(toEntry)] };
    }
  }

  if (doc.titleProvisional) {
    report.push({
      kind: 'warning',
      message: `NO TITLE: the source has no title line and no --title was given. Using the PROVISIONAL title "${doc.title}" (marked titleProvisional: true). Give the real one with --title "..."`,
    });
  }

  return {
    ok: true,
    document: { slug, source: input.bytes, sourceSha256, mdx: composeMdx(frontMatter, body), frontMatter: checked.data, tables, fixes, furniture: [...(flowed?.removed ?? []), ...doc.furniture.map((line) => lineOf(line))].sort((a, b) => a - b), joins: flowed?.joins ?? [], updateOf },
    report: [...report, ...notes.map(toEntry)],
  };
}
