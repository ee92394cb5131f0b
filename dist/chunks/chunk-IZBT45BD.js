import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  code,
  link,
  plural,
  prose,
  text,
  truncate
} from "./chunk-OWPOM6BR.js";

// src/util/repo-links.ts
import fs from "node:fs";
import path from "node:path";
var encodePath = (p) => p.split("/").map(encodeURIComponent).join("/");
var base = (l) => `${l.server.replace(/\/+$/, "")}/${l.repository}`;
function blobUrl(l, repoPath, line) {
  return `${base(l)}/blob/${l.commit}/${encodePath(repoPath)}${line && line > 0 ? `#L${line}` : ""}`;
}
function treeUrl(l, repoPath) {
  return `${base(l)}/tree/${l.commit}/${encodePath(repoPath.replace(/\/$/, ""))}`;
}
function runUrl(env) {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server.replace(/\/+$/, "")}/${repo}/actions/runs/${run}` : void 0;
}
async function repoPlace(root, env, fallback = { prefix: "" }) {
  let commit = fallback.commit;
  let prefix = fallback.prefix;
  const { tryGit } = await import("./git-SG5TH76Y.js");
  const r = await tryGit(["rev-parse", "--show-toplevel", "HEAD"], { cwd: root, env }).catch(() => null);
  if (r && r.code === 0) {
    const [top, sha] = r.stdout.trim().split("\n");
    if (top && /^[0-9a-f]{40,64}$/.test(sha ?? "")) {
      commit = sha;
      const rel = path.relative(top, fs.realpathSync(root)).split(path.sep).join("/");
      prefix = rel.startsWith("..") ? fallback.prefix : rel;
    }
  }
  const server = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  return { prefix, links: server && repository && commit ? { server, repository, commit } : void 0 };
}
function relativePrefix(from, root) {
  const rel = path.relative(from, root).split(path.sep).join("/");
  return rel.startsWith("..") ? "" : rel;
}

// src/validate/reporters/finding-lines.ts
var LINE_CHARS = 105;
function byModel(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const list = groups.get(f.modelId);
    if (list) list.push(f);
    else groups.set(f.modelId, [f]);
  }
  const out = [...groups].map(([modelId, list]) => ({ modelId, findings: list }));
  return [...out.filter((g) => g.modelId !== null), ...out.filter((g) => g.modelId === null)];
}
function findingLines(list, what, options = {}) {
  const { prefix = "", links, modelDir = (id) => id } = options;
  const repoPath = (p) => prefix ? `${prefix}/${p}` : p;
  const findingLine = (f, dir) => {
    const shown = dir !== null && f.file.startsWith(`${dir}/`) ? f.file.slice(dir.length + 1) : repoPath(f.file);
    const where = f.line > 0 ? `${shown}:${f.line}` : shown;
    const room = Math.max(50, LINE_CHARS - where.length - 3 - Math.ceil(0.6 * f.ruleId.length));
    const message = shorten(f.message, room);
    const label = code(where);
    const loc = links ? link(label, blobUrl(links, repoPath(f.file), f.line), message === f.message ? void 0 : f.message) : label;
    return `- ${prose(message)} \xB7 ${loc} <sub>${text(f.ruleId)}</sub>`;
  };
  const out = [];
  for (const g of byModel(list)) {
    const dir = g.modelId === null ? null : modelDir(g.modelId);
    const title = dir === null ? "Not in any model" : links ? link(code(`${repoPath(dir)}/`), treeUrl(links, repoPath(dir))) : code(`${repoPath(dir)}/`);
    out.push(`
**${title}** \xB7 ${plural(g.findings.length, what)}`);
    for (const f of g.findings) out.push(findingLine(f, dir));
  }
  return out;
}
function shorten(message, room) {
  const flat = message.replace(/\s+/g, " ");
  if ([...flat].length <= room) return flat;
  let best = -1;
  for (const m of flat.matchAll(/: |; | \(/g)) if (m.index >= 30 && m.index <= room - 2) best = m.index;
  return best > 0 ? `${flat.slice(0, best)} \u2026` : truncate(flat, room);
}

export {
  runUrl,
  repoPlace,
  relativePrefix,
  findingLines
};
