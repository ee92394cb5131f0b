import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  validateRepo
} from "./chunk-IUHDLOBH.js";
import "./chunk-6T3F3FZU.js";
import {
  loadModels
} from "./chunk-4BJCIIMC.js";
import "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";

// src/promote/validation.ts
async function findingsOf(modelsRoot, configFile) {
  const report = await validateRepo(modelsRoot, configFile ? { configFile } : void 0);
  return report.findings;
}
async function indexOf(modelsRoot) {
  return loadModels(modelsRoot);
}
export {
  findingsOf,
  indexOf
};
