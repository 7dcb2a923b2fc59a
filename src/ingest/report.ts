/**
 * How the ingester's report reads: one line per entry, `file:line: message`, so an editor can
 * jump to the line; document-level facts first, then line by line in source order.
 */
import type { ReportEntry } from './ingest.ts';

/**
 * What one step of the ingester says about the source: every step (reflow, parse, document,
 * notes, tables) collects these, and ingest.ts turns them into report entries at source lines.
 */
export interface Note {
  /** 1-based line of the text the step read (0: about the whole document). */
  line: number;
  /** 0-based column in that line, when the note is about one spot of a joined paragraph. */
  column?: number;
  message: string;
}

export function formatEntry(file: string, entry: ReportEntry): string {
  const where = entry.line !== undefined ? `${file}:${entry.line}` : file;
  const label = entry.kind === 'fix' ? 'fix ' : entry.kind === 'warning' ? 'WARNING: ' : entry.kind === 'lint' ? 'warning: ' : '';
  return `${where}: ${label}${entry.message}`;
}

/** Document facts first, then line by line; entries about one line keep their order. */
export function ordered(report: readonly ReportEntry[]): ReportEntry[] {
  return report
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.line ?? 0) - (b.entry.line ?? 0) || a.index - b.index)
    .map(({ entry }) => entry);
}

export function formatReport(file: string, report: readonly ReportEntry[]): string[] {
  return ordered(report).map((entry) => formatEntry(file, entry));
}
