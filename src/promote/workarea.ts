// Where promote and publish build commits: a scratch worktree of the local repository (default), a scratch clone
// of a remote URL, or the workspace itself when asked. Pushes only ever go to the remote; nothing is forced.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { git, splitZ, tryGit, type GitResult } from '../util/git.js';
import { SetupError, UsageError } from '../util/errors.js';
import { printable } from '../util/safe-text.js';
import { cleanUpOnSignal } from '../util/signals.js';
import type { GitHubRepo } from './github.js';

export interface GitContext {
  /** Directory the command starts from: a checkout, or any directory when `remote` is a URL. */
  cwd: string;
  /** Models root: relative to cwd inside a checkout, relative to the repository root when cloning a URL. */
  path: string;
  /** A remote name of the repository at cwd, or a URL / path git can clone. */
  remote: string;
  /** Build the result in the checkout at cwd instead of a scratch worktree; it stays checked out (detached). */
  inWorkspace: boolean;
  env: NodeJS.ProcessEnv;
  /** Author and committer of the commits we create; default: git's configured identity. */
  author?: { name: string; email: string };
}

/** What promote and publish share: where to work, source and target, and how carefully to push. */
export interface BranchWriteOptions extends GitContext {
  /** promote: the source branch. publish: a branch of the remote, or any commit-ish (default HEAD). */
  from: string;
  to: string;
  dryRun: boolean;
  validate: boolean;
  /** Accept a models root without process models on either side (else a SetupError: a wrong --path). */
  allowEmpty?: boolean;
  configFile?: string;
  github?: GitHubRepo;
  log?: (line: string) => void;
  /** Runs just before each push attempt (1, then 2 on the retry): lets tests move the branch meanwhile. */
  beforePush?: (attempt: number) => Promise<void>;
}

export interface WorkArea {
  /** Work tree we check commits out into. */
  workDir: string;
  /** Remote name to fetch from and push to, as seen from workDir. */
  remote: string;
  /** Models root inside the repository ('' for the repository root), '/' separators. */
  prefix: string;
  /** Absolute models root inside workDir. */
  modelsRoot: string;
  /** How the work area was made, for messages. */
  kind: 'worktree' | 'clone' | 'workspace';
  env: NodeJS.ProcessEnv;
  git(args: string[], input?: string): Promise<string>;
  tryGit(args: string[], input?: string): Promise<GitResult>;
  /** Removes scratch directories; a workspace that failed is put back on the commit it started from. */
  close(keepResult: boolean): Promise<void>;
}

const DEFAULT_AUTHOR = { name: 'spiff-models', email: 'spiff-models@users.noreply.github.com' };

function looksLikeUrl(remote: string): boolean {
  return /[/:\\]/.test(remote) || remote.endsWith('.git');
}

/** Models root relative to the repository root; refuses one outside it. */
function modelsPrefix(repoRoot: string, modelsRootAbs: string, given: string): string {
  const rel = path.relative(repoRoot, modelsRootAbs).split(path.sep).join('/');
  if (rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) {
    throw new UsageError(`The models path '${given}' is outside the git repository at ${repoRoot}.`);
  }
  return rel;
}

async function toplevel(cwd: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const r = await tryGit(['rev-parse', '--show-toplevel'], { cwd, env }).catch(() => null);
  return r && r.code === 0 ? r.stdout.trim() : null;
}

async function identityEnv(
  cwd: string,
  env: NodeJS.ProcessEnv,
  author: GitContext['author'],
): Promise<NodeJS.ProcessEnv> {
  let who = author;
  if (!who) {
    // Runners and fresh machines often have no git identity: commit as the tool rather than fail.
    const r = await tryGit(['var', 'GIT_COMMITTER_IDENT'], { cwd, env });
    const a = await tryGit(['var', 'GIT_AUTHOR_IDENT'], { cwd, env });
    if (r.code === 0 && a.code === 0) return env;
    who = DEFAULT_AUTHOR;
  }
  return {
    ...env,
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email,
  };
}

function area(
  kind: WorkArea['kind'],
  workDir: string,
  remote: string,
  prefix: string,
  env: NodeJS.ProcessEnv,
  close: (keep: boolean) => Promise<void>,
): WorkArea {
  return {
    kind,
    workDir,
    remote,
    prefix,
    modelsRoot: prefix ? path.join(workDir, ...prefix.split('/')) : workDir,
    env,
    git: (args, input) => git(args, { cwd: workDir, env, input }),
    tryGit: (args, input) => tryGit(args, { cwd: workDir, env, input }),
    close,
  };
}

