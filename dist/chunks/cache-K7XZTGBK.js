import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  DEFAULT_CACHE_FILE,
  cachePath,
  fingerprint,
  readCache,
  toolKey,
  writeCache
} from "./chunk-BWNFGLB4.js";
import "./chunk-PN23CBJR.js";
import "./chunk-TZGPA7EC.js";
import "./chunk-RCSAUJEA.js";
import "./chunk-YIX2ZCHG.js";
import "./chunk-G3P6OGWQ.js";
import "./chunk-436XQEGX.js";
export {
  DEFAULT_CACHE_FILE,
  cachePath,
  fingerprint,
  readCache,
  toolKey,
  writeCache
};
