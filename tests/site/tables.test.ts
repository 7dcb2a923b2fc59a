/**
 * Tables in the built site: every data file has CSV and JSON downloads that equal its table; the
 * pages link to them; country cells link to existing hubs; charts are figures with a text
 * alternative; /data/ lists every table; and JavaScript is only where it is needed: the sort
 * script on pages with a table, the chart loader on pages with a chart, and Chart.js itself on
 * no page at all until the loader asks for it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCell } from '../../src/lib/cells.ts';
import type { TableFile } from '../../src/lib/tableData.ts';
import { parseCsv } from './support/csv.ts';
import { allPages, assertBuilt, attr, BASE, byTag, DIST, elements, fileForPath, first, hasClass, listFiles, loadPage, visibleText, type Element, type Page } from './support/dist.ts';

assertBuilt();
const pages = allPages();

interface Entry {
  readonly id: string;
  readonly data: TableFile;
}
const tables: Entry[] = readdirSync('content/tables').flatMap((slug) =>
  readdirSync(join('content/tables', slug))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ id: `${slug}/${name.slice(0, -5)}`, data: JSON.parse(readFileSync(join('content/tables', slug, name), 'utf8')) as TableFile })),
);
const hubs = new Set(readdirSync(join(DIST, 'countries')));

/** A field the CSV may write for a cell: as written, or with an apostrophe when it could start a formula. */
function sameField(field: string, text: string): boolean {
  return field === text || (field === `'${text}` && /^\s*[=+\-@\t\r]/.test(text));
}

describe('downloads', () => {
  it('exist for every table', () => {
    expect(tables.length).toBeGreaterThan(0);
    const files = new Set(listFiles());
    for (const { id } of tables) {
      expect(files.has(`data/${id}.csv`), `dist/data/${id}.csv`).toBe(true);
      expect(files.has(`data/${id}.json`), `dist/data/${id}.json`).toBe(true);
    }
  });

  describe.each(tables.map((table) => [table.id, table] as const))('%s', (id, { data }) => {
    it('CSV: parses back (BOM, quoted fields, CRLF) to the table as written, then its values', () => {
      const records = parseCsv(readFileSync(join(DIST, 'data', `${id}.csv`), 'utf8'));
      const width = data.columns.length;
      const numeric = data.columns.flatMap((column, index) => (['money', 'percent', 'integer', 'number'].includes(column.type) ? [index] : []));
      expect(records).toHaveLength(data.rows.length + 1);
      const [header, ...rows] = records;
      expect(header).toHaveLength(width + numeric.length);
      header!.slice(0, width).forEach((field, c) => expect(sameField(field, data.columns[c]!.label), field).toBe(true));
      rows.forEach((record, r) => {
        expect(record).toHaveLength(width + numeric.length);
        record.slice(0, width).forEach((field, c) => expect(sameField(field, data.rows[r]![c]!), `row ${r + 1} column ${c + 1}: ${field}`).toBe(true));
        numeric.forEach((c, k) => {
          const cell = parseCell(data.rows[r]![c]!);
          expect(record[width + k]).toBe(cell.type === 'text' ? '' : String(cell.value));
        });
      });
    });

    it('CSV: no field starts a formula, apart from figures such as "+5%"', () => {
      for (const record of parseCsv(readFileSync(join(DIST, 'data', `${id}.csv`), 'utf8'))) {
        for (const field of record) {
          if (/^\s*[=+\-@\t\r]/.test(field)) expect(parseCell(field).type, field).not.toBe('text');
        }
      }
    });

    it('JSON: every cell as written, with its value and country id, and the chart', () => {
      const json = JSON.parse(readFileSync(join(DIST, 'data', `${id}.json`), 'utf8')) as {
        id: string;
        rows: { text: string; value?: number; country?: string }[][];
        columns: { label: string; type: string }[];
        chart?: { series: { values: (number | null)[] }[] };
      };
      expect(json.id).toBe(id);
      expect(json.columns.map((column) => [column.label, column.type])).toEqual(data.columns.map((column) => [column.label, column.type]));
      expect(json.rows.map((row) => row.map((cell) => cell.text))).toEqual(data.rows);
      json.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const parsed = parseCell(cell.text);
          expect(cell.value).toBe(data.columns[c]!.type !== 'text' && parsed.type !== 'text' ? parsed.value : undefined);
          const country = data.columns[c]!.countries?.[r];
          expect(cell.country).toBe(typeof country === 'string' ? country : undefined);
        }),
      );
      expect(json.chart === undefined).toBe(!data.chart);
    });
  });
});

/** The DataTable blocks of a page: its table element, its download links and its figure, if any. */
function dataTables(page: Page): { table: Element; links: string[]; figure: Element | undefined }[] {
  return elements(page.document)
    .filter((element) => hasClass(element, 'data-table'))
    .map((block) => ({
      table: byTag(block, 'table')[0]!,
      links: byTag(block, 'a')
        .filter((a) => a.attrs.some((attribute) => attribute.name === 'download'))
        .map((a) => attr(a, 'href')!),
      figure: byTag(block, 'figure')[0],
    }));
}

