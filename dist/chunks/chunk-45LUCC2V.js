import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  SetupError
} from "./chunk-YIX2ZCHG.js";

// src/models/empty.ts
var MODEL_FILE = "process_model.json";
function noModelsError(where, fix) {
  return new SetupError(
    `no process models in ${where}: found no ${MODEL_FILE} in it or any sub-folder. ${fix}, or pass --allow-empty (action input allow-empty) if it really holds no model.`
  );
}

export {
  MODEL_FILE,
  noModelsError
};
