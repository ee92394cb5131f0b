import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  parseBatch
} from "./chunk-6QSJPL3G.js";
import {
  NO_CHILDREN
} from "./chunk-AHPVX566.js";
import "./chunk-G3P6OGWQ.js";
import "./chunk-436XQEGX.js";

// src/models/parallel.ts
import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var MIN_FILES_FOR_WORKERS = 600;
var MIN_CORES_FOR_WORKERS = 4;
var BATCH = 48;
var MAX_WORKERS = 8;
function workerCount(files, requested, env = process.env, cores = os.availableParallelism?.() ?? os.cpus().length) {
  const fromEnv = env.SPIFF_MODELS_WORKERS;
  const forced = requested ?? (fromEnv !== void 0 && fromEnv !== "" ? Number(fromEnv) : void 0);
  if (forced !== void 0) {
    if (!Number.isInteger(forced) || forced < 0)
      throw new Error(`SPIFF_MODELS_WORKERS must be a whole number >= 0, not '${fromEnv}'`);
    return Math.min(forced, MAX_WORKERS, Math.ceil(files / BATCH));
  }
  if (files < MIN_FILES_FOR_WORKERS || cores < MIN_CORES_FOR_WORKERS) return 0;
  return Math.min(cores - 1, MAX_WORKERS);
}
function workerScript() {
  for (const rel of ["../parse-worker.js", "./parse-worker.js"]) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (file.endsWith(".js") && fs.existsSync(file) && !import.meta.url.endsWith(".ts")) return file;
  }
  return void 0;
}
function parseInWorkers(files, requested) {
  const n = workerCount(files.length, requested);
  const script = n > 0 ? workerScript() : void 0;
  if (!script) return void 0;
  const items = files.map((f, i) => ({
    i,
    abs: f.abs,
    path: f.path,
    ext: f.ext,
    modelId: f.modelId
  }));
  return new Promise((resolve, reject) => {
    const out = /* @__PURE__ */ new Map();
    const workers = [];
    let next = 0;
    let pending = 0;
    let failed = false;
    let finished = false;
    const take = () => {
      const batch = items.slice(next, next + BATCH);
      next += BATCH;
      return batch;
    };
    const finish = () => {
      if (finished || failed || pending > 0 || next < items.length) return;
      finished = true;
      if (process.env.SPIFF_MODELS_DEBUG)
        process.stderr.write(
          `spiff-models: parsed ${items.length} files in ${n} worker threads and the main thread
`
        );
      void Promise.all(workers.map((w) => w.terminate())).then(() => resolve(out));
    };
    const fail = (err) => {
      if (failed) return;
      failed = true;
      void Promise.all(workers.map((w) => w.terminate())).then(() => reject(err));
    };
    const feed = (w) => {
      if (next >= items.length) return;
      w.postMessage(take());
      pending++;
    };
    for (let k = 0; k < n; k++) {
      const w = new Worker(script, { execArgv: [] });
      workers.push(w);
      w.on("message", (results) => {
        pending--;
        for (const r of results) {
          if (r.parsed.root) relink(r.parsed.root);
          out.set(files[r.i].path, r);
        }
        feed(w);
        finish();
      });
      w.on("error", fail);
      feed(w);
    }
    const parseHere = () => {
      if (failed) return;
      if (next >= items.length) return finish();
      try {
        for (const r of parseBatch(take(), false)) out.set(files[r.i].path, r);
      } catch (err) {
        return fail(err);
      }
      setImmediate(parseHere);
    };
    setImmediate(parseHere);
  });
}
function relink(root) {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node.children.length === 0) node.children = NO_CHILDREN;
    for (const c of node.children) {
      c.parent = node;
      stack.push(c);
    }
  }
}
export {
  MIN_CORES_FOR_WORKERS,
  MIN_FILES_FOR_WORKERS,
  parseInWorkers,
  workerCount
};
