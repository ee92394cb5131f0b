import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  info
} from "./chunk-QMTJK4C2.js";
import {
  inert
} from "./chunk-YIX2ZCHG.js";

// src/shell/log.ts
function info2(text) {
  info(inert(text));
}

export {
  info2 as info
};
