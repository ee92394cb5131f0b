import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  VERSION
} from "./chunk-PN23CBJR.js";
import {
  readableFiles,
  walkDisk
} from "./chunk-TZGPA7EC.js";
import "./chunk-RCSAUJEA.js";
import "./chunk-YIX2ZCHG.js";
import {
  scratchReader
} from "./chunk-G3P6OGWQ.js";
import "./chunk-436XQEGX.js";

// src/validate/cache.ts
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
var FORMAT = 4;
var buildId;
function toolKey() {
  if (buildId) return buildId;
  const hash = crypto.createHash("sha256").update(`${VERSION}\0${FORMAT}\0`);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dirs = here.endsWith(`${path.sep}chunks`) ? [here] : [here, path.join(here, "rules"), path.join(here, "../models")];
  for (const dir of dirs) {
    let names;
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const st = fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
      if (st?.isFile()) hash.update(`${name}\0${st.size}\0${st.mtimeMs}
`);
    }
  }
  return buildId = hash.digest("hex");
}
function repoStats(root, settings, tool, exclude) {
  const tree = walkDisk(root, { stat: false });
  const head = `${tool}\0${JSON.stringify(settings)}\0${JSON.stringify(tree.problems)}
`;
  const paths = readableFiles(tree).map((e) => e.path).filter((p) => p !== exclude);
  paths.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
  const statKey = crypto.createHash("sha256").update(head);
  const stats = new Float64Array(paths.length * 4);
  const errors = /* @__PURE__ */ new Map();
  for (let k = 0; k < paths.length; k++) {
    const p = paths[k];
    try {
      const st = fs.statSync(path.join(root, p));
      stats[4 * k] = st.size;
      stats[4 * k + 1] = st.mtimeMs;
      stats[4 * k + 2] = st.ctimeMs;
      stats[4 * k + 3] = st.ino;
      statKey.update(`${p}\0${st.size}\0${st.mtimeMs}\0${st.ctimeMs}\0${st.ino}
`);
    } catch (err) {
      const error = `unreadable ${err.message}`;
      errors.set(k, error);
      statKey.update(`${p}\0${error}
`);
    }
  }
  return { root, tree, statKey: statKey.digest("hex"), head, paths, stats, errors };
}
function fingerprint(repo, previous) {
  const files = {};
  const key = crypto.createHash("sha256");
  key.update(repo.head);
  const read = scratchReader(Infinity);
  const { paths, stats, errors } = repo;
  for (let k = 0; k < paths.length; k++) {
    const p = paths[k];
    const size = stats[4 * k];
    const mtimeMs = stats[4 * k + 1];
    const ctimeMs = stats[4 * k + 2];
    const ino = stats[4 * k + 3];
    let entry;
    const error = errors.get(k);
    if (error !== void 0) entry = [-1, 0, 0, 0, error];
    else {
      const old = previous?.[p];
      if (Array.isArray(old) && old[0] === size && old[1] === mtimeMs && old[2] === ctimeMs && old[3] === ino)
        entry = old;
      else {
        try {
          const hash = crypto.createHash("sha1").update(read(path.join(repo.root, p))).digest("hex");
          entry = [size, mtimeMs, ctimeMs, ino, hash];
        } catch (err) {
          entry = [-1, 0, 0, 0, `unreadable ${err.message}`];
        }
      }
    }
    files[p] = entry;
    key.update(`${p}\0${entry[4]}
`);
  }
  return { key: key.digest("hex"), statKey: repo.statKey, files };
}
function readCache(file, root, tool) {
  let text;
  let first;
  let header;
  try {
    text = fs.readFileSync(file, "utf8");
    first = text.indexOf("\n");
    if (first < 0) return void 0;
    header = JSON.parse(text.slice(0, first));
  } catch {
    return void 0;
  }
  if (header?.format !== FORMAT || header.tool !== tool || header.root !== root) return void 0;
  if (typeof header.key !== "string" || typeof header.statKey !== "string") return void 0;
  const second = text.indexOf("\n", first + 1);
  if (second < 0) return void 0;
  const line = (from, to) => {
    try {
      const v = JSON.parse(text.slice(from, to));
      return v && typeof v === "object" ? v : void 0;
    } catch {
      return void 0;
    }
  };
  let report = null;
  let files = null;
  return {
    format: header.format,
    tool: header.tool,
    root: header.root,
    key: header.key,
    statKey: header.statKey,
    report: () => report === null ? report = line(first + 1, second) : report,
    files: () => files === null ? files = line(second + 1, void 0) : files
  };
}
function writeCache(file, root, tool, print, report) {
  const header = { format: FORMAT, tool, root, key: print.key, statKey: print.statKey };
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      tmp,
      `${JSON.stringify(header)}
${JSON.stringify(report)}
${JSON.stringify(print.files)}
`
    );
    fs.renameSync(tmp, file);
    return void 0;
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
    }
    return `cannot write the cache file ${file}: ${err.message}`;
  }
}
export {
  fingerprint,
  readCache,
  repoStats,
  toolKey,
  writeCache
};
