// Builds what goes on the wire, from plain data: GitHub push and ping events for spiffworkflow-backend's
// github-webhook-receive, and the deploy hook body for baked environments. No I/O here.
import { UsageError } from '../util/errors.js';

export const WEBHOOK_PATH = '/v1.0/github-webhook-receive';
export const ZERO_SHA = '0000000000000000000000000000000000000000';

/** The `repository` of a push event. The backend compares clone_url, git_url and ssh_url with its origin URL. */
export interface RepositoryInfo {
  name: string;
  full_name: string;
  owner: string;
  html_url: string;
  clone_url: string;
  git_url: string;
  ssh_url: string;
}

export const REPOSITORY_URL_KEYS = ['html_url', 'clone_url', 'git_url', 'ssh_url'] as const;
export type RepositoryUrlKey = (typeof REPOSITORY_URL_KEYS)[number];
export type RepositoryUrlOverrides = Partial<Record<RepositoryUrlKey, string>>;

export interface Person {
  name: string;
  email: string;
  username?: string;
}

export interface HeadCommit {
  id: string;
  tree_id?: string;
  message: string;
  timestamp: string;
  author: Person;
  committer: Person;
  added: string[];
  removed: string[];
  modified: string[];
}

export interface PushData {
  /** Full ref, `refs/heads/<branch>`. */
  ref: string;
  before: string;
  after: string;
  pusher: Person;
  /** The GitHub login that caused the push, when known. */
  sender: string | null;
  headCommit: HeadCommit;
}

export interface DeployData {
  environment: string;
  image: string;
  digest: string | null;
  tags: string[];
  revision: string;
}

/** `main` -> `refs/heads/main`; a full ref stays as it is. */
export function normalizeRef(ref: string): string {
  const r = ref.trim();
  return r.startsWith('refs/') ? r : `refs/heads/${r}`;
}

/** spiffworkflow-backend's receive URL from a base URL (`https://host`, `https://host/api`) or the full URL. */
export function spiffWebhookUrl(url: string): string {
  const u = new URL(url);
  const path = u.pathname.replace(/\/+$/, '');
  if (path.endsWith(WEBHOOK_PATH)) u.pathname = path;
  else if (path.endsWith('/v1.0')) u.pathname = `${path}/github-webhook-receive`;
  else u.pathname = `${path}${WEBHOOK_PATH}`;
  return u.toString();
}

function fromParts(
  server: string,
  host: string,
  path: string,
  exact: Partial<RepositoryInfo> = {},
): RepositoryInfo {
  const segments = path.split('/').filter(Boolean);
  const name = segments[segments.length - 1] ?? path;
  const owner = segments.length > 1 ? segments[segments.length - 2] : '';
  return {
    name,
    full_name: owner ? `${owner}/${name}` : name,
    owner,
    html_url: `${server}/${path}`,
    clone_url: `${server}/${path}.git`,
    git_url: `git://${host}/${path}.git`,
    ssh_url: `git@${host}:${path}.git`,
    ...exact,
  };
}

/** The repository as GitHub describes it, from GITHUB_SERVER_URL and GITHUB_REPOSITORY (`owner/name`). */
export function repositoryFromGitHub(serverUrl: string, fullName: string): RepositoryInfo {
  const server = serverUrl.replace(/\/+$/, '');
  let host: string;
  try {
    host = new URL(server).hostname;
  } catch {
    throw new UsageError(
      `GITHUB_SERVER_URL '${serverUrl}' is not a URL; give the repository URL explicitly.`,
    );
  }
  if (!/^[^/\s]+\/[^/\s]+$/.test(fullName)) {
    throw new UsageError(
      `GITHUB_REPOSITORY '${fullName}' is not 'owner/name'; give the repository URL explicitly.`,
    );
  }
  return fromParts(server, host, fullName);
}

/**
 * The repository from any URL it is cloned by. The derived forms follow GitHub's (`https://host/o/r.git`,
 * `git://host/o/r.git`, `git@host:o/r.git`); the form given is kept exactly in its own slot, since the backend
 * compares character by character. Anything else (a path on disk, `file://`) fills all three clone slots as is.
 */
