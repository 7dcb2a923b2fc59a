import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { type AnchorLock, parseAnchorLock, serializeAnchorLock, updateAnchorLock } from '../lib/anchorLock.ts';
import { builtPages } from './built-pages.ts';

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
  let base = '/';
  let site: string | undefined;
  return {
    name: 'anchor-lock',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base;
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const lockFile = options.lockFile ?? 'content/anchors.lock.json';
        const lockPath = resolve(root, lockFile);
        const ci = options.ci ?? isCi(process.env.CI);

        const current: Record<string, string[]> = {};
        const aliases: Record<string, Record<string, string>> = {};
        // One read of dist/ for this check and the link check (src/integrations/built-pages.ts).
        const { anchors: scanned } = await builtPages(dir, { base, site });
        for (const slug of [...scanned.keys()].sort()) {
          current[slug] = scanned.get(slug)!.ids;
          aliases[slug] = scanned.get(slug)!.aliases;
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

/** Pages named in full in the message; a build adding a thousand pages says how many, then these. */
const NAMED = 5;

/**
 * "the ids #a, #b of page-x; the new page page-y (#c, #d)", or for many pages their number and
 * the first few: the lock file itself lists every id.
 */
export function describeAdditions(before: AnchorLock, after: AnchorLock): string {
  const added = Object.entries(after).flatMap(([page, ids]) => {
    const old = before[page];
    if (!old) return [{ fresh: true, text: `the new page ${page} (${ids.map((id) => `#${id}`).join(', ')})` }];
    const fresh = ids.filter((id) => !old.includes(id));
    return fresh.length > 0 ? [{ fresh: false, text: `${fresh.map((id) => `#${id}`).join(', ')} on ${page}` }] : [];
  });
  if (added.length <= NAMED) return added.map((item) => item.text).join('; ');
  const pages = added.filter((item) => item.fresh).length;
  const changed = added.length - pages;
  const counts = [pages > 0 ? `${pages} new ${pages === 1 ? 'page' : 'pages'}` : '', changed > 0 ? `new ids on ${changed} ${changed === 1 ? 'page' : 'pages'}` : '']
    .filter(Boolean)
    .join(' and ');
  return `${counts}, among them ${added
    .slice(0, NAMED)
    .map((item) => item.text)
    .join('; ')} (and ${added.length - NAMED} more)`;
}
