/**
 * A disk cache of generated files keyed by a hash of everything that shapes them (the input,
 * the code and the fonts): a rebuild renders only cards and PDFs whose content changed. Same
 * key, same bytes, so the output stays deterministic. ATLAS_OUTPUT_CACHE=off disables it (for
 * measuring cold builds).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve('node_modules/.astro/assessment-atlas');
const enabled = process.env.ATLAS_OUTPUT_CACHE !== 'off';

export function cacheKey(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

export async function cached(kind: string, key: string, make: () => Promise<Buffer>): Promise<Buffer> {
  if (!enabled) return make();
  const file = join(ROOT, kind, key.slice(0, 2), key);
  try {
    return readFileSync(file);
  } catch {
    const bytes = await make();
    mkdirSync(join(ROOT, kind, key.slice(0, 2)), { recursive: true });
    // Written aside and renamed, so a build stopped half-way never leaves a torn file behind.
    writeFileSync(`${file}.tmp${process.pid}`, bytes);
    renameSync(`${file}.tmp${process.pid}`, file);
    return bytes;
  }
}
