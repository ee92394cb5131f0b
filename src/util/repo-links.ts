// Where a file of the checked-out commit is on GitHub, so a summary can link `file:line` to that line. Plain
// data from the environment and git; the formatters stay pure.
import fs from 'node:fs';
import path from 'node:path';

export interface RepoLinks {
  /** https://github.com (GITHUB_SERVER_URL) */
  server: string;
  /** owner/name (GITHUB_REPOSITORY) */
  repository: string;
  /** The full sha of the checked-out tree. */
  commit: string;
}

export interface RepoPlace {
  links?: RepoLinks;
  /** The models root relative to the repository root ('' at the root), '/' separators. */
  prefix: string;
}

const encodePath = (p: string): string => p.split('/').map(encodeURIComponent).join('/');
const base = (l: RepoLinks) => `${l.server.replace(/\/+$/, '')}/${l.repository}`;

/** `<server>/<repo>/blob/<sha>/<path>#L<line>`; no anchor for line 0. */
export function blobUrl(l: RepoLinks, repoPath: string, line?: number): string {
  return `${base(l)}/blob/${l.commit}/${encodePath(repoPath)}${line && line > 0 ? `#L${line}` : ''}`;
}

export function treeUrl(l: RepoLinks, repoPath: string): string {
  return `${base(l)}/tree/${l.commit}/${encodePath(repoPath.replace(/\/$/, ''))}`;
}

/** The run's page, which lists the uploaded artifacts. */
export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${run}` : undefined;
}

/**
 * The commit and the models root's place in the repository, from git in `root`. The commit is what is checked
 * out (`git rev-parse HEAD`): in pull_request workflows GITHUB_SHA names a merge commit, not the tree read.
 * `fallback` is used outside a git work tree (the action passes GITHUB_SHA and the workspace-relative prefix).
 */
export async function repoPlace(
  root: string,
  env: NodeJS.ProcessEnv,
  fallback: { commit?: string; prefix: string } = { prefix: '' },
): Promise<RepoPlace> {
  let commit = fallback.commit;
  let prefix = fallback.prefix;
  // git (child_process) is imported here, not with the pure URL formatters the reporters use.
  const { tryGit } = await import('./git.js');
  const r = await tryGit(['rev-parse', '--show-toplevel', 'HEAD'], { cwd: root, env }).catch(() => null);
  if (r && r.code === 0) {
    const [top, sha] = r.stdout.trim().split('\n');
    if (top && /^[0-9a-f]{40,64}$/.test(sha ?? '')) {
      commit = sha;
      const rel = path.relative(top, fs.realpathSync(root)).split(path.sep).join('/');
      prefix = rel.startsWith('..') ? fallback.prefix : rel;
    }
  }
  const server = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  return { prefix, links: server && repository && commit ? { server, repository, commit } : undefined };
}

/** Path of the models root relative to the working directory (for SARIF URIs), '' when it is the same. */
export function relativePrefix(from: string, root: string): string {
  const rel = path.relative(from, root).split(path.sep).join('/');
  return rel.startsWith('..') ? '' : rel;
}
