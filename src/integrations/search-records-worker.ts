/**
 * The worker thread of src/integrations/search-records.ts: computes the record of each page in
 * slug order and sends them, never more than WINDOW pages ahead of those the build has taken.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pageRecord, WINDOW, type RecordsJob, type WorkerMessage } from './search-records.ts';
import { searchDocumentReader } from './search-documents.ts';

const port = parentPort!;
const { out, contentDir, slugs } = workerData as RecordsJob;
const readDocument = searchDocumentReader(contentDir);
const send = (message: WorkerMessage) => port.postMessage(message);

let credit = WINDOW;
let wake: (() => void) | undefined;
port.on('message', () => {
  credit += 1;
  wake?.();
  wake = undefined;
});

for (const slug of slugs) {
  const page = pageRecord(out, slug, readDocument);
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit -= 1;
  send({ page });
}
send({ done: true });
