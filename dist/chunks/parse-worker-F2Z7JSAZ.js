import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  MAX_AHEAD,
  NEXT,
  TAKEN,
  farAhead,
  parseFile,
  work
} from "./chunk-NWCIJQMG.js";
import "./chunk-QFASGRCW.js";
import "./chunk-G3P6OGWQ.js";
import "./chunk-436XQEGX.js";
export {
  MAX_AHEAD,
  NEXT,
  TAKEN,
  farAhead,
  parseFile,
  work
};
