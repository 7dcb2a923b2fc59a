/**
 * npm run build: `astro build`, with the environment the build is measured in.
 *
 * MIMALLOC_PURGE_DELAY=0: Rolldown (Vite's bundler, native code) allocates with mimalloc, which
 * by default keeps freed memory for a while before giving it back; the bundle of every page
 * module frees a lot of it at once, and the process then held it for the rest of the build. At
 * 1,000 documents peak memory falls from 2.68 GB to 2.28 GB with it, at no cost in time
 * (docs/PERFORMANCE.md). mimalloc reads the variable when Rolldown is loaded, before any Astro
 * config or integration runs, so it is set here, for a child process. A value already in the
 * environment is kept.
 *
 * Arguments are passed on: `npm run build -- --verbose`.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const astro = fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url));
const { status, signal, error } = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { MIMALLOC_PURGE_DELAY: '0', ...process.env },
});
if (error) throw error;
process.exit(status ?? (signal ? 1 : 0));
