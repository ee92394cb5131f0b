import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  SetupError,
  inert,
  printable
} from "./chunk-YIX2ZCHG.js";

// src/util/git.ts
import { createRequire } from "node:module";

// src/util/signals.ts
var SIGNALS = ["SIGINT", "SIGTERM"];
var cleanups = [];
var children = /* @__PURE__ */ new Set();
var installed = false;
function onSignal(signal) {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  installed = false;
  for (const child of children) child.kill("SIGTERM");
  for (const cleanup of cleanups.splice(0).reverse()) {
    process.stderr.write(inert(`${signal}: ${printable(cleanup.what)}
`));
    try {
      cleanup.run();
    } catch (err) {
      process.stderr.write(inert(`${signal}: failed: ${printable(err.message)}
`));
    }
  }
  process.kill(process.pid, signal);
}
function install() {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
}
function cleanUpOnSignal(what, run) {
  const entry = { what, run };
  cleanups.push(entry);
  install();
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
    if (cleanups.length === 0) {
      for (const s of SIGNALS) process.removeListener(s, onSignal);
      installed = false;
    }
  };
}
function endOnSignal(child) {
  children.add(child);
  child.once("exit", () => children.delete(child));
}

// src/util/git.ts
var GitError = class extends SetupError {
  constructor(args, result, cwd) {
    const said = (result.stderr.trim() || result.stdout.trim()).split("\n").slice(-12).join("\n");
    super(`git ${args.join(" ")} failed (exit ${result.code}) in ${cwd}${said ? `:
${said}` : ""}`);
    this.args = args;
    this.result = result;
    this.cwd = cwd;
  }
  args;
  result;
  cwd;
  name = "GitError";
};
function childProcess() {
  return createRequire(import.meta.url)("node:child_process");
}
function gitEnv(env) {
  return { ...env ?? process.env, LC_ALL: "C", GIT_TERMINAL_PROMPT: "0", GIT_EDITOR: "true" };
}
async function tryGit(args, options) {
  const r = await tryGitBuffer(args, options);
  return { stdout: r.stdout.toString("utf8"), stderr: r.stderr, code: r.code };
}
function tryGitBuffer(args, options) {
  return new Promise((resolve, reject) => {
    const child = childProcess().spawn("git", args, {
      cwd: options.cwd,
      env: gitEnv(options.env),
      stdio: ["pipe", "pipe", "pipe"],
      ...options.timeoutMs ? { timeout: options.timeoutMs } : {}
    });
    endOnSignal(child);
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    child.on("error", (e) => {
      reject(
        e.code === "ENOENT" ? new SetupError("git is not installed or not on PATH: install git and try again.") : new SetupError(`Could not run git ${args.join(" ")} in ${options.cwd}: ${e.message}`)
      );
    });
    child.on("close", (code) => {
      resolve({
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString("utf8"),
        code: code ?? 1
      });
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(options.input ?? "");
  });
}
async function git(args, options) {
  const result = await tryGit(args, options);
  if (result.code !== 0) throw new GitError(args, result, options.cwd);
  return result.stdout;
}
async function gitBuffer(args, options) {
  const result = await tryGitBuffer(args, options);
  if (result.code !== 0) {
    throw new GitError(args, { ...result, stdout: result.stdout.toString("utf8") }, options.cwd);
  }
  return result.stdout;
}
function tryGitSync(args, options = {}) {
  const where = options.gitDir ?? options.cwd ?? process.cwd();
  const r = childProcess().spawnSync("git", options.gitDir ? ["--git-dir", options.gitDir, ...args] : args, {
    ...options.cwd ? { cwd: options.cwd } : {},
    ...options.input !== void 0 ? { input: options.input } : {},
    maxBuffer: 1 << 30,
    env: gitEnv(void 0)
  });
  if (r.error) throw new SetupError(`cannot run git ${args[0]} in ${where}: ${r.error.message}`);
  return { stdout: r.stdout, stderr: r.stderr.toString("utf8"), code: r.status ?? 1 };
}
function gitSync(args, options = {}) {
  const r = tryGitSync(args, options);
  if (r.code !== 0) {
    const where = options.gitDir ?? options.cwd ?? process.cwd();
    throw new SetupError(`git ${args.join(" ")} failed in ${where}: ${r.stderr.trim()}`);
  }
  return r.stdout;
}
function splitZ(text) {
  return text.split("\0").filter((s) => s !== "");
}

export {
  cleanUpOnSignal,
  GitError,
  tryGit,
  tryGitBuffer,
  git,
  gitBuffer,
  tryGitSync,
  gitSync,
  splitZ
};
