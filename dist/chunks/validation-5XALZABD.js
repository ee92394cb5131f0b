import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  validateRepo
} from "./chunk-PEEY5JVV.js";
import "./chunk-GBEDBQDX.js";
import {
  loadModels
} from "./chunk-I234XIMU.js";
import "./chunk-5F4XEBW2.js";
import "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";

// src/promote/validation.ts
async function findingsOf(modelsRoot, configFile, allowEmpty = false) {
  const report = await validateRepo(modelsRoot, { configFile, allowEmpty });
  return report.findings;
}
async function indexOf(modelsRoot) {
  return loadModels(modelsRoot);
}
export {
  findingsOf,
  indexOf
};
