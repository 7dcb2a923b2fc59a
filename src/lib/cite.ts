/**
 * Ready-to-paste citations of a document or one of its sections, in Chicago (17th ed.,
 * bibliography entry), APA (7th ed.) and MLA (9th ed.) style.
 *
 * Nothing is invented: the authors, date and report number are those the front matter states.
 * Without authors each style's no-author form is used (the title leads). The date is the
 * publication date, else the "Updated" date the source states; with neither APA writes "n.d."
 * and adds the retrieval date, Chicago and MLA give the access date instead.
 * Dates are formatted in UTC, as front matter dates are calendar days.
 */
import { kindLabel, type Kind } from './kinds.ts';

export interface CiteInput {
  title: string;
  /** People named as the authors, in order. */
  authors?: readonly { name: string }[] | undefined;
  /** The report number as the source writes it. */
  identifier?: string | undefined;
  /** Stated "Updated" date: used when no publication date is stated. */
  updated?: Date | undefined;
  /**
   * The document's stable absolute URL, without query or fragment; a site-root path
   * ("/assessments/x/") when the build has no site address (SITE_URL), so no guessed host is printed.
   */
  url: string;
  /** Only from the source; never invented. */
  published?: Date | undefined;
  /**
   * When the reader looked at it, for a document with no date of its own. The site leaves it
   * out: a build date in the page would make every build's output differ, and it is not the
   * reader's access date anyway. Without it the citation of an undated document has no date.
   */
  accessed?: Date | undefined;
  siteName: string;
  kind: Kind;
  /** Cite one section: its heading text and id (appended to the URL as the fragment). */
  section?: { title: string; id: string } | undefined;
}

export type CitationStyle = 'chicago' | 'apa' | 'mla';

/** A run of citation text; `italic` runs are titles the style sets in italics. */
export interface CitationPart {
  text: string;
  italic?: boolean;
}

export interface Citation {
  style: CitationStyle;
  /** "Chicago", "APA", "MLA": for the tab or heading. */
  label: string;
  parts: CitationPart[];
  /** The whole citation as plain text, for the clipboard. */
  text: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MLA_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function checkDate(date: Date, field: string): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error(`cite: "${field}" is not a valid date.`);
  return date;
}

/** "March 4, 2026" (Chicago, APA retrieval date). */
const longDate = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
/** "2026, March 4" (APA). */
const apaDate = (d: Date) => `${d.getUTCFullYear()}, ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
/** "4 Mar. 2026" (MLA). */
const mlaDate = (d: Date) => `${d.getUTCDate()} ${MLA_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

/** Inside double quotes, a title's own double quotes become single ones. */
function quotable(title: string): string {
  let open = true;
  return title
    .replace(/\u201c/g, '\u2018')
    .replace(/\u201d/g, '\u2019')
    .replace(/"/g, () => {
      const mark = open ? '\u2018' : '\u2019';
      open = !open;
      return mark;
    });
}

/** Adds a period unless the text already ends with sentence punctuation. */
const period = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);
/** “Title.” with the period inside the quotes (or the title's own ? or !). */
const quoted = (title: string) => `\u201c${period(quotable(title))}\u201d`;

/** "Okafor, Maria" (the first author in Chicago and MLA). */
function inverted(name: string): string {
  const at = name.lastIndexOf(' ');
  return at === -1 ? name : `${name.slice(at + 1)}, ${name.slice(0, at)}`;
}

/** "Okafor, M., & Reyes, D." (APA). */
function apaName(name: string): string {
  const parts = name.split(/\s+/);
  const last = parts.pop()!;
  return parts.length === 0 ? last : `${last}, ${parts.map((p) => `${p[0]}.`).join(' ')}`;
}

