import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  allRuleIds,
  summarize,
  validateRepo
} from "./chunk-HX2J3DT6.js";
import "./chunk-GBEDBQDX.js";
import "./chunk-EBA6LC2U.js";
import "./chunk-SVJH2PFN.js";
import "./chunk-N4RYFN6R.js";
import "./chunk-6DFYP76U.js";
import "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";
export {
  allRuleIds,
  summarize,
  validateRepo
};
