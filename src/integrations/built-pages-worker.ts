/**
 * A worker thread of src/integrations/built-pages.ts: either reads and checks the pages (and
 * sends back the result), or only reads its share of them for that thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readPages, scanOutput, type ScanTask } from './built-pages.ts';

const task = workerData as ScanTask;
if (task.role === 'read') {
  await readPages(task.root, task.files, task.to);
  parentPort!.postMessage(undefined);
} else {
  parentPort!.postMessage(await scanOutput(task.root, task.files, task.options, task.helper));
}
