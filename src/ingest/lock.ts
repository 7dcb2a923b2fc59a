/**
 * One ingest at a time per content folder: `content/.ingest.lock` is created exclusively and
 * holds the pid of the run that owns it. Two runs started together cannot both decide a slug is
 * free and then both write it. A lock whose pid no longer runs (a run killed with SIGKILL) is
 * taken over, and the caller is told so.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_NAME = '.ingest.lock';

export type Lock = { ok: true; release: () => void; note?: string } | { ok: false; reason: string };

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates the lock with this run's pid already in it: the pid is written to a file of this run's
 * own, which is then hard-linked to the lock's name (link fails if the name exists, like O_EXCL).
 * A run that finds the lock so always reads whose it is, never an empty file being written.
 */
function create(file: string): boolean {
  const own = `${file}.${process.pid}.new`;
  writeFileSync(own, `${process.pid}\n`);
  try {
    linkSync(own, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(own, { force: true });
  }
}

/** Takes the lock of `contentDir` (which must exist), or says which run holds it. */
export function acquireLock(contentDir: string, shown: string): Lock {
  const file = join(contentDir, LOCK_NAME);
  let note: string | undefined;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (create(file)) {
      const release = () => {
        if (readPid(file) === process.pid) rmSync(file, { force: true });
      };
      return note === undefined ? { ok: true, release } : { ok: true, release, note };
    }
    const pid = readPid(file);
    // An unreadable lock (not written by this code) is treated as held, never taken over.
    if (pid === undefined || isRunning(pid)) {
      return {
        ok: false,
        reason: `another ingest${pid === undefined ? '' : ` (pid ${pid})`} is writing into ${shown}; wait until it has finished and run this again (if no ingest is running, delete ${join(shown, LOCK_NAME)})`,
      };
    }
    // Move the stale lock aside atomically, then make sure it was the stale one and not a lock a
    // concurrent run took over a moment ago.
    const aside = `${file}.${process.pid}.stale`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    const moved = readPid(aside);
    if (moved !== pid) {
      try {
        renameSync(aside, file);
      } catch {
        rmSync(aside, { force: true });
      }
      continue;
    }
    rmSync(aside, { force: true });
    note = `took over the lock ${join(shown, LOCK_NAME)} left by an ingest that no longer runs (pid ${pid})`;
  }
  return { ok: false, reason: `could not take the lock ${join(shown, LOCK_NAME)}; run this again` };
}
