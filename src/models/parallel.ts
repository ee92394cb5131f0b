// Parses the BPMN/DMN files of a large repository in worker threads (dist/parse-worker.js) and the main
// thread: each thread takes the next file off one shared counter, so a slow file holds nobody back and no
// thread waits to be handed work. The workers send their trees in a compact form (tree-transfer.ts), built
// into nodes only when the loader takes the file. The loader takes the results in its own order (the order
// the files were handed out in, directory by directory for validate), so the findings are the same, in the
// same order, with or without workers, and few results wait to be taken.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extension, type PreParsed } from './read.js';
import type { RepoFile } from './types.js';
import {
  NEXT,
  TAKEN,
  farAhead,
  parseFile,
  type FileResult,
  type WorkItem,
  type WorkerMessage,
  type WorkerStart,
} from './parse-worker.js';
import { TreeReader, type EncodedTrees } from './tree-transfer.js';

/**
 * When workers are started by default: on 4 or more cores (GitHub's standard runners) from 600 BPMN/DMN
 * files, on 2 or 3 cores from 2,000. Measured on a 2-core machine shared with other sessions (medians of 5-7
 * interleaved runs, generated repositories, 1 worker beside the main thread): the main thread's CPU time,
 * what a run waits for when a core is free, fell 5% at 584 files, 13% at 1,174, 15-18% at 1,958, 21% at 2,947
 * and 24-28% at 5,888 (2.53 -> 1.88 s); the process's CPU time changed by -0.1 to +0.2 s (the worker's
 * start-up, ~60-180 ms here, and its own compiled parser). With 3 or more free cores for the workers and V8's
 * threads that is the gain from 600 files (not measured on 4 cores). On 2 cores the second core is not free:
 * V8's garbage collector and compiler threads already take 1.0-1.2 s of it on the 5,888-file repository, so a
 * run takes at least half the process's CPU time; by that bound 1 worker loses at 1,174 files (+9%) and gains
 * 11% at 1,958, 15% at 2,947 and 24% at 5,888 (wall times on the loaded machine varied by up to 30% between
 * paired runs and showed no reliable difference either way). Before the trees travelled in compact form
 * (tree-transfer.ts), 1 worker was slower than none on 2 cores (0.79-0.93x): the structured clone of the
 * XNode objects cost the main thread 0.8-1.0 s.
 */
export const MIN_FILES_FOR_WORKERS = 600;
export const MIN_CORES_FOR_WORKERS = 4;
export const MIN_FILES_ON_2_CORES = 2000;
/**
 * Each worker's young generation (resourceLimits.maxYoungGenerationSizeMb) where the process may use 4 GiB or
 * more: 48 MB, three 16 MB semi-spaces, what Node 20 and 22 give an isolate there anyway. Node 24's V8 gives
 * 64 MB semi-spaces from 3 GiB (heap_size_limit under a cgroup memory limit of 2, 3, 4, 8 and 16 GiB: Node 20
 * 1048, 1584, 2096, 2096, 4144 MB, 24 or 48 MB of it young; Node 24 1120, 1728, 2240, 2240, 4288 MB, 96 or
 * 192 MB young). On the 3,000-model bench corpus under Node 24 the peak was 340 MB without this limit and 330
 * MB with it, 1.45 s both (medians of 5, interleaved, 24 GB machine); under Node 20, 198 and 195 MB, 1.65 and
 * 1.64 s. With less memory V8's own size is left alone: there Node 20's is smaller than this.
 */
export const WORKER_YOUNG_GENERATION_MB = 48;
const LIMIT_FROM_BYTES = 4 * 2 ** 30;

/**
 * The resource limits of a parse worker where the process may use `memory` bytes (undefined: V8's defaults).
 * The default is what Node sizes its heaps by: the machine's memory, or the cgroup's limit when lower.
 */
export function workerResourceLimits(
  memory: number = Math.min(os.totalmem(), process.constrainedMemory?.() || Infinity),
): { maxYoungGenerationSizeMb: number } | undefined {
  return memory >= LIMIT_FROM_BYTES ? { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } : undefined;
}
/** Files per worker at least (fewer workers for fewer files). */
const BATCH = 48;
const MAX_WORKERS = 8;
/** How long the main thread parses before it looks at the workers' answers. */
const SLICE_MS = 4;