const withTables = pages.filter((page) => dataTables(page).length > 0);

describe('pages that show tables', () => {
  it('include every document page with tables', () => {
    const expected = [...new Set(tables.map(({ id }) => `assessments/${id.split('/')[0]}/index.html`))];
    expect(withTables.map((page) => page.file)).toEqual(expect.arrayContaining(expected));
  });

  describe.each(withTables.map((page) => [page.file, page] as const))('%s', (_file, page) => {
    it('link each table to its CSV and JSON, which exist', () => {
      for (const { links } of dataTables(page)) {
        expect(links).toHaveLength(2);
        expect(links[0]).toMatch(new RegExp(`^${BASE}data/[^/]+/[^/]+\\.csv$`));
        expect(links[1]).toBe(links[0]!.replace(/\.csv$/, '.json'));
        for (const link of links) expect(fileForPath(link), link).toBeDefined();
      }
    });

    it('link country cells to their hubs, and only cells that name a country with a hub', () => {
      for (const { table } of dataTables(page)) {
        const links = byTag(byTag(table, 'tbody')[0]!, 'a').map((a) => [visibleText(a), attr(a, 'href')]);
        const data = tables.find(({ data: candidate }) => [candidate.caption, candidate.title].includes(visibleText(byTag(table, 'caption')[0]!)))!.data;
        const expected = data.columns.flatMap((column, c) =>
          (column.countries ?? []).flatMap((country, r) => (typeof country === 'string' && hubs.has(country) ? [[data.rows[r]![c], country]] : [])),
        );
        expect(links.map(([text]) => text).sort()).toEqual(expected.map(([text]) => text).sort());
        for (const [text, href] of links) {
          const country = expected.find(([name]) => name === text)![1];
          expect(href).toBe(`${BASE}countries/${country}/`);
        }
      }
    });

    it('mark numeric cells with the value they sort by', () => {
      for (const { table } of dataTables(page)) {
        for (const td of byTag(table, 'td').filter((cell) => hasClass(cell, 'num'))) {
          const cell = parseCell(visibleText(td));
          expect(attr(td, 'data-value')).toBe(cell.type === 'text' ? undefined : String(cell.value));
        }
      }
    });

    it('show a declared chart as a figure: an image with a text alternative, a caption and a link to its table', () => {
      for (const { table, figure } of dataTables(page)) {
        const caption = visibleText(byTag(table, 'caption')[0]!);
        const data = tables.find(({ data: candidate }) => [candidate.caption, candidate.title].includes(caption))!.data;
        expect(Boolean(figure), caption).toBe(Boolean(data.chart));
        if (!figure) continue;
        const canvas = byTag(figure, 'canvas')[0]!;
        expect(attr(canvas, 'role')).toBe('img');
        expect(attr(canvas, 'aria-label')).toMatch(/^Bar chart of .+ by .+\. Highest: .+\. Lowest: .+\./);
        expect(attr(figure, 'data-print')).toBe('hide');
        const figcaption = byTag(figure, 'figcaption')[0]!;
        expect(byTag(figcaption, 'a').map((a) => attr(a, 'href'))).toContain(`#${attr(table, 'id')}`);
        if (data.chart!.series.some((series) => 'computed' in series)) {
          expect(visibleText(figcaption)).toContain("computed from the source's figures");
        }
      }
    });
  });
});

describe('the defence-budget chart', () => {
  it('groups the 2023 budget and the projected 2024 budget, computed from the change column', () => {
    const page = loadPage('assessments/russia-treaty-north-korea/index.html');
    const figure = first(page.document, (element) => element.tagName === 'figure' && attr(element, 'data-table-chart') !== undefined)!;
    const chart = JSON.parse(attr(figure, 'data-chart')!) as { categories: string[]; series: { label: string; values: number[]; computed: boolean }[] };
    expect(chart).toEqual({
      categories: ['South Korea', 'Japan', 'China'],
      axis: { type: 'money', currency: 'USD' },
      series: [
        { label: 'Current Defense Budget (2023)', values: [50e9, 49e9, 250e9], computed: false },
        { label: 'Projected Defense Budget (2024), computed', values: [52.5e9, 53.9e9, 270e9], computed: true },
      ],
    });
    expect(attr(byTag(figure, 'canvas')[0]!, 'aria-label')).toContain('Highest: China, Projected Defense Budget (2024), $270 billion. Lowest: Japan, Current Defense Budget (2023), $49 billion.');
  });
});

