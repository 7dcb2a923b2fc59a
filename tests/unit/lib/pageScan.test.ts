import { describe, expect, it } from 'vitest';
import { pageScanner, scanPage } from '../../../src/lib/pageScan.ts';

const PAGE = `<!doctype html><html lang="en"><head><title>A <a id="t"> title</title>
<script>const s = '<a href="/in-script/" id="in-script">';</script><style>.x::before { content: "<a id=css>"; }</style>
<noscript><a href="/no-js/" id="no-js">x</a></noscript></head><body>
<svg aria-hidden="true"><title>Icon</title><style>path{}</style><g id="glyph"/></svg>
<h2 id="implications">Implications <a class="permalink-anchor" href="#implications">#</a></h2>
<span class="alias-target" id="old-name" data-alias-for="implications"></span>
<a href="/countries/japan/" id="j">Japan</a><a name="legacy">old</a>
<img src="/a.png" srcset="/a.png 1x, /b.png 2x"><meta http-equiv="refresh" content="0; url=/assessments/x/#y">
<template><p id="in-template"></p></template></body></html>`;

describe('one scan of a built page', () => {
  it('collects ids, links, permalinks and aliases as the HTML parser sees the page', () => {
    const scan = scanPage(PAGE);
    expect([...scan.ids].sort()).toEqual(['glyph', 'implications', 'in-template', 'j', 'legacy', 'old-name']);
    expect(scan.links.map((link) => link.url)).toEqual(['#implications', '/countries/japan/', '/a.png', '/a.png', '/b.png', '/assessments/x/#y']);
    expect(scan.permalinks).toEqual(['implications']);
    expect(scan.aliases).toEqual({ 'old-name': 'implications' });
  });

  it('gives the same result whatever the chunks a page is read in', () => {
    const whole = scanPage(PAGE);
    for (const size of [1, 7, 64]) {
      const scanner = pageScanner();
      for (let at = 0; at < PAGE.length; at += size) scanner.write(PAGE.slice(at, at + size));
      const chunked = scanner.end();
      expect([...chunked.ids]).toEqual([...whole.ids]);
      expect(chunked.links).toEqual(whole.links);
      expect(chunked.aliases).toEqual(whole.aliases);
    }
  });
});
