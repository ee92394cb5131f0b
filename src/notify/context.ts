// Turns the surroundings (flags or action inputs, the GitHub run's variables and event, git in the working
// directory) into plain data for the payloads. Git is a bonus: without it the push event is minimal but valid.
import { UsageError } from '../util/errors.js';
import { tryGit } from '../util/git.js';
import type { GitHubEvent } from '../shell/github.js';
import {
  ZERO_SHA,
  minimalHeadCommit,
  normalizeRef,
  repositoryFromGitHub,
  repositoryFromUrl,
  type HeadCommit,
  type Person,
  type PushData,
  type RepositoryInfo,
} from './payload.js';

/** What git in the working directory can tell; every method answers null when git cannot. */
export interface GitFacts {
  resolveCommit(rev: string): Promise<string | null>;
  parent(sha: string): Promise<string | null>;
  headCommit(sha: string): Promise<HeadCommit | null>;
  originUrl(): Promise<string | null>;
  user(): Promise<Person | null>;
}

export function gitFacts(cwd: string): GitFacts {
  const git = async (...args: string[]): Promise<string | null> => {
    try {
      const r = await tryGit(args, { cwd, timeoutMs: 10_000 });
      return r.code === 0 ? r.stdout : null;
    } catch {
      return null;
    }
  };
  const line = (s: string | null) => (s?.trim() ? s.trim() : null);
  return {
    resolveCommit: async (rev) => line(await git('rev-parse', '--verify', '--quiet', `${rev}^{commit}`)),
    parent: async (sha) => line(await git('rev-parse', '--verify', '--quiet', `${sha}^1`)),
    originUrl: async () => line(await git('config', '--get', 'remote.origin.url')),
    user: async () => {
      const name = line(await git('config', 'user.name'));
      return name ? { name, email: line(await git('config', 'user.email')) ?? '' } : null;
    },
    headCommit: async (sha) => {
      const log = await git(
        'log',
        '-1',
        '--format=%H%x00%T%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B',
        sha,
        '--',
      );
      if (!log) return null;
      const [id, tree, an, ae, at, cn, ce, _ct, ...message] = log.split('\0');
      const changes = (await git('diff-tree', '--no-commit-id', '--name-status', '-r', '--root', sha)) ?? '';
      const added: string[] = [];
      const removed: string[] = [];
      const modified: string[] = [];
      for (const row of changes.split('\n').filter(Boolean)) {
        const [status, first, second] = row.split('\t');
        if (status.startsWith('A') || status.startsWith('C')) added.push(second ?? first);
        else if (status.startsWith('D')) removed.push(first);
        else if (status.startsWith('R')) {
          removed.push(first);
          added.push(second);
        } else modified.push(first);
      }
      return {
        id,
        tree_id: tree,
        message: message.join('\0').replace(/\n+$/, ''),
        timestamp: at,
        author: { name: an, email: ae },
        committer: { name: cn, email: ce },
        added,
        removed,
        modified,
      };
    },
  };
}

export async function resolveRepository(
  repositoryUrl: string | null,
  env: NodeJS.ProcessEnv,
  git: GitFacts,
): Promise<RepositoryInfo> {
  if (repositoryUrl) return repositoryFromUrl(repositoryUrl);
  if (env.GITHUB_REPOSITORY)
    return repositoryFromGitHub(env.GITHUB_SERVER_URL || 'https://github.com', env.GITHUB_REPOSITORY);
  const origin = await git.originUrl();
  if (origin) return repositoryFromUrl(origin);
  throw new UsageError(
    'cannot tell which repository to announce: give the repository URL (CLI --repository-url, action input ' +
      'repository-url), or run where GITHUB_REPOSITORY is set or git has a remote.origin.url.',
  );
}

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;

async function fullSha(value: string, what: string, git: GitFacts): Promise<string> {
  const v = value.trim();
  if (FULL_SHA.test(v)) return v.toLowerCase();
  const resolved = await git.resolveCommit(v);
  if (resolved) return resolved;
  throw new UsageError(
    `${what} '${v}' is not a full commit sha and git here cannot resolve it: give the full 40-character sha ` +
      '(the backend compares it with its HEAD).',
  );
}

export interface PushInputs {
  ref: string | null;
  sha: string | null;
  before: string | null;
  /** Flag or input names, for messages. */
  names: { ref: string; sha: string; before: string };
}

/** Ref, shas, pusher and head commit of the push to announce; flags first, then the run's variables, then git. */
export async function resolvePush(
  inputs: PushInputs,
  env: NodeJS.ProcessEnv,
  event: GitHubEvent | null,
  git: GitFacts,
  now: Date = new Date(),
): Promise<PushData> {
  const refText = inputs.ref || env.GITHUB_REF || '';
  if (!refText)
    throw new UsageError(`give the ref that was pushed (${inputs.names.ref}, e.g. refs/heads/main).`);
  const ref = normalizeRef(refText);
  if (ref.startsWith('refs/pull/')) {
    throw new UsageError(
      `the ref ${ref} is a pull request's merge ref, which no environment tracks: give ${inputs.names.ref} and ` +
        `${inputs.names.sha} of the branch that was pushed.`,
    );
  }
  const shaText = inputs.sha || env.GITHUB_SHA || '';
  if (!shaText) throw new UsageError(`give the commit that was pushed (${inputs.names.sha}).`);
  const sha = await fullSha(shaText, inputs.names.sha, git);

  // The run's own push event describes this very push when its `after` is our sha: reuse what it says.
  const pushed = event?.payload && event.payload.after === sha ? event.payload : null;
  let before: string;
  if (inputs.before) before = await fullSha(inputs.before, inputs.names.before, git);
  else if (pushed && typeof pushed.before === 'string') before = pushed.before;
  else before = (await git.parent(sha)) ?? ZERO_SHA;

  const actor = env.GITHUB_ACTOR || null;
  const pusher: Person = (pushed?.pusher as Person | undefined) ??
    (actor ? { name: actor, email: `${actor}@users.noreply.github.com` } : null) ??
    (await git.user()) ?? { name: 'spiff-models', email: '' };
  let headCommit = (pushed?.head_commit as HeadCommit | null | undefined) ?? (await git.headCommit(sha));
  if (headCommit) {
    // Payload builders add url and distinct themselves.
    const {
      url: _url,
      distinct: _distinct,
      ...rest
    } = headCommit as HeadCommit & { url?: string; distinct?: boolean };
    headCommit = rest;
  } else headCommit = minimalHeadCommit(sha, pusher, now);
  return { ref, before, after: sha, pusher, sender: actor, headCommit };
}

/** The commit for a deploy hook's `revision` or a ping's context: flag, GITHUB_SHA, or git HEAD. */
export async function resolveRevision(
  sha: string | null,
  env: NodeJS.ProcessEnv,
  git: GitFacts,
  flag: string,
) {
  const text = sha || env.GITHUB_SHA || '';
  if (text) return fullSha(text, flag, git);
  const head = await git.resolveCommit('HEAD');
  if (head) return head;
  throw new UsageError(`give the commit (${flag}).`);
}
