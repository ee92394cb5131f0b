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
} from "./chunk-6NSTDJRT.js";
import "./chunk-OZF22TXI.js";
import "./chunk-OWPOM6BR.js";
import "./chunk-Y3AZF46F.js";
import "./chunk-BVRBKMGC.js";
import "./chunk-BGB2RDGS.js";
import "./chunk-PN23CBJR.js";
import "./chunk-4EXYJSEP.js";
import "./chunk-GBEDBQDX.js";
import "./chunk-7WCS4KHY.js";
import "./chunk-DMEOVXCN.js";
import "./chunk-3CAJKAKH.js";
import "./chunk-4JVKBMSP.js";
import "./chunk-77VAIQE6.js";
import "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";
export {
  cachePath,
  reproduceCommand,
  validateCli
};
