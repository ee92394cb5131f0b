import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  addLabels,
  createPull,
  fastForwardViaApi,
  findOpenPull,
  mergeViaApi,
  requestReviewers,
  updatePull
} from "./chunk-QJCR5STD.js";
import {
  findingLines
} from "./chunk-IZBT45BD.js";
import {
  code,
  details,
  firstItems,
  link,
  plural,
  prose,
  text
} from "./chunk-OWPOM6BR.js";
import {
  noModelsError
} from "./chunk-45LUCC2V.js";
import {
  cleanUpOnSignal,
  git,
  splitZ,
  tryGit
} from "./chunk-RCSAUJEA.js";
import {
  SetupError,
  UsageError,
  printable
} from "./chunk-YIX2ZCHG.js";

// src/promote/gate.ts
import { existsSync } from "node:fs";

// src/promote/workarea.ts
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
var DEFAULT_AUTHOR = { name: "spiff-models", email: "spiff-models@users.noreply.github.com" };
function looksLikeUrl(remote) {
  return /[/:\\]/.test(remote) || remote.endsWith(".git");
}
function modelsPrefix(repoRoot, modelsRootAbs, given) {
  const rel = path.relative(repoRoot, modelsRootAbs).split(path.sep).join("/");
  if (rel === ".." || rel.startsWith("../") || path.isAbsolute(rel)) {
    throw new UsageError(`The models path '${given}' is outside the git repository at ${repoRoot}.`);
  }
  return rel;
}
async function toplevel(cwd, env) {
  const r = await tryGit(["rev-parse", "--show-toplevel"], { cwd, env }).catch(() => null);
  return r && r.code === 0 ? r.stdout.trim() : null;
}
async function identityEnv(cwd, env, author) {
  let who = author;
  if (!who) {
    const r = await tryGit(["var", "GIT_COMMITTER_IDENT"], { cwd, env });
    const a = await tryGit(["var", "GIT_AUTHOR_IDENT"], { cwd, env });
    if (r.code === 0 && a.code === 0) return env;
    who = DEFAULT_AUTHOR;
  }
  return {
    ...env,
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email
  };
}
function area(kind, workDir, remote, prefix, env, close) {
  return {
    kind,
    workDir,
    remote,
    prefix,
    modelsRoot: prefix ? path.join(workDir, ...prefix.split("/")) : workDir,
    env,
    git: (args, input) => git(args, { cwd: workDir, env, input }),
    tryGit: (args, input) => tryGit(args, { cwd: workDir, env, input }),
    close
  };
}
async function openWorkArea(ctx) {
  const cwd = path.resolve(ctx.cwd);
  const top = await toplevel(cwd, ctx.env);
  let remotes = [];
  if (top) remotes = (await git(["remote"], { cwd: top, env: ctx.env })).split("\n").filter(Boolean);
  if (top && remotes.includes(ctx.remote)) {
    const prefix = modelsPrefix(top, path.resolve(cwd, ctx.path), ctx.path);
    const env2 = await identityEnv(top, ctx.env, ctx.author);
    if (ctx.inWorkspace) {
      const dirty = await git(["status", "--porcelain", "--untracked-files=no"], { cwd: top, env: env2 });
      if (dirty.trim()) {
        throw new SetupError(
          `The checkout at ${top} has uncommitted changes:
${dirty.trimEnd()}
Commit or stash them, or run without --in-workspace (a scratch worktree is used then).`
        );
      }
      const branch = await tryGit(["symbolic-ref", "-q", "--short", "HEAD"], { cwd: top, env: env2 });
      const head = (await tryGit(["rev-parse", "-q", "--verify", "HEAD"], { cwd: top, env: env2 })).stdout.trim();
      if (branch.code !== 0 && head) {
        const refs = ["refs/heads", "refs/remotes", "refs/tags"];
        const held = await git(["for-each-ref", "--count=1", "--contains", head, ...refs], { cwd: top, env: env2 });
        if (!held.trim() && head !== ctx.env.GITHUB_SHA) {
          throw new SetupError(
            `The checkout at ${top} is on a detached HEAD, ${head}, that no branch or tag holds: --in-workspace would leave it behind. Keep it on a branch first (git switch -c NAME), or run without --in-workspace.`
          );
        }
      }
      const back = branch.code === 0 ? ["checkout", "-f", "-q", branch.stdout.trim()] : ["checkout", "-f", "-q", "--detach", head];
      const forget3 = cleanUpOnSignal(`putting the checkout at ${top} back where it was`, () => {
        const sync = { cwd: top, env: { ...env2, LC_ALL: "C" }, stdio: "ignore" };
        spawnSync("git", ["merge", "--abort"], sync);
        if (head) spawnSync("git", back, sync);
      });
      return area("workspace", top, ctx.remote, prefix, env2, async (keep) => {
        forget3();
        await tryGit(["merge", "--abort"], { cwd: top, env: env2 });
        if (keep || !head) return;
        await tryGit(back, { cwd: top, env: env2 });
      });
    }
    const scratch2 = await mkdtemp(path.join(tmpdir(), "spiff-models-"));
    const workDir2 = path.join(scratch2, "work");
    const forget2 = cleanUpOnSignal(`removing the scratch worktree ${workDir2}`, () => {
      const sync = { cwd: top, env: { ...env2, LC_ALL: "C" }, stdio: "ignore" };
      spawnSync("git", ["worktree", "remove", "--force", workDir2], sync);
      rmSync(scratch2, { recursive: true, force: true });
      spawnSync("git", ["worktree", "prune"], sync);
    });
    await git(["worktree", "add", "--detach", "--no-checkout", workDir2, "HEAD"], { cwd: top, env: env2 }).catch(
      async (err) => {
        forget2();
        await rm(scratch2, { recursive: true, force: true });
        throw err;
      }
    );
    return area("worktree", workDir2, ctx.remote, prefix, env2, async () => {
      await tryGit(["worktree", "remove", "--force", workDir2], { cwd: top, env: env2 });
      await rm(scratch2, { recursive: true, force: true });
      await tryGit(["worktree", "prune"], { cwd: top, env: env2 });
      forget2();
    });
  }
  if (!looksLikeUrl(ctx.remote)) {
    if (!top) {
      throw new UsageError(
        `${cwd} is not inside a git repository, so remote '${ctx.remote}' means nothing here: run from a checkout or pass --remote with a clone URL.`
      );
    }
    throw new UsageError(
      `'${ctx.remote}' is neither a remote of the repository at ${top} (its remotes: ${remotes.join(", ") || "none"}) nor a URL: pass --remote with a remote name or a clone URL.`
    );
  }
  if (ctx.inWorkspace) {
    throw new UsageError("--in-workspace needs --remote to name a remote of the checkout, not a URL.");
  }
  const scratch = await mkdtemp(path.join(tmpdir(), "spiff-models-"));
  const workDir = path.join(scratch, "clone");
  const forget = cleanUpOnSignal(
    `removing the scratch clone ${workDir}`,
    () => rmSync(scratch, { recursive: true, force: true })
  );
  try {
    await git(["clone", "--quiet", "--no-checkout", "--no-tags", "--", ctx.remote, workDir], {
      cwd: scratch,
      env: ctx.env
    });
  } catch (err) {
    forget();
    await rm(scratch, { recursive: true, force: true });
    throw new SetupError(`Could not clone ${ctx.remote}: ${err.message}`);
  }
  const normalized = path.posix.normalize(ctx.path.split(path.sep).join("/")).replace(/\/+$/, "");
  if (path.posix.isAbsolute(normalized) || normalized === ".." || normalized.startsWith("../")) {
    forget();
    await rm(scratch, { recursive: true, force: true });
    throw new UsageError(
      `With a remote URL, --path must be relative to the repository root; got '${ctx.path}'.`
    );
  }
  const env = await identityEnv(workDir, ctx.env, ctx.author);
  return area("clone", workDir, "origin", normalized === "." ? "" : normalized, env, async () => {
    await rm(scratch, { recursive: true, force: true });
    forget();
  });
}
async function remoteHeads(a, branches) {
  const refs = branches.map((b) => `refs/heads/${b}`);
  const out = await a.git(["ls-remote", "--", a.remote, ...refs]).catch((err) => {
    throw new SetupError(`Could not reach remote '${a.remote}': ${err.message}`);
  });
  const found = /* @__PURE__ */ new Map();
  for (const line of out.split("\n")) {
    const [sha, ref] = line.split("	");
    if (sha && ref) found.set(ref, sha);
  }
  return new Map(branches.map((b) => [b, found.get(`refs/heads/${b}`) ?? null]));
}
async function fetchBranches(a, branches) {
  if (branches.length === 0) return;
  const shallow = (await a.git(["rev-parse", "--is-shallow-repository"])).trim() === "true";
  const specs = branches.map((b) => `+refs/heads/${b}:refs/remotes/${a.remote}/${b}`);
  await a.git(["fetch", "--quiet", "--no-tags", ...shallow ? ["--unshallow"] : [], a.remote, ...specs]);
}
async function checkout(a, commit) {
  await refuseOverwrites(a, commit);
  await a.git(["checkout", "-f", "-q", "--detach", commit]);
}
async function refuseOverwrites(a, commit) {
  if (a.kind !== "workspace") return;
  const local = splitZ(await a.git(["ls-files", "-z", "--others"]));
  if (local.length === 0) return;
  const files = new Set(splitZ(await a.git(["ls-tree", "-r", "-z", "--name-only", commit])));
  const dirs = /* @__PURE__ */ new Set();
  for (const f of files)
    for (let i = f.indexOf("/"); i > 0; i = f.indexOf("/", i + 1)) dirs.add(f.slice(0, i));
  const above = (p) => {
    for (let i = p.indexOf("/"); i > 0; i = p.indexOf("/", i + 1)) if (files.has(p.slice(0, i))) return true;
    return false;
  };
  const hit = local.filter((p) => files.has(p) || dirs.has(p) || above(p));
  if (hit.length === 0) return;
  const shown = hit.slice(0, 20).map((p) => `  ${printable(p)}`);
  if (hit.length > 20) shown.push(`  ... and ${hit.length - 20} more`);
  throw new SetupError(
    `--in-workspace: checking out ${commit} in ${a.workDir} would overwrite ${hit.length} file(s) that git ignores or does not track:
${shown.join("\n")}
Move them out of the way (or commit them), or run without --in-workspace (a scratch worktree is used then).`
  );
}
async function isAncestor(a, ancestor, descendant) {
  const r = await a.tryGit(["merge-base", "--is-ancestor", ancestor, descendant]);
  if (r.code === 0) return true;
  if (r.code === 1) return false;
  throw new SetupError(`git merge-base --is-ancestor ${ancestor} ${descendant} failed: ${r.stderr.trim()}`);
}
async function revParse(a, rev) {
  const r = await a.tryGit(["rev-parse", "-q", "--verify", `${rev}^{commit}`]);
  return r.code === 0 ? r.stdout.trim() : null;
}
async function commitsBetween(a, from, to) {
  const out = await a.git(["log", "-z", "--reverse", "--format=%H %s", `${from}..${to}`]);
  return splitZ(out).map((entry) => {
    const space = entry.indexOf(" ");
    return { sha: entry.slice(0, space), subject: entry.slice(space + 1) };
  });
}
async function push(a, commit, branch, lease) {
  const ref = `refs/heads/${branch}`;
  const args = ["push", "--porcelain", "--no-verify"];
  if (lease) args.push(`--force-with-lease=${ref}:${lease.expected ?? ""}`);
  args.push(a.remote, `${commit}:${ref}`);
  const r = await a.tryGit(args);
  if (r.code === 0) return { ok: true };
  const text2 = `${r.stdout}
${r.stderr}`;
  const moved = /\[rejected\]/.test(text2) && /(non-fast-forward|fetch first|stale info)/.test(text2) || /cannot lock ref '[^']*': (is at [0-9a-f]+ but expected [0-9a-f]+|Unable to create '[^']*\.lock': File exists)/.test(
    text2
  );
  const said = r.stderr.trim() || r.stdout.trim();
  return { ok: false, moved, message: said };
}
function isMoved(outcome) {
  return typeof outcome === "object" && outcome !== null && outcome.moved === true;
}
async function inWorkArea(ctx, steps) {
  const a = await openWorkArea(ctx);
  let keep = false;
  try {
    await steps.prepare?.(a);
    for (let attempt = 1; ; attempt++) {
      const outcome = await steps.attempt(a, attempt);
      if (!isMoved(outcome)) {
        keep = steps.keep(outcome);
        return outcome;
      }
      if (attempt >= 2) throw new SetupError(`${steps.gaveUp(a)}
${outcome.message}`);
      ctx.log?.(steps.retrying);
    }
  } finally {
    await a.close(keep);
  }
}

