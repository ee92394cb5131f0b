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
var FORMAT = 3;
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
function fingerprint(root, settings, tool, previous, exclude) {
  const tree = walkDisk(root, { stat: false });
  const walkFindings = tree.problems;
  const entries = readableFiles(tree).map((e) => ({ path: e.path }));
  const files = {};
  const key = crypto.createHash("sha256");
  key.update(`${tool}\0${JSON.stringify(settings)}\0${JSON.stringify(walkFindings)}
`);
  entries.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const read = scratchReader(Infinity);
  for (const e of entries) {
    if (e.path === exclude) continue;
    const abs = path.join(root, e.path);
    let entry;
    try {
      const st = fs.statSync(abs);
      const old = previous?.[e.path];
      if (Array.isArray(old) && old[0] === st.size && old[1] === st.mtimeMs && old[2] === st.ctimeMs && old[3] === st.ino)
        entry = old;
      else {
        const hash = crypto.createHash("sha1").update(read(abs)).digest("hex");
        entry = [st.size, st.mtimeMs, st.ctimeMs, st.ino, hash];
      }
    } catch (err) {
      entry = [-1, 0, 0, 0, `unreadable ${err.message}`];
    }
    files[e.path] = entry;
    key.update(`${e.path}\0${entry[4]}
`);
  }
  return { key: key.digest("hex"), files };
}
function readCache(file, root, tool) {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return void 0;
  }
  if (data?.format !== FORMAT || data.tool !== tool || data.root !== root || !data.files) return void 0;
  return data;
}
function writeCache(file, root, tool, print, report) {
  const data = { format: FORMAT, tool, root, key: print.key, files: print.files, report };
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(data));
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
  toolKey,
  writeCache
};
