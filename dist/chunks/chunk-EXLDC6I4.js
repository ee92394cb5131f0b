import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  getInput
} from "./chunk-IZVWCBO4.js";
import {
  UsageError
} from "./chunk-GQTEAGUB.js";

// src/action/inputs.ts
var TRUE = /* @__PURE__ */ new Set(["true", "yes", "on", "1"]);
var FALSE = /* @__PURE__ */ new Set(["false", "no", "off", "0"]);
function booleanInput(name, fallback = false) {
  const raw = getInput(name).trim().toLowerCase();
  if (!raw) return fallback;
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  throw new UsageError(`Input '${name}' must be true or false; got '${getInput(name)}'.`);
}
function listInput(name) {
  return getInput(name).split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
}
function requiredInput(name) {
  const value = getInput(name);
  if (!value) throw new UsageError(`Input '${name}' is required for command '${getInput("command")}'.`);
  return value;
}

export {
  booleanInput,
  listInput,
  requiredInput
};
