// What bake needs to know about the git repository holding the models: commit, short form, layout,
// shallowness, ref. Runs the git binary; returns plain data.
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { SetupError } from '../util/errors.js';
import { GitError, git as runGit, splitZ } from '../util/git.js';

export interface GitInfo {
  /** Work tree top level (real path). */
  topLevel: string;
  /** The models root relative to the top level, `/` separators, '' when they are the same. */
  subdir: string;
  /** The git dir holding objects and refs (the common dir for linked work trees). */
  commonDir: string;
  sha: string;
  /** `git rev-parse --short HEAD` in the source repo: what the backend would record here. */
  shortSha: string;
  /** sha1 or sha256. */
  objectFormat: string;
  shallow: boolean;
  /** refs/heads/<branch> when HEAD is on a branch, else refs/tags/<tag> when a tag points at HEAD, else null. */
  ref: string | null;
  /** Committer time of HEAD, seconds since the epoch. */
  commitTime: number;
  /** The remote URL of `origin` without credentials, or null. */
  originUrl: string | null;
  /** Branch origin/HEAD points at, when the clone recorded it. */
  defaultBranch: string | null;
  /** Uncommitted changes under the models root: the image would not match the recorded revision. */
  dirty: boolean;
  /** Tracked files under the models root that differ from HEAD (relative to the models root). */
  modified: string[];
  /** Untracked files under the models root that no ignore rule matches (relative to the models root). */
  untracked: string[];
  /** objects/info/alternates exists: part of the history lives in another repository. */
  alternates: boolean;
}

function git(args: string[], cwd: string): Promise<string> {
  return runGit(args, { cwd });
}

async function tryGit(args: string[], cwd: string): Promise<string | null> {
  try {
    return (await git(args, cwd)).trim();
  } catch (err) {
    // git missing is a setup problem; a git command that fails is an answer (not a repository, no such ref)
    if (err instanceof SetupError && !(err instanceof GitError)) throw err;
    return null;
  }
}

/** Strips `user:password@` from URLs so a token in the remote never lands in a label. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

/** Null when `dir` is not inside a git work tree (or HEAD has no commit yet). */
export async function readGitInfo(dir: string): Promise<GitInfo | null> {
  const inside = await tryGit(['rev-parse', '--is-inside-work-tree'], dir);
  if (inside !== 'true') return null;
  const sha = await tryGit(['rev-parse', '--verify', '-q', 'HEAD'], dir);
  if (!sha) return null;
  const [topRaw, commonRaw, shortSha, objectFormat, shallow, branch, tags, time, origin, originHead, status] =
    await Promise.all([
      git(['rev-parse', '--show-toplevel'], dir),
      git(['rev-parse', '--git-common-dir'], dir),
      git(['rev-parse', '--short', 'HEAD'], dir),
      tryGit(['rev-parse', '--show-object-format'], dir),
      tryGit(['rev-parse', '--is-shallow-repository'], dir),
      tryGit(['symbolic-ref', '-q', 'HEAD'], dir),
      tryGit(['tag', '--points-at', 'HEAD', '--sort=-version:refname'], dir),
      git(['show', '-s', '--format=%ct', 'HEAD'], dir),
      tryGit(['remote', 'get-url', 'origin'], dir),
      tryGit(['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD'], dir),
      git(['status', '--porcelain', '--untracked-files=no', '--', '.'], dir),
    ]);
  const [modified, untracked] = await Promise.all([
    git(['diff', 'HEAD', '--name-only', '-z', '--relative', '--', '.'], dir),
    git(['ls-files', '--others', '--exclude-standard', '-z', '--', '.'], dir),
  ]);
  const topLevel = await realpath(topRaw.trim());
  const commonDir = await realpath(path.resolve(dir, commonRaw.trim()));
  const rel = path.relative(topLevel, await realpath(dir));
  const tag = tags?.split('\n').find(Boolean);
  return {
    topLevel,
    subdir: rel.split(path.sep).join('/'),
    commonDir,
    sha: sha.trim(),
    shortSha: shortSha.trim(),
    objectFormat: objectFormat || 'sha1',
    shallow: shallow === 'true',
    ref: branch || (tag ? `refs/tags/${tag}` : null),
    commitTime: Number(time.trim()),
    originUrl: origin ? redactUrl(origin) : null,
    defaultBranch: originHead ? originHead.replace(/^origin\//, '') : null,
    dirty: status.trim() !== '',
    modified: splitZ(modified),
    // A nested repository shows as its folder (`dir/`): its files are not ours to bake.
    untracked: splitZ(untracked).filter((p) => !p.endsWith('/')),
    alternates: existsSync(path.join(commonDir, 'objects', 'info', 'alternates')),
  };
}
