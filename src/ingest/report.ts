/**
 * How the ingester's report reads: one line per entry, `file:line: message`, so an editor can
 * jump to the line; document-level facts first, then line by line in source order.
 */
import type { ReportEntry } from './ingest.ts';

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
