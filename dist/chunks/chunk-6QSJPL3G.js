import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  MAX_PARSE_BYTES,
  parseXml,
  readText
} from "./chunk-AHPVX566.js";
import {
  readRegularFile
} from "./chunk-G3P6OGWQ.js";

// src/models/parse-worker.ts
function parseBatch(items, forTransfer = true) {
  return items.map((item) => {
    const got = readText({ ...item, size: -1 }, () => readRegularFile(item.abs, MAX_PARSE_BYTES));
    const parsed = got.text === void 0 ? { hasDoctype: false } : parseXml(got.text);
    if (parsed.root && forTransfer) unlink(parsed.root);
    return {
      i: item.i,
      size: got.size,
      bom: got.bom,
      special: got.special,
      finding: got.finding,
      parsed,
      hadText: got.text !== void 0
    };
  });
}
function unlink(root) {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    node.parent = null;
    for (const c of node.children) stack.push(c);
  }
}

export {
  parseBatch
};
