import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { HastNode, HastPluginDefinition, HastVisitorContext, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'satteri';
import { updateAnchorLock } from '../lib/anchorLock.ts';
import { ALIAS_CLASS, ALIAS_FOR, type NumberedKind, numberedId, numberedKind, numberedName, tableAnchorId } from '../lib/anchors.ts';
import { type Role, roleSchema } from '../lib/roles.ts';

/**
 * Makes every part of a document page that analysts cite addressable, after wrap-sections has
 * made each `## Heading` and its content one `<section class="doc-section">`:
 *
 * - each section's `h2` gets the id the ingester wrote to front matter (`sections[i].id`, in
 *   order; Astro's own heading plugin runs after this one and keeps an id that is present), so
 *   ids are decided once and the contents, search and links all use the same ones; the section
 *   element carries its role as `data-role` (src/lib/roles.ts) for styling and print;
 * - each section heading is followed by `<Permalink>`, and each section ends with `<SectionEnd>`
 *   (related links, citation): MDX components the page passes to `<Content components>`, so
 *   their markup lives in one .astro file each;
 * - `<Contents>` (the table of contents) goes before the first section that is not a summary,
 *   i.e. after the Key Judgments the body opens with or after an article's lede: a reader, and a
 *   keyboard user's tab order, meets the summary first and the contents straight after, on
 *   every screen width;
 * - paragraphs and items of the summary-role section become `kj-1`, `kj-2`..., list items of a
 *   recommendations-role section `rec-1`... (its paragraphs when it has no list), each ending with a
 *   `<Permalink>`; tables carry `table-<id>` from DataTable.astro;
 * - every front matter alias `old-id: new-id` becomes an empty `<span id="old-id">` at the start
 *   of the element that now has `new-id` (just before a table), so a link published with the
 *   old id lands on the new place without JavaScript;
 * - the plain text of each section is handed to the page as `remarkPluginFrontmatter.sectionText`
 *   (hub excerpts, share-page descriptions), taken from the same tree the page shows.
 *
 * Pages without a `slug` in front matter are left alone.
 */

interface Frontmatter {
  slug?: unknown;
  sections?: unknown;
  aliases?: unknown;
  sectionText?: Record<string, string>;
  /** Each section's paragraphs and list items as plain text, for "What changed" (src/data/revisions.ts). */
  sectionBlocks?: Record<string, string[]>;
}

/** What this plugin reads of one front matter section. */
interface SectionMatter {
  id: string;
  role: Role | undefined;
}

/**
 * The front matter sections as the plugin sees them: the raw YAML, before the collection schema
 * has turned it into entry data. The schema reports malformed fields with the file and field;
 * here a section without an id is only a reason to stop with a pointer to that report.
 */
function sectionMatter(raw: unknown, file: string): SectionMatter[] {
  if (!Array.isArray(raw)) throw new Error(`${file}: front matter has no sections list; run the ingester again or add sections[] (id, title) for each ## heading.`);
  return raw.map((section: unknown, index) => {
    const { id, role } = (typeof section === 'object' && section !== null ? section : {}) as { id?: unknown; role?: unknown };
    if (typeof id !== 'string' || id === '') throw new Error(`${file}: front matter sections[${index}] has no id; give it the id of its ## heading.`);
    const parsedRole = roleSchema.safeParse(role);
    return { id, role: parsedRole.success ? parsedRole.data : undefined };
  });
}

type Target = { node: Element; place: 'inside' } | { node: MdxJsxFlowElementHast; place: 'before' };

const isElement = (node: unknown): node is Element => typeof node === 'object' && node !== null && (node as Element).type === 'element';
/** `isElement` and a tag name (kept apart: a type guard with a tag would wrongly narrow the "no" case). */
const isTag = (node: unknown, tag: string): boolean => isElement(node) && node.tagName === tag;
const itemsOf = (node: unknown): Element[] =>
  isElement(node) && (node.tagName === 'ol' || node.tagName === 'ul') ? node.children.filter((li): li is Element => isElement(li) && li.tagName === 'li') : [];
const isHeading = (node: Element) => /^h[1-6]$/.test(node.tagName);

function jsx(type: 'mdxJsxFlowElement' | 'mdxJsxTextElement', name: string, attributes: Record<string, string>): MdxJsxFlowElementHast | MdxJsxTextElementHast {
  return {
    type,
    name,
    attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
    children: [],
  } as MdxJsxFlowElementHast | MdxJsxTextElementHast;
}

function attribute(node: MdxJsxFlowElementHast, name: string): string | undefined {
  const found = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return found && typeof found.value === 'string' ? found.value : undefined;
}

/** Every node below `parent`, in document order. */
function* descendants(parent: Root | Element | MdxJsxFlowElementHast): Generator<RootContent> {
  for (const child of parent.children as RootContent[]) {
    yield child;
    if ('children' in child) yield* descendants(child as Element);
  }
}

function fileName(ctx: HastVisitorContext): string {
  return ctx.fileURL ? relative(process.cwd(), fileURLToPath(ctx.fileURL)).split('\\').join('/') : 'this MDX page';
}

export const sectionAnchors: HastPluginDefinition = {
  name: 'section-anchors',
  after(tree, ctx) {
    const root = tree as Root;
    const frontmatter = (ctx.data as { astro?: { frontmatter?: Frontmatter } }).astro?.frontmatter;
    const slug = frontmatter?.slug;
    if (!frontmatter || typeof slug !== 'string') return;
    const file = fileName(ctx);

    const targets = new Map<string, Target>();
    const claim = (id: string, target: Target) => {
      if (targets.has(id)) {
        throw new Error(`${file}: two parts of the page would both have the id "${id}". Rename the heading or table that produces it.`);
      }
      targets.set(id, target);
    };

    // wrap-sections made one <section> per ## heading, in order: the front matter lists the same.
    const matter = sectionMatter(frontmatter.sections, file);
    const wrappers = root.children.flatMap((child) => {
      const heading = isElement(child) && child.tagName === 'section' ? child.children.find((c): c is Element => isTag(c, 'h2')) : undefined;
      return heading ? [{ section: child as Element, heading }] : [];
    });
    if (wrappers.length !== matter.length) {
      throw new Error(
        `${file}: the body has ${wrappers.length} ## headings but front matter lists ${matter.length} sections. ` +
          'Each ## heading needs one sections[] entry (id, title), in the same order: run the ingester again, or add or remove the entry by hand.',
      );
    }

    // Section ids come from front matter; any deeper heading keeps an id it was written with.
    for (const node of descendants(root)) {
      if (!isElement(node) || !isHeading(node) || node.tagName === 'h2') continue;
      const existing = node.properties?.id;
      if (typeof existing === 'string') claim(existing, { node, place: 'inside' });
    }

    const sectionText: Record<string, string> = {};
    const sectionBlocks: Record<string, string[]> = {};
    // A report may have two summary sections (Executive Summary and Key Findings): their parts
    // are numbered on through both, so `kj-N` stays unique on the page.
    const numbered = new Map<NumberedKind, number>();
    for (const [index, { section, heading }] of wrappers.entries()) {
      const { id, role } = matter[index]!;
      ctx.setProperty(heading as HastNode, 'id', id);
      claim(id, { node: heading, place: 'inside' });
      if (role) ctx.setProperty(section as HastNode, 'dataRole', role);
      const title = ctx.textContent(heading as HastNode).trim();

      ctx.insertAfter(heading as HastNode, jsx('mdxJsxFlowElement', 'Permalink', { id, name: `section: ${title}`, doc: slug }));
      ctx.appendChild(section as HastNode, jsx('mdxJsxFlowElement', 'SectionEnd', { doc: slug, section: id }));

      const body = section.children.filter((child) => child !== heading);
      sectionText[id] = body
        .map((child) => ctx.textContent(child as HastNode).replace(/\s+/g, ' ').trim())
        .filter((text) => text !== '')
        .join('\n\n');

      sectionBlocks[id] = body.flatMap((child) => (itemsOf(child).length > 0 ? itemsOf(child) : [child])).map((child) => ctx.textContent(child as HastNode).replace(/\s+/g, ' ').trim()).filter((text) => text !== '');

      const kind = numberedKind(role);
      if (kind) numbered.set(kind, numberParts(kind, body, ctx, claim, numbered.get(kind) ?? 0));
    }

    for (const node of descendants(root)) {
      if (node.type !== 'mdxJsxFlowElement' || (node as MdxJsxFlowElementHast).name !== 'DataTable') continue;
      const tableId = attribute(node as MdxJsxFlowElementHast, 'id');
      if (tableId) claim(tableAnchorId(tableId), { node: node as MdxJsxFlowElementHast, place: 'before' });
    }

    // Before the first section that is not a summary: after the Key Judgments (or Executive
    // Summary and Key Findings) the body opens with, or after an article's lede.
    const firstText = wrappers.find((_, index) => matter[index]!.role !== 'summary');
    const contents = jsx('mdxJsxFlowElement', 'Contents', { doc: slug });
    if (firstText) ctx.insertBefore(firstText.section as HastNode, contents);
    else ctx.appendChild(root as HastNode, contents);

    addAliases(frontmatter.aliases, targets, slug, file, ctx);
    frontmatter.sectionText = sectionText;
    frontmatter.sectionBlocks = sectionBlocks;
  },
};

/**
 * Gives each paragraph or list item of a summary or recommendations section its id and permalink,
 * numbered on from `before` (the parts of earlier sections of the same kind); returns the last number.
 */
function numberParts(kind: NumberedKind, body: ElementContent[], ctx: HastVisitorContext, claim: (id: string, target: Target) => void, before: number): number {
  const paragraphs = body.filter((child): child is Element => isTag(child, 'p'));
  const items = body.flatMap(itemsOf);
  // Judgments are every paragraph and item in order; recommendations the list items, since a
  // paragraph before the list only introduces them ("We recommend that:").
  const parts = kind === 'kj' ? body.flatMap((child) => (isTag(child, 'p') ? [child as Element] : itemsOf(child))) : items.length > 0 ? items : paragraphs;
  parts.forEach((part, at) => {
    const index = before + at;
    const id = numberedId(kind, index + 1);
    ctx.setProperty(part as HastNode, 'id', id);
    claim(id, { node: part, place: 'inside' });
    // In a loose list the text sits in a paragraph: end that paragraph, not the item, with the link.
    const last = [...part.children].reverse().find((child) => child.type === 'element' || (child.type === 'text' && child.value.trim() !== ''));
    const host = isElement(last) && last.tagName === 'p' ? last : part;
    ctx.appendChild(host as HastNode, jsx('mdxJsxTextElement', 'Permalink', { id, name: numberedName(kind, index + 1) }));
  });
  return before + parts.length;
}

/** Places an empty target with each alias's old id at the start of the element its new id names. */
function addAliases(raw: unknown, targets: Map<string, Target>, slug: string, file: string, ctx: HastVisitorContext) {
  if (typeof raw !== 'object' || raw === null) return; // absent, or malformed: the collection schema reports that
  const aliases = Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  if (Object.keys(aliases).length === 0) return;
  // The lock module owns the rules and their messages; with no published ids only alias problems remain.
  const { violations } = updateAnchorLock({}, { [slug]: [...targets.keys()] }, { [slug]: aliases }, { fileFor: () => file });
  if (violations.length > 0) throw new Error(violations.map((v) => v.message).join('\n'));
  for (const [old, current] of Object.entries(aliases)) {
    const target = targets.get(current)!;
    const span: Element = { type: 'element', tagName: 'span', properties: { id: old, className: [ALIAS_CLASS], [toProperty(ALIAS_FOR)]: current }, children: [] };
    if (target.place === 'inside') ctx.prependChild(target.node as HastNode, span);
    else ctx.insertBefore(target.node as HastNode, span);
  }
}

/** hast property name of a data attribute: data-alias-for -> dataAliasFor. */
function toProperty(attributeName: string): string {
  return attributeName.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
