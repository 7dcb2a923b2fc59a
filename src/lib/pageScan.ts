/**
 * One pass over a built page that collects what the build-end checks need: element ids (link
 * fragments), this site's links (the link check), permalink targets and alias targets (the
 * anchor lock). A streaming tokenizer, not a tree: pages are read in chunks and nothing of a
 * page is kept but these lists, so checking thousands of pages costs little time and memory.
 *
 * The tokenizer is parse5's (the WHATWG algorithm), switched into raw-text states after script,
 * style, title, textarea, noscript... as the tree builder does, so text that only looks like
 * markup (a "<a href>" inside a script) is not taken for an element, exactly as parse5's tree.
 */
import { Tokenizer, TokenizerMode, type TokenHandler } from 'parse5';
import { ALIAS_CLASS, ALIAS_FOR, PERMALINK_CLASS, REMOVED_CLASS } from './anchors.ts';
import { decodeFragment } from './html.ts';

export interface PageScan {
  /** Every element id, and every <a name>: fragment targets. */
  ids: Set<string>;
  /** Each URL-valued attribute (and meta refresh), as written and as the URL it holds. */
  links: { link: string; url: string }[];
  /** Ids with a permalink ("#" link of Permalink.astro), in page order. */
  permalinks: string[];
  /** Old id -> the id it now leads to (alias targets placed by section-anchors). */
  aliases: Record<string, string>;
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  form: ['action'],
};

/** Elements whose content the HTML parser reads as text (parse5 runs with scripting on). */
const TEXT_STATES: Record<string, number> = {
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  script: TokenizerMode.SCRIPT_DATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

const hasClass = (value: string | undefined, name: string) => value !== undefined && value.split(/\s+/).includes(name);

/** A scanner to feed a page chunk by chunk; `end()` gives the result. */
export function pageScanner(): { write(chunk: string): void; end(): PageScan } {
  const scan: PageScan = { ids: new Set(), links: [], permalinks: [], aliases: {} };
  let foreignDepth = 0;
  const nothing = () => {};
  const handler: TokenHandler = {
    onComment: nothing,
    onDoctype: nothing,
    onEof: nothing,
    onCharacter: nothing,
    onNullCharacter: nothing,
    onWhitespaceCharacter: nothing,
    onEndTag(token) {
      if (foreignDepth > 0 && (token.tagName === 'svg' || token.tagName === 'math')) foreignDepth -= 1;
      tokenizer.inForeignNode = foreignDepth > 0;
    },
    onStartTag(token) {
      const tag = token.tagName;
      const attr = (name: string) => token.attrs.find((attribute) => attribute.name === name)?.value;
      const id = attr('id');
      if (id !== undefined) scan.ids.add(id);
      // The name attribute of <a> is an old way to make a fragment target; browsers still honour it.
      if (tag === 'a' && attr('name')) scan.ids.add(attr('name')!);
      for (const name of URL_ATTRIBUTES[tag] ?? []) {
        const value = attr(name);
        if (value === undefined) continue;
        const urls = name === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0] ?? '') : [value.trim()];
        for (const url of urls) if (url !== '') scan.links.push({ link: `<${tag} ${name}="${value}">`, url });
      }
      if (tag === 'meta' && attr('http-equiv')?.toLowerCase() === 'refresh') {
        const target = /;\s*url\s*=\s*['"]?([^'"]+)['"]?\s*$/i.exec(attr('content') ?? '')?.[1];
        if (target) scan.links.push({ link: `<meta http-equiv="refresh" content="${attr('content')}">`, url: target.trim() });
      }
      const classes = attr('class');
      if (tag === 'a' && hasClass(classes, PERMALINK_CLASS)) {
        const href = attr('href') ?? '';
        const target = href.startsWith('#') ? decodeFragment(href.slice(1)) : undefined;
        if (target && !scan.permalinks.includes(target)) scan.permalinks.push(target);
      } else if (hasClass(classes, REMOVED_CLASS)) {
        // A section an earlier version had: its id still lands here (src/components/revisions/RemovedSections.astro).
        if (id && !scan.permalinks.includes(id)) scan.permalinks.push(id);
      } else if (hasClass(classes, ALIAS_CLASS)) {
        const target = attr(ALIAS_FOR);
        if (id && target) scan.aliases[id] = target;
      }
      if ((tag === 'svg' || tag === 'math') && !token.selfClosing) foreignDepth += 1;
      tokenizer.inForeignNode = foreignDepth > 0;
      // Inside SVG or MathML, <style> and <title> are ordinary elements.
      if (foreignDepth === 0 && TEXT_STATES[tag] !== undefined) tokenizer.state = TEXT_STATES[tag] as Tokenizer['state'];
    },
  };
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: false }, handler);
  return {
    write: (chunk) => tokenizer.write(chunk, false),
    end() {
      tokenizer.write('', true);
      return scan;
    },
  };
}

export function scanPage(html: string): PageScan {
  const scanner = pageScanner();
  scanner.write(html);
  return scanner.end();
}
