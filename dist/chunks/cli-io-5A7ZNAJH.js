import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import "./chunk-436XQEGX.js";

// src/shell/cli-io.ts
function processIO() {
  return {
    // The raw streams: main() wraps them in the command guard before any command prints.
    /* eslint-disable no-restricted-syntax */
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    /* eslint-enable no-restricted-syntax */
    cwd: process.cwd(),
    env: process.env,
    isTTY: colorWanted(Boolean(process.stdout.isTTY), process.env)
  };
}
function colorWanted(isTTY, env) {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== void 0 && force !== "") return !["0", "false"].includes(force.toLowerCase());
  return isTTY;
}
export {
  colorWanted,
  processIO
};
