import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type AnchorLock,
  type LockResult,
  aliasesSchema,
  parseAnchorLock,
  resolveAnchor,
  serializeAnchorLock,
  updateAnchorLock,
} from '../../../src/lib/anchorLock.ts';

interface Case {
  name: string;
  committed: AnchorLock;
  current: Record<string, string[]>;
  aliases: Record<string, Record<string, string>>;
  expected: LockResult;
}

const cases = JSON.parse(readFileSync(new URL('./fixtures/anchor-lock-cases.json', import.meta.url), 'utf8')) as Case[];

describe('updateAnchorLock (fixtures)', () => {
  it.each(cases)('$name', ({ committed, current, aliases, expected }) => {
    expect(updateAnchorLock(committed, current, aliases)).toEqual(expected);
  });

  it('never drops an id from the lock, even when the build fails', () => {
    for (const { committed, current, aliases } of cases) {
      const { lock } = updateAnchorLock(committed, current, aliases);
      for (const [page, ids] of Object.entries(committed)) expect(lock[page]).toEqual(expect.arrayContaining(ids));
    }
  });

  it('names the real files when told where they are', () => {
    const { violations } = updateAnchorLock({ gone: ['a'], doc: ['x'] }, { doc: ['y'] }, {}, {
      lockFile: 'content/anchors.lock.json',
      fileFor: (page) => `content/assessments/${page}/index.mdx`,
    });
    expect(violations.map((v) => v.message)).toEqual([
      'doc: the published anchor #x is gone, so links to it would break. Add `aliases: { x: <new-id> }` to the front matter of content/assessments/doc/index.mdx, replacing <new-id> with the id of the section that now holds that content (current ids: #y).',
      'gone: the page is gone but it was published with the anchors #a. Restore content/assessments/gone/index.mdx, or, if removing it is intended, delete "gone" from content/anchors.lock.json in the same commit.',
    ]);
  });
});

describe('the lock file', () => {
  it('is written with sorted pages and ids, two-space indent and a final newline', () => {
    expect(serializeAnchorLock({ b: ['z', 'a', 'a'], a: ['m'] })).toBe('{\n  "a": [\n    "m"\n  ],\n  "b": [\n    "a",\n    "z"\n  ]\n}\n');
  });

  it('round-trips', () => {
    const lock = { doc: ['intro', 'kj-1'], other: ['x'] };
    expect(parseAnchorLock(serializeAnchorLock(lock))).toEqual(lock);
  });

  it('refuses broken JSON with the file name and what to do', () => {
    expect(() => parseAnchorLock('{ "doc": [', 'content/anchors.lock.json')).toThrow(
      /^content\/anchors\.lock\.json: not valid JSON \(.+\)\. Restore it from version control; it is written by the build\.$/,
    );
  });

  it('refuses the wrong shape with the place of the problem', () => {
    expect(() => parseAnchorLock('{ "doc": ["a", 3] }')).toThrow(/^anchors\.lock\.json at doc\.1: .+\. It should map each page to the list of its ids/);
    expect(() => parseAnchorLock('["a"]')).toThrow(/^anchors\.lock\.json: /);
  });
});

describe('aliases', () => {
  it('an old id lands on its alias target; a current id on itself; anything else nowhere', () => {
    const ids = ['key-judgments', 'outlook'];
    expect(resolveAnchor('implications', ids, { implications: 'outlook' })).toBe('outlook');
    expect(resolveAnchor('outlook', ids, { implications: 'outlook' })).toBe('outlook');
    expect(resolveAnchor('nothing', ids, { implications: 'outlook' })).toBeUndefined();
    expect(resolveAnchor('implications', ids, { implications: 'gone' })).toBeUndefined();
  });

  it('the front matter schema takes ids as they appear after "#"', () => {
    expect(aliasesSchema.parse({ implications: 'outlook', 'outlook--2025': 'перспективы' })).toEqual({
      implications: 'outlook',
      'outlook--2025': 'перспективы',
    });
    const bad = aliasesSchema.safeParse({ '#implications': 'outlook', old: 'new id' });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((issue) => issue.message).join('\n') ?? '';
    expect(messages).toContain('write the old id "#implications" as it appeared after "#" in the URL');
    expect(messages).toContain('point the alias at a current id of this page');
  });
});
