// Entry point of dist/parse-worker.js: a worker thread of the loader (models/parallel.ts) parsing the
// batches of BPMN/DMN files it is sent. The compile cache is switched on before the parser is imported.
import module from 'node:module';
import { parentPort } from 'node:worker_threads';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { parseBatch } = await import('./models/parse-worker.js');
parentPort?.on('message', (items: Parameters<typeof parseBatch>[0]) =>
  parentPort?.postMessage(parseBatch(items)),
);