function authorList(input: CiteInput, style: CitationStyle): string {
  const names = (input.authors ?? []).map((a) => a.name);
  if (names.length === 0) return '';
  if (style === 'apa') {
    const list = names.map(apaName);
    return `${list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')}, & ${list.at(-1)}`} `;
  }
  if (style === 'mla' && names.length > 2) return `${inverted(names[0]!)}, et al. `;
  const rest = names.slice(1);
  const joined = rest.length === 0 ? inverted(names[0]!) : `${inverted(names[0]!)}, ${rest.length > 1 ? `${rest.slice(0, -1).join(', ')}, ` : ''}and ${rest.at(-1)}`;
  return `${period(joined)} `;
}

/** The date a citation gives: published, else the stated update. */
function citedDate(input: CiteInput): Date | undefined {
  if (input.published) return checkDate(input.published, 'published');
  if (input.updated) return checkDate(input.updated, 'updated');
  return undefined;
}

/** Stands in for the unknown host while a site-root path is cleaned; never appears in a citation. */
const NO_HOST = 'https://no-host.invalid';

function stableUrl(input: CiteInput): string {
  const rootPath = input.url.startsWith('/') && !input.url.startsWith('//');
  let url: URL;
  try {
    url = new URL(input.url, rootPath ? NO_HOST : undefined);
  } catch {
    throw new Error(`cite: "${input.url}" is not an absolute URL or a path from the site root; pass the page's full address (site URL + path).`);
  }
  // Citations carry the stable address only: no search highlight or other transient parameters.
  url.search = '';
  url.hash = input.section ? input.section.id : '';
  return rootPath ? url.href.slice(NO_HOST.length) : url.href;
}

function finish(style: CitationStyle, label: string, parts: CitationPart[]): Citation {
  const merged: CitationPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = merged.at(-1);
    if (last && Boolean(last.italic) === Boolean(part.italic)) last.text += part.text;
    else merged.push(part.italic ? { text: part.text, italic: true } : { text: part.text });
  }
  return { style, label, parts: merged, text: merged.map((part) => part.text).join('') };
}

export function chicago(input: CiteInput): Citation {
  const url = stableUrl(input);
  const date = citedDate(input);
  const when = date ? `${input.published ? '' : 'Updated '}${longDate(date)}. ` : input.accessed ? `Accessed ${longDate(checkDate(input.accessed, 'accessed'))}. ` : '';
  const head = input.section ? `${quoted(input.section.title)} In ${quoted(input.title)}` : quoted(input.title);
  const number = input.identifier ? `${period(input.identifier)} ` : '';
  return finish('chicago', 'Chicago', [{ text: `${authorList(input, 'chicago')}${head} ${number}${period(input.siteName)} ${when}${url}.` }]);
}

export function apa(input: CiteInput): Citation {
  const url = stableUrl(input);
  const cited = citedDate(input);
  const date = cited ? apaDate(cited) : 'n.d.';
  const retrieved = cited || !input.accessed ? url : `Retrieved ${longDate(checkDate(input.accessed, 'accessed'))}, from ${url}`;
  const description = `${input.identifier ? ` (${input.identifier})` : ''}${input.kind === 'article' ? '' : ` [${kindLabel(input.kind)}]`}`;
  const authors = authorList(input, 'apa');
  if (input.section) {
    return finish('apa', 'APA', [
      { text: `${authors}${period(input.section.title)} (${date}). In ` },
      { text: input.title, italic: true },
      { text: `${description}. ${period(input.siteName)} ${retrieved}` },
    ]);
  }
  if (authors !== '') {
    return finish('apa', 'APA', [
      { text: `${authors}(${date}). ` },
      { text: input.title, italic: true },
      { text: `${description}. ${period(input.siteName)} ${retrieved}` },
    ]);
  }
  return finish('apa', 'APA', [
    { text: input.title, italic: true },
    { text: `${description}${/[.?!]$/.test(input.title) && !description ? '' : '.'} (${date}). ${period(input.siteName)} ${retrieved}` },
  ]);
}

export function mla(input: CiteInput): Citation {
  // MLA leaves out the protocol.
  const url = stableUrl(input).replace(/^https?:\/\//, '');
  const cited = citedDate(input);
  const dated = cited ? `, ${input.published ? '' : 'updated '}${mlaDate(cited)}` : '';
  const accessed = cited || !input.accessed ? '' : ` Accessed ${mlaDate(checkDate(input.accessed, 'accessed'))}.`;
  const authors = authorList(input, 'mla');
  if (input.section) {
    return finish('mla', 'MLA', [
      { text: `${authors}${quoted(input.section.title)} ` },
      { text: input.title, italic: true },
      { text: ', ' },
      { text: input.siteName, italic: true },
      { text: `${dated}, ${url}.${accessed}` },
    ]);
  }
  return finish('mla', 'MLA', [
    { text: `${authors}${quoted(input.title)} ${input.identifier ? `${period(input.identifier)} ` : ''}` },
    { text: input.siteName, italic: true },
    { text: `${dated}, ${url}.${accessed}` },
  ]);
}

/** All three styles, in the order the "cite this" box shows them. */
export function citations(input: CiteInput): Citation[] {
  return [chicago(input), apa(input), mla(input)];
}
