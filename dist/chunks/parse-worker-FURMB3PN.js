import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  parseBatch
} from "./chunk-5UOZ27XE.js";
import "./chunk-3CAJKAKH.js";
import "./chunk-4JVKBMSP.js";
import "./chunk-436XQEGX.js";
export {
  parseBatch
};
