/**
 * The social card of a page: a 1200x630 PNG that chat clients and social sites show with a
 * shared link. Site name, kind, title and date, dark text on a light card with a strong accent band, so it reads
 * the same in light and dark clients (the card carries its own background).
 * Layout by satori (HTML/CSS flexbox to SVG, text as outlines of the shipped font), pixels by
 * resvg; neither needs a browser, and the same input gives the same bytes.
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { fontData } from './fonts.ts';
import { encodePng } from './png.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardInput {
  siteName: string;
  /** "Assessment", "Article". */
  kindLabel: string;
  /** The big line: the document's title. */
  title: string;
  /** With its label, as the page shows it ("Updated 1 June 2024"); omitted when the document states none. */
  date?: string | undefined;
}

const INK = '#14213d';
const MUTED = '#4a5568';
const ACCENT = '#1d4ed8';
const PAPER = '#ffffff';

/** Long titles get a smaller size rather than being cut. */
function titleSize(title: string): number {
  const length = [...title].length;
  if (length <= 50) return 64;
  if (length <= 90) return 54;
  if (length <= 140) return 44;
  return 36;
}

/** Keeps a very long line to what fits the card, cut at a word. */
function clip(text: string, max: number): string {
  if ([...text].length <= max) return text;
  const cut = [...text].slice(0, max).join('');
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).trimEnd()}…`;
}

type Node = { type: string; props: Record<string, unknown> & { children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({ type, props: { style, children } });

export async function cardSvg(input: CardInput): Promise<string> {
  const title = clip(input.title, 200);
  const tree = el(
    'div',
    { width: '100%', height: '100%', display: 'flex', flexDirection: 'column', backgroundColor: PAPER, fontFamily: 'Noto Sans', color: INK },
    [
      el('div', { display: 'flex', height: 24, backgroundColor: ACCENT }),
      el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '48px 72px 56px' }, [
        el('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: 30 }, [
          el('div', { display: 'flex', fontWeight: 700, color: ACCENT }, input.siteName),
          el(
            'div',
            { display: 'flex', fontWeight: 700, fontSize: 24, letterSpacing: 2, color: PAPER, backgroundColor: INK, padding: '6px 16px', borderRadius: 6 },
            input.kindLabel.toUpperCase(),
          ),
        ]),
        el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center' }, [
          el('div', { display: 'flex', fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.15 }, title),
        ]),
        el('div', { display: 'flex', fontSize: 28, color: MUTED }, input.date ?? ''),
      ]),
    ],
  );
  const fonts = fontData();
  return satori(tree as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: [
      { name: 'Noto Sans', data: fonts.regular, weight: 400, style: 'normal' },
      { name: 'Noto Sans', data: fonts.bold, weight: 700, style: 'normal' },
    ],
  });
}

export async function cardPng(input: CardInput): Promise<Buffer> {
  const image = new Resvg(await cardSvg(input), { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render();
  return encodePng(image.pixels, image.width, image.height);
}
