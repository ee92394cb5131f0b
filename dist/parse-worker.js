import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  readText
} from "./chunks/chunk-EKNM7AET.js";
import "./chunks/chunk-GQTEAGUB.js";
import {
  parseXml
} from "./chunks/chunk-RZX3ISAB.js";
import "./chunks/chunk-436XQEGX.js";

// src/parse-worker.ts
import module from "node:module";
import { parentPort } from "node:worker_threads";

// src/models/parse-worker.ts
import fs from "node:fs";
function parseBatch(items) {
  return items.map((item) => {
    const got = readText({ ...item, size: -1 }, () => fs.readFileSync(item.abs));
    const parsed = got.text === void 0 ? { hasDoctype: false } : parseXml(got.text);
    if (parsed.root) unlink(parsed.root);
    return { i: item.i, size: got.size, finding: got.finding, parsed, hadText: got.text !== void 0 };
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

// src/parse-worker.ts
module.enableCompileCache?.();
parentPort?.on("message", (items) => parentPort?.postMessage(parseBatch(items)));
