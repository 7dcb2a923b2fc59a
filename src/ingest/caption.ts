/**
 * A table's caption: a short title made from its header ("Current major exports and potential
 * trade impacts, by country" from Country | Current major exports | Potential trade impacts),
 * or the title of a "Table 2: ..." caption line when the source has one. It is never the
 * sentence that introduces the table: that sentence stays in the text, where the author put it,
 * and repeating it as a caption would show it twice.
 */
import { headerUnit } from '../lib/cells/units.ts';

export interface CaptionContext {
  /** A caption line the source gives the table ("Table 2: Defense budgets, 2023-2024"). */
  readonly captionLine?: string | undefined;
  /** Index of the column whose cells name the rows (a country, a year); null for none. Default 0. */
  readonly keyColumn?: number | null;
  /** Whether a label is a name (a country, an organisation) whose capitals must stay. */
  readonly isName?: ((label: string) => boolean) | undefined;
}

/** Named value columns beyond this are summed up as "and N more". */
const MAX_NAMED = 3;

/** "Table 2: Defense budgets." -> "Defense budgets"; undefined when the line is no caption. */
export function captionLineTitle(text: string): string | undefined {
  const match = /^(?:table|chart|exhibit|figure)\s*[\dA-Z]{0,4}[a-z]?\s*[:.–—-]\s*(\S.*)$/i.exec(text.trim());
  return match ? match[1]!.replace(/[.:;]+$/, '').trim() : undefined;
}

/** A label without its unit: "Defense budget (USD bn)" -> "Defense budget". Other parentheses stay. */
function withoutUnit(label: string): string {
  return headerUnit(label) === undefined ? label.trim() : label.replace(/\s*\([^()]*\)\s*$/, '').trim();
}

/** Lower-cases the first letter of a common-noun label inside a phrase: "Potential trade impacts" -> "potential ...". */
function inPhrase(label: string, isName: (label: string) => boolean): string {
  const words = label.split(/\s+/);
  const first = words[0] ?? '';
  // An acronym ("GDP growth"), a name ("South Korea"), or a label in title case keeps its capitals.
  const connector = /^(?:and|of|the|in|on|for|to|per|by|a|an)$/;
  // A parenthesis ("(2024)", "(est.)") says nothing about the label's case.
  const cased = words.filter((w) => !/^\(/.test(w));
  const capitalised = cased.filter((w) => /^\p{Lu}\p{Ll}/u.test(w)).length;
  const titleCase = capitalised >= 2 && cased.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || connector.test(w));
  if (isName(label) || titleCase || /^\p{Lu}{2,}/u.test(first) || !/^\p{Lu}\p{Ll}*$/u.test(first)) return label;
  return first.charAt(0).toLowerCase() + label.slice(1);
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Labels sharing a base ("Spending (2023)", "Spending (2024)") -> "Spending (2023 and 2024)". */
function mergeVariants(labels: readonly string[]): string[] {
  const variant = labels.map((label) => /^(.*\S)\s*\(([^()]+)\)$/.exec(label));
  const bases = new Set(variant.map((m) => m?.[1]));
  if (labels.length > 1 && bases.size === 1 && variant.every((m) => m !== null)) {
    return [`${variant[0]![1]} (${list(variant.map((m) => m![2]!))})`];
  }
  return [...labels];
}

/** The caption of a table with this header row. */
export function tableCaption(header: readonly string[], context: CaptionContext = {}): string {
  const fromLine = context.captionLine === undefined ? undefined : captionLineTitle(context.captionLine);
  if (fromLine !== undefined && fromLine !== '') return fromLine;
  const isName = context.isName ?? (() => false);
  const key = context.keyColumn === undefined ? 0 : context.keyColumn;
  const labels = header.map((label) => label.trim());
  const values = mergeVariants(labels.flatMap((label, index) => (index === key || label === '' ? [] : [withoutUnit(label)])));
  const keyLabel = key === null ? '' : (labels[key] ?? '');
  if (values.length === 0) return keyLabel || 'Table';
  const named = values.length > MAX_NAMED ? [...values.slice(0, MAX_NAMED - 1), `${values.length - MAX_NAMED + 1} more`] : values;
  const phrase = named.map((label, index) => (index === 0 ? label : inPhrase(label, isName)));
  // Labels in another script would read oddly joined with English words: list them instead.
  if (labels.some((label) => /\p{L}/u.test(label) && !/\p{Script=Latin}/u.test(label))) return labels.filter((l) => l !== '').join(', ');
  const title = list(phrase);
  return keyLabel === '' ? title : `${title}, by ${inPhrase(keyLabel, isName)}`;
}