// src/promote/gate.ts
var key = (f) => `${f.ruleId}\0${f.file}\0${f.message}`;
function judge(resultFindings, targetFindings) {
  const before = new Set(targetFindings.filter((f) => f.severity === "error").map(key));
  const errors = resultFindings.filter((f) => f.severity === "error");
  return {
    newErrors: errors.filter((f) => !before.has(key(f))),
    existingErrors: errors.filter((f) => before.has(key(f))),
    warnings: resultFindings.filter((f) => f.severity === "warning").length
  };
}
async function validateResult(a, result, target, configFile, allowEmpty = false) {
  const { findingsOf } = await import("./validation-XQ64ZANT.js");
  await checkout(a, result);
  const after = !allowEmpty || existsSync(a.modelsRoot) ? await findingsOf(a.modelsRoot, configFile, allowEmpty) : [];
  if (!after.some((f) => f.severity === "error")) return judge(after, []);
  await checkout(a, target);
  const before = existsSync(a.modelsRoot) ? await findingsOf(a.modelsRoot, configFile, true) : [];
  await checkout(a, result);
  return judge(after, before);
}

// src/promote/tree.ts
async function modelDirsAt(a, commit) {
  const args = ["ls-tree", "-r", "-z", "--full-tree", "--name-only", commit];
  if (a.prefix) args.push("--", a.prefix);
  const dirs = /* @__PURE__ */ new Set();
  for (const file of splitZ(await a.git(args))) {
    const rel = relativeToRoot(a.prefix, file);
    if (rel === null) continue;
    if (rel.endsWith("/process_model.json")) dirs.add(rel.slice(0, -"/process_model.json".length));
  }
  return dirs;
}
function relativeToRoot(prefix, repoPath2) {
  if (!prefix) return repoPath2;
  return repoPath2.startsWith(`${prefix}/`) ? repoPath2.slice(prefix.length + 1) : null;
}
function modelIdOf(prefix, repoPath2, modelDirs) {
  const rel = relativeToRoot(prefix, repoPath2);
  if (rel === null) return null;
  let dir = rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "";
  while (dir) {
    if (modelDirs.has(dir)) return dir;
    dir = dir.includes("/") ? dir.slice(0, dir.lastIndexOf("/")) : "";
  }
  return null;
}
async function changedFiles(a, from, to) {
  const args = ["diff", "--name-status", "-z", "--no-renames", "--no-ext-diff"];
  if (to === "index") args.push("--cached", from);
  else args.push(from, to);
  const parts = splitZ(await a.git(args));
  const changes = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const code2 = parts[i][0];
    changes.push({
      status: code2 === "A" ? "added" : code2 === "D" ? "removed" : "modified",
      path: parts[i + 1]
    });
  }
  return changes;
}
function modelChanges(prefix, files, before, after) {
  const touched = /* @__PURE__ */ new Set();
  const otherFiles = [];
  for (const f of files) {
    const ids2 = [modelIdOf(prefix, f.path, before), modelIdOf(prefix, f.path, after)].filter(
      (id) => id !== null
    );
    if (ids2.length === 0) otherFiles.push(f.path);
    for (const id of ids2) touched.add(id);
  }
  const sorted = [...touched].sort();
  return {
    added: sorted.filter((id) => after.has(id) && !before.has(id)),
    changed: sorted.filter((id) => after.has(id) && before.has(id)),
    removed: sorted.filter((id) => !after.has(id) && before.has(id)),
    otherFiles: otherFiles.sort()
  };
}
function allChangedModels(m) {
  return [...m.added, ...m.changed, ...m.removed].sort();
}

