import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  gitSync,
  tryGitSync
} from "./chunk-RCSAUJEA.js";
import {
  SetupError
} from "./chunk-YIX2ZCHG.js";
import {
  specialKind
} from "./chunk-G3P6OGWQ.js";

// src/models/tree.ts
import fs from "node:fs";
import path from "node:path";
function comparePaths(a, b) {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
function relativeLink(fromDir, to) {
  return path.posix.relative(fromDir, to) || ".";
}
function walkDisk(root, options = {}) {
  const statFiles = options.stat ?? true;
  const abs = path.resolve(root);
  const realRoot = fs.realpathSync(abs);
  const entries = [];
  const problems = [];
  const toRel = (p) => path.relative(realRoot, p).split(path.sep).join("/");
  const base = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep;
  const absOf = path.sep === "/" ? (rel) => base + rel : (rel) => path.join(realRoot, rel);
  const stack = [""];
  while (stack.length) {
    const rel = stack.pop();
    let listing;
    try {
      listing = fs.readdirSync(rel ? absOf(rel) : realRoot, { withFileTypes: true });
    } catch (err) {
      problems.push({ path: rel || ".", kind: "unreadable", detail: err.message });
      continue;
    }
    for (const dirent of listing) {
      const name = dirent.name;
      if (name === ".git") continue;
      const childRel = rel ? `${rel}/${name}` : name;
      const childAbs = absOf(childRel);
      const st = statFiles && dirent.isFile() ? fs.lstatSync(childAbs) : void 0;
      const info = st ?? dirent;
      if (info.isDirectory()) {
        entries.push({ path: childRel, type: "directory", executable: true, size: 0 });
        stack.push(childRel);
      } else if (info.isFile()) {
        entries.push({
          path: childRel,
          type: "file",
          executable: st ? (st.mode & 73) !== 0 : false,
          size: st ? st.size : -1,
          source: { kind: "disk", abs: childAbs }
        });
      } else if (info.isSymbolicLink()) {
        const link = fs.readlinkSync(childAbs);
        let real;
        try {
          real = fs.realpathSync(childAbs);
        } catch {
          problems.push({ path: childRel, kind: "broken-link", link, detail: link });
          continue;
        }
        if (real !== realRoot && !real.startsWith(base)) {
          problems.push({ path: childRel, kind: "outside-root", link, detail: real });
          continue;
        }
        const targetInfo = fs.statSync(real);
        if (!targetInfo.isDirectory() && !targetInfo.isFile()) {
          problems.push({
            path: childRel,
            kind: "special",
            link,
            detail: `a symbolic link to ${specialKind(targetInfo)}`
          });
          continue;
        }
        const targetRel = toRel(real);
        const dir = rel;
        entries.push({
          path: childRel,
          type: "symlink",
          executable: false,
          size: 0,
          link,
          linkname: relativeLink(dir, targetRel),
          target: { path: targetRel, type: targetInfo.isDirectory() ? "directory" : "file" },
          source: { kind: "disk", abs: childAbs }
        });
      } else {
        problems.push({ path: childRel, kind: "special", detail: specialKind(info) });
      }
    }
  }
  entries.sort(comparePaths);
  return { root: abs, from: "disk", commit: null, gitDir: null, entries, problems };
}
function readableFiles(tree) {
  return tree.entries.filter((e) => e.type === "file" || e.type === "symlink" && e.target?.type === "file");
}
function readBlobs(gitDir, oids) {
  const out = /* @__PURE__ */ new Map();
  const wanted = [...new Set(oids)];
  if (wanted.length === 0) return out;
  const buf = gitSync(["cat-file", "--batch"], { gitDir, input: `${wanted.join("\n")}
` });
  let pos = 0;
  for (const oid of wanted) {
    const nl = buf.indexOf(10, pos);
    const header = buf.subarray(pos, nl).toString();
    const [, type, size] = header.split(" ");
    if (type !== "blob") throw new SetupError(`git object ${oid} in ${gitDir} is missing (${header}).`);
    out.set(oid, buf.subarray(nl + 1, nl + 1 + Number(size)));
    pos = nl + 1 + Number(size) + 1;
  }
  return out;
}
function readTreeFile(tree, relPath) {
  const entry = tree.entries.find((e) => e.path === relPath && e.type === "file");
  if (!entry?.source) return null;
  if (entry.source.kind === "disk") return fs.readFileSync(entry.source.abs);
  return readBlobs(tree.gitDir, [entry.source.oid]).get(entry.source.oid) ?? null;
}
var MAX_LINK_HOPS = 40;
function resolveLinks(entries, problems, root) {
  const roots = [.../* @__PURE__ */ new Set([root, fs.realpathSync(root)])];
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const walkPath = (p, hops) => {
    if (p === "." || p === "") return { path: "" };
    if (p === ".." || p.startsWith("../")) return { outside: path.posix.join(root, p) };
    const parts = p.split("/");
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join("/");
      const e = byPath.get(prefix);
      if (!e) return { broken: true };
      if (e.type === "symlink") {
        if (hops >= MAX_LINK_HOPS) return { broken: true };
        const through = resolveLink(e, hops + 1);
        if (!("path" in through)) return through;
        const rest = parts.slice(i).join("/");
        return walkPath(path.posix.normalize(path.posix.join(through.path || ".", rest)), hops + 1);
      }
    }
    return { path: p };
  };
  const resolveLink = (e, hops) => {
    const link = e.link;
    if (path.posix.isAbsolute(link)) {
      const inside = roots.find((r) => link === r || link.startsWith(`${r}/`));
      return inside === void 0 ? { outside: link } : walkPath(link.slice(inside.length + 1), hops);
    }
    const dir = path.posix.dirname(e.path);
    return walkPath(path.posix.normalize(path.posix.join(dir === "." ? "" : dir, link)), hops);
  };
  const kept = [];
  for (const e of entries) {
    if (e.type !== "symlink") {
      kept.push(e);
      continue;
    }
    const r = resolveLink(e, 0);
    if ("outside" in r) {
      problems.push({ path: e.path, kind: "outside-root", link: e.link, detail: r.outside });
    } else if ("broken" in r) {
      problems.push({ path: e.path, kind: "broken-link", link: e.link, detail: e.link });
    } else {
      const target = byPath.get(r.path);
      const dir = path.posix.dirname(e.path);
      kept.push({
        ...e,
        linkname: relativeLink(dir === "." ? "" : dir, r.path),
        target: { path: r.path, type: r.path === "" || target?.type === "directory" ? "directory" : "file" }
      });
    }
  }
  for (const e of kept) {
    if (e.type === "symlink" && e.target?.type === "file") e.source = byPath.get(e.target.path)?.source;
  }
  return kept;
}
function readGitTree(root, commit) {
  const abs = path.resolve(root);
  const gitDir = path.resolve(
    abs,
    gitSync(["rev-parse", "--git-common-dir"], { cwd: abs }).toString().trim()
  );
  const prefix = gitSync(["rev-parse", "--show-prefix"], { cwd: abs }).toString().trim();
  const entries = [];
  const problems = [];
  const listing = tryGitSync(["ls-tree", "--full-tree", "-r", "-t", "-l", "-z", `${commit}:${prefix}`], {
    cwd: abs
  });
  const text = listing.code === 0 ? listing.stdout.toString("utf8") : "";
  const links = [];
  for (const rec of text.split("\0")) {
    if (!rec) continue;
    const tab = rec.indexOf("	");
    const [mode, type, oid, size] = rec.slice(0, tab).split(/\s+/);
    const p = rec.slice(tab + 1);
    if (p.split("/").includes(".git")) continue;
    if (type === "tree") entries.push({ path: p, type: "directory", executable: true, size: 0 });
    else if (type === "commit") problems.push({ path: p, kind: "special", detail: "a git submodule" });
    else if (mode === "120000") {
      const e = {
        path: p,
        type: "symlink",
        executable: false,
        size: 0,
        source: { kind: "git", oid }
      };
      links.push(e);
      entries.push(e);
    } else {
      entries.push({
        path: p,
        type: "file",
        executable: mode === "100755",
        size: Number(size) || 0,
        source: { kind: "git", oid }
      });
    }
  }
  const targets = readBlobs(
    gitDir,
    links.map((e) => e.source.oid)
  );
  for (const e of links) {
    e.link = targets.get(e.source.oid)?.toString("utf8") ?? "";
    delete e.source;
  }
  entries.sort(comparePaths);
  return {
    root: abs,
    from: "git",
    commit,
    gitDir,
    entries: resolveLinks(entries, problems, abs),
    problems
  };
}
function addFromDisk(tree, paths) {
  const disk = walkDisk(tree.root);
  const wanted = new Set(paths);
  const have = new Set(tree.entries.map((e) => e.path));
  const entries = [...tree.entries];
  for (const e of disk.entries) {
    if (!wanted.has(e.path) || have.has(e.path)) continue;
    entries.push(e);
    have.add(e.path);
    for (let i = e.path.indexOf("/"); i >= 0; i = e.path.indexOf("/", i + 1)) {
      const dir = e.path.slice(0, i);
      if (!have.has(dir)) {
        entries.push({ path: dir, type: "directory", executable: true, size: 0 });
        have.add(dir);
      }
    }
  }
  const problems = [...tree.problems, ...disk.problems.filter((p) => wanted.has(p.path))];
  entries.sort(comparePaths);
  return { ...tree, entries, problems };
}
function treeReader(tree) {
  let loaded = null;
  const byPath = new Map(tree.entries.map((e) => [e.path, e]));
  return (relPath) => {
    const source = byPath.get(relPath)?.source;
    if (!source) throw new Error(`not in the tree: ${relPath}`);
    if (source.kind === "disk") return fs.readFileSync(source.abs);
    if (!loaded) {
      const oids = readableFiles(tree).filter((e) => /\.(json|bpmn|dmn)$/i.test(e.path) && e.source?.kind === "git").map((e) => e.source.oid);
      loaded = readBlobs(tree.gitDir, oids);
    }
    if (!loaded.has(source.oid)) {
      for (const [oid, bytes] of readBlobs(tree.gitDir, [source.oid])) loaded.set(oid, bytes);
    }
    return loaded.get(source.oid);
  };
}

export {
  walkDisk,
  readableFiles,
  readBlobs,
  readTreeFile,
  readGitTree,
  addFromDisk,
  treeReader
};
