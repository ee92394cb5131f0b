import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  engineBuilder,
  formatBytes,
  inputDigest
} from "./chunk-NYYW53PI.js";
import "./chunk-45LUCC2V.js";
import "./chunk-ICVQ26YC.js";
import "./chunk-QKPN7IDR.js";
import "./chunk-RCSAUJEA.js";
import "./chunk-YIX2ZCHG.js";
import "./chunk-ZKCC33KK.js";
import "./chunk-6DFYP76U.js";
import "./chunk-436XQEGX.js";
export {
  engineBuilder,
  formatBytes,
  inputDigest
};
