// Entry point of dist/parse-worker.js: a worker thread of the loader (models/parallel.ts) parsing the
// batches of BPMN/DMN files it is sent.
import module from 'node:module';
import { parentPort } from 'node:worker_threads';
import { parseBatch, type WorkItem } from './models/parse-worker.js';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
parentPort?.on('message', (items: WorkItem[]) => parentPort?.postMessage(parseBatch(items)));
