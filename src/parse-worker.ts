// Entry point of dist/parse-worker.js: a worker thread of the loader (models/parallel.ts) parsing BPMN/DMN
// files off the list it is started with. The compile cache is switched on before the parser is imported.
import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { work } = await import('./models/parse-worker.js');
if (parentPort) {
  work(parentPort, workerData as Parameters<typeof work>[1]);
  // Nothing more will come: let the thread end on its own (and write its --cpu-prof profile).
  parentPort.close();
}
