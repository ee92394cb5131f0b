// What a parse worker thread does: take the next BPMN/DMN file of the list off a counter it shares with the
// loader and the other workers, read, decode and parse it exactly as the loader would, and send the results
// back a few files at a time, the trees encoded for a cheap transfer (tree-transfer.ts).
import type { MessagePort } from 'node:worker_threads';
import { scratchReader } from '../util/files.js';
import { MAX_PARSE_BYTES, readText } from './read.js';
import type { PreParsed } from './read.js';
import { SymbolsOut, TreeWriter, type EncodedTrees } from './tree-transfer.js';
import { parseXml, type XmlParseResult } from './xml.js';

export interface WorkItem {
  abs: string;
  path: string;
  ext: string;
  modelId: string | null;
}

/** What the loader gives each worker when it starts it. */
export interface WorkerStart {
  items: WorkItem[];
  /**
   * Two Int32s: at NEXT the index of the next item nobody has taken (Atomics.add by every thread), at TAKEN
   * how many items the loader has taken the results of (it takes them in order).
   */
  next: SharedArrayBuffer;
}

export const NEXT = 0;
export const TAKEN = 1;

/**
 * How far the threads may parse ahead of the loader, in files: results waiting to be taken are held (in compact
 * form) until then, so a main thread slowed down by its rules must not let the workers parse the whole
 * repository ahead of it (measured: 209 MB peak on the 3,000-model bench on a quiet machine, 277 MB on a busy
 * one, before this bound).
 */
export const MAX_AHEAD = 256;

/** The threads have parsed MAX_AHEAD files past what the loader has taken (`counters`: see WorkerStart). */
export function farAhead(counters: Int32Array): boolean {
  return Atomics.load(counters, NEXT) - Atomics.load(counters, TAKEN) >= MAX_AHEAD;
}

/** One file's result without its tree, which travels in the message's `trees`. */
export interface FileResult extends Omit<PreParsed, 'parsed'> {
  i: number;
  parsed: Omit<XmlParseResult, 'root'>;
  hasRoot: boolean;
}

/** What a worker posts: some files' results, or `done` once the counter has run out. */
export type WorkerMessage = { files: FileResult[]; trees: EncodedTrees } | { done: true };

/** Files a worker parses before it posts their results. */
const FILES_PER_MESSAGE = 8;

/**
 * The loader's default reader (regular files, at most MAX_PARSE_BYTES) into one buffer per thread: readText
 * decodes the bytes at once and keeps none of them.
 */
const read = scratchReader(MAX_PARSE_BYTES);

/** Reads, decodes and parses one file as the loader does. */
export function parseFile(item: WorkItem): PreParsed {
  const got = readText({ ...item, size: -1 }, () => read(item.abs));
  const parsed = got.text === undefined ? { hasDoctype: false } : parseXml(got.text);
  // The text stays here: the loader reads it again only for a file a finding points into.
  return {
    size: got.size,
    bom: got.bom,
    special: got.special,
    finding: got.finding,
    parsed,
    hadText: got.text !== undefined,
  };
}

/** A worker's whole job: parses files off the shared counter until none is left, then says so. */
export function work(port: MessagePort, start: WorkerStart): void {
  const { items } = start;
  const next = new Int32Array(start.next);
  const writer = new TreeWriter(new SymbolsOut());
  let files: FileResult[] = [];
  const post = () => {
    const trees = writer.take();
    const msg: WorkerMessage = { files, trees };
    port.postMessage(msg, [trees.ints.buffer]);
    files = [];
  };
  /** The next item to parse, once the loader is near enough; what is done is sent before waiting. */
  const take = (): number => {
    for (;;) {
      const taken = Atomics.load(next, TAKEN);
      if (!farAhead(next)) return Atomics.add(next, NEXT, 1);
      if (files.length) post();
      // Woken when the loader takes a result (TAKEN no longer `taken`); the timeout only guards against a
      // missed wake-up.
      Atomics.wait(next, TAKEN, taken, 100);
    }
  };
  for (let i = take(); i < items.length; i = take()) {
    // SPIFF_MODELS_DEBUG=worker-crash: the worker dies holding a file it took and never answers for it (the
    // tests check that the loader then fails, instead of waiting for ever or reporting without that file).
    if (process.env.SPIFF_MODELS_DEBUG === 'worker-crash') throw new Error('parse worker crash (debug)');
    const got = parseFile(items[i]);
    const { root, error, hasDoctype } = got.parsed;
    if (root) writer.add(root);
    files.push({
      i,
      size: got.size,
      bom: got.bom,
      special: got.special,
      finding: got.finding,
      hadText: got.hadText,
      parsed: { error, hasDoctype },
      hasRoot: root !== undefined,
    });
    if (files.length >= FILES_PER_MESSAGE) post();
  }
  if (files.length) post();
  const done: WorkerMessage = { done: true };
  port.postMessage(done);
}
