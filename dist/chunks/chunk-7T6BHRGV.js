import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  UsageError,
  jsonText
} from "./chunk-YIX2ZCHG.js";
import {
  __commonJS,
  __toESM
} from "./chunk-436XQEGX.js";

// node_modules/fastest-levenshtein/mod.js
var require_mod = __commonJS({
  "node_modules/fastest-levenshtein/mod.js"(exports) {
    "use strict";
    exports.__esModule = true;
    exports.distance = exports.closest = void 0;
    var peq = new Uint32Array(65536);
    var myers_32 = function(a, b) {
      var n = a.length;
      var m = b.length;
      var lst = 1 << n - 1;
      var pv = -1;
      var mv = 0;
      var sc = n;
      var i = n;
      while (i--) {
        peq[a.charCodeAt(i)] |= 1 << i;
      }
      for (i = 0; i < m; i++) {
        var eq = peq[b.charCodeAt(i)];
        var xv = eq | mv;
        eq |= (eq & pv) + pv ^ pv;
        mv |= ~(eq | pv);
        pv &= eq;
        if (mv & lst) {
          sc++;
        }
        if (pv & lst) {
          sc--;
        }
        mv = mv << 1 | 1;
        pv = pv << 1 | ~(xv | mv);
        mv &= xv;
      }
      i = n;
      while (i--) {
        peq[a.charCodeAt(i)] = 0;
      }
      return sc;
    };
    var myers_x = function(b, a) {
      var n = a.length;
      var m = b.length;
      var mhc = [];
      var phc = [];
      var hsize = Math.ceil(n / 32);
      var vsize = Math.ceil(m / 32);
      for (var i = 0; i < hsize; i++) {
        phc[i] = -1;
        mhc[i] = 0;
      }
      var j = 0;
      for (; j < vsize - 1; j++) {
        var mv_1 = 0;
        var pv_1 = -1;
        var start_1 = j * 32;
        var vlen_1 = Math.min(32, m) + start_1;
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] |= 1 << k;
        }
        for (var i = 0; i < n; i++) {
          var eq = peq[a.charCodeAt(i)];
          var pb = phc[i / 32 | 0] >>> i & 1;
          var mb = mhc[i / 32 | 0] >>> i & 1;
          var xv = eq | mv_1;
          var xh = ((eq | mb) & pv_1) + pv_1 ^ pv_1 | eq | mb;
          var ph = mv_1 | ~(xh | pv_1);
          var mh = pv_1 & xh;
          if (ph >>> 31 ^ pb) {
            phc[i / 32 | 0] ^= 1 << i;
          }
          if (mh >>> 31 ^ mb) {
            mhc[i / 32 | 0] ^= 1 << i;
          }
          ph = ph << 1 | pb;
          mh = mh << 1 | mb;
          pv_1 = mh | ~(xv | ph);
          mv_1 = ph & xv;
        }
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] = 0;
        }
      }
      var mv = 0;
      var pv = -1;
      var start = j * 32;
      var vlen = Math.min(32, m - start) + start;
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] |= 1 << k;
      }
      var score = m;
      for (var i = 0; i < n; i++) {
        var eq = peq[a.charCodeAt(i)];
        var pb = phc[i / 32 | 0] >>> i & 1;
        var mb = mhc[i / 32 | 0] >>> i & 1;
        var xv = eq | mv;
        var xh = ((eq | mb) & pv) + pv ^ pv | eq | mb;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        score += ph >>> m - 1 & 1;
        score -= mh >>> m - 1 & 1;
        if (ph >>> 31 ^ pb) {
          phc[i / 32 | 0] ^= 1 << i;
        }
        if (mh >>> 31 ^ mb) {
          mhc[i / 32 | 0] ^= 1 << i;
        }
        ph = ph << 1 | pb;
        mh = mh << 1 | mb;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
      }
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] = 0;
      }
      return score;
    };
    var distance2 = function(a, b) {
      if (a.length < b.length) {
        var tmp = b;
        b = a;
        a = tmp;
      }
      if (b.length === 0) {
        return a.length;
      }
      if (a.length <= 32) {
        return myers_32(a, b);
      }
      return myers_x(a, b);
    };
    exports.distance = distance2;
    var closest2 = function(str, arr) {
      var min_distance = Infinity;
      var min_index = 0;
      for (var i = 0; i < arr.length; i++) {
        var dist = distance2(str, arr[i]);
        if (dist < min_distance) {
          min_distance = dist;
          min_index = i;
        }
      }
      return arr[min_index];
    };
    exports.closest = closest2;
  }
});

