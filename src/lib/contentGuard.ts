/**
 * Checks of content/assessments/*.mdx that must hold before Astro reads a page, each reported as
 * `file:line: field: problem; fix`:
 *
 * - the body is data, not code: no `{expression}`, no `import`/`export`, and no element or
 *   component but the `<DataTable id="...">`, `<Figure>` and endnote links the ingester writes
 *   (literal attributes of a fixed form, see ALLOWED). MDX would
 *   otherwise run an editor's `{process.env.HOME}` at build time and publish the result;
 * - the file is UTF-8, its front matter is closed and is YAML, reported at the line at fault;
 * - every country and topic id, of the document and of each section, is one of
 *   content/countries.json and content/topics.json (Astro's own error for these comes late,
 *   as a TypeError while rendering another page);
 * - the page's source copy is the text it was made from, and no ingest was left half done.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import { mdxToMdast } from 'satteri';
import { NOTE_ID_PATTERN, NOTE_REFERENCE_PATTERN } from './idPatterns.ts';

export interface Problem {
  /** Path as shown, relative to the project. */
  file: string;
  line?: number | undefined;
  message: string;
}

interface AllowedElement {
  /** Each attribute it must carry, with the pattern its literal value must match. */
  attributes: Readonly<Record<string, RegExp>>;
  children: boolean;
  /** `flow`: on lines of its own; `text`: inside a paragraph. */
  placement: 'flow' | 'text';
  example: string;
}

const ANY = /[^]+/;
const NUMBER = /^[1-9]\d{0,2}$/;
const fragment = (pattern: RegExp) => new RegExp(`^#${pattern.source.slice(1)}`);

/**
 * The elements content may use: the components src/pages/assessments/[slug].astro maps, and the
 * endnote links the ingester writes (src/ingest/notes.ts). Each takes only literal string
 * attributes, exactly those listed, each matching its pattern: an endnote link's href is a note
 * anchor of the same page, so no link written this way leaves it.
 */
const ALLOWED: Record<string, AllowedElement> = {
  DataTable: { attributes: { id: ANY }, children: false, placement: 'flow', example: '<DataTable id="<slug>/<table-id>" />' },
  Figure: { attributes: {}, children: true, placement: 'flow', example: '<Figure> caption paragraphs </Figure>' },
  sup: { attributes: { id: NOTE_REFERENCE_PATTERN }, children: true, placement: 'text', example: '<sup id="note-ref-1"><a href="#note-1" aria-label="Note 1">[1]</a></sup>' },
  a: {
    attributes: { href: fragment(NOTE_ID_PATTERN), 'aria-label': new RegExp(`^Note ${NUMBER.source.slice(1, -1)}$`) },
    children: true,
    placement: 'text',
    example: '<a href="#note-1" aria-label="Note 1">[1]</a> inside <sup>',
  },
};
/** The back link of a note: the same element name with other attributes, so listed apart. */
const NOTE_BACK_LINK: AllowedElement = {
  attributes: { id: NOTE_ID_PATTERN, href: fragment(NOTE_REFERENCE_PATTERN), 'aria-label': new RegExp(`^Back to the text citing note ${NUMBER.source.slice(1, -1)}$`) },
  children: true,
  placement: 'text',
  example: '<a id="note-1" href="#note-ref-1" aria-label="Back to the text citing note 1">[1]</a>',
};

function accepts(allowed: AllowedElement, node: Node): boolean {
  const attributes = node.attributes ?? [];
  const expected = Object.keys(allowed.attributes).sort();
  const names = attributes.map((attribute) => attribute.name ?? '').sort();
  if (names.join(' ') !== expected.join(' ')) return false;
  const literal = attributes.every(
    (attribute) => attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' && allowed.attributes[attribute.name!]!.test(attribute.value),
  );
  const placed = node.type === (allowed.placement === 'flow' ? 'mdxJsxFlowElement' : 'mdxJsxTextElement');
  return literal && placed && (allowed.children || (node.children ?? []).length === 0);
}

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

