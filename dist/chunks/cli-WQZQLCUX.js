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
} from "./chunk-465ZOF5Q.js";
import "./chunk-OZF22TXI.js";
import "./chunk-OWPOM6BR.js";
import "./chunk-Y3AZF46F.js";
import "./chunk-BVRBKMGC.js";
import "./chunk-JPLP3QSJ.js";
import "./chunk-PN23CBJR.js";
import "./chunk-PEEY5JVV.js";
import "./chunk-GBEDBQDX.js";
import "./chunk-I234XIMU.js";
import "./chunk-5F4XEBW2.js";
import "./chunk-77VAIQE6.js";
import "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";
export {
  cachePath,
  reproduceCommand,
  validateCli
};
