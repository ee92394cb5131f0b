// What a parse worker thread does with a batch of BPMN/DMN files: read, decode and parse each exactly as
// the loader would, and send back the results without parent links (structured clone copies every
// reference; the loader restores them).
import { readRegularFile } from '../util/files.js';
import { MAX_PARSE_BYTES, readText } from './read.js';
import type { PreParsed } from './read.js';
import type { XNode } from './xml.js';
import { parseXml } from './xml.js';

export interface WorkItem {
  i: number;
  abs: string;
  path: string;
  ext: string;
  modelId: string | null;
}

export interface WorkResult extends PreParsed {
  i: number;
}

/** `forTransfer`: drop the parent links a structured clone would copy (false when parsed on the main thread). */
export function parseBatch(items: WorkItem[], forTransfer = true): WorkResult[] {
  return items.map((item) => {
    // The loader's default reader: regular files only, at most MAX_PARSE_BYTES.
    const got = readText({ ...item, size: -1 }, () => readRegularFile(item.abs, MAX_PARSE_BYTES));
    const parsed = got.text === undefined ? { hasDoctype: false } : parseXml(got.text);
    if (parsed.root && forTransfer) unlink(parsed.root);
    // The text stays here: the loader reads it again only for a file a finding points into.
    return {
      i: item.i,
      size: got.size,
      bom: got.bom,
      special: got.special,
      finding: got.finding,
      parsed,
      hadText: got.text !== undefined,
    };
  });
}

function unlink(root: XNode): void {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop() as XNode;
    node.parent = null;
    for (const c of node.children) stack.push(c);
  }
}
