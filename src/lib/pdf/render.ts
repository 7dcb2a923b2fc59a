/**
 * A document's PDF, drawn with pdfkit: title block (title, facts such as kind, dates,
 * reference, authors), contents with links, every section with its heading, lists, tables as
 * tables, then page numbers and the page's URL in every footer. Text is real text in the
 * embedded Noto Sans (selectable, searchable); the file is tagged (PDF/UA structure) with its
 * language and title in the metadata. The same input gives the same bytes: the dates in the
 * file are the document's own, never the build's clock.
 */
import PDFDocument from 'pdfkit';
import { missingGlyphs, parsedFonts } from '../cards/fonts.ts';
import type { Block, PdfDocument } from './model.ts';

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

const MARGIN = 64;
const INK = '#111111';
const MUTED = '#444444';

/** Every character the PDF will draw, to refuse a document whose text the font cannot show. */
function allText(doc: PdfDocument): string {
  const blockText = (block: Block) =>
    block.type === 'list' ? block.items.join(' ') : block.type === 'table' ? [block.caption, ...block.head, ...block.rows.flat()].join(' ') : block.text;
  return [doc.title, ...doc.facts, doc.byline ?? '', ...doc.lede.map(blockText), ...doc.sections.flatMap((s) => [s.title, ...s.blocks.map(blockText)])].join(' ');
}

export function renderPdf(doc: PdfDocument, options: { date?: Date | undefined; siteName: string }): Promise<RenderedPdf> {
  const missing = missingGlyphs(allText(doc));
  if (missing.length > 0) {
    return Promise.reject(new Error(`the shipped font (Noto Sans) has no glyphs for ${missing.slice(0, 12).join('')}${missing.length > 12 ? '…' : ''}`));
  }
  // Fixed dates keep the bytes (and pdfkit's file ID, a hash of them) the same on every build.
  const date = options.date ?? new Date(0);
  // Parsed once per process: parsing and the shaping tables' first use cost more than drawing a document.
  const fonts = parsedFonts();
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    tagged: true,
    // @types/pdfkit 0.17 lacks the PDF/UA subset that pdfkit 0.20 has.
    subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
    pdfVersion: '1.7',
    lang: doc.lang,
    displayTitle: true,
    autoFirstPage: true,
    info: { Title: doc.title, Author: doc.authors.length > 0 ? doc.authors.join(', ') : options.siteName, Creator: options.siteName, Producer: options.siteName, CreationDate: date, ModDate: date },
    // No default font: pdfkit would otherwise open Helvetica (not embedded) first.
    font: fonts.regular as never,
  });
  pdf.registerFont('body', fonts.regular as never);
  pdf.registerFont('bold', fonts.bold as never);
  pdf.registerFont('italic', fonts.italic as never);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const width = pdf.page.width - 2 * MARGIN;
  const root = pdf.struct('Document');
  pdf.addStructure(root);

  const para = (parent: ReturnType<typeof pdf.struct>, type: string, font: string, size: number, value: string, gap: number, color = INK, extra: PDFKit.Mixins.TextOptions = {}) => {
    pdf.font(font).fontSize(size).fillColor(color);
    parent.add(pdf.struct(type, {}, () => { pdf.text(value, { width, lineGap: 2, ...extra }); }));
    pdf.moveDown(gap);
  };

  para(root, 'H1', 'bold', 22, doc.title, 0.4);
  for (const fact of doc.facts) para(root, 'P', 'body', 10.5, fact, 0.1, MUTED);
  if (doc.byline) para(root, 'P', 'body', 10.5, doc.byline, 0.1, INK);
  para(root, 'P', 'body', 9.5, doc.url, 0.8, MUTED, { link: doc.url, underline: false });

  if (doc.sections.length > 1) {
    const toc = pdf.struct('TOC');
    root.add(toc);
    pdf.font('bold').fontSize(13).fillColor(INK);
    toc.add(pdf.struct('Caption', {}, () => { pdf.text('Contents', { width }); }));
    pdf.moveDown(0.3);
    doc.sections.forEach((section, index) => {
      pdf.font('body').fontSize(10.5).fillColor(INK);
      toc.add(pdf.struct('TOCI', {}, () => { pdf.text(`${index + 1}. ${section.title}`, { width, goTo: `s${index}`, indent: 8, lineGap: 1 }); }));
    });
    pdf.moveDown(1);
  }

  const blocks = (parent: ReturnType<typeof pdf.struct>, list: Block[]) => {
    for (const block of list) {
      if (block.type === 'paragraph') para(parent, 'P', 'body', 11, block.text, 0.6);
      else if (block.type === 'quote') para(parent, 'BlockQuote', 'italic', 11, block.text, 0.6, MUTED, { indent: 16 });
      else if (block.type === 'heading') para(parent, 'H3', 'bold', 12, block.text, 0.3);
      else if (block.type === 'list') {
        pdf.font('body').fontSize(11).fillColor(INK);
        pdf.list(block.items, {
          width,
          lineGap: 2,
          paragraphGap: 4,
          listType: block.ordered ? 'numbered' : 'bullet',
          ...(block.ordered ? {} : { bulletRadius: 2 }),
          structParent: parent,
          structTypes: ['L', 'Lbl', 'LBody'],
        } as PDFKit.Mixins.TextOptions);
        pdf.moveDown(0.6);
      } else {
        if (block.caption) para(parent, 'Caption', 'bold', 10.5, block.caption, 0.3);
        const columns = Math.max(block.head.length, ...block.rows.map((row) => row.length), 1);
        const pad = (row: string[]) => Array.from({ length: columns }, (_, i) => row[i] ?? '');
        pdf.font('body').fontSize(9.5).fillColor(INK);
        pdf.table({
          structParent: parent,
          width,
          defaultStyle: { padding: 4, border: 0.5, borderColor: '#999999', font: 'body' },
          rowStyles: (row: number) => (row === 0 && block.head.length > 0 ? { font: 'bold', backgroundColor: '#eeeeee' } : {}),
          data: [...(block.head.length > 0 ? [pad(block.head)] : []), ...block.rows.map(pad)],
        } as unknown as PDFKit.Mixins.TableOptions);
        pdf.x = MARGIN;
        pdf.moveDown(0.8);
      }
    }
  };

  blocks(root, doc.lede);
  doc.sections.forEach((section, index) => {
    const sect = pdf.struct('Sect');
    root.add(sect);
    // Keep a heading with at least a few lines of its text.
    if (pdf.y > pdf.page.height - MARGIN - 90) pdf.addPage();
    pdf.addNamedDestination(`s${index}`);
    pdf.outline.addItem(section.title);
    para(sect, 'H2', 'bold', 15, section.title, 0.4);
    blocks(sect, section.blocks);
    sect.end();
  });
  root.end();

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const y = pdf.page.height - MARGIN / 2 - 6;
    // Footers are page furniture, not text of the document: marked as artifacts for readers.
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf.font('body').fontSize(8.5).fillColor(MUTED);
    pdf.text(`${doc.url}`, MARGIN, y, { width: width * 0.75, lineBreak: false, height: 12 });
    pdf.text(`Page ${i + 1} of ${range.count}`, MARGIN, y, { width, align: 'right', lineBreak: false, height: 12 });
    pdf.endMarkedContent();
  }
  pdf.end();
  return done.then((bytes) => ({ bytes, pages: range.count }));
}
