import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);

// src/util/version.ts
var VERSION = "0.1.0";
var RUN_COMMAND = "npx github:spiff-models/spiff-models#v1";

export {
  VERSION,
  RUN_COMMAND
};
