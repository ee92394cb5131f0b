import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);

// src/util/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var SetupError = class extends Error {
  name = "SetupError";
};
function errorMessage(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}

export {
  UsageError,
  SetupError,
  errorMessage
};
