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
  /** One Int32: the index of the next item nobody has taken (Atomics.add by every thread). */
  next: SharedArrayBuffer;
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
  for (let i = Atomics.add(next, 0, 1); i < items.length; i = Atomics.add(next, 0, 1)) {
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
