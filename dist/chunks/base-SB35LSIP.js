import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  buildIndex
} from "./chunk-GFDRROIW.js";
import "./chunk-TZGPA7EC.js";
import {
  git,
  gitBuffer,
  tryGit
} from "./chunk-RCSAUJEA.js";
import {
  SetupError
} from "./chunk-YIX2ZCHG.js";
import "./chunk-QFASGRCW.js";
import "./chunk-G3P6OGWQ.js";
import "./chunk-436XQEGX.js";

// src/validate/base.ts
async function loadAtRef(root, ref) {
  try {
    await git(["rev-parse", "--git-dir"], { cwd: root });
  } catch {
    throw new SetupError(
      `--base ${ref}: the models root ${root} is not inside a git repository, so there is nothing to compare with; drop --base, or validate a checkout`
    );
  }
  try {
    await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: root });
  } catch {
    throw new SetupError(
      `--base ${ref}: no such commit in the repository at ${root}; fetch it first (actions/checkout needs fetch-depth: 0)`
    );
  }
  const prefix = (await git(["rev-parse", "--show-prefix"], { cwd: root })).trim();
  const exists = (await tryGit(["cat-file", "-e", `${ref}:${prefix}`], { cwd: root })).code === 0;
  const listing = exists ? await git(["ls-tree", "--full-tree", "-r", "-l", "-z", `${ref}:${prefix}`], { cwd: root }) : "";
  const entries = [];
  for (const rec of listing.split("\0")) {
    if (!rec) continue;
    const tab = rec.indexOf("	");
    const [, type, oid, size] = rec.slice(0, tab).split(/\s+/);
    if (type !== "blob") continue;
    const p = rec.slice(tab + 1);
    if (p.split("/").includes(".git")) continue;
    entries.push({ path: p, size: Number(size) || 0, oid });
  }
  const wanted = entries.filter((e) => /\.(json|bpmn|dmn)$/i.test(e.path));
  const blobs = /* @__PURE__ */ new Map();
  if (wanted.length) {
    const out = await gitBuffer(["cat-file", "--batch"], {
      cwd: root,
      input: Buffer.from(wanted.map((e) => e.oid).join("\n") + "\n")
    });
    let pos = 0;
    for (const e of wanted) {
      const nl = out.indexOf(10, pos);
      const header = out.subarray(pos, nl).toString();
      const size = Number(header.split(" ")[2]);
      blobs.set(e.path, out.subarray(nl + 1, nl + 1 + size));
      pos = nl + 1 + size + 1;
    }
  }
  return buildIndex(root, entries, [], (f) => blobs.get(f.path) ?? Buffer.alloc(0));
}
async function baseFindings(index, ref) {
  const base = await loadAtRef(index.root, ref);
  const findings = [];
  const warn = (file, message, modelId) => findings.push({
    ruleId: "removed-since-base",
    severity: "warning",
    message,
    file,
    line: 1,
    column: 1,
    modelId
  });
  for (const [id, model] of base.models) {
    if (!index.models.has(id)) {
      warn(
        model.json.file.path,
        `model '${id}' existed at ${ref} and is gone: its running instances can no longer load their definition`,
        null
      );
      continue;
    }
    const before = model.info?.primary_process_id;
    const now = index.models.get(id)?.info?.primary_process_id;
    if (typeof before === "string" && before && before !== now)
      warn(
        `${model.dir ? model.dir + "/" : ""}process_model.json`,
        `primary process of model '${id}' changed from '${before}' (at ${ref}) to '${now ?? ""}': instances started on '${before}' and links to it break`,
        id
      );
  }
  for (const [pid, defs] of base.processes) {
    const def = defs.find((d) => d.modelId);
    if (!def || index.processes.has(pid)) continue;
    if (def.modelId && !index.models.has(def.modelId)) continue;
    warn(
      def.file.path,
      `process id '${pid}' existed at ${ref} (in ${def.file.path}) and is gone: call activities and running instances that use it break`,
      def.modelId
    );
  }
  const changed = /* @__PURE__ */ new Set();
  const cwd = index.root;
  const diff = await git(["diff", "--name-only", "-z", "--relative", ref, "--", "."], { cwd });
  const untracked = await git(["ls-files", "--others", "--exclude-standard", "-z", "--", "."], { cwd });
  for (const p of [...diff.split("\0"), ...untracked.split("\0")]) {
    if (!p) continue;
    const dir = p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "";
    if (index.models.has(dir)) changed.add(dir);
    else if (base.models.has(dir)) changed.add(dir);
  }
  return { findings, changedModels: [...changed].sort() };
}
export {
  baseFindings,
  loadAtRef
};