// src/promote/promote.ts
var STRATEGIES = ["merge", "fast-forward"];
var VIAS = ["git", "api"];
var REFUSED = ["conflict", "diverged", "invalid"];
function mergeMessage(from, source, to, commits, m) {
  const lines = [
    `Promote ${from} into ${to}`,
    "",
    `Merge branch '${from}' at ${source} into '${to}' (${commits} commit${commits === 1 ? "" : "s"}).`,
    ""
  ];
  if (m.added.length) lines.push(`Models added: ${m.added.join(", ")}`);
  if (m.changed.length) lines.push(`Models changed: ${m.changed.join(", ")}`);
  if (m.removed.length) lines.push(`Models removed: ${m.removed.join(", ")}`);
  if (!m.added.length && !m.changed.length && !m.removed.length) lines.push("No model changed.");
  return `${lines.join("\n")}
`;
}
async function promote(opts) {
  if (!opts.from || !opts.to) throw new UsageError("promote needs both --from BRANCH and --to BRANCH.");
  if (opts.from === opts.to)
    throw new UsageError(`--from and --to are both '${opts.from}': nothing to promote.`);
  if (opts.via === "api" && !opts.github) {
    throw new UsageError("--via api needs a GitHub token (GITHUB_TOKEN) and the repository (--repository).");
  }
  return inWorkArea(opts, {
    attempt: (a, attempt) => attemptPromote(a, opts, attempt),
    keep: (report) => !report.refused && !opts.dryRun,
    retrying: `'${opts.to}' moved while promoting; fetching again and retrying once.`,
    gaveUp: (a) => `'${opts.to}' on remote '${a.remote}' moved again while promoting (retried once from a fresh fetch); nothing was pushed. Someone else is pushing to '${opts.to}': run the promotion again when it is quiet.`
  });
}
async function attemptPromote(a, opts, attempt) {
  const { from, to } = opts;
  const heads = await remoteHeads(a, [from, to]);
  if (!heads.get(from)) {
    throw new SetupError(
      `Branch '${from}' does not exist on remote '${a.remote}': check --from (a branch name).`
    );
  }
  if (!heads.get(to)) {
    throw new SetupError(
      `Branch '${to}' does not exist on remote '${a.remote}'. promote only moves existing environment branches: create it first (git push ${a.remote} ${from}:refs/heads/${to}).`
    );
  }
  await fetchBranches(a, [from, to]);
  const source = await revParse(a, `refs/remotes/${a.remote}/${from}`);
  const target = await revParse(a, `refs/remotes/${a.remote}/${to}`);
  if (!opts.allowEmpty) {
    for (const [branch, commit] of [
      [from, source],
      [to, target]
    ]) {
      if ((await modelDirsAt(a, commit)).size === 0)
        throw noModelsError(
          `'${a.prefix || "."}' in '${branch}' (${commit.slice(0, 7)})`,
          "Check --path (action input path), the models root inside the repository"
        );
    }
  }
  const report = {
    result: "up-to-date",
    refused: false,
    dryRun: opts.dryRun,
    from,
    to,
    strategy: opts.strategy,
    via: opts.via,
    remote: a.remote,
    root: a.prefix,
    sourceCommit: source,
    targetCommit: target,
    commit: target,
    commits: [],
    targetOnlyCommits: 0,
    models: { added: [], changed: [], removed: [], otherFiles: [] },
    changedModels: [],
    conflicts: [],
    validation: null,
    attempts: attempt,
    warnings: []
  };
  const finish = (result2, commit) => {
    report.result = result2;
    report.refused = REFUSED.includes(result2);
    report.commit = commit;
    report.changedModels = allChangedModels(report.models);
    return report;
  };
  if (await isAncestor(a, source, target)) return finish("up-to-date", target);
  report.commits = await commitsBetween(a, target, source);
  const targetDirs = await modelDirsAt(a, target);
  const canFastForward = await isAncestor(a, target, source);
  if (!canFastForward && opts.strategy === "fast-forward") {
    report.targetOnlyCommits = (await commitsBetween(a, source, target)).length;
    const base = (await a.git(["merge-base", target, source])).trim();
    report.models = modelChanges(
      a.prefix,
      await changedFiles(a, base, source),
      await modelDirsAt(a, base),
      await modelDirsAt(a, source)
    );
    return finish("diverged", null);
  }
  let result;
  let message = "";
  if (opts.strategy === "fast-forward") {
    result = source;
    report.models = modelChanges(
      a.prefix,
      await changedFiles(a, target, source),
      targetDirs,
      await modelDirsAt(a, source)
    );
    await checkout(a, source);
  } else {
    await refuseOverwrites(a, source);
    await checkout(a, target);
    const merge = await a.tryGit(["merge", "--no-ff", "--no-commit", "--no-edit", "--quiet", source]);
    if (merge.code !== 0) {
      const unmerged = splitZ(await a.git(["diff", "--name-only", "-z", "--diff-filter=U"]));
      await a.tryGit(["merge", "--abort"]);
      if (unmerged.length === 0) {
        throw new SetupError(
          `git merge of '${from}' into '${to}' failed: ${merge.stderr.trim() || merge.stdout.trim()}`
        );
      }
      const sourceDirs = await modelDirsAt(a, source);
      report.conflicts = unmerged.sort().map((file) => ({
        file,
        modelId: modelIdOf(a.prefix, file, targetDirs) ?? modelIdOf(a.prefix, file, sourceDirs)
      }));
      const base = (await a.git(["merge-base", target, source])).trim();
      report.models = modelChanges(
        a.prefix,
        await changedFiles(a, base, source),
        await modelDirsAt(a, base),
        sourceDirs
      );
      return finish("conflict", null);
    }
    const tree = (await a.git(["write-tree"])).trim();
    report.models = modelChanges(
      a.prefix,
      await changedFiles(a, target, tree),
      targetDirs,
      await modelDirsAt(a, tree)
    );
    message = mergeMessage(from, source, to, report.commits.length, report.models);
    await a.git(["commit", "--no-verify", "--quiet", "-F", "-"], message);
    result = await revParse(a, "HEAD");
  }
  if (opts.validate) {
    report.validation = await validateResult(a, result, target, opts.configFile, opts.allowEmpty);
    if (report.validation.newErrors.length > 0) return finish("invalid", null);
  }
  const done = opts.strategy === "fast-forward" ? "fast-forwarded" : "merged";
  if (opts.dryRun) return finish(done, opts.strategy === "fast-forward" ? result : null);
  await opts.beforePush?.(attempt);
  if (opts.via === "api") {
    const gh = opts.github;
    if (opts.strategy === "fast-forward") {
      if (!await fastForwardViaApi(gh, to, source)) {
        return { moved: true, message: `GitHub refused to fast-forward '${to}' to ${source}: it moved.` };
      }
      return finish(done, source);
    }
    const merged = await mergeViaApi(gh, to, source, message);
    if (merged.status === "up-to-date") {
      report.warnings.push(
        `GitHub had nothing to merge: '${to}' already contained ${source} when the API was called.`
      );
      return finish("up-to-date", null);
    }
    if (merged.status === "conflict") {
      report.warnings.push(`GitHub answered 409 (merge conflict): ${merged.message}`);
      return finish("conflict", null);
    }
    if (merged.parents[0] && merged.parents[0] !== target) {
      report.warnings.push(
        `'${to}' moved from ${target} to ${merged.parents[0]} between the local check and the API merge: the merged tree ${merged.sha} was not validated. Run validate on '${to}'.`
      );
    }
    if (a.kind === "workspace") {
      await fetchBranches(a, [to]);
      await checkout(a, merged.sha);
    }
    return finish(done, merged.sha);
  }
  const pushed = await push(a, result, to);
  if (!pushed.ok) {
    if (pushed.moved) return { moved: true, message: pushed.message };
    throw new SetupError(
      `Pushing ${result} to '${to}' on remote '${a.remote}' was refused; nothing changed there.
${pushed.message}
What to do: check that the credentials may push to '${to}' and that branch protection allows it (or use --via api with a token that may merge).`
    );
  }
  return finish(done, result);
}