export function repositoryFromUrl(given: string): RepositoryInfo {
  const url = given.trim();
  if (!url) throw new UsageError('the repository URL is empty.');
  const strip = (p: string) =>
    p
      .replace(/^\/+/, '')
      .replace(/\/+$/, '')
      .replace(/\.git$/, '');

  const http = /^https?:\/\//i.test(url) ? new URL(url) : null;
  if (http) {
    http.username = '';
    http.password = '';
    const path = strip(http.pathname);
    if (!path)
      throw new UsageError(
        `the repository URL '${url}' names no repository (expected https://host/owner/name).`,
      );
    const server = `${http.protocol}//${http.host}`;
    const exact = http.pathname.replace(/\/+$/, '').endsWith('.git')
      ? { clone_url: `${server}/${path}.git` }
      : {};
    return fromParts(server, http.hostname, path, exact);
  }
  const ssh = /^ssh:\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+)$/i.exec(url);
  if (ssh) return fromParts(`https://${ssh[1]}`, ssh[1], strip(ssh[2]), { ssh_url: url });
  const git = /^git:\/\/([^/:]+)(?::\d+)?\/(.+)$/i.exec(url);
  if (git) return fromParts(`https://${git[1]}`, git[1], strip(git[2]), { git_url: url });
  const scp = /^(?:[^@/:]+@)?([^/:]{2,}):(?!\/\/)(.+)$/.exec(url);
  if (scp) return fromParts(`https://${scp[1]}`, scp[1], strip(scp[2]), { ssh_url: url });

  const local = fromParts('', '', strip(url.replace(/^file:\/\//, '')));
  return { ...local, html_url: url, clone_url: url, git_url: url, ssh_url: url };
}

export function withOverrides(repo: RepositoryInfo, overrides: RepositoryUrlOverrides): RepositoryInfo {
  const out = { ...repo };
  for (const key of REPOSITORY_URL_KEYS) if (overrides[key]) out[key] = overrides[key]!;
  return out;
}

/** The smallest head commit GitHub would send, for when git cannot tell more. */
export function minimalHeadCommit(sha: string, pusher: Person, now: Date): HeadCommit {
  return {
    id: sha,
    message: '',
    timestamp: now.toISOString(),
    author: pusher,
    committer: pusher,
    added: [],
    removed: [],
    modified: [],
  };
}

function repositoryPayload(repo: RepositoryInfo) {
  return {
    name: repo.name,
    full_name: repo.full_name,
    owner: { name: repo.owner, login: repo.owner },
    html_url: repo.html_url,
    url: repo.html_url,
    clone_url: repo.clone_url,
    git_url: repo.git_url,
    ssh_url: repo.ssh_url,
  };
}

const short = (sha: string) => sha.slice(0, 12);

/** A GitHub `push` event. */
export function pushPayload(push: PushData, repo: RepositoryInfo): Record<string, unknown> {
  const head = { ...push.headCommit, distinct: true, url: `${repo.html_url}/commit/${push.headCommit.id}` };
  return {
    ref: push.ref,
    before: push.before,
    after: push.after,
    created: push.before === ZERO_SHA,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `${repo.html_url}/compare/${short(push.before)}...${short(push.after)}`,
    commits: [head],
    head_commit: head,
    repository: repositoryPayload(repo),
    pusher: push.pusher,
    ...(push.sender ? { sender: { login: push.sender } } : {}),
  };
}

/** A GitHub `ping` event: the backend checks signature and repository URLs, then answers without pulling. */
export function pingPayload(
  repo: RepositoryInfo,
  hookUrl: string,
  sender: string | null,
): Record<string, unknown> {
  return {
    zen: 'Keep it logically awesome.',
    hook_id: 1,
    hook: {
      type: 'Repository',
      id: 1,
      name: 'web',
      active: true,
      events: ['push'],
      config: { content_type: 'json', insecure_ssl: '0', url: hookUrl },
    },
    repository: repositoryPayload(repo),
    ...(sender ? { sender: { login: sender } } : {}),
  };
}

/** The deploy hook body for baked environments. */
export function deployPayload(deploy: DeployData): Record<string, unknown> {
  return {
    environment: deploy.environment,
    image: deploy.image,
    digest: deploy.digest,
    tags: deploy.tags,
    revision: deploy.revision,
  };
}

/** A deploy hook's ping: names the environment, carries no image, so a receiver can check URL and secret. */
export function deployPingPayload(environment: string): Record<string, unknown> {
  return { zen: 'Keep it logically awesome.', hook_id: 1, environment };
}
