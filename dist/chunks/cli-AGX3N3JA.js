import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  cachePath,
  relativePrefix,
  reproduceCommand,
  validateCli
} from "./chunk-N72BN6X6.js";
import "./chunk-ULJN7Q4C.js";
import "./chunk-OWPOM6BR.js";
import "./chunk-Y3AZF46F.js";
import "./chunk-BVRBKMGC.js";
import "./chunk-KQTWUWWG.js";
import "./chunk-VKIR3ZDQ.js";
import "./chunk-ZZ6QSYCT.js";
import "./chunk-GBEDBQDX.js";
import "./chunk-5UN4XJ6Z.js";
import "./chunk-R3HVHBSX.js";
import "./chunk-5F4XEBW2.js";
import "./chunk-77VAIQE6.js";
import "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";
export {
  cachePath,
  relativePrefix,
  reproduceCommand,
  validateCli
};
