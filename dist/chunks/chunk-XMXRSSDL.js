import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  parseXml,
  readText
} from "./chunk-4BJCIIMC.js";

// src/models/parse-worker.ts
import fs from "node:fs";
function parseBatch(items, forTransfer = true) {
  return items.map((item) => {
    const got = readText({ ...item, size: -1 }, () => fs.readFileSync(item.abs));
    const parsed = got.text === void 0 ? { hasDoctype: false } : parseXml(got.text);
    if (parsed.root && forTransfer) unlink(parsed.root);
    return {
      i: item.i,
      size: got.size,
      bom: got.bom,
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
