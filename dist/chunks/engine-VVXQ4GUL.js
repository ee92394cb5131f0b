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
} from "./chunk-MGX2LPME.js";
import "./chunk-GBEDBQDX.js";
import "./chunk-I234XIMU.js";
import "./chunk-5F4XEBW2.js";
import "./chunk-BBTBSVJL.js";
import "./chunk-77VAIQE6.js";
import "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";
export {
  engineBuilder,
  formatBytes,
  inputDigest
};