// src/promote/publish.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync2 } from "node:fs";
function normalizeModelId(raw) {
  const id = raw.trim().replace(/:/g, "/").replace(/\/+$/, "");
  if (!id) throw new UsageError("An empty model id was given: pass ids like group/model.");
  if (id.startsWith("/") || /^[A-Za-z]:/.test(raw.trim()) || id.includes("\\")) {
    throw new UsageError(
      `'${raw}' is an absolute path, not a model id: give the path relative to the models root.`
    );
  }
  if (id.split("/").some((s) => s === ".." || s === "." || s === "")) {
    throw new UsageError(
      `'${raw}' escapes or leaves the models root ('.', '..' or '//'): give an id like group/model.`
    );
  }
  return id;
}
function publishBranchName(ids2, to) {
  const unique = [...new Set(ids2)].sort();
  if (unique.length === 1) return `publish-${unique[0]}-to-${to}`;
  const digest = createHash("sha256").update(unique.join("\n")).digest("hex").slice(0, 12);
  return `publish-${unique.length}-models-${digest}-to-${to}`;
}
function dependencyClosure(requested, calls) {
  const out = requested.map((id) => ({ id, reason: "requested" }));
  const seen = new Set(requested);
  for (let i = 0; i < out.length; i++) {
    for (const called of [...calls.get(out[i].id) ?? []].sort()) {
      if (seen.has(called)) continue;
      seen.add(called);
      out.push({ id: called, reason: "dependency", calledBy: out[i].id });
    }
  }
  return out;
}
function ancestors(id) {
  const parts = id.split("/");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
}
var repoPath = (prefix, rel) => prefix ? `${prefix}/${rel}` : rel;
function pullRequestTitle(models, to) {
  const requested = models.filter((m) => m.reason === "requested").map((m) => m.id);
  if (requested.length === 1) return `Publish ${requested[0]} to ${to}`;
  const list = requested.join(", ");
  return `Publish ${requested.length} models to ${to}: ${list.length > 80 ? `${list.slice(0, 77)}...` : list}`;
}
function reasonText(m) {
  return m.reason === "requested" ? "requested" : `called by ${m.calledBy}`;
}
function commitMessage(r) {
  return [
    pullRequestTitle(r.models, r.to),
    "",
    `Published from ${r.from} at ${r.sourceCommit} onto ${r.to} at ${r.targetCommit}.`,
    "",
    "Models:",
    ...r.models.map((m) => `- ${m.id} (${reasonText(m)})`),
    ...r.groupFiles.length ? ["", "Group files:", ...r.groupFiles.map((f) => `- ${f}`)] : [],
    ""
  ].join("\n");
}
function pullRequestBody(r) {
  const list = (ids2) => ids2.length ? ids2.map((id) => `\`${id}\``).join(", ") : "none";
  return [
    `Publishes models from \`${r.from}\` (${r.sourceCommit}) to \`${r.to}\`.`,
    "",
    "| Model | Why |",
    "|---|---|",
    ...r.models.map(
      (m) => `| \`${m.id}\` | ${m.reason === "requested" ? "requested" : `called by \`${m.calledBy}\``} |`
    ),
    "",
    `Group files: ${r.groupFiles.length ? r.groupFiles.map((f) => `\`${f}\``).join(", ") : "none"}`,
    "",
    `Models added: ${list(r.changes.added)}; changed: ${list(r.changes.changed)}; removed: ${list(r.changes.removed)}.`,
    "",
    `_Made by \`spiff-models publish\`. Publishing again rebuilds \`${r.branch}\` from the current \`${r.to}\`; commits pushed to this branch by hand are replaced._`
  ].join("\n");
}
async function resolveSource(a, from) {
  const local = from === "HEAD" || /^[0-9a-f]{7,40}$/i.test(from);
  if (!local && (await remoteHeads(a, [from])).get(from)) {
    await fetchBranches(a, [from]);
    return await revParse(a, `refs/remotes/${a.remote}/${from}`);
  }
  const sha = await revParse(a, from);
  if (!sha) {
    throw new SetupError(
      `'${from}' is neither a branch of remote '${a.remote}' nor a commit or ref of the repository: check --from.`
    );
  }
  return sha;
}
async function publish(opts) {
  const ids2 = [...new Set(opts.modelIds.map(normalizeModelId))];
  if (ids2.length === 0) throw new UsageError("publish needs at least one model id.");
  if (!opts.to) throw new UsageError("publish needs --to BRANCH (the branch the pull request targets).");
  if (opts.pullRequest && !opts.dryRun && !opts.github) {
    throw new UsageError(
      "publish opens a pull request through the GitHub API: provide a token (GITHUB_TOKEN) and the repository, or pass --no-pull-request to only push the branch."
    );
  }
  const branch = publishBranchName(ids2, opts.to);
  let source = "";
  return inWorkArea(opts, {
    prepare: async (a) => {
      const check = await a.tryGit(["check-ref-format", "--branch", branch]);
      if (check.code !== 0) {
        throw new UsageError(
          `The publish branch name '${branch}' is not a valid git branch name: check the ids and --to.`
        );
      }
      source = await resolveSource(a, opts.from);
    },
    attempt: (a, attempt) => attemptPublish(a, opts, ids2, branch, source, attempt),
    keep: (report) => !report.refused && !opts.dryRun,
    retrying: `'${branch}' changed while publishing; fetching again and retrying once.`,
    gaveUp: (a) => `'${branch}' (or '${opts.to}') on remote '${a.remote}' changed again while publishing (retried once); nothing was pushed. Another publish of the same models is running: try again when it is done.`
  });
}
async function attemptPublish(a, opts, ids2, branch, source, attempt) {
  const { to } = opts;
  const heads = await remoteHeads(a, [to, branch]);
  if (!heads.get(to)) {
    throw new SetupError(`Branch '${to}' does not exist on remote '${a.remote}': check --to.`);
  }
  const previous = heads.get(branch) ?? null;
  await fetchBranches(a, previous ? [to, branch] : [to]);
  const target = await revParse(a, `refs/remotes/${a.remote}/${to}`);
  const existing = previous ? await revParse(a, `refs/remotes/${a.remote}/${branch}`) : null;
  await checkout(a, source);
  const noModels = () => noModelsError(
    `'${a.prefix || "."}' in ${opts.from} (${source.slice(0, 7)})`,
    "Check --path (action input path), the models root inside the repository"
  );
  if (!existsSync2(a.modelsRoot)) throw noModels();
  const { indexOf } = await import("./validation-XQ64ZANT.js");
  const index = await indexOf(a.modelsRoot);
  if (index.models.size === 0) throw noModels();
  const unknown = ids2.filter((id) => !index.models.has(id));
  if (unknown.length) {
    const lines = unknown.map(
      (id) => index.groups.has(id) ? `'${id}' is a process group, not a model: publish its models by id.` : `'${id}' is not a model of ${opts.from} (${source.slice(0, 7)}): no ${repoPath(a.prefix, id)}/process_model.json.`
    );
    throw new UsageError(lines.join("\n"));
  }
  const models = opts.dependencies ? dependencyClosure(ids2, index.modelCalls) : ids2.map((id) => ({ id, reason: "requested" }));
  const groupIds = [...new Set(models.flatMap((m) => ancestors(m.id)))].filter((g) => index.groups.has(g)).sort();
  const groupFiles = groupIds.map((g) => repoPath(a.prefix, `${g}/process_group.json`));
  const modelPaths = models.map((m) => repoPath(a.prefix, m.id));
  await checkout(a, target);
  await a.git(["--literal-pathspecs", "rm", "-r", "-q", "--ignore-unmatch", "--", ...modelPaths]);
  await a.git(["--literal-pathspecs", "checkout", source, "--", ...modelPaths, ...groupFiles]);
  const files = await changedFiles(a, target, "index");
  const report = {
    operation: "unchanged",
    refused: false,
    dryRun: opts.dryRun,
    from: opts.from,
    to,
    remote: a.remote,
    root: a.prefix,
    branch,
    sourceCommit: source,
    targetCommit: target,
    commit: null,
    models,
    groupFiles,
    files,
    changes: { added: [], changed: [], removed: [], otherFiles: [] },
    pullRequest: null,
    validation: null,
    attempts: attempt,
    warnings: []
  };
  if (files.length === 0) {
    report.warnings.push(
      `'${to}' already has these models as in ${opts.from}: nothing to publish, no commit made.`
    );
    await checkout(a, target);
    return report;
  }
  const tree = (await a.git(["write-tree"])).trim();
  report.changes = modelChanges(a.prefix, files, await modelDirsAt(a, target), await modelDirsAt(a, tree));
  let reuse = false;
  if (existing) {
    const [existingTree, parents] = (await a.git(["show", "-s", "--format=%T%n%P", existing])).split("\n");
    reuse = existingTree.trim() === tree && parents.trim() === target;
  }
  const commit = reuse ? existing : (await a.git(["commit-tree", tree, "-p", target, "-F", "-"], commitMessage(report))).trim();
  report.commit = commit;
  if (opts.validate) {
    report.validation = await validateResult(a, commit, target, opts.configFile, opts.allowEmpty);
    if (report.validation.newErrors.length > 0) {
      report.refused = true;
      report.commit = null;
      return report;
    }
  } else {
    await checkout(a, commit);
  }
  const branchOperation = reuse ? "unchanged" : existing ? "updated" : "created";
  if (opts.dryRun) {
    report.operation = branchOperation;
    if (!reuse) report.commit = null;
    return report;
  }
  if (!reuse) {
    await opts.beforePush?.(attempt);
    const pushed = await push(a, commit, branch, { expected: existing });
    if (!pushed.ok) {
      if (pushed.moved) return { moved: true, message: pushed.message };
      throw new SetupError(
        `Pushing the publish branch '${branch}' to remote '${a.remote}' was refused:
${pushed.message}
What to do: check that the credentials may push new branches there.`
      );
    }
  }
  if (!opts.pullRequest) {
    report.operation = branchOperation;
    return report;
  }
  const gh = opts.github;
  const settings = opts.pullRequestOptions;
  const title = settings?.title ?? pullRequestTitle(models, to);
  const body = settings?.body ?? pullRequestBody(report);
  const open = await findOpenPull(gh, branch, to);
  if (open) {
    report.pullRequest = reuse ? open : await updatePull(gh, open.number, title, body);
    report.operation = reuse ? "unchanged" : "updated";
  } else {
    report.pullRequest = await createPull(gh, branch, to, title, body, settings?.draft ?? false);
    report.operation = "created";
  }
  await addLabels(gh, report.pullRequest.number, settings?.labels ?? []);
  await requestReviewers(gh, report.pullRequest.number, settings?.reviewers ?? []);
  return report;
}

