// The GitHub REST calls of promote (merges, fast-forward of a ref) and publish (one pull request per branch).
import { getOctokit } from '@actions/github';
import { SetupError, UsageError } from '../util/errors.js';

export interface GitHubRepo {
  token: string;
  /** REST base URL: GITHUB_API_URL on runners, https://api.github.com by default. */
  apiUrl: string;
  owner: string;
  repo: string;
}

export interface PullRequest {
  number: number;
  url: string;
}

/** What users set on the pull request, named as peter-evans/create-pull-request names them. */
export interface PullRequestSettings {
  /** Replaces the generated title. */
  title?: string;
  /** Replaces the generated body. */
  body?: string;
  labels: string[];
  /** Logins, or org/team-slug for a team. */
  reviewers: string[];
  /** Only when the pull request is opened: an existing one keeps its state. */
  draft: boolean;
}

type Octokit = ReturnType<typeof getOctokit>;

function client(gh: GitHubRepo): Octokit {
  return getOctokit(gh.token, { baseUrl: gh.apiUrl.replace(/\/+$/, '') });
}

function statusOf(err: unknown): number | null {
  const status = (err as { status?: unknown }).status;
  return typeof status === 'number' ? status : null;
}

function apiMessage(err: unknown): string {
  const data = (err as { response?: { data?: { message?: string } } }).response?.data;
  return data?.message ?? (err instanceof Error ? err.message : String(err));
}

function failure(gh: GitHubRepo, what: string, err: unknown): SetupError {
  const status = statusOf(err);
  if (status === null) return new SetupError(`${what} in ${gh.owner}/${gh.repo} failed: ${apiMessage(err)}`);
  const hint =
    status === 401
      ? 'the token was refused: check the github-token input or GITHUB_TOKEN.'
      : status === 403
        ? 'the token lacks permission: give the workflow `permissions: contents: write` (and `pull-requests: write` for publish), or check branch protection.'
        : status === 404
          ? `the repository ${gh.owner}/${gh.repo} or a branch does not exist, or the token cannot see it.`
          : apiMessage(err);
  return new SetupError(`${what} in ${gh.owner}/${gh.repo} failed with HTTP ${status}: ${hint}`);
}