export async function openWorkArea(ctx: GitContext): Promise<WorkArea> {
  const cwd = path.resolve(ctx.cwd);
  const top = await toplevel(cwd, ctx.env);
  let remotes: string[] = [];
  if (top) remotes = (await git(['remote'], { cwd: top, env: ctx.env })).split('\n').filter(Boolean);

  if (top && remotes.includes(ctx.remote)) {
    const prefix = modelsPrefix(top, path.resolve(cwd, ctx.path), ctx.path);
    const env = await identityEnv(top, ctx.env, ctx.author);
    if (ctx.inWorkspace) {
      const dirty = await git(['status', '--porcelain', '--untracked-files=no'], { cwd: top, env });
      if (dirty.trim()) {
        throw new SetupError(
          `The checkout at ${top} has uncommitted changes:\n${dirty.trimEnd()}\n` +
            'Commit or stash them, or run without --in-workspace (a scratch worktree is used then).',
        );
      }
      const branch = await tryGit(['symbolic-ref', '-q', '--short', 'HEAD'], { cwd: top, env });
      const head = (await tryGit(['rev-parse', '-q', '--verify', 'HEAD'], { cwd: top, env })).stdout.trim();
      if (branch.code !== 0 && head) {
        // Checking out anything else would leave a commit only HEAD holds to the reflog (and gc). The commit
        // a workflow run is for (GITHUB_SHA; actions/checkout with a sha holds it in no ref) is on the server.
        const refs = ['refs/heads', 'refs/remotes', 'refs/tags'];
        const held = await git(['for-each-ref', '--count=1', '--contains', head, ...refs], { cwd: top, env });
        if (!held.trim() && head !== ctx.env.GITHUB_SHA) {
          throw new SetupError(
            `The checkout at ${top} is on a detached HEAD, ${head}, that no branch or tag holds: --in-workspace would ` +
              'leave it behind. Keep it on a branch first (git switch -c NAME), or run without --in-workspace.',
          );
        }
      }
      const back =
        branch.code === 0
          ? ['checkout', '-f', '-q', branch.stdout.trim()]
          : ['checkout', '-f', '-q', '--detach', head];
      const forget = cleanUpOnSignal(`putting the checkout at ${top} back where it was`, () => {
        const sync = { cwd: top, env: { ...env, LC_ALL: 'C' }, stdio: 'ignore' } as const;
        spawnSync('git', ['merge', '--abort'], sync);
        if (head) spawnSync('git', back, sync);
      });
      return area('workspace', top, ctx.remote, prefix, env, async (keep) => {
        forget();
        await tryGit(['merge', '--abort'], { cwd: top, env });
        if (keep || !head) return;
        await tryGit(back, { cwd: top, env });
      });
    }
    const scratch = await mkdtemp(path.join(tmpdir(), 'spiff-models-'));
    const workDir = path.join(scratch, 'work');
    const forget = cleanUpOnSignal(`removing the scratch worktree ${workDir}`, () => {
      const sync = { cwd: top, env: { ...env, LC_ALL: 'C' }, stdio: 'ignore' } as const;
      spawnSync('git', ['worktree', 'remove', '--force', workDir], sync);
      rmSync(scratch, { recursive: true, force: true });
      spawnSync('git', ['worktree', 'prune'], sync);
    });
    await git(['worktree', 'add', '--detach', '--no-checkout', workDir, 'HEAD'], { cwd: top, env }).catch(
      async (err) => {
        forget();
        await rm(scratch, { recursive: true, force: true });
        throw err;
      },
    );
    return area('worktree', workDir, ctx.remote, prefix, env, async () => {
      await tryGit(['worktree', 'remove', '--force', workDir], { cwd: top, env });
      await rm(scratch, { recursive: true, force: true });
      await tryGit(['worktree', 'prune'], { cwd: top, env });
      forget();
    });
  }

  if (!looksLikeUrl(ctx.remote)) {
    if (!top) {
      throw new UsageError(
        `${cwd} is not inside a git repository, so remote '${ctx.remote}' means nothing here: run from a checkout ` +
          'or pass --remote with a clone URL.',
      );
    }
    throw new UsageError(
      `'${ctx.remote}' is neither a remote of the repository at ${top} (its remotes: ${remotes.join(', ') || 'none'}) ` +
        'nor a URL: pass --remote with a remote name or a clone URL.',
    );
  }
  if (ctx.inWorkspace) {
    throw new UsageError('--in-workspace needs --remote to name a remote of the checkout, not a URL.');
  }
  const scratch = await mkdtemp(path.join(tmpdir(), 'spiff-models-'));
  const workDir = path.join(scratch, 'clone');
  const forget = cleanUpOnSignal(`removing the scratch clone ${workDir}`, () =>
    rmSync(scratch, { recursive: true, force: true }),
  );
  try {
    await git(['clone', '--quiet', '--no-checkout', '--no-tags', '--', ctx.remote, workDir], {
      cwd: scratch,
      env: ctx.env,
    });
  } catch (err) {
    forget();
    await rm(scratch, { recursive: true, force: true });
    throw new SetupError(`Could not clone ${ctx.remote}: ${(err as Error).message}`);
  }
  const normalized = path.posix.normalize(ctx.path.split(path.sep).join('/')).replace(/\/+$/, '');
  if (path.posix.isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../')) {
    forget();
    await rm(scratch, { recursive: true, force: true });
    throw new UsageError(
      `With a remote URL, --path must be relative to the repository root; got '${ctx.path}'.`,
    );
  }
  const env = await identityEnv(workDir, ctx.env, ctx.author);
  return area('clone', workDir, 'origin', normalized === '.' ? '' : normalized, env, async () => {
    await rm(scratch, { recursive: true, force: true });
    forget();
  });
}