/** Workers to use: `requested` or $SPIFF_MODELS_WORKERS when set (0 = none), else from files and cores. */
export function workerCount(
  files: number,
  requested: number | undefined,
  env: NodeJS.ProcessEnv = process.env,
  cores: number = os.availableParallelism?.() ?? os.cpus().length,
): number {
  const fromEnv = env.SPIFF_MODELS_WORKERS;
  const forced = requested ?? (fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : undefined);
  if (forced !== undefined) {
    if (!Number.isInteger(forced) || forced < 0)
      throw new Error(`SPIFF_MODELS_WORKERS must be a whole number >= 0, not '${fromEnv}'`);
    return Math.min(forced, MAX_WORKERS, Math.ceil(files / BATCH));
  }
  const enough = cores >= MIN_CORES_FOR_WORKERS ? MIN_FILES_FOR_WORKERS : MIN_FILES_ON_2_CORES;
  if (cores < 2 || files < enough) return 0;
  // The main thread indexes what the workers send: it is one of the cores.
  return Math.min(cores - 1, MAX_WORKERS);
}

/** dist/parse-worker.js beside the chunk this code is bundled into; absent when running from src/. */
function workerScript(): string | undefined {
  for (const rel of ['../parse-worker.js', './parse-worker.js']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (file.endsWith('.js') && fs.existsSync(file) && !import.meta.url.endsWith('.ts')) return file;
  }
  return undefined;
}

/** Each file's result, as the loader asks for them (in the order the workers were given them, at best). */
export interface ParsedFiles {
  /**
   * The result of one file of the join: at once when a thread has parsed it, else a promise of it (rejected
   * when a worker fails). Each file is taken once; the trees the workers sent are built when taken, so a
   * result waiting to be taken holds its compact form only.
   */
  take(path: string): PreParsed | Promise<PreParsed>;
}

/** Joins the workers started by startParsing (with the loader's XML files, which now know their model). */
export type JoinWorkers = (files: RepoFile[]) => ParsedFiles;

/**
 * Starts the workers on the BPMN/DMN files `paths` (relative to `root`) when they pay off, as soon as the
 * listing is known: they parse while the loader reads the JSON files. Returns how the loader joins them
 * (its XML files, which then know their model), or undefined to parse everything itself.
 */