/** owner/repo from an explicit value, GITHUB_REPOSITORY, or a github-style remote URL. */
export function parseRepository(
  value: string | undefined,
  remoteUrl?: string,
): { owner: string; repo: string } {
  if (value) {
    const m = /^([\w.-]+)\/([\w.-]+)$/.exec(value.trim());
    if (!m) throw new UsageError(`The repository must look like OWNER/REPO; got '${value}'.`);
    return { owner: m[1], repo: m[2] };
  }
  const m = remoteUrl ? /[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(remoteUrl.trim()) : null;
  if (m && /github/i.test(remoteUrl ?? '')) return { owner: m[1], repo: m[2] };
  throw new UsageError(
    'Cannot tell which GitHub repository to call: pass --repository OWNER/REPO (GITHUB_REPOSITORY on runners).',
  );
}

export type MergeOutcome =
  | { status: 'merged'; sha: string; parents: string[] }
  | { status: 'up-to-date' }
  | { status: 'conflict'; message: string };

/** POST /repos/{owner}/{repo}/merges: 201 merged, 204 nothing to merge, 409 conflict, 404 missing branch. */
export async function mergeViaApi(
  gh: GitHubRepo,
  base: string,
  head: string,
  message: string,
): Promise<MergeOutcome> {
  try {
    const res = await client(gh).rest.repos.merge({
      owner: gh.owner,
      repo: gh.repo,
      base,
      head,
      commit_message: message,
    });
    if ((res.status as number) === 204) return { status: 'up-to-date' };
    const data = res.data as { sha: string; parents?: { sha: string }[] };
    return { status: 'merged', sha: data.sha, parents: (data.parents ?? []).map((p) => p.sha) };
  } catch (err) {
    const status = statusOf(err);
    if (status === 409) return { status: 'conflict', message: apiMessage(err) };
    if (status === 404) {
      throw new SetupError(
        `GitHub answered 404 to merging ${head} into '${base}' in ${gh.owner}/${gh.repo}: the base branch or the ` +
          'head commit does not exist there (or the token cannot see the repository). Push the branches first.',
      );
    }
    throw failure(gh, `Merging into '${base}'`, err);
  }
}

/** PATCH /repos/{owner}/{repo}/git/refs/heads/{branch} without force: false when it is not a fast-forward. */
export async function fastForwardViaApi(gh: GitHubRepo, branch: string, sha: string): Promise<boolean> {
  try {
    await client(gh).rest.git.updateRef({
      owner: gh.owner,
      repo: gh.repo,
      ref: `heads/${branch}`,
      sha,
      force: false,
    });
    return true;
  } catch (err) {
    if (statusOf(err) === 422) return false;
    throw failure(gh, `Fast-forwarding '${branch}'`, err);
  }
}

export async function findOpenPull(gh: GitHubRepo, head: string, base: string): Promise<PullRequest | null> {
  try {
    const res = await client(gh).rest.pulls.list({
      owner: gh.owner,
      repo: gh.repo,
      state: 'open',
      head: `${gh.owner}:${head}`,
      base,
      per_page: 10,
    });
    // The head filter is exact on GitHub; check again so a lenient server cannot hand us someone else's PR.
    const pr = res.data.find((p) => p.head.ref === head && p.base.ref === base);
    return pr ? { number: pr.number, url: pr.html_url } : null;
  } catch (err) {
    throw failure(gh, `Looking for an open pull request from '${head}'`, err);
  }
}

export async function createPull(
  gh: GitHubRepo,
  head: string,
  base: string,
  title: string,
  body: string,
  draft = false,
): Promise<PullRequest> {
  try {
    const res = await client(gh).rest.pulls.create({
      owner: gh.owner,
      repo: gh.repo,
      head,
      base,
      title,
      body,
      ...(draft ? { draft: true } : {}),
    });
    return { number: res.data.number, url: res.data.html_url };
  } catch (err) {
    throw failure(gh, `Opening a pull request from '${head}' into '${base}'`, err);
  }
}

export async function updatePull(
  gh: GitHubRepo,
  number: number,
  title: string,
  body: string,
): Promise<PullRequest> {
  try {
    const res = await client(gh).rest.pulls.update({
      owner: gh.owner,
      repo: gh.repo,
      pull_number: number,
      title,
      body,
    });
    return { number: res.data.number, url: res.data.html_url };
  } catch (err) {
    throw failure(gh, `Updating pull request #${number}`, err);
  }
}

/** Adds labels to a pull request (labels it already has stay; unknown ones are created by GitHub). */
export async function addLabels(gh: GitHubRepo, number: number, labels: string[]): Promise<void> {
  if (labels.length === 0) return;
  try {
    await client(gh).rest.issues.addLabels({ owner: gh.owner, repo: gh.repo, issue_number: number, labels });
  } catch (err) {
    throw failure(gh, `Labelling pull request #${number}`, err);
  }
}

/** Requests reviews: `login` for a user, `org/team-slug` for a team (as create-pull-request reads them). */
export async function requestReviewers(gh: GitHubRepo, number: number, reviewers: string[]): Promise<void> {
  const users = reviewers.filter((r) => !r.includes('/'));
  const teams = reviewers.filter((r) => r.includes('/')).map((r) => r.slice(r.indexOf('/') + 1));
  if (users.length === 0 && teams.length === 0) return;
  try {
    await client(gh).rest.pulls.requestReviewers({
      owner: gh.owner,
      repo: gh.repo,
      pull_number: number,
      ...(users.length ? { reviewers: users } : {}),
      ...(teams.length ? { team_reviewers: teams } : {}),
    });
  } catch (err) {
    throw failure(gh, `Requesting reviews on pull request #${number}`, err);
  }
}
