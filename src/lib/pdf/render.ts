/**
 * A document's PDF, drawn with pdfkit: title block (title, facts such as kind, dates,
 * reference, authors), contents with links, every section with its heading, lists, tables as
 * tables, then page numbers and the page's URL in every footer. Text is real text in the
 * embedded Noto Sans (selectable, searchable); the file is tagged (PDF/UA structure) with its
 * language and title in the metadata. The same input gives the same bytes: the dates in the
 * file are the document's own, never the build's clock.
 */
import PDFDocument from 'pdfkit';
import { missingGlyphs, parsedFonts, type FontkitFont } from '../cards/fonts.ts';
import { runsText, type Block, type PdfDocument, type Run } from './model.ts';

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

const MARGIN = 64;
const INK = '#111111';
const MUTED = '#444444';
const LINE_GAP = 2;
/** A note marker's size against its text's: a superscript, raised by being set top-aligned on the line. */
const MARKER_SCALE = 0.64;
/** Markers the source already wrote as superscript digits ("³") are drawn at text size. */
const SUPERSCRIPT_DIGITS = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u;

/** A piece of a laid-out line: text or a note marker, at `x` from the start of the line. */
interface Span {
  line: number;
  x: number;
  text: string;
  size: number;
  marker: boolean;
  /** The named destination of the note a marker links to. */
  note?: string | undefined;
}

/** The faces a PDF uses, by the names it registers them under with pdfkit. */
type FontName = 'body' | 'bold' | 'italic';
const faces = (): Record<FontName, FontkitFont> => {
  const fonts = parsedFonts();
  return { body: fonts.regular, bold: fonts.bold, italic: fonts.italic };
};

const WIDTH_MEMO_LIMIT = 200_000;
const unitWidths = new Map<FontkitFont, Map<string, number>>();

/** The width at size 1000 of a run of text with no space but perhaps its last character, kept for the process. */
function unitWidth(font: FontkitFont, run: string): number {
  let memo = unitWidths.get(font);
  if (!memo) unitWidths.set(font, (memo = new Map()));
  let width = memo.get(run);
  if (width === undefined) {
    const scale = 1000 / font.unitsPerEm;
    width = 0;
    for (const position of font.layout(run).positions) width += position.xAdvance! * scale;
    if (memo.size < WIDTH_MEMO_LIMIT) memo.set(run, width);
  }
  return width;
}

/**
 * The width of `text` set at size `size`, as pdfkit's `widthOfString` measures it and with the
 * same arithmetic (runs cut after each space, glyph advances scaled to 1000 units and summed),
 * so lines break where pdfkit's own measure would put them. Asking pdfkit instead costs a font
 * switch and a shaping lookup per word, and the layout measures each word up to three times.
 * Runs are kept, not whole texts: a line or a URL is seen once, its words again and again.
 */
function widthOfText(font: FontkitFont, text: string, size: number): number {
  let unit = 0;
  let start = 0;
  for (let index = 0; index <= text.length; index++) {
    if (index < text.length ? text[index] !== ' ' && text[index] !== '\t' : start === index) continue;
    unit += unitWidth(font, text.slice(start, index + 1));
    start = index + 1;
  }
  return unit * (size / 1000);
}

/** Characters after which pdfkit's wrapping must break a line, whatever the room left. */
const FORCED_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/u;

