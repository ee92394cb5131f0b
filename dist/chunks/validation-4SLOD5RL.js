import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  validateRepo
} from "./chunk-HX2J3DT6.js";
import "./chunk-GBEDBQDX.js";
import {
  loadModels
} from "./chunk-EBA6LC2U.js";
import "./chunk-SVJH2PFN.js";
import "./chunk-N4RYFN6R.js";
import "./chunk-6DFYP76U.js";
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
