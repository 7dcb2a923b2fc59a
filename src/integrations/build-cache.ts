/**
 * A disk cache of what the build derives, keyed by a hash of everything that shapes it (the
 * input, the code, the fonts): a rebuild draws only the cards and PDFs, and scans only the
 * pages, whose content changed. Same key, same bytes, so the output stays deterministic.
 * ATLAS_OUTPUT_CACHE=off disables it (for measuring cold builds).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';

const ROOT = resolve('node_modules/.astro/assessment-atlas');
const enabled = process.env.ATLAS_OUTPUT_CACHE !== 'off';

export function cacheKey(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

/**
 * A key part for the files that shape an output besides its input (its code, the fonts, the
 * lockfile), paths from the project root: a change to any of them makes every key of that kind new.
 */
export async function codeVersion(files: readonly string[]): Promise<string> {
  return cacheKey(...(await Promise.all(files.map((file) => readFile(resolve(file))))));
}

/** The bytes kept under `key`, if any. */
export function fromCache(kind: string, key: string): Buffer | undefined {
  if (!enabled) return undefined;
  try {
    return readFileSync(join(ROOT, kind, key.slice(0, 2), key));
  } catch {
    return undefined;
  }
}

/** Keeps `bytes` under `key`. */
export function toCache(kind: string, key: string, bytes: Uint8Array): void {
  if (!enabled) return;
  const dir = join(ROOT, kind, key.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed, so a build stopped half-way never leaves a torn file behind; the
  // name is the thread's own, as two threads may keep the same key (two identical pages).
  const aside = join(dir, `${key}.tmp${process.pid}-${threadId}`);
  writeFileSync(aside, bytes);
  renameSync(aside, join(dir, key));
}

export async function cached(kind: string, key: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const hit = fromCache(kind, key);
  if (hit) return hit;
  const bytes = await make();
  toCache(kind, key, bytes);
  return bytes;
}