/** Every character the PDF will draw, to refuse a document whose text the font cannot show. */
function allText(doc: PdfDocument): string {
  const blockText = (block: Block): string =>
    block.type === 'list'
      ? block.items.map(runsText).join(' ')
      : block.type === 'table'
        ? [block.caption, ...block.head, ...block.rows.flat()].join(' ')
        : block.type === 'heading'
          ? block.text
          : block.type === 'note'
            ? `${block.label} ${runsText(block.runs)}`
            : runsText(block.runs);
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
  const fonts = faces();
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
    // No default font: pdfkit would otherwise open Helvetica (not embedded) first. Not Noto by
    // object either: pdfkit then never caches the registered names below (it finds the same
    // font under its PostScript name, and compares the two on every later font() call).
    font: null as never,
  });
  // Each with its PostScript name as family: pdfkit's tables switch back to the font they found
  // by object and family, and with no family they open it anew and compare it with the one open
  // (serialising its name table) for every cell they measure and draw.
  for (const [name, font] of Object.entries(fonts)) pdf.registerFont(name, font as never, font.postscriptName);
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const width = pdf.page.width - 2 * MARGIN;
  const root = pdf.struct('Document');
  pdf.addStructure(root);

  /**
   * Text wrapped to `width` from the current position, as pdfkit's wrapping sets it. Most of it
   * (a heading, a fact, an entry of the contents) is one line, which pdfkit's wrapping would
   * draw as one positioned line: that is drawn directly, without the cost of its line breaker,
   * when the text fits with room to spare (pdfkit measures and rounds word by word), needs no
   * new page and has no forced line break.
   */
  const wrapped = (value: string, font: FontName, size: number, options: PDFKit.Mixins.TextOptions & { width: number }) => {
    const { width: lineWidth, indent = 0, lineGap = 0, ...rest } = options;
    const height = pdf.font(font).fontSize(size).currentLineHeight(true);
    const oneLine = !FORCED_BREAK.test(value) && pdf.y + height < pdf.page.maxY() - 0.01 && widthOfText(fonts[font], value, size) < lineWidth - indent - 0.01;
    if (!oneLine) {
      pdf.text(value, options);
      return;
    }
    const x = pdf.x;
    pdf.text(value, x + indent, pdf.y, { ...rest, lineBreak: false });
    pdf.x = x;
    pdf.y += height + lineGap;
  };

  const para = (parent: ReturnType<typeof pdf.struct>, type: string, font: FontName, size: number, value: string, gap: number, color = INK, extra: PDFKit.Mixins.TextOptions = {}) => {
    pdf.font(font).fontSize(size).fillColor(color);
    parent.add(pdf.struct(type, {}, () => { wrapped(value, font, size, { width, lineGap: 2, ...extra }); }));
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
    toc.add(pdf.struct('Caption', {}, () => { wrapped('Contents', 'bold', 13, { width }); }));
    pdf.moveDown(0.3);
    doc.sections.forEach((section, index) => {
      pdf.font('body').fontSize(10.5).fillColor(INK);
      toc.add(pdf.struct('TOCI', {}, () => { wrapped(`${index + 1}. ${section.title}`, 'body', 10.5, { width, goTo: `s${index}`, indent: 8, lineGap: 1 }); }));
    });
    pdf.moveDown(1);
  }

  type Struct = ReturnType<typeof pdf.struct>;
  interface Style {
    font: FontName;
    size: number;
    color: string;
    /** From the left margin. */
    indent: number;
  }
  const lineHeightOf = (style: Style) => pdf.font(style.font).fontSize(style.size).currentLineHeight(true);

  /**
   * The line tops of one block of running text, from the current position: asking for line n
   * moves down to it, onto a new page when it would not fit (open tags continue there).
   * `destination` names the block's first line for links.
   */
  const lineTops = (style: Style, destination?: string) => {
    const height = lineHeightOf(style);
    let line = -1;
    let top = pdf.y;
    return (n: number) => {
      for (; line < n; line++) {
        if (line >= 0) top += height + LINE_GAP;
        if (top + height > pdf.page.maxY()) {
          pdf.continueOnNewPage();
          top = pdf.page.margins.top;
        }
        if (line === -1 && destination !== undefined) pdf.addNamedDestination(destination, 'XYZ', MARGIN, top, null);
      }
      return top;
    };
  };

  /**
   * Runs set in lines `width` wide. Done here rather than by pdfkit's wrapping: that breaks
   * before a marker as readily as at a space ("fuel." at the end of a line, "[1]" starting the
   * next) and advances a line ending in a marker by the marker's smaller height. A marker
   * belongs to the word it follows; a word longer than a line (a URL in a note) is cut where
   * the line ends.
   */
  const layout = (runs: Run[], style: Style, width: number): Span[] => {
    // Each piece and word measured once: a paragraph asks for the same widths again and again.
    type Piece = Omit<Span, 'line' | 'x'> & { width: number };
    const piece = (text: string, size: number, marker: boolean, note?: string): Piece => ({ text, size, marker, note, width: widthOfText(fonts[style.font], text, size) });
    const widthOfWord = (word: Piece[]) => word.reduce((sum, part) => sum + part.width, 0);
    const words: Piece[][] = [];
    let open = false;
    const add = (part: Piece) => {
      if (open) words.at(-1)!.push(part);
      else words.push([part]);
      open = true;
    };
    for (const run of runs) {
      if (run.type === 'noteref') {
        add(piece(run.text, SUPERSCRIPT_DIGITS.test(run.text) ? style.size : style.size * MARKER_SCALE, true, run.note));
        continue;
      }
      run.text.split(' ').forEach((part, index) => {
        if (index > 0) open = false;
        if (part !== '') add(piece(part, style.size, false));
      });
    }
    const fitted: { pieces: Piece[]; width: number }[] = [];
    for (const word of words) {
      const whole = widthOfWord(word);
      if (whole <= width) {
        fitted.push({ pieces: word, width: whole });
        continue;
      }
      const cut: Piece[][] = [[]];
      let used = 0;
      for (const part of word) {
        let chunk = '';
        for (const char of part.marker ? [part.text] : [...part.text]) {
          const w = widthOfText(fonts[style.font], char, part.size);
          if (used > 0 && used + w > width) {
            if (chunk !== '') cut.at(-1)!.push(piece(chunk, part.size, part.marker, part.note));
            cut.push([]);
            chunk = '';
            used = 0;
          }
          chunk += char;
          used += w;
        }
        if (chunk !== '') cut.at(-1)!.push(piece(chunk, part.size, part.marker, part.note));
      }
      for (const pieces of cut) if (pieces.length > 0) fitted.push({ pieces, width: widthOfWord(pieces) });
    }

    const spans: Span[] = [];
    const space = piece(' ', style.size, false);
    let line = 0;
    let x = 0;
    const put = (part: Piece) => {
      const last = spans.at(-1);
      if (!part.marker && last && !last.marker && last.line === line) last.text += part.text;
      else spans.push({ line, x, text: part.text, size: part.size, marker: part.marker, note: part.note });
      x += part.width;
    };
    fitted.forEach((word, index) => {
      if (index > 0 && x + space.width + word.width > width + 0.01) {
        line++;
        x = 0;
      } else if (index > 0) put(space);
      for (const part of word.pieces) put(part);
    });
    return spans;
  };

  /** Draws runs into the tag `into`, a marker with a note as a Link to it; leaves the position below the text. */
  const setRuns = (into: Struct, runs: Run[], style: Style, top: (line: number) => number, offset = 0) => {
    const x0 = MARGIN + style.indent + offset;
    const spans = layout(runs, style, width - style.indent - offset);
    /**
     * Spans of one tag's content. The colour is set once, not for every line (each setting is
     * bytes to write and compress), and again on a new page, which starts in black; so only
     * once the line's top is known, since asking for it may be what starts the new page.
     */
    const paint = (spans: Span[]) => {
      let coloured: PDFKit.PDFPage | undefined;
      for (const span of spans) {
        const y = top(span.line);
        if (pdf.page !== coloured) {
          pdf.fillColor(style.color);
          coloured = pdf.page;
        }
        pdf.font(style.font).fontSize(span.size).text(span.text, x0 + span.x, y, { lineBreak: false });
      }
    };
    let group: Span[] = [];
    const flush = () => {
      const spansOfGroup = group;
      group = [];
      if (spansOfGroup.length > 0) into.add(() => paint(spansOfGroup));
    };
    for (const span of spans) {
      if (span.note === undefined) {
        group.push(span);
        continue;
      }
      flush();
      const link = pdf.struct('Link');
      into.add(link);
      link.add(() => paint([span]));
      const w = widthOfText(fonts[style.font], span.text, span.size);
      // The whole line's height: a target the size of the small marker alone is hard to hit.
      pdf.goTo(x0 + span.x, top(span.line), w, lineHeightOf(style), span.note, { structParent: link } as PDFKit.Mixins.AnnotationOption);
      link.end();
    }
    flush();
    pdf.x = MARGIN;
    // Also leaves the text's font and size current, which the gap after the block is measured in.
    pdf.y = top(spans.at(-1)?.line ?? 0) + lineHeightOf(style) + LINE_GAP;
  };

  const prose = (parent: Struct, type: string, runs: Run[], style: Style, gap: number) => {
    const element = pdf.struct(type);
    parent.add(element);
    setRuns(element, runs, style, lineTops(style));
    element.end();
    pdf.moveDown(gap);
  };

  /** A list item or a note: its label in a column of `labelWidth`, its text beside it. */
  const item = (list: Struct, label: string, runs: Run[], style: Style, labelWidth: number, destination?: string) => {
    const li = pdf.struct('LI');
    list.add(li);
    const top = lineTops(style, destination);
    const lbl = pdf.struct('Lbl');
    li.add(lbl);
    lbl.add(() => {
      // The top first: it may start a new page, where the colour must be set again.
      const y = top(0);
      pdf.font(style.font).fontSize(style.size).fillColor(style.color).text(label, MARGIN + style.indent, y, { lineBreak: false });
    });
    lbl.end();
    const body = pdf.struct('LBody');
    li.add(body);
    setRuns(body, runs, style, top, labelWidth);
    body.end();
    li.end();
  };
  const labelColumn = (labels: string[], style: Style) => Math.max(14, ...labels.map((label) => widthOfText(fonts[style.font], label, style.size) + 6));

  const BODY: Style = { font: 'body', size: 11, color: INK, indent: 0 };
  const NOTE: Style = { font: 'body', size: 10, color: INK, indent: 0 };

  const blocks = (parent: Struct, list: Block[]) => {
    list.forEach((block, index) => {
      // Text among the notes (an uncited entry, a note's second line) is set as they are.
      if (block.type === 'paragraph') prose(parent, 'P', block.runs, list.slice(0, index).some((before) => before.type === 'note') ? NOTE : BODY, 0.6);
      else if (block.type === 'quote') prose(parent, 'BlockQuote', block.runs, { font: 'italic', size: 11, color: MUTED, indent: 16 }, 0.6);
      else if (block.type === 'heading') para(parent, 'H3', 'bold', 12, block.text, 0.3);
      else if (block.type === 'note') {
        // Consecutive notes are one numbered list, their numbers in one column.
        if (list[index - 1]?.type === 'note') return;
        const notes: Extract<Block, { type: 'note' }>[] = [];
        for (let next = list[index]; next?.type === 'note'; next = list[index + notes.length]) notes.push(next);
        const column = labelColumn(notes.map((note) => note.label), NOTE);
        const element = pdf.struct('L');
        parent.add(element);
        for (const note of notes) {
          item(element, note.label, note.runs, NOTE, column, note.id);
          pdf.y += 3;
        }
        element.end();
        pdf.moveDown(0.6);
      } else if (block.type === 'list') {
        const labels = block.items.map((_, i) => (block.ordered ? `${block.start + i}.` : '•'));
        const column = labelColumn(labels, BODY);
        const element = pdf.struct('L');
        parent.add(element);
        block.items.forEach((runs, i) => {
          item(element, labels[i]!, runs, { ...BODY, indent: 8 }, column);
          pdf.y += 4;
        });
        element.end();
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
    });
  };

  blocks(root, doc.lede);
  doc.sections.forEach((section, index) => {
    const sect = pdf.struct('Sect');
    root.add(sect);
    // Keep a heading with at least a few lines of its text.
    if (pdf.y > pdf.page.height - MARGIN - 90) pdf.addPage();
    pdf.addNamedDestination(`s${index}`, 'XYZ', MARGIN, pdf.y, null);
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
