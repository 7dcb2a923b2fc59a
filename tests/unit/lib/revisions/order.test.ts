import { describe, expect, it } from 'vitest';
import { currentVersion, orderVersions, type VersionInput } from '../../../../src/lib/revisions/order.ts';

const sha = (n: number) => n.toString(16).padStart(64, '0');
const v = (n: number, ingested: number, dates: Partial<Pick<VersionInput, 'published' | 'updated'>> = {}): VersionInput & { name: string } => ({
  name: `v${n}`,
  sha256: sha(n),
  ingested,
  ...dates,
});
const names = (list: VersionInput[]) => orderVersions(list as (VersionInput & { name: string })[]).map((o) => `${o.number}:${(o.version as { name: string }).name}`);

describe('orderVersions', () => {
  it('orders versions by their stated dates, not by when they were ingested', () => {
    const list = [v(1, 0, { updated: '2026-03-02' }), v(3, 1, { updated: '2026-09-18' }), v(2, 2, { updated: '2026-06-10' })];
    expect(names(list)).toEqual(['1:v1', '2:v2', '3:v3']);
  });

  it('does not make an older version current when it is ingested last', () => {
    const list = [v(2, 0, { updated: '2026-09-18' }), v(1, 1, { published: '2026-01-05' })];
    expect((currentVersion(list)?.version as { name: string }).name).toBe('v2');
  });

  it('uses the update date over the publication date', () => {
    const list = [v(1, 0, { published: '2026-01-01', updated: '2026-12-01' }), v(2, 1, { published: '2026-06-01' })];
    expect(names(list)).toEqual(['1:v2', '2:v1']);
  });

  it('keeps ingest order for undated versions and for equal dates', () => {
    expect(names([v(1, 0), v(2, 1), v(3, 2)])).toEqual(['1:v1', '2:v2', '3:v3']);
    expect(names([v(2, 1, { updated: '2026-05-05' }), v(1, 0, { updated: '2026-05-05' })])).toEqual(['1:v1', '2:v2']);
  });

  it('keeps an undated version after the one ingested before it', () => {
    const list = [v(1, 0, { updated: '2026-02-01' }), v(2, 1), v(3, 2, { updated: '2026-01-01' })];
    expect(names(list)).toEqual(['1:v3', '2:v1', '3:v2']);
  });

  it('counts byte-identical sources once, at their first ingest', () => {
    const again = { ...v(1, 5, { updated: '2026-03-02' }), name: 'v1-again' };
    const list = [v(1, 0, { updated: '2026-03-02' }), v(2, 1, { updated: '2026-04-02' }), again];
    expect(names(list)).toEqual(['1:v1', '2:v2']);
  });

  it('compares timestamps by their day', () => {
    expect(names([v(2, 0, { updated: '2026-04-02T09:00:00Z' }), v(1, 1, { updated: '2026-04-01' })])).toEqual(['1:v1', '2:v2']);
  });

  it('is deterministic whatever order the input lists them in', () => {
    const list = [v(1, 0, { updated: '2026-03-02' }), v(2, 1), v(3, 2, { updated: '2026-01-01' }), v(4, 3, { updated: '2026-08-01' })];
    expect(names([...list].reverse())).toEqual(names(list));
  });
});
