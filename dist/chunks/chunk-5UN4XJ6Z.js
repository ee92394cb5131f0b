import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);

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
  const { tryGit } = await import("./git-ZN4QGHVN.js");
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

export {
  blobUrl,
  treeUrl,
  runUrl,
  repoPlace
};
