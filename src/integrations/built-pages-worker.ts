/** The worker thread of src/integrations/built-pages.ts: scans the output folder and sends back the result. */
import { parentPort, workerData } from 'node:worker_threads';
import type { LinkCheckOptions } from '../lib/linkCheck.ts';
import { scanOutput } from './built-pages.ts';

const { root, options } = workerData as { root: string; options: LinkCheckOptions };
parentPort!.postMessage(await scanOutput(root, options));
