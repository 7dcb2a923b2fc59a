/**
 * The worker thread of src/integrations/outputs.ts: draws social cards (a document's and its
 * sections', from its front matter, while Astro is still rendering pages) and PDFs (from the finished pages). Each worker
 * parses the fonts once and keeps its shaping memo for all the documents it is given.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { readExistingMdx } from '../ingest/frontmatter.ts';
import { SITE_NAME } from '../data/site.ts';
import { cacheKey, cached, codeVersion } from './build-cache.ts';
import { cardPng } from '../lib/cards/card.ts';
import { FONT_FILES, missingGlyphs } from '../lib/cards/fonts.ts';
import { cardInput } from '../lib/cards/input.ts';
import { pdfDocumentFromHtml } from '../lib/pdf/model.ts';
import { PDF_PLACEHOLDER } from '../lib/pdf/placeholder.ts';
import { cardPath } from '../lib/urls.ts';
import { renderPdf } from '../lib/pdf/render.ts';
import { frontMatterSchema, plainRefs } from '../lib/schemas.ts';

export type OutputTask =
  | { kind: 'cards'; /** The document's MDX file. */ source: string; /** The output root the PNGs go under (at their cardPath). */ root: string }
  | {
      kind: 'pdf';
      /** The built page, read unless its `html` is given. */
      page: string;
      html?: string | undefined;
      /** The output root and the site's base path, which the page's PDF link starts with. */
      out: string;
      base: string;
    };

export type OutputResult =
  | { kind: 'cards'; /** Cards drawn: the document's and one per section (none for a page Astro will refuse). */ count: number; warning?: string | undefined }
  /** `href` is the page's PDF link; none when the page has no placeholder (PdfDownload) and so asks for no PDF. */
  | { kind: 'pdf'; href?: undefined }
  | { kind: 'pdf'; href: string; pages: number; bytes: number };

// Code and fonts are part of every cache key: a change to either draws every output anew.
const fonts = [FONT_FILES.regular, FONT_FILES.bold, FONT_FILES.italic];
const CARD_VERSION = codeVersion([...['card', 'canvas', 'raster', 'text', 'fonts'].map((name) => `src/lib/cards/${name}.ts`), ...fonts]);
// A PDF's key is its page's HTML, so the code that reads the page (model.ts and what it imports) is part of it.
const PDF_VERSION = codeVersion([...['pdf/render', 'pdf/model', 'html', 'ids', 'cards/fonts'].map((name) => `src/lib/${name}.ts`), ...fonts]);
const schema = frontMatterSchema(plainRefs);

/** Pages in a PDF as readers see it: the count in its page tree root. */
function pageCountOf(bytes: Buffer): number {
  const match = /\/Type \/Pages\s*\/Count (\d+)/.exec(bytes.toString('latin1'));
  if (!match) throw new Error('no page count in the PDF');
  return Number(match[1]);
}

async function cards(task: Extract<OutputTask, { kind: 'cards' }>): Promise<OutputResult> {
  const { matter } = readExistingMdx(await readFile(task.source, 'utf8'));
  const parsed = schema.safeParse(matter);
  // Astro's own content check reports a bad page with its field; no card is needed for it then.
  if (!parsed.success) return { kind: 'cards', count: 0 };
  const { data } = parsed;
  const version = await CARD_VERSION;
  const drawn = [{ input: cardInput(data), file: cardPath(data.slug) }, ...data.sections.map((section) => ({ input: cardInput(data, section.title), file: cardPath(data.slug, section.id) }))];
  await mkdir(join(task.root, dirname(drawn.at(-1)!.file)), { recursive: true });
  for (const { input, file } of drawn) {
    await writeFile(join(task.root, file), await cached('cards', cacheKey(version, JSON.stringify(input)), async () => cardPng(input)));
  }
  const missing = missingGlyphs(drawn.map(({ input }) => input.title).join(' '));
  return {
    kind: 'cards',
    count: drawn.length,
    warning:
      missing.length > 0
        ? `${task.source}: the social cards leave out ${missing.join('')}: the shipped font (Noto Sans, src/assets/fonts/) has no glyphs for them; add a font that covers them there.`
        : undefined,
  };
}

async function pdf(task: Extract<OutputTask, { kind: 'pdf' }>): Promise<OutputResult> {
  const html = task.html ?? (await readFile(task.page, 'utf8'));
  const href = PDF_PLACEHOLDER.exec(html)?.[1];
  if (href === undefined) return { kind: 'pdf' };
  if (!href.startsWith(task.base)) throw new Error(`the PDF link ${href} is outside the base path ${task.base}`);
  // Keyed by the page itself, so a rebuild reuses the PDF of an unchanged page without parsing it.
  const bytes = await cached('pdf', cacheKey(await PDF_VERSION, html), async () => {
    const model = pdfDocumentFromHtml(html, task.page);
    return (await renderPdf(model, { date: model.date, siteName: SITE_NAME })).bytes;
  });
  const target = join(task.out, href.slice(task.base.length));
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, bytes);
  return { kind: 'pdf', href, pages: pageCountOf(bytes), bytes: bytes.length };
}

parentPort!.on('message', async ({ task }: { task: OutputTask }) => {
  try {
    parentPort!.postMessage({ result: task.kind === 'cards' ? await cards(task) : await pdf(task) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