describe('/data/', () => {
  const page = loadPage('data/index.html');
  const main = first(page.document, (element) => element.tagName === 'main')!;

  it('lists every table by its title, linked to the table on its page, with its document, source section and downloads', () => {
    const entries = byTag(main, 'li').filter((li) => hasClass(li, 'data-item'));
    expect(entries).toHaveLength(tables.length);
    for (const { id, data } of tables) {
      const entry = entries.find((li) => visibleText(byTag(li, 'a')[0]!) === data.title && byTag(li, 'a').some((a) => attr(a, 'href') === `${BASE}data/${id}.csv`));
      expect(entry, id).toBeDefined();
      const slug = id.split('/')[0]!;
      const links = byTag(entry!, 'a').map((a) => attr(a, 'href')!);
      expect(links).toEqual(expect.arrayContaining([`${BASE}assessments/${slug}/#${data.section}`, `${BASE}assessments/${slug}/`, `${BASE}data/${id}.json`]));
      // The table itself, with its chart, is on its document's page, where the first link leads.
      const [path, anchor] = links[0]!.split('#');
      const target = loadPage(fileForPath(path!)!);
      const table = byTag(target.document, 'table').find((element) => attr(element, 'id') === anchor);
      expect(table && visibleText(byTag(table, 'caption')[0]!), links[0]).toBe(data.caption);
      for (const link of links.filter((href) => href.startsWith(`${BASE}data/`))) expect(fileForPath(link), link).toBeDefined();
    }
    // Tables are not repeated here: /data/ stays small however many there are.
    expect(byTag(main, 'table')).toHaveLength(0);
  });

  it('is in the main navigation', () => {
    const nav = byTag(loadPage('index.html').document, 'nav').find((element) => attr(element, 'aria-label') === 'Main')!;
    expect(byTag(nav, 'a').map((a) => [visibleText(a), attr(a, 'href')])).toContainEqual(['Data', `${BASE}data/`]);
  });
});

// ---------------------------------------------------------------------------------------------
// JavaScript: what each page loads, following imports and the script URLs a loader may add.

const jsFiles = listFiles().filter((file) => /\.m?js$/.test(file) && !file.startsWith('pagefind/'));
const isChartJs = (file: string) => readFileSync(join(DIST, file), 'utf8').includes('Chart.js v4');
const chartJsFiles = jsFiles.filter(isChartJs);

interface Script {
  readonly name: string;
  readonly code: string;
}

/** The scripts a page runs as it loads: inline ones and those with src, plus their static imports. */
function staticScripts(page: Page): Script[] {
  const seen = new Set<string>();
  const out: Script[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    out.push({ name: file, code });
    for (const [, specifier] of code.matchAll(/\bimport\s*(?:[\w{},*\s]+from\s*)?["'`]([^"'`]+)["'`]/g)) visit(resolveJs(file, specifier!));
  };
  byTag(page.document, 'script').forEach((script, index) => {
    const src = attr(script, 'src');
    if (src) visit(fileForPath(src)!);
    else out.push({ name: `inline script ${index + 1}`, code: script.childNodes.map((node) => ('value' in node ? node.value : '')).join('') });
  });
  return out;
}

function resolveJs(from: string, specifier: string): string {
  const url = new URL(specifier, `http://site.invalid/${from}`);
  return url.pathname.slice(1);
}

/** Script files the given code could load later: dynamic imports and script URLs it names. */
function lazyReferences(scripts: readonly Script[]): string[] {
  const files = scripts.flatMap((script) =>
    [...script.code.matchAll(/["'`]([^"'`]*?\/?_astro\/[^"'`]+\.m?js)["'`]/g)].map((match) => fileForPath(match[1]!.startsWith('/') ? match[1]! : `${BASE}${match[1]!}`) ?? match[1]!),
  );
  return [...new Set(files)];
}

describe('shipped JavaScript', () => {
  it('bundles Chart.js once, into one file loaded on demand', () => {
    expect(chartJsFiles).toHaveLength(1);
  });

  describe.each(pages.map((page) => [page.file, page] as const))('%s', (_file, page) => {
    const scripts = staticScripts(page);
    const hasChart = elements(page.document).some((element) => attr(element, 'data-table-chart') !== undefined);
    const hasSortable = byTag(page.document, 'table').some((table) => attr(table, 'data-sortable') !== undefined);

    it('runs no Chart.js code as it loads', () => {
      expect(scripts.filter((script) => script.code.includes('Chart.js v4')).map((script) => script.name)).toEqual([]);
    });

    it(hasChart ? 'names Chart.js only in the loader that adds it near the chart' : 'has no chart and references no Chart.js code at all', () => {
      const lazy = lazyReferences(scripts);
      expect(lazy.filter((file) => chartJsFiles.includes(file))).toEqual(hasChart ? chartJsFiles : []);
      // Nothing else is loaded lazily: every file named exists.
      for (const file of lazy) expect(jsFiles, file).toContain(file);
    });

    it('has the sort script only when it has a sortable table', () => {
      expect(scripts.some((script) => script.code.includes('data-sortable'))).toBe(hasSortable);
    });

    // The whole page's budget is checked in structure.test.ts, with every feature's scripts.
    it('keeps the sort script within its own budget', () => {
      const sort = scripts.find((script) => script.code.includes('data-sortable'));
      if (sort) expect(gzipSync(sort.code, { level: 9 }).length).toBeLessThanOrEqual(512);
    });
  });
});
