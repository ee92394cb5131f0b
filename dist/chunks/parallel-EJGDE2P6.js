import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  NEXT,
  TAKEN,
  TreeReader,
  farAhead,
  parseFile
} from "./chunk-NWCIJQMG.js";
import {
  extension
} from "./chunk-QFASGRCW.js";
import "./chunk-G3P6OGWQ.js";
import "./chunk-436XQEGX.js";

// src/models/parallel.ts
import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var MIN_FILES_FOR_WORKERS = 600;
var MIN_CORES_FOR_WORKERS = 4;
var MIN_FILES_ON_2_CORES = 2e3;
var WORKER_YOUNG_GENERATION_MB = 48;
var LIMIT_FROM_BYTES = 4 * 2 ** 30;
function workerResourceLimits(memory = Math.min(os.totalmem(), process.constrainedMemory?.() || Infinity)) {
  return memory >= LIMIT_FROM_BYTES ? { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } : void 0;
}
var BATCH = 48;
var MAX_WORKERS = 8;
var SLICE_MS = 4;
function workerCount(files, requested, env = process.env, cores = os.availableParallelism?.() ?? os.cpus().length) {
  const fromEnv = env.SPIFF_MODELS_WORKERS;
  const forced = requested ?? (fromEnv !== void 0 && fromEnv !== "" ? Number(fromEnv) : void 0);
  if (forced !== void 0) {
    if (!Number.isInteger(forced) || forced < 0)
      throw new Error(`SPIFF_MODELS_WORKERS must be a whole number >= 0, not '${fromEnv}'`);
    return Math.min(forced, MAX_WORKERS, Math.ceil(files / BATCH));
  }
  const enough = cores >= MIN_CORES_FOR_WORKERS ? MIN_FILES_FOR_WORKERS : MIN_FILES_ON_2_CORES;
  if (cores < 2 || files < enough) return 0;
  return Math.min(cores - 1, MAX_WORKERS);
}
function workerScript() {
  for (const rel of ["../parse-worker.js", "./parse-worker.js"]) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (file.endsWith(".js") && fs.existsSync(file) && !import.meta.url.endsWith(".ts")) return file;
  }
  return void 0;
}
function startParsing(root, paths, requested) {
  const n = workerCount(paths.length, requested);
  const script = n > 0 ? workerScript() : void 0;
  if (!script) return void 0;
  const items = paths.map((p) => ({
    abs: `${root}/${p}`,
    path: p,
    ext: extension(p.slice(p.lastIndexOf("/") + 1)),
    modelId: null
  }));
  const start = { items, next: new SharedArrayBuffer(8) };
  const next = new Int32Array(start.next);
  const early = [];
  let onMessage;
  let failure;
  let onFailure;
  let over = false;
  const fail = (err) => {
    if (over || failure !== void 0) return;
    failure = err;
    for (const w of workers) void w.terminate();
    onFailure?.(err);
  };
  const execArgv = process.execArgv.filter((a) => a.startsWith("--cpu-prof"));
  const workers = [];
  const resourceLimits = workerResourceLimits();
  for (let k = 0; k < n; k++) {
    const w = new Worker(script, { execArgv, workerData: start, resourceLimits });
    w.unref();
    workers.push(w);
    early.push([]);
    let done = false;
    w.on("message", (msg) => {
      if ("done" in msg) done = true;
      if (onMessage) onMessage(k, msg);
      else early[k].push(msg);
    });
    w.on("error", fail);
    w.on("exit", (code) => {
      if (!done) fail(new Error(`a parse worker stopped (exit code ${code}) before it was done`));
    });
  }
  return (files) => {
    const byPath = new Map(files.map((f) => [f.path, f]));
    const ready = /* @__PURE__ */ new Map();
    const waiting = /* @__PURE__ */ new Map();
    const queued = workers.map(() => []);
    const messages = workers.map(() => []);
    const trees = workers.map(() => new TreeReader());
    const left = workers.map(() => 0);
    const position = new Map(items.map((item, i) => [item.path, i]));
    const queuedAt = /* @__PURE__ */ new Map();
    const said = workers.map(() => false);
    let here = 0;
    let answered = 0;
    let mainDone = false;
    let settled = false;
    let error;
    const deliver = (path, result) => {
      const w = waiting.get(path);
      if (w) {
        waiting.delete(path);
        w.resolve(result);
      } else ready.set(path, result);
    };
    const nextTree = (k) => {
      while (left[k] === 0) {
        const msg = messages[k].shift();
        if (!msg) throw new Error("internal: a parse worker sent fewer trees than it said");
        trees[k].load(msg);
        left[k] = msg.count;
      }
      left[k]--;
      return trees[k].next();
    };
    const build = (k) => {
      const r = queued[k].shift();
      const root2 = r.hasRoot ? nextTree(k) : void 0;
      const f = byPath.get(items[r.i].path);
      if (!f) return void 0;
      queuedAt.delete(f.path);
      if (r.finding) return [f, parseFile(f)];
      const { error: parseError, hasDoctype } = r.parsed;
      return [
        f,
        {
          size: r.size,
          bom: r.bom,
          special: r.special,
          hadText: r.hadText,
          parsed: root2 ? { root: root2, error: parseError, hasDoctype } : { error: parseError, hasDoctype }
        }
      ];
    };
    const buildUpTo = (k, path) => {
      for (; ; ) {
        const built = build(k);
        if (!built) continue;
        const [f, result] = built;
        if (f.path === path) return result;
        ready.set(f.path, result);
      }
    };
    const finish = () => {
      if (settled || !mainDone || here + answered < items.length) return;
      settled = true;
      over = true;
      for (let k = 0; k < n; k++) if (!said[k]) void workers[k].terminate();
      for (const w of workers) w.unref();
      if (process.env.SPIFF_MODELS_DEBUG)
        process.stderr.write(
          `spiff-models: parsed ${items.length} files in ${n} worker threads and the main thread (${here} here)
`
        );
    };
    onFailure = (err) => {
      if (settled) return;
      settled = true;
      error = err;
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
    };
    const take = (k, msg) => {
      said[k] = true;
      if (settled || "done" in msg) return;
      messages[k].push(msg.trees);
      for (const r of msg.files) {
        answered++;
        queued[k].push(r);
        const f = byPath.get(items[r.i].path);
        if (!f) continue;
        queuedAt.set(f.path, k);
        const w = waiting.get(f.path);
        if (w) {
          waiting.delete(f.path);
          try {
            w.resolve(buildUpTo(k, f.path));
          } catch (err) {
            fail(err);
          }
        }
      }
      finish();
    };
    for (const w of workers) w.ref();
    const parseHere = () => {
      if (settled) return;
      const until = performance.now() + SLICE_MS;
      let ahead = false;
      try {
        do {
          if (farAhead(next)) {
            ahead = true;
            break;
          }
          const i = Atomics.add(next, NEXT, 1);
          if (i >= items.length) {
            mainDone = true;
            return finish();
          }
          const f = byPath.get(items[i].path);
          if (f) deliver(f.path, parseFile(f));
          here++;
        } while (performance.now() < until);
      } catch (err) {
        return fail(err);
      }
      if (ahead) setTimeout(parseHere, 1);
      else setImmediate(parseHere);
    };
    if (failure !== void 0) onFailure(failure);
    else {
      try {
        for (let k = 0; k < n; k++) for (const msg of early[k].splice(0)) take(k, msg);
      } catch (err) {
        fail(err);
      }
      onMessage = (k, msg) => {
        try {
          take(k, msg);
        } catch (err) {
          fail(err);
        }
      };
      const debug = process.env.SPIFF_MODELS_DEBUG;
      if (debug === "workers" || debug === "worker-crash") {
        mainDone = true;
        finish();
      } else setImmediate(parseHere);
    }
    return {
      take(path) {
        if (error !== void 0) return Promise.reject(error);
        const i = position.get(path);
        if (i !== void 0 && i + 1 > Atomics.load(next, TAKEN)) {
          Atomics.store(next, TAKEN, i + 1);
          Atomics.notify(next, TAKEN);
        }
        const done = ready.get(path);
        if (done) {
          ready.delete(path);
          return done;
        }
        const k = queuedAt.get(path);
        if (k !== void 0) return buildUpTo(k, path);
        return new Promise((resolve, reject) => waiting.set(path, { resolve, reject }));
      }
    };
  };
}
export {
  MIN_CORES_FOR_WORKERS,
  MIN_FILES_FOR_WORKERS,
  MIN_FILES_ON_2_CORES,
  WORKER_YOUNG_GENERATION_MB,
  startParsing,
  workerCount,
  workerResourceLimits
};