export function startParsing(root: string, paths: string[], requested?: number): JoinWorkers | undefined {
  const n = workerCount(paths.length, requested);
  const script = n > 0 ? workerScript() : undefined;
  if (!script) return undefined;
  const items: WorkItem[] = paths.map((p) => ({
    abs: `${root}/${p}`,
    path: p,
    ext: extension(p.slice(p.lastIndexOf('/') + 1)),
    modelId: null,
  }));
  const start: WorkerStart = { items, next: new SharedArrayBuffer(8) };
  const next = new Int32Array(start.next);
  // Results that came before the loader joined: built into trees then, in its time.
  const early: WorkerMessage[][] = [];
  let onMessage: ((k: number, msg: WorkerMessage) => void) | undefined;
  let failure: unknown;
  let onFailure: ((err: unknown) => void) | undefined;
  let over = false;
  const fail = (err: unknown) => {
    if (over || failure !== undefined) return;
    failure = err;
    for (const w of workers) void w.terminate();
    onFailure?.(err);
  };
  // Not all of the parent's execArgv: flags such as --input-type or --eval mean nothing to a worker
  // script. Profiling flags do (node --cpu-prof then profiles the workers too).
  const execArgv = process.execArgv.filter((a) => a.startsWith('--cpu-prof'));
  const workers: Worker[] = [];
  const resourceLimits = workerResourceLimits();
  for (let k = 0; k < n; k++) {
    const w = new Worker(script, { execArgv, workerData: start, resourceLimits });
    // Not keeping the process alive unless the loader waits for it (it may fail before it joins).
    w.unref();
    workers.push(w);
    early.push([]);
    let done = false;
    w.on('message', (msg: WorkerMessage) => {
      if ('done' in msg) done = true;
      if (onMessage) onMessage(k, msg);
      else early[k].push(msg);
    });
    w.on('error', fail);
    w.on('exit', (code) => {
      // Gone without an error before it was done: the files it took would never come.
      if (!done) fail(new Error(`a parse worker stopped (exit code ${code}) before it was done`));
    });
  }

  return (files) => {
    const byPath = new Map(files.map((f) => [f.path, f]));
    // Results ready to be taken, and the loader's requests still waiting for theirs.
    const ready = new Map<string, PreParsed>();
    const waiting = new Map<string, { resolve: (p: PreParsed) => void; reject: (e: unknown) => void }>();
    // Each worker's results not yet taken, in the order it sent them, and the messages holding their trees.
    const queued = workers.map(() => [] as FileResult[]);
    const messages = workers.map(() => [] as EncodedTrees[]);
    const trees = workers.map(() => new TreeReader());
    const left = workers.map(() => 0);
    const position = new Map(items.map((item, i) => [item.path, i]));
    /** Which worker's queue holds a file's result (until it is built). */
    const queuedAt = new Map<string, number>();
    const said = workers.map(() => false);
    let here = 0;
    let answered = 0;
    let mainDone = false;
    let settled = false;
    let error: unknown;
    const deliver = (path: string, result: PreParsed) => {
      const w = waiting.get(path);
      if (w) {
        waiting.delete(path);
        w.resolve(result);
      } else ready.set(path, result);
    };
    /** Worker k's next tree (its trees come in the order of its results). */
    const nextTree = (k: number) => {
      while (left[k] === 0) {
        const msg = messages[k].shift();
        if (!msg) throw new Error('internal: a parse worker sent fewer trees than it said');
        trees[k].load(msg);
        left[k] = msg.count;
      }
      left[k]--;
      return trees[k].next();
    };
    /** The result of worker k's next queued file, its tree built now (none for a file not the loader's). */
    const build = (k: number): [RepoFile, PreParsed] | undefined => {
      const r = queued[k].shift() as FileResult;
      const root = r.hasRoot ? nextTree(k) : undefined;
      const f = byPath.get(items[r.i].path);
      if (!f) return undefined;
      queuedAt.delete(f.path);
      // What went wrong reading a file is said with its model, which the worker did not know: read here.
      if (r.finding) return [f, parseFile(f)];
      const { error: parseError, hasDoctype } = r.parsed;
      return [
        f,
        {
          size: r.size,
          bom: r.bom,
          special: r.special,
          hadText: r.hadText,
          parsed: root ? { root, error: parseError, hasDoctype } : { error: parseError, hasDoctype },
        },
      ];
    };
    /** Builds worker k's results up to `path`'s (the earlier ones wait, built, for their turn). */
    const buildUpTo = (k: number, path: string): PreParsed => {
      for (;;) {
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
      // A worker that has answered ends on its own (writing its --cpu-prof profile) once the counter
      // runs out; one still starting up has nothing left to take.
      for (let k = 0; k < n; k++) if (!said[k]) void workers[k].terminate();
      for (const w of workers) w.unref();
      // A debug trace (tests check that workers ran), not command output: no CliIO reaches the loader.
      if (process.env.SPIFF_MODELS_DEBUG)
        // eslint-disable-next-line no-restricted-syntax
        process.stderr.write(
          `spiff-models: parsed ${items.length} files in ${n} worker threads and the main thread ` +
            `(${here} here)\n`,
        );
    };
    onFailure = (err) => {
      if (settled) return;
      settled = true;
      error = err;
      for (const w of waiting.values()) w.reject(err);
      waiting.clear();
    };
    const take = (k: number, msg: WorkerMessage) => {
      said[k] = true;
      if (settled || 'done' in msg) return;
      messages[k].push(msg.trees);
      for (const r of msg.files) {
        answered++;
        // Every result is queued, the loader's or not: the trees come in the order of the results.
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
    // The main thread's share: files off the same counter, a few milliseconds at a time, letting the
    // workers' answers and the loader in between.
    const parseHere = () => {
      if (settled) return;
      const until = performance.now() + SLICE_MS;
      let ahead = false;
      try {
        do {
          // Not too far ahead of the loader either (see MAX_AHEAD): back in a moment.
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
    if (failure !== undefined) onFailure(failure);
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
      // SPIFF_MODELS_DEBUG=workers: the workers parse every file (the tests compare what they send); so they
      // do with =worker-crash (parse-worker.ts), so that a file is sure to be left unanswered.
      const debug = process.env.SPIFF_MODELS_DEBUG;
      if (debug === 'workers' || debug === 'worker-crash') {
        mainDone = true;
        finish();
      } else setImmediate(parseHere);
    }
    return {
      take(path) {
        if (error !== undefined) return Promise.reject(error);
        // The loader takes the files in order: everything before this one is taken (the threads may go on).
        const i = position.get(path);
        if (i !== undefined && i + 1 > Atomics.load(next, TAKEN)) {
          Atomics.store(next, TAKEN, i + 1);
          Atomics.notify(next, TAKEN);
        }
        const done = ready.get(path);
        if (done) {
          ready.delete(path);
          return done;
        }
        const k = queuedAt.get(path);
        if (k !== undefined) return buildUpTo(k, path);
        return new Promise((resolve, reject) => waiting.set(path, { resolve, reject }));
      },
    };
  };
}
