import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type AnchorLock, parseAnchorLock, serializeAnchorLock, updateAnchorLock } from '../lib/anchorLock.ts';
import { anchorsInHtml } from '../lib/pageAnchors.ts';

export interface AnchorLockOptions {
  /** The committed lock, relative to the project root. */
  lockFile?: string;
  /**
   * Whether this is a CI build, where the lock is only checked, never written: then an
   * out-of-date lock fails the build, so the committed lock always lists every published id.
   * Default: the CI environment variable is set to something other than "false" or "0".
   */
  ci?: boolean;
}

/**
 * Links that survive edits. After the build, reads the anchors every document page publishes
 * (each permalink target and each alias; see src/lib/pageAnchors.ts) and compares them with the
 * committed lock file, which lists, per page, every id ever published:
 *
 * - an id of the lock that the page no longer has, and that no front matter alias maps to a
 *   current id, fails the build, naming the page, the ids and the alias to add;
 * - new ids are added to the lock. Locally the build writes the file and says so (commit it with
 *   the change); on CI (`CI=true`) the build fails instead, asking for that commit.
 */
export function anchorLock(options: AnchorLockOptions = {}): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'anchor-lock',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const lockFile = options.lockFile ?? 'content/anchors.lock.json';
        const lockPath = resolve(root, lockFile);
        const ci = options.ci ?? isCi(process.env.CI);

        const current: Record<string, string[]> = {};
        const aliases: Record<string, Record<string, string>> = {};
        const out = fileURLToPath(dir);
        for (const slug of await documentSlugs(out)) {
          const anchors = anchorsInHtml(await readFile(join(out, 'assessments', slug, 'index.html'), 'utf8'));
          current[slug] = anchors.ids;
          aliases[slug] = anchors.aliases;
        }

        const committed: AnchorLock = existsSync(lockPath) ? parseAnchorLock(await readFile(lockPath, 'utf8'), lockFile) : {};
        const result = updateAnchorLock(committed, current, aliases, { lockFile });
        if (result.violations.length > 0) {
          throw new Error(
            `Published links would break (${lockFile} lists every anchor ever published):\n${result.violations.map((v) => `  - ${v.message}`).join('\n')}`,
          );
        }
        if (!result.changed) {
          logger.info(`${lockFile} is up to date`);
          return;
        }
        const added = describeAdditions(committed, result.lock) || 'nothing new, but it was not in its sorted form';
        if (ci) {
          throw new Error(
            `${lockFile} is out of date: ${added}. Run \`npm run build\` locally, which adds them, and commit ${lockFile} with this change.`,
          );
        }
        await writeFile(lockPath, serializeAnchorLock(result.lock));
        logger.warn(`${relative(process.cwd(), lockPath).split(sep).join('/')}: added ${added}. Commit it with this change.`);
      },
    },
  };
}

function isCi(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

async function documentSlugs(out: string): Promise<string[]> {
  const dir = join(out, 'assessments');
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'index.html'))).map((entry) => entry.name).sort();
}

/** "the ids #a, #b of page-x; the new page page-y (#c, #d)". */
function describeAdditions(before: AnchorLock, after: AnchorLock): string {
  return Object.entries(after)
    .flatMap(([page, ids]) => {
      const old = before[page];
      if (!old) return [`the new page ${page} (${ids.map((id) => `#${id}`).join(', ')})`];
      const fresh = ids.filter((id) => !old.includes(id));
      return fresh.length > 0 ? [`${fresh.map((id) => `#${id}`).join(', ')} on ${page}`] : [];
    })
    .join('; ');
}