// src/promote/report.ts
var short = (sha) => sha ? sha.slice(0, 7) : "-";
function findingPath(prefix, f) {
  return prefix ? `${prefix}/${f.file}` : f.file;
}
function findingLine(prefix, f) {
  return `${printable(findingPath(prefix, f))}:${f.line}:${f.column}  ${f.severity}  ${printable(f.message)}  (${f.ruleId})`;
}
function modelLines(m) {
  const list = (ids2) => ids2.length ? ids2.map(printable).join(", ") : "none";
  return [
    `  models added: ${list(m.added)}`,
    `  models changed: ${list(m.changed)}`,
    `  models removed: ${list(m.removed)}`
  ];
}
function validationLines(v, prefix, target) {
  if (!v) return ["  validation: skipped (--no-validate)"];
  const lines = [];
  if (v.newErrors.length) {
    lines.push(`  validation: ${v.newErrors.length} new error(s) that '${target}' does not have:`);
    lines.push(...v.newErrors.map((f) => `    ${findingLine(prefix, f)}`));
  } else {
    lines.push("  validation: no new errors");
  }
  if (v.existingErrors.length) {
    lines.push(`  ${v.existingErrors.length} error(s) '${target}' already has (not blocking):`);
    lines.push(...v.existingErrors.map((f) => `    ${findingLine(prefix, f)}`));
  }
  return lines;
}
function promoteText(r) {
  const lines = [
    `${r.dryRun ? "Plan (dry run): " : ""}promote ${r.from} (${short(r.sourceCommit)}) into ${r.to} (${short(r.targetCommit)}), strategy ${r.strategy}, via ${r.via}`
  ];
  if (r.result === "up-to-date") {
    lines.push(`Up to date: '${r.to}' already contains '${r.from}'. Nothing to do.`);
    return `${[...lines, ...r.warnings.map((w) => `warning: ${printable(w)}`)].join("\n")}
`;
  }
  lines.push(`  ${r.commits.length} commit(s) ${r.dryRun ? "would move" : "move"}:`);
  lines.push(...r.commits.map((c) => `    ${short(c.sha)} ${printable(c.subject)}`));
  lines.push(...modelLines(r.models));
  if (r.models.otherFiles.length) lines.push(`  other files: ${r.models.otherFiles.map(printable).join(", ")}`);
  if (r.result === "diverged") {
    lines.push(
      `Refused: '${r.to}' has ${r.targetOnlyCommits} commit(s) that '${r.from}' does not have, so it cannot be fast-forwarded.`,
      `What to do: merge '${r.to}' back into '${r.from}' first, or promote with --strategy merge. Nothing was pushed.`
    );
  } else if (r.result === "conflict") {
    lines.push(`Conflict: merging '${r.from}' into '${r.to}' conflicts; nothing was pushed.`);
    for (const c of r.conflicts)
      lines.push(`    ${printable(c.file)}${c.modelId ? `  (model ${printable(c.modelId)})` : ""}`);
    lines.push(
      `What to do: merge '${r.to}' into '${r.from}' (or a branch made from it), resolve the conflicts there, push, and promote again.`
    );
  } else {
    lines.push(...validationLines(r.validation, r.root, r.to));
    if (r.result === "invalid") {
      lines.push(
        `Refused: the promotion would add validation errors to '${r.to}'; nothing was pushed.`,
        `What to do: fix them on '${r.from}' and promote again (or --no-validate to override).`
      );
    } else if (r.dryRun) {
      lines.push(
        `Would be ${r.result}: ${r.result === "merged" ? "a merge commit" : short(r.commit)} on '${r.to}'.`
      );
    } else {
      lines.push(`Result: ${r.result}; '${r.to}' is now at ${short(r.commit)}.`);
    }
  }
  lines.push(...r.warnings.map((w) => `warning: ${printable(w)}`));
  return `${lines.join("\n")}
`;
}
function publishText(r) {
  const lines = [
    `${r.dryRun ? "Plan (dry run): " : ""}publish from ${r.from} (${short(r.sourceCommit)}) to ${r.to} (${short(r.targetCommit)}) on branch ${r.branch}`,
    "  models:",
    ...r.models.map(
      (m) => `    ${printable(m.id)}  (${m.reason === "requested" ? "requested" : `called by ${printable(m.calledBy ?? "")}`})`
    ),
    `  group files: ${r.groupFiles.length ? r.groupFiles.map(printable).join(", ") : "none"}`
  ];
  if (r.files.length) {
    lines.push(`  ${r.files.length} file(s) differ from '${r.to}':`);
    lines.push(...r.files.map((f) => `    ${f.status.padEnd(8)} ${printable(f.path)}`));
    lines.push(...modelLines(r.changes));
    lines.push(...validationLines(r.validation, r.root, r.to));
  }
  if (r.refused) {
    lines.push(
      `Refused: publishing would add validation errors to '${r.to}'; nothing was pushed.`,
      `What to do: fix them in ${r.from} and publish again (or --no-validate to override).`
    );
  } else if (r.dryRun) {
    lines.push(`Would be: ${r.operation} (branch ${r.branch}).`);
  } else {
    lines.push(`Result: ${r.operation}; branch ${r.branch} at ${short(r.commit)}.`);
    if (r.pullRequest) lines.push(`Pull request #${r.pullRequest.number}: ${r.pullRequest.url}`);
  }
  lines.push(...r.warnings.map((w) => `warning: ${printable(w)}`));
  return `${lines.join("\n")}
`;
}
var NAMED = 50;
var ids = (list) => list.length ? list.slice(0, NAMED).map((id) => code(id)).join(", ") + (list.length > NAMED ? ` and ${list.length - NAMED} more` : "") : "none";
var LISTED = 200;
var rest = (what) => (n) => `
*\u2026and ${plural(n, `more ${what}`)}: the step log lists them all.*`;
var errorLines = (list, prefix) => firstItems(findingLines(list, "error", { prefix }), LISTED, rest("line"));
function movedLine(m) {
  return `Models added: ${ids(m.added)}; changed: ${ids(m.changed)}; removed: ${ids(m.removed)}.`;
}
function validationMarkdown(v, prefix, target) {
  if (!v) return ["Validation: skipped.", ""];
  const out = [];
  if (v.newErrors.length) {
    out.push(`**${plural(v.newErrors.length, "new validation error")}** that ${code(target)} does not have:`);
    out.push(...errorLines(v.newErrors, prefix), "");
  } else {
    out.push(`Validation: no new errors${v.warnings ? ` (${plural(v.warnings, "warning")})` : ""}.`, "");
  }
  if (v.existingErrors.length)
    out.push(
      ...details(
        `${plural(v.existingErrors.length, "error")} ${target} already has (not blocking)`,
        errorLines(v.existingErrors, prefix)
      )
    );
  return out;
}
function warningLines(warnings) {
  return warnings.length ? [...warnings.map((w) => `> \u26A0\uFE0F ${prose(w)}`), ""] : [];
}
function promoteMarkdown(r) {
  const from = code(r.from);
  const to = code(r.to);
  const dry = r.dryRun ? " (dry run)" : "";
  const verdict = {
    merged: `\u2705 ${from} ${r.dryRun ? "would be merged" : "merged"} into ${to}`,
    "fast-forwarded": `\u2705 ${to} ${r.dryRun ? "would be fast-forwarded" : "fast-forwarded"} to ${from}`,
    "up-to-date": `\u2705 ${to} already contains ${from}`,
    conflict: `\u274C ${from} into ${to} refused: ${plural(r.conflicts.length, "conflicting file")}`,
    diverged: `\u274C ${from} into ${to} refused: ${to} has diverged`,
    invalid: `\u274C ${from} into ${to} refused: ${plural(r.validation?.newErrors.length ?? 0, "new error")}`
  };
  const out = [`## spiff-models promote${dry}: ${verdict[r.result]}`, ""];
  if (r.result === "conflict") {
    out.push("Nothing was pushed. Conflicting files:", "");
    const files = r.conflicts.map(
      (c) => `- ${code(c.file)}${c.modelId ? ` (model ${code(c.modelId)})` : ""}`
    );
    out.push(...firstItems(files, LISTED, rest("file")), "");
    out.push(
      `**What to do:** merge ${to} into ${from} (or a branch made from it), resolve the conflicts there, push, and promote again.`,
      ""
    );
  } else if (r.result === "diverged") {
    out.push(
      `Nothing was pushed: ${to} has ${plural(r.targetOnlyCommits, "commit")} ${from} lacks, so it cannot be fast-forwarded.`,
      "",
      `**What to do:** merge ${to} back into ${from} first, or promote with strategy ${code("merge")}.`,
      ""
    );
  } else if (r.result === "invalid") {
    out.push("Nothing was pushed.", "", ...validationMarkdown(r.validation, r.root, r.to));
    out.push(
      `**What to do:** fix them on ${from} and promote again (or set ${code("validate: false")} to override).`,
      ""
    );
  } else if (r.result !== "up-to-date") {
    out.push(
      `${plural(r.commits.length, "commit")} ${r.dryRun ? "would move" : "moved"}` + (r.commit && !r.dryRun ? `; ${to} is now at ${code(short(r.commit))}` : "") + `. ${movedLine(r.models)}`,
      "",
      ...validationMarkdown(r.validation, r.root, r.to)
    );
  }
  out.push(...warningLines(r.warnings));
  if (r.commits.length)
    out.push(
      ...details(
        `${plural(r.commits.length, "commit")}`,
        firstItems(
          r.commits.map((c) => `- ${code(short(c.sha))} ${text(c.subject)}`),
          LISTED,
          rest("commit")
        )
      )
    );
  out.push(
    ...details("Details", [
      `Strategy ${code(r.strategy)} via ${code(r.via)}, remote ${code(r.remote)}; source ${code(short(r.sourceCommit))}, target ${code(short(r.targetCommit))}${r.commit ? `, result ${code(short(r.commit))}` : ""}; ${plural(r.attempts, "attempt")}.`,
      ...r.models.otherFiles.length ? ["", `Other files: ${ids(r.models.otherFiles)}.`] : []
    ])
  );
  return `${out.join("\n")}
`;
}
function publishMarkdown(r) {
  const to = code(r.to);
  const dry = r.dryRun ? " (dry run)" : "";
  const pr = r.pullRequest ? link(`#${r.pullRequest.number}`, r.pullRequest.url) : null;
  const n = r.validation?.newErrors.length ?? 0;
  const verdict = r.refused ? `\u274C to ${to} refused: ${plural(n, "new error")}` : r.operation === "unchanged" ? `\u2705 ${r.files.length ? "branch" : "nothing to publish:"} ${code(r.branch)} ${r.files.length ? "unchanged" : `already matches ${to}`}` : `\u2705 ${plural(r.models.length, "model")} to ${to}${pr ? `: pull request ${pr}` : `, branch ${code(r.branch)} ${r.dryRun ? "would be " : ""}${r.operation}`}`;
  const out = [`## spiff-models publish${dry}: ${verdict}`, ""];
  if (r.refused) {
    out.push("Nothing was pushed.", "", ...validationMarkdown(r.validation, r.root, r.to));
    out.push(
      `**What to do:** fix them in ${code(r.from)} and publish again (or set ${code("validate: false")} to override).`,
      ""
    );
  } else {
    if (pr) out.push(`Review and merge pull request ${pr} (branch ${code(r.branch)} into ${to}).`, "");
    if (r.files.length)
      out.push(`${plural(r.files.length, "file")} differ from ${to}. ${movedLine(r.changes)}`, "");
    if (r.files.length) out.push(...validationMarkdown(r.validation, r.root, r.to));
  }
  out.push(...warningLines(r.warnings));
  out.push(
    "| Model | Why |",
    "|---|---|",
    ...r.models.map(
      (m) => `| ${code(m.id, { table: true })} | ${m.reason === "requested" ? "requested" : `called by ${code(m.calledBy ?? "", { table: true })}`} |`
    ),
    ""
  );
  if (r.files.length)
    out.push(
      ...details(plural(r.files.length, "file"), [
        "| Change | File |",
        "|---|---|",
        ...firstItems(
          r.files.map((f) => `| ${f.status} | ${code(f.path, { table: true })} |`),
          LISTED,
          (n2) => `| \u2026 | ${plural(n2, "more file")}: the step log lists them all |`
        )
      ])
    );
  out.push(
    ...details("Details", [
      `Branch ${code(r.branch)} from ${code(r.from)} (${code(short(r.sourceCommit))}) onto ${to} (${code(short(r.targetCommit))})${r.commit ? `, head ${code(short(r.commit))}` : ""}; ${plural(r.attempts, "attempt")}. Group files: ${ids(r.groupFiles)}.`
    ])
  );
  return `${out.join("\n")}
`;
}
function promoteOutputs(r) {
  return {
    result: r.result,
    commit: r.commit ?? "",
    commits: String(r.commits.length),
    "changed-models": JSON.stringify(r.changedModels)
  };
}
function publishOutputs(r) {
  return {
    branch: r.branch,
    commit: r.commit ?? "",
    models: JSON.stringify(r.models.map((m) => m.id).sort()),
    "changed-models": JSON.stringify([...r.changes.added, ...r.changes.changed, ...r.changes.removed].sort()),
    "pull-request-number": r.pullRequest ? String(r.pullRequest.number) : "",
    "pull-request-url": r.pullRequest?.url ?? "",
    operation: r.refused ? "" : r.operation
  };
}

export {
  STRATEGIES,
  VIAS,
  promote,
  publish,
  findingPath,
  promoteText,
  publishText,
  promoteMarkdown,
  publishMarkdown,
  promoteOutputs,
  publishOutputs
};
