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
} from "./chunk-RR4BOAHI.js";
import "./chunk-GBEDBQDX.js";
import "./chunk-5TMRXRO6.js";
import "./chunk-5SA2YB5J.js";
import "./chunk-KN2DLI75.js";
import "./chunk-6DFYP76U.js";
import "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";
export {
  allRuleIds,
  summarize,
  validateRepo
};
