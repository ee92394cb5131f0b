// The options and outputs of promote and publish, declared once for the CLI and the action, and the settings
// both shells share: GitHub API access and the checks on enumerated values.
import { git } from '../util/git.js';
import { UsageError } from '../util/errors.js';
import { PATH_OPTION, type CommandSpec, type OptionSpec } from '../util/options.js';
import { ALLOW_EMPTY_OPTION, CONFIG_OPTION } from '../validate/options.js';
import { parseRepository, type GitHubRepo, type PullRequestSettings } from './github.js';

export const DEFAULT_API_URL = 'https://api.github.com';

export interface GitHubSettings {
  token?: string;
  apiUrl?: string;
  repository?: string;
}

/**
 * The GitHub repository to call, or undefined without a token (promote via git needs none). The repository
 * comes from the setting, else from the remote's URL.
 */
export async function gitHubRepo(
  s: GitHubSettings,
  remote: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<GitHubRepo | undefined> {
  if (!s.token) return undefined;
  let remoteUrl: string | undefined;
  if (!s.repository) {
    remoteUrl = /[/:\\]/.test(remote)
      ? remote
      : (await git(['remote', 'get-url', remote], { cwd, env }).catch(() => '')).trim() || undefined;
  }
  const { owner, repo } = parseRepository(s.repository, remoteUrl);
  return { token: s.token, apiUrl: s.apiUrl || DEFAULT_API_URL, owner, repo };
}

export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${name} must be one of ${allowed.join(', ')}; got '${value}'.`);
}

export function author(
  name: string | undefined,
  email: string | undefined,
): { name: string; email: string } | undefined {
  if (!name && !email) return undefined;
  if (!name || !email) throw new UsageError('Give both the author name and the author email, or neither.');
  return { name, email };
}

const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

/** What promote and publish share: where the repository is, how to validate, who commits, the GitHub API. */
const branchOptions = {
  path: {
    ...PATH_OPTION,
    flag: 'path',
    arg: 'DIR',
    flagDoc: 'models root inside the repository',
  },
  remote: {
    type: 'string',
    arg: 'NAME|URL',
    default: 'origin',
    doc: 'the git remote of the workspace to fetch from and push to, or a clone URL',
    flagDoc: 'remote to fetch from and push to; a URL is cloned to a scratch dir',
  },
  dryRun: { type: 'boolean', input: 'dry-run', default: false, doc: 'plan only; push nothing' },
  validate: {
    type: 'boolean',
    default: true,
    doc: 'validate the result first and refuse new errors (errors the target already has do not block)',
    flagDoc: 'skip validating the result (by default new errors refuse it)',
  },
  config: CONFIG_OPTION,
  allowEmpty: ALLOW_EMPTY_OPTION,
  inWorkspace: {
    type: 'boolean',
    input: 'in-workspace',
    default: false,
    doc: 'build the result in the workspace checkout (left checked out, detached) instead of a scratch worktree',
  },
  authorName: {
    type: 'string',
    input: 'author-name',
    arg: 'NAME',
    inputDefault: BOT.name,
    doc: "author and committer name of the commits made (default: git's identity)",
    inputDoc: 'author and committer name of the commits made',
  },
  authorEmail: {
    type: 'string',
    input: 'author-email',
    arg: 'EMAIL',
    inputDefault: BOT.email,
    doc: "author and committer email of the commits made (default: git's identity)",
    inputDoc: 'author and committer email of the commits made',
  },
  repository: {
    type: 'string',
    arg: 'OWNER/REPO',
    doc: 'the GitHub repository OWNER/REPO for API calls (default: GITHUB_REPOSITORY, else the remote URL)',
  },
  apiUrl: {
    type: 'string',
    flag: 'api-url',
    input: 'github-api-url',
    arg: 'URL',
    doc: `GitHub REST API base URL (default: GITHUB_API_URL, else ${DEFAULT_API_URL})`,
    flagDoc: `GitHub REST API (default GITHUB_API_URL or ${DEFAULT_API_URL}); token from GITHUB_TOKEN or GH_TOKEN`,
  },
  githubToken: {
    type: 'string',
    flag: null,
    input: 'github-token',
    inputDefault: '${{ github.token }}',
    doc: 'token for the GitHub REST API (needs contents: write, and pull-requests: write for publish)',
  },
  json: { type: 'boolean', input: null, default: false, doc: 'print the report as JSON' },
} as const satisfies Record<string, OptionSpec>;

export const promoteSpec = {
  name: 'promote',
  summary: 'merge an environment branch into the next one (dev -> staging -> prod), validated, never forced',
  synopsis:
    'spiff-models promote --from BRANCH --to BRANCH [--strategy merge|fast-forward] [--via git|api] [options]',
  options: {
    from: { type: 'string', arg: 'BRANCH', doc: 'the source branch (e.g. dev)' },
    to: { type: 'string', arg: 'BRANCH', doc: 'the target branch (e.g. staging)' },
    strategy: {
      type: 'string',
      arg: 'S',
      default: 'merge',
      doc: 'merge (a merge commit naming source, commit and changed models) or fast-forward (refused when the target has diverged)',
    },
    via: {
      type: 'string',
      arg: 'git|api',
      default: 'git',
      doc: 'git (fetch, merge, push) or api (merge through the GitHub REST API after the local checks)',
    },
    ...branchOptions,
  },
  outputs: {
    result: {
      doc: 'merged, fast-forwarded, up-to-date, conflict, diverged (fast-forward impossible) or invalid (new validation errors)',
    },
    commit: { doc: 'the target branch commit after the promotion' },
    commits: { doc: 'how many commits of the source the target gained' },
    'changed-models': { doc: 'JSON array of the model ids added, changed or removed on the target' },
  },
  epilogue:
    'Exit codes: 0 promoted or up to date, 1 refused (conflict, diverged, new validation errors), 2 usage or setup error.',
} as const satisfies CommandSpec;

export const publishSpec = {
  name: 'publish',
  summary: 'publish selected models (with their groups and called models) to a branch as one pull request',
  synopsis:
    'spiff-models publish MODEL_ID... --to BRANCH [--from REF] [--no-dependencies] [--no-pull-request] [options]',
  args: [['MODEL_ID...', 'model ids (paths relative to the models root, like group/model)']],
  options: {
    models: {
      type: 'list',
      flag: null,
      doc: 'the model ids to publish, one per line (paths relative to the models root, like group/model)',
    },
    from: {
      type: 'string',
      arg: 'REF',
      doc: 'the source ref, a remote branch or a commit-ish (default: the checked-out commit)',
    },
    to: { type: 'string', arg: 'BRANCH', doc: 'the branch the pull request targets' },
    dependencies: {
      type: 'boolean',
      default: true,
      doc: 'also publish the models the published ones call, transitively, with their group files',
      flagDoc: 'do not add the models the published ones call (transitively)',
    },
    pullRequest: {
      type: 'boolean',
      input: 'pull-request',
      default: true,
      doc: 'open or update one pull request for the publish branch (false: only push the branch)',
      flagDoc: 'only push the publish branch (no GitHub token needed)',
    },
    ...pullRequestSpec(),
    ...branchOptions,
  },
  outputs: {
    branch: { doc: 'the publish branch' },
    commit: { doc: 'the head of the publish branch (empty when nothing changed)' },
    models: { doc: 'JSON array of the published model ids, dependencies included' },
    'changed-models': { doc: 'JSON array of the model ids added, changed or removed on the target' },
    'pull-request-number': { doc: 'number of the pull request opened or updated' },
    'pull-request-url': { doc: 'URL of the pull request' },
    operation: { doc: 'created, updated or unchanged' },
  },
  epilogue: `The branch is publish-<model id>-to-<target> for one model (the backend's naming), publish-<n>-models-<digest>-to-<target>
for several; it is rebuilt from the current target on every run (force-with-lease on the value seen).
Exit codes: 0 published or unchanged, 1 refused (new validation errors), 2 usage or setup error.`,
} as const satisfies CommandSpec;

/** The pull-request settings of publish, named as peter-evans/create-pull-request names them. */
function pullRequestSpec() {
  return {
    title: {
      type: 'string',
      arg: 'TEXT',
      doc: 'pull request title (default: "Publish <models> to <target>")',
    },
    body: {
      type: 'string',
      arg: 'TEXT',
      doc: 'pull request body, markdown (default: the models, their changes and the validation result)',
    },
    labels: {
      type: 'list',
      flag: 'label',
      input: 'labels',
      arg: 'LABEL',
      doc: 'labels to add to the pull request, one per line or comma-separated',
      flagDoc: 'label to add to the pull request',
    },
    reviewers: {
      type: 'list',
      flag: 'reviewer',
      input: 'reviewers',
      arg: 'LOGIN',
      doc: 'users to request a review from, one per line or comma-separated (org/team for a team)',
      flagDoc: 'user (or org/team) to request a review from',
    },
    draft: {
      type: 'boolean',
      default: false,
      doc: 'open the pull request as a draft (an existing one keeps its state)',
    },
  } as const satisfies Record<string, OptionSpec>;
}

/** The pull request settings publish was given (labels and reviewers as lists). */
export function pullRequestOptions(values: {
  title?: string;
  body?: string;
  labels: string[];
  reviewers: string[];
  draft: boolean;
}): PullRequestSettings {
  return {
    title: values.title || undefined,
    body: values.body || undefined,
    labels: values.labels,
    reviewers: values.reviewers,
    draft: values.draft,
  };
}
