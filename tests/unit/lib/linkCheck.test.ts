import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BuiltFile, checkLinks, formatBrokenLinks } from '../../../src/lib/linkCheck.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures/site');

/** The fixture folder as the build hook reads dist/: every file, HTML with its text. */
function readSite(dir: string): BuiltFile[] {
  const files: BuiltFile[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const file = relative(dir, full).split(sep).join('/');
        files.push({ file, html: file.endsWith('.html') ? readFileSync(full, 'utf8') : undefined });
      }
    }
  };
  walk(dir);
  return files.sort((a, b) => (a.file < b.file ? -1 : 1));
}

describe('checkLinks over a built site (fixture)', () => {
  const broken = checkLinks(readSite(FIXTURE), { base: '/', site: 'https://atlas.example' });
  const lines = broken.map((item) => `${item.page}: ${item.link}: ${item.reason}`);

  it('reports exactly the broken links, each with its page, its markup and why', () => {
    expect(lines).toEqual([
      'assessments/alpha/index.html: <a href="/assessments/beta/#gone">: no element has the id "gone" on assessments/beta/index.html',
      'assessments/alpha/index.html: <a href="/assessments/gamma/">: no page or file is built at /assessments/gamma/',
      'assessments/alpha/index.html: <a href="/assessments/beta">: /assessments/beta is a folder: end the link with "/" (/assessments/beta/)',
      'assessments/alpha/index.html: <a href="#missing-here">: no element has the id "missing-here" on this page',
      'assessments/alpha/index.html: <a href="/other-site/page/">: no page or file is built at /other-site/page/',
      'index.html: <img srcset="/favicon.svg 1x, /favicon-2x.png 2x">: no page or file is built at /favicon-2x.png',
    ]);
  });

  it('accepts what works: pages, files, fragments across pages, aliases, #top, queries, this site by absolute URL', () => {
    const fine = [
      '/assessments/alpha/"',
      'assessments/alpha/#findings',
      '#top',
      '?highlight=x#findings',
      'https://atlas.example/assessments/alpha/#outlook',
      '#old-findings',
      '%E2%82%AC',
      '#legacy',
      'http-equiv="refresh"',
      '/sources/alpha.txt',
      '/_astro/site.css',
    ];
    for (const part of fine) expect(lines.filter((line) => line.includes(part)), part).toEqual([]);
  });

  it('leaves other hosts and other schemes alone', () => {
    expect(lines.join('\n')).not.toMatch(/elsewhere\.example|mailto:/);
  });

  it('checks meta refresh targets and canonical links like any other link', () => {
    const files = readSite(FIXTURE).map((file) =>
      file.file === 's/alpha/findings/index.html' ? { ...file, html: file.html!.replaceAll('#findings', '#findngs') } : file,
    );
    const found = checkLinks(files, { site: 'https://atlas.example' }).filter((item) => item.page === 's/alpha/findings/index.html');
    expect(found.map((item) => item.link)).toEqual([
      '<meta http-equiv="refresh" content="0; url=/assessments/alpha/#findngs">',
      '<link href="https://atlas.example/assessments/alpha/#findngs">',
      '<a href="/assessments/alpha/#findngs">',
    ]);
  });
});

describe('base path', () => {
  const page = (links: string[]) => `<!doctype html><title>x</title>${links.map((href) => `<a href="${href}">x</a>`).join('')}<h2 id="here">Here</h2>`;
  const files: BuiltFile[] = [
    { file: 'index.html', html: page(['/atlas/docs/', '/atlas/docs/#here', 'docs/#here', '/docs/', '/atlas/docs/#nowhere', 'https://atlas.example/atlas/docs/', 'https://atlas.example/docs/']) },
    { file: 'docs/index.html', html: page(['../', '#here']) },
  ];

  it('requires links to stay below the base path, and resolves relative links from the page', () => {
    const broken = checkLinks(files, { base: '/atlas', site: 'https://atlas.example/atlas/' });
    expect(broken.map((item) => `${item.page} ${item.link}: ${item.reason}`)).toEqual([
      "index.html <a href=\"/docs/\">: /docs/ is outside the site's base path /atlas/; build the link with the helpers in src/lib/urls.ts",
      'index.html <a href="/atlas/docs/#nowhere">: no element has the id "nowhere" on docs/index.html',
      "index.html <a href=\"https://atlas.example/docs/\">: /docs/ is outside the site's base path /atlas/; build the link with the helpers in src/lib/urls.ts",
    ]);
  });

  it('works without a configured site: only relative and root-relative links are this site', () => {
    const broken = checkLinks(files, { base: '/atlas/' });
    expect(broken.map((item) => item.link)).toEqual(['<a href="/docs/">', '<a href="/atlas/docs/#nowhere">']);
  });
});

describe('formatBrokenLinks', () => {
  it('groups by page and says how to fix them', () => {
    const text = formatBrokenLinks(
      [
        { page: 'a/index.html', link: '<a href="/b/#x">', reason: 'no element has the id "x" on b/index.html' },
        { page: 'a/index.html', link: '<a href="/c/">', reason: 'no page or file is built at /c/' },
        { page: 'index.html', link: '<a href="/d">', reason: '/d is a folder: end the link with "/" (/d/)' },
      ],
      'dist',
    );
    expect(text).toBe(
      [
        '3 broken internal links:',
        '  dist/a/index.html',
        '    <a href="/b/#x">: no element has the id "x" on b/index.html',
        '    <a href="/c/">: no page or file is built at /c/',
        '  dist/index.html',
        '    <a href="/d">: /d is a folder: end the link with "/" (/d/)',
        "Fix each link where it is written: in content/assessments/<slug>.mdx for a link in the text of an assessment, in src/ for the site's own. A renamed section keeps its old links working with `aliases: { old-id: new-id }` in the assessment's front matter.",
      ].join('\n'),
    );
  });
});
