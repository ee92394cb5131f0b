import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  cachePath,
  reproduceCommand,
  validateCli
} from "./chunk-JIK67LK7.js";
import "./chunk-OZF22TXI.js";
import "./chunk-OWPOM6BR.js";
import "./chunk-Y3AZF46F.js";
import "./chunk-BVRBKMGC.js";
import "./chunk-2RWSTIPZ.js";
import "./chunk-PN23CBJR.js";
import "./chunk-HX2J3DT6.js";
import "./chunk-GBEDBQDX.js";
import "./chunk-EBA6LC2U.js";
import "./chunk-SVJH2PFN.js";
import "./chunk-N4RYFN6R.js";
import "./chunk-6DFYP76U.js";
import "./chunk-77VAIQE6.js";
import "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";
export {
  cachePath,
  reproduceCommand,
  validateCli
};