function code(node: Node): string | undefined {
  switch (node.type) {
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return `the expression {${String(node.value).trim()}} would run as code at build time; write the text itself, or escape the brace as \\{`;
    case 'mdxjsEsm':
      return `"${String(node.value).split('\n')[0]}" is an import/export, which would run as code at build time; remove it (write it as text with \\ before it)`;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const allowed = node.name ? ALLOWED[node.name] : undefined;
      if (allowed === undefined) {
        const tag = node.name ? `<${node.name}>` : 'a fragment <>';
        const known = Object.values(ALLOWED).map((component) => component.example).join(', ');
        return `${tag} is markup the site does not provide (pages may only use ${known}); write the text without it, or escape the bracket as \\<`;
      }
      if (accepts(allowed, node) || (node.name === 'a' && accepts(NOTE_BACK_LINK, node))) return undefined;
      const names = Object.keys(allowed.attributes);
      const takes = names.length === 0 ? 'no attributes' : `only a literal ${names.join(', ')} of the form shown`;
      const where = allowed.placement === 'flow' ? 'on lines of its own' : 'inside a paragraph';
      return `<${node.name}> takes ${takes}, ${where}: ${allowed.example}${node.name === 'a' ? ` or ${NOTE_BACK_LINK.example}` : ''}`;
    }
    default:
      return undefined;
  }
}

/** Expressions, ESM and components of an MDX file, each with its line. */
export function mdxCodeProblems(file: string, text: string): Problem[] {
  let tree: Node;
  try {
    tree = mdxToMdast(text, { position: true, features: { gfm: false, smartPunctuation: false } }) as unknown as Node;
  } catch (error) {
    // Syntax errors are Astro's to report: it names the file and line.
    void error;
    return [];
  }
  const problems: Problem[] = [];
  const walk = (node: Node) => {
    const message = code(node);
    if (message !== undefined) problems.push({ file, line: node.position?.start.line, message });
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return problems;
}

/** Closest id of a list, for a "did you mean". */
function closest(word: string, ids: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i += 1) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j += 1) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  let best: [string, number] | undefined;
  for (const id of ids) {
    const d = distance(word, id);
    if (!best || d < best[1]) best = [id, d];
  }
  return best && best[1] <= Math.max(2, Math.floor(word.length / 3)) ? best[0] : undefined;
}

export interface Vocabulary {
  countries: readonly string[];
  topics: readonly string[];
}

/** The first line (1-based, in the file) at or after `from` that lists `id` as a YAML item. */
function lineOfItem(lines: readonly string[], id: string, from: number): number | undefined {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const item = new RegExp(`(?:^\\s*-\\s*|[\\[,]\\s*)["']?${escaped}["']?\\s*(?:$|[\\],])`);
  for (let i = from; i < lines.length; i += 1) if (item.test(lines[i]!)) return i + 1;
  return undefined;
}

