// Parses the BPMN/DMN files of a large repository in worker threads (dist/parse-worker.js), one batch at a
// time per worker so a slow file does not hold the others back. The loader indexes the results in its
// own order, so the findings are the same, in the same order, with or without workers.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PreParsed } from './read.js';
import type { RepoFile } from './types.js';
import { parseBatch, type WorkItem, type WorkResult } from './parse-worker.js';
import { NO_CHILDREN, type XNode } from './xml.js';

/**
 * Workers are started by default only for this many BPMN/DMN files or more (below it a worker's start-up,
 * ~30 ms and its own copy of the parser to compile, outweighs its share) and on this many cores or more: on
 * the 2-core machine bench/validate ran on, 1 worker beside the main thread was slower than none (the copy
 * of each tree back to the main thread costs about half a parse). GitHub's standard runners have 4 cores.
 */
export const MIN_FILES_FOR_WORKERS = 600;
export const MIN_CORES_FOR_WORKERS = 4;
const BATCH = 48;
const MAX_WORKERS = 8;

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
  if (files < MIN_FILES_FOR_WORKERS || cores < MIN_CORES_FOR_WORKERS) return 0;
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

/**
 * Starts the workers when they pay off; resolves to each file's result by path, or undefined to parse here.
 * The main thread parses batches too, between the workers' answers: with 2 cores, 1 worker and the main
 * thread share the files.
 */
export function parseInWorkers(
  files: RepoFile[],
  requested?: number,
): Promise<Map<string, PreParsed>> | undefined {
  const n = workerCount(files.length, requested);
  const script = n > 0 ? workerScript() : undefined;
  if (!script) return undefined;
  const items: WorkItem[] = files.map((f, i) => ({
    i,
    abs: f.abs,
    path: f.path,
    ext: f.ext,
    modelId: f.modelId,
  }));
  return new Promise((resolve, reject) => {
    const out = new Map<string, PreParsed>();
    const workers: Worker[] = [];
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
      // A debug trace (tests check that workers ran), not command output: no CliIO reaches the loader.
      if (process.env.SPIFF_MODELS_DEBUG)
        // eslint-disable-next-line no-restricted-syntax
        process.stderr.write(
          `spiff-models: parsed ${items.length} files in ${n} worker threads and the main thread\n`,
        );
      void Promise.all(workers.map((w) => w.terminate())).then(() => resolve(out));
    };
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      void Promise.all(workers.map((w) => w.terminate())).then(() => reject(err));
    };
    const feed = (w: Worker) => {
      if (next >= items.length) return;
      w.postMessage(take());
      pending++;
    };
    for (let k = 0; k < n; k++) {
      // Not the parent's execArgv: flags such as --input-type or --eval mean nothing to a worker script.
      const w = new Worker(script, { execArgv: [] });
      workers.push(w);
      w.on('message', (results: WorkResult[]) => {
        pending--;
        for (const r of results) {
          if (r.parsed.root) relink(r.parsed.root);
          out.set(files[r.i].path, r);
        }
        feed(w);
        finish();
      });
      w.on('error', fail);
      feed(w);
    }
    // The main thread's share: one batch at a time, letting the workers' answers in between.
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

/** Gives back the parent links the worker dropped, and the shared empty children list of leaves. */
function relink(root: XNode): void {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop() as XNode;
    if (node.children.length === 0) node.children = NO_CHILDREN;
    for (const c of node.children) {
      c.parent = node;
      stack.push(c);
    }
  }
}