// src/util/options.ts
var import_fastest_levenshtein = __toESM(require_mod(), 1);
import { parseArgs } from "node:util";
var flagOf = (o, key) => o.flag === null ? null : o.flag ?? kebab(key);
var inputOf = (o, key) => o.input === null ? null : o.input ?? kebab(key);
function cliFlag(o, key) {
  const flag = flagOf(o, key);
  if (flag === null) return null;
  return o.type === "boolean" && o.default === true ? `no-${flag}` : flag;
}
function kebab(name) {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
function camel(name) {
  return name.replace(/-([a-z0-9])/g, (_m, c) => c.toUpperCase());
}
function splitList(text, separators = /[\n,]/) {
  return text.split(separators).map((s) => s.trim()).filter(Boolean);
}
function closest(word, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = (0, import_fastest_levenshtein.distance)(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== void 0 && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : void 0;
}
function suggestion(word, candidates, prefix = "") {
  const hit = closest(word, candidates);
  return hit ? `; did you mean ${prefix}${hit}?` : "";
}
function cliFlags(spec) {
  const flags = ["--help"];
  for (const [key, o] of Object.entries(spec.options)) {
    const f = cliFlag(o, key);
    if (f) flags.push(`--${f}`);
  }
  return flags;
}
function parseFlags(spec, argv) {
  const options = {};
  for (const [key, o] of Object.entries(spec.options)) {
    const flag = cliFlag(o, key);
    if (!flag) continue;
    options[flag] = {
      type: o.type === "boolean" ? "boolean" : "string",
      ...o.type === "list" ? { multiple: true } : {},
      ...o.short ? { short: o.short } : {}
    };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw parseError(err, spec);
  }
  const values = {};
  for (const [key, o] of Object.entries(spec.options)) {
    const flag = cliFlag(o, key);
    const raw = flag ? parsed.values[flag] : void 0;
    if (o.type === "boolean") values[key] = o.default === true ? raw !== true : raw === true;
    else if (o.type === "list") values[key] = (raw ?? []).map((s) => s.trim());
    else values[key] = raw ?? (typeof o.default === "string" ? o.default : void 0);
  }
  return { values, positionals: parsed.positionals };
}
function parseError(err, spec) {
  const code = err.code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const word = /'(-{1,2}[^'\s]+)'/.exec(message)?.[1] ?? "";
    const name = word.replace(/^-+/, "").replace(/=.*$/, "");
    const hit = closest(
      `--${name}`,
      cliFlags(spec).filter((f) => f !== "--help")
    );
    return new UsageError(`unknown option ${word}${hit ? `; did you mean ${hit}?` : ""}`);
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const flag = /--([a-z0-9-]+)/.exec(message)?.[1];
    if (/argument missing/.test(message) && flag) return new UsageError(`--${flag} needs a value`);
    return new UsageError(message.split("\n")[0]);
  }
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS"))
    return new UsageError(message.split("\n")[0]);
  return err instanceof Error ? err : new Error(message);
}
function wrap(text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
function usageText(spec) {
  const rows = [];
  for (const [key, o] of Object.entries(spec.options)) {
    const flag = cliFlag(o, key);
    if (!flag) continue;
    const arg = o.type === "boolean" ? "" : ` ${o.arg ?? "VALUE"}`;
    const short = o.short ? `-${o.short}, ` : "";
    let doc = o.flagDoc ?? o.doc;
    if (o.type === "list") doc += " (repeatable)";
    if (typeof o.default === "string" && o.default && !/\(default/.test(doc))
      doc += ` (default ${o.default})`;
    rows.push([`${short}--${flag}${arg}`, doc]);
  }
  const width = 24;
  rows.unshift(...(spec.args ?? []).map(([name, doc]) => [name, doc]));
  const indent = " ".repeat(width + 4);
  const lines = rows.map(([f, d]) => {
    const text = wrap(d, 110 - indent.length).join(`
${indent}`);
    return f.length > width ? `  ${f}
${indent}${text}` : `  ${f.padEnd(width)}  ${text}`;
  });
  return [
    spec.synopsis,
    "",
    ...spec.intro ? [spec.intro.trimEnd(), ""] : [],
    ...lines,
    "",
    ...spec.epilogue ? [spec.epilogue.trimEnd(), ""] : []
  ].join("\n");
}
function jsonOutputs(spec, outputs, extras = {}) {
  const json = {};
  for (const name of Object.keys(spec.outputs)) if (name in outputs) json[camel(name)] = outputs[name];
  for (const [k, v] of Object.entries(extras)) if (!(k in json)) json[k] = v;
  return json;
}
var PATH_OPTION = {
  type: "string",
  flag: null,
  input: "path",
  default: ".",
  doc: "Models root (the directory SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR points at), relative to the workspace"
};
var ACTION_INPUTS = {
  command: {
    type: "string",
    flag: null,
    default: "validate",
    doc: "What to do: validate, bake, promote, publish or notify"
  },
  summary: {
    type: "boolean",
    flag: null,
    default: true,
    doc: "Write the job summary (false: only the log, annotations and outputs)"
  }
};
function reportJson(spec, report, outputs) {
  const json = { ...report };
  for (const [name, value] of Object.entries(outputs)) {
    const key = camel(name);
    if (!(key in json)) json[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return `${jsonText(json)}
`;
}

export {
  inputOf,
  splitList,
  suggestion,
  parseFlags,
  usageText,
  jsonOutputs,
  PATH_OPTION,
  ACTION_INPUTS,
  reportJson
};
