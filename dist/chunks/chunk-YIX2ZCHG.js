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

// src/util/safe-text.ts
var CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function printable(text) {
  return text.replace(
    CONTROL,
    (c) => NAMED[c] ?? (c.charCodeAt(0) < 256 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
  );
}
var isSpace = (c) => /[\s\u0085]/.test(c);
var CommandGuard = class {
  /** The current line so far is white space only (then a `:` may start a command). */
  blank = true;
  /** The current line so far is white space and one `:`. */
  colon = false;
  /** How many `#` end the current line so far (0, 1 or 2). */
  hashes = 0;
  write(chunk) {
    let out = "";
    for (const c of chunk) {
      if (c === "\n" || c === "\r") {
        this.blank = true;
        this.colon = false;
        this.hashes = 0;
        out += c;
        continue;
      }
      if (c === ":" && this.colon) out += "\\";
      if (c === "[" && this.hashes === 2) out += "\\";
      this.colon = c === ":" && this.blank;
      this.blank = this.blank && isSpace(c);
      this.hashes = c === "#" ? Math.min(2, this.hashes + 1) : 0;
      out += c;
    }
    return out;
  }
};
function inert(text) {
  return new CommandGuard().write(text);
}
function jsonText(value, indent = 2) {
  return JSON.stringify(value, null, indent).replace(/##\[/g, "##\\u005b");
}

export {
  UsageError,
  SetupError,
  errorMessage,
  printable,
  CommandGuard,
  inert,
  jsonText
};