/** Front matter: closed, YAML, and with known country and topic ids. */
export function frontMatterProblems(file: string, text: string, vocabulary: Vocabulary): Problem[] {
  const lines = text.split('\n');
  if (lines[0]?.replace(/\r$/, '') !== '---') {
    return [{ file, line: 1, message: 'the file does not start with front matter: its first line must be ---, followed by the fields and another --- line' }];
  }
  const end = lines.findIndex((line, i) => i > 0 && line.replace(/\r$/, '') === '---');
  if (end === -1) {
    return [{ file, line: 1, message: 'the front matter opened on line 1 is never closed: add a line --- after its last field (before the text of the page)' }];
  }
  const block = lines.slice(1, end).join('\n');
  let data: unknown;
  try {
    data = yaml.load(block);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    // An unclosed quote is only noticed where the YAML ends: point at the line that opens it.
    const quoted = lines.slice(1, end).findIndex((line) => {
      const value = /^\s*(?:-\s+)?(?:[^\s:][^:]*:\s+)?(["'])(.*)$/.exec(line);
      if (!value) return false;
      const [, quote, rest] = value;
      const closes = quote === '"' ? /(^|[^\\])"/.test(rest!) : rest!.replace(/''/g, '').includes("'");
      return !closes;
    });
    if (quoted !== -1 && (mark?.line === undefined || quoted <= mark.line)) {
      return [{ file, line: quoted + 2, message: 'this value opens a quote that is never closed: add the closing quote at the end of the value' }];
    }
    return [{ file, line: mark?.line === undefined ? 1 : mark.line + 2, message: `the front matter is not valid YAML (${reason}); fix this line` }];
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return [{ file, line: 2, message: 'the front matter must be fields (key: value), not a single value or a list' }];
  }
  const matter = data as Record<string, unknown>;
  const problems: Problem[] = [];
  const checkIds = (field: string, value: unknown, kind: 'countries' | 'topics', from: number) => {
    if (!Array.isArray(value)) return;
    const known = vocabulary[kind];
    value.forEach((id, index) => {
      if (typeof id !== 'string' || known.includes(id)) return;
      const guess = closest(id, known);
      problems.push({
        file,
        line: lineOfItem(lines, id, from),
        message: `${field}[${index}]: unknown ${kind === 'countries' ? 'country' : 'topic'} id "${id}"; use an id from content/${kind}.json${guess ? ` (did you mean "${guess}"?)` : ''}, or add the ${kind === 'countries' ? 'country' : 'topic'} there`,
      });
    });
  };
  const keyLine = (key: string) => Math.max(0, lines.findIndex((line, i) => i < end && line.startsWith(`${key}:`)));
  checkIds('countries', matter.countries, 'countries', keyLine('countries'));
  checkIds('topics', matter.topics, 'topics', keyLine('topics'));
  if (Array.isArray(matter.sections)) {
    const sectionsAt = keyLine('sections');
    matter.sections.forEach((section: unknown, index) => {
      if (section === null || typeof section !== 'object') return;
      const { id, countries, topics } = section as Record<string, unknown>;
      const at = typeof id === 'string' ? lines.findIndex((line, i) => i >= sectionsAt && i < end && line.includes(`id: ${id}`)) : sectionsAt;
      checkIds(`sections[${index}] ("${String(id)}").countries`, countries, 'countries', Math.max(at, sectionsAt));
      checkIds(`sections[${index}] ("${String(id)}").topics`, topics, 'topics', Math.max(at, sectionsAt));
    });
  }
  return problems;
}

/** Encoding problems of a file's bytes, or undefined when it is UTF-8. */
export function encodingProblem(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return 'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8';
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    return 'the file is not UTF-8 (perhaps Windows-1252 or ISO-8859-1); save it as UTF-8';
  }
}

function ids(file: string): string[] {
  try {
    const list = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(list) ? list.flatMap((entry) => (typeof (entry as { id?: unknown })?.id === 'string' ? [(entry as { id: string }).id] : [])) : [];
  } catch {
    return []; // the content layer reports a broken vocabulary with its own message
  }
}

/** The source copy a page names must be the text it was made from. */
function sourceProblems(root: string, file: string, text: string): Problem[] {
  const matter = yaml.load(text.split('\n---\n')[0]!.slice(4)) as { source?: { path?: unknown; sha256?: unknown } };
  const { path, sha256 } = matter.source ?? {};
  if (typeof path !== 'string' || typeof sha256 !== 'string') return [];
  const line = text.split('\n').findIndex((l) => l.startsWith('  sha256:')) + 1 || undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, path));
  } catch {
    return [{ file, line, message: `source.path: ${path} does not exist; restore it from version control, or ingest the original again with npm run ingest -- <file>` }];
  }
  if (createHash('sha256').update(bytes).digest('hex') === sha256) return [];
  return [
    {
      file,
      line,
      message: `source.sha256: ${path} is no longer the text this page was made from; run npm run ingest -- ${path} to update the page from it (a page edited by hand since is kept unless you add --force)`,
    },
  ];
}

/** Every problem of the pages under `<root>/content/assessments/`. */
export function checkContent(root: string): Problem[] {
  const content = join(root, 'content');
  const vocabulary = { countries: ids(join(content, 'countries.json')), topics: ids(join(content, 'topics.json')) };
  const dir = join(content, 'assessments');
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.mdx')).sort();
  } catch {
    return [];
  }
  const problems: Problem[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(root, path);
    const bytes = readFileSync(path);
    const encoding = encodingProblem(bytes);
    if (encoding !== undefined) {
      problems.push({ file, message: encoding });
      continue;
    }
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    const matter = frontMatterProblems(file, text, vocabulary);
    problems.push(...matter, ...mdxCodeProblems(file, text));
    if (matter.length === 0) problems.push(...sourceProblems(root, file, text));
  }
  const journal = join(content, '.ingest-staging', 'journal.json');
  if (existsSync(journal)) {
    problems.unshift({
      file: relative(root, journal),
      message: 'an ingest was interrupted while switching a page to its new files; run npm run ingest again (with any source, for example the same files) and it completes the switch first',
    });
  }
  return problems;
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`).join('\n');
}
