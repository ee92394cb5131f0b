import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);

// src/parse-worker.ts
import module from "node:module";
import { parentPort, workerData } from "node:worker_threads";
module.enableCompileCache?.();
var { work } = await import("./chunks/parse-worker-F2Z7JSAZ.js");
if (parentPort) {
  work(parentPort, workerData);
  parentPort.close();
}