/** Branch -> commit on the remote right now (null when the branch does not exist there). */
export async function remoteHeads(a: WorkArea, branches: string[]): Promise<Map<string, string | null>> {
  const refs = branches.map((b) => `refs/heads/${b}`);
  const out = await a.git(['ls-remote', '--', a.remote, ...refs]).catch((err: Error) => {
    throw new SetupError(`Could not reach remote '${a.remote}': ${err.message}`);
  });
  const found = new Map<string, string>();
  for (const line of out.split('\n')) {
    const [sha, ref] = line.split('\t');
    if (sha && ref) found.set(ref, sha);
  }
  return new Map(branches.map((b) => [b, found.get(`refs/heads/${b}`) ?? null]));
}

/** Fetches the given remote branches (full history, so merge bases are found) into refs/remotes/<remote>/. */
export async function fetchBranches(a: WorkArea, branches: string[]): Promise<void> {
  if (branches.length === 0) return;
  const shallow = (await a.git(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  const specs = branches.map((b) => `+refs/heads/${b}:refs/remotes/${a.remote}/${b}`);
  // A depth-1 checkout (actions/checkout's default) has no merge base: fetch the whole history once.
  await a.git(['fetch', '--quiet', '--no-tags', ...(shallow ? ['--unshallow'] : []), a.remote, ...specs]);
}

/** Forced checkout of a commit, detached: scratch areas start with an empty index, a workspace was clean. */
export async function checkout(a: WorkArea, commit: string): Promise<void> {
  await refuseOverwrites(a, commit);
  await a.git(['checkout', '-f', '-q', '--detach', commit]);
}

/**
 * A forced checkout (and a merge, for ignored files) overwrites files git does not track without a word: in the
 * user's own checkout, refuse when one lies where `commit` has a file, or has a directory, or under a path that
 * `commit` has as a file. Called by checkout(), and before a merge for the commit merged in.
 */
export async function refuseOverwrites(a: WorkArea, commit: string): Promise<void> {
  if (a.kind !== 'workspace') return;
  const local = splitZ(await a.git(['ls-files', '-z', '--others']));
  if (local.length === 0) return;
  const files = new Set(splitZ(await a.git(['ls-tree', '-r', '-z', '--name-only', commit])));
  const dirs = new Set<string>();
  for (const f of files)
    for (let i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) dirs.add(f.slice(0, i));
  const above = (p: string) => {
    for (let i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) if (files.has(p.slice(0, i))) return true;
    return false;
  };
  const hit = local.filter((p) => files.has(p) || dirs.has(p) || above(p));
  if (hit.length === 0) return;
  const shown = hit.slice(0, 20).map((p) => `  ${printable(p)}`);
  if (hit.length > 20) shown.push(`  ... and ${hit.length - 20} more`);
  throw new SetupError(
    `--in-workspace: checking out ${commit} in ${a.workDir} would overwrite ${hit.length} file(s) that git ignores ` +
      `or does not track:\n${shown.join('\n')}\n` +
      'Move them out of the way (or commit them), or run without --in-workspace (a scratch worktree is used then).',
  );
}

export async function isAncestor(a: WorkArea, ancestor: string, descendant: string): Promise<boolean> {
  const r = await a.tryGit(['merge-base', '--is-ancestor', ancestor, descendant]);
  if (r.code === 0) return true;
  if (r.code === 1) return false;
  throw new SetupError(`git merge-base --is-ancestor ${ancestor} ${descendant} failed: ${r.stderr.trim()}`);
}

export async function revParse(a: WorkArea, rev: string): Promise<string | null> {
  const r = await a.tryGit(['rev-parse', '-q', '--verify', `${rev}^{commit}`]);
  return r.code === 0 ? r.stdout.trim() : null;
}

export interface CommitInfo {
  sha: string;
  subject: string;
}

/** Commits reachable from `to` but not from `from`, oldest first. */
export async function commitsBetween(a: WorkArea, from: string, to: string): Promise<CommitInfo[]> {
  const out = await a.git(['log', '-z', '--reverse', '--format=%H %s', `${from}..${to}`]);
  return splitZ(out).map((entry) => {
    const space = entry.indexOf(' ');
    return { sha: entry.slice(0, space), subject: entry.slice(space + 1) };
  });
}

export type PushOutcome = { ok: true } | { ok: false; moved: boolean; message: string };

/** Pushes without force (or with a lease on the expected old value); tells a moved target from other refusals. */
export async function push(
  a: WorkArea,
  commit: string,
  branch: string,
  lease?: { expected: string | null },
): Promise<PushOutcome> {
  const ref = `refs/heads/${branch}`;
  const args = ['push', '--porcelain', '--no-verify'];
  if (lease) args.push(`--force-with-lease=${ref}:${lease.expected ?? ''}`);
  args.push(a.remote, `${commit}:${ref}`);
  const r = await a.tryGit(args);
  if (r.code === 0) return { ok: true };
  const text = `${r.stdout}\n${r.stderr}`;
  // '!' lines with [rejected] (fetch first / non-fast-forward / stale info) mean the branch moved under us, and
  // so does a [remote rejected] whose ref update lost a race inside receive-pack: "cannot lock ref '...': is at X
  // but expected Y", or its lock file held by a concurrent push. Any other [remote rejected] is a hook or branch
  // protection, and retrying will not help.
  const moved =
    (/\[rejected\]/.test(text) && /(non-fast-forward|fetch first|stale info)/.test(text)) ||
    /cannot lock ref '[^']*': (is at [0-9a-f]+ but expected [0-9a-f]+|Unable to create '[^']*\.lock': File exists)/.test(
      text,
    );
  const said = r.stderr.trim() || r.stdout.trim();
  return { ok: false, moved, message: said };
}

/** An attempt that found the target branch moved under it: nothing was pushed, and a fresh fetch may succeed. */
export interface Moved {
  moved: true;
  message: string;
}

function isMoved<T>(outcome: T | Moved): outcome is Moved {
  return typeof outcome === 'object' && outcome !== null && (outcome as Partial<Moved>).moved === true;
}

/**
 * Opens the work area for `ctx`, runs `work` in it (attempt 1, then attempt 2 from a fresh fetch when the first
 * found the branch moved) and closes the area, keeping the result when `keep` says so. A second move gives up
 * with a SetupError: `gaveUp` says who else is pushing and what to do; `retrying` is logged before attempt 2.
 */
export async function inWorkArea<T>(
  ctx: GitContext & { log?: (line: string) => void },
  steps: {
    /** Runs once, before the attempts: checks that need the work area (a branch name, the source commit). */
    prepare?: (a: WorkArea) => Promise<void>;
    attempt: (a: WorkArea, attempt: number) => Promise<T | Moved>;
    keep: (result: T) => boolean;
    retrying: string;
    gaveUp: (a: WorkArea) => string;
  },
): Promise<T> {
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
      if (attempt >= 2) throw new SetupError(`${steps.gaveUp(a)}\n${outcome.message}`);
      ctx.log?.(steps.retrying);
    }
  } finally {
    await a.close(keep);
  }
}
