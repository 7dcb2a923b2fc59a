/**
 * Collection-wide derivations (hub lists, the related index, the tagger...) computed once per
 * build. Pages call them once per render, thousands of times, so even building a cache key from
 * every entry per call is quadratic. In `astro build` the collections cannot change, so the first
 * result is kept; in `astro dev` content changes under the running server, so there the result is
 * recomputed when any entry of the named collections changes (id or digest).
 */
import { getCollection, type CollectionKey } from 'astro:content';

export function perBuild<T>(collections: readonly CollectionKey[], compute: () => Promise<T>): () => Promise<T> {
  let cached: { key: string; value: Promise<T> } | undefined;
  return async () => {
    if (cached && !import.meta.env.DEV) return cached.value;
    const key = import.meta.env.DEV
      ? (await Promise.all(collections.map((name) => getCollection(name))))
          .flat()
          .map((entry) => `${entry.collection}/${entry.id}:${entry.digest ?? ''}`)
          .join('\n')
      : '';
    if (cached?.key !== key) {
      const value = compute();
      cached = { key, value };
      // A failed derivation (bad front matter) is reported again on the next call, not cached.
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
    }
    return cached.value;
  };
}
