import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  parseBatch
} from "./chunks/chunk-QD4LZCD4.js";
import "./chunks/chunk-67F3FYUU.js";
import "./chunks/chunk-GQTEAGUB.js";
import "./chunks/chunk-436XQEGX.js";

// src/parse-worker.ts
import module from "node:module";
import { parentPort } from "node:worker_threads";
module.enableCompileCache?.();
parentPort?.on("message", (items) => parentPort?.postMessage(parseBatch(items)));
