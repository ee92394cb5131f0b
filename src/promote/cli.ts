// `spiff-models promote` and `spiff-models publish`: parse arguments, run, print the report (exit 1 = refused).
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIO } from '../cli/io.js';
import { UsageError } from '../util/errors.js';
import { jsonText } from '../util/safe-text.js';
import { author, DEFAULT_API_URL, gitHubRepo, oneOf } from './options.js';
import { promote, STRATEGIES, VIAS } from './promote.js';
import { publish } from './publish.js';
import { promoteText, publishText } from './report.js';
import type { GitContext } from './workarea.js';

const commonOptions = {
  from: { type: 'string' },
  to: { type: 'string' },
  remote: { type: 'string', default: 'origin' },
  path: { type: 'string', default: '.' },
  'dry-run': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  'no-validate': { type: 'boolean', default: false },
  config: { type: 'string' },
  'in-workspace': { type: 'boolean', default: false },
  'author-name': { type: 'string' },
  'author-email': { type: 'string' },
  repository: { type: 'string' },
  'api-url': { type: 'string' },
} as const;

const commonUsage = `  --remote NAME|URL       remote to fetch from and push to (default origin); a URL is cloned to a scratch dir
  --path DIR              models root inside the repository (default .)
  --no-validate           skip validating the result (by default new errors refuse it)
  --config FILE           validation config file (default: the one in the models root, if any)
  --in-workspace          build the result in this checkout (left checked out, detached) instead of a scratch worktree
  --author-name NAME      author and committer of the commits made (default: git's identity)
  --author-email EMAIL
  --repository OWNER/REPO GitHub repository for API calls (default GITHUB_REPOSITORY or the remote URL)
  --api-url URL           GitHub REST API (default GITHUB_API_URL or ${DEFAULT_API_URL}); token from GITHUB_TOKEN or GH_TOKEN
  --dry-run               print the plan; push nothing
  --json                  print the report as JSON
`;

function context(values: Record<string, unknown>, io: CliIO): GitContext {
  return {
    cwd: io.cwd,
    path: values.path as string,
    remote: values.remote as string,
    inWorkspace: values['in-workspace'] as boolean,
    env: io.env,
    author: author(values['author-name'] as string | undefined, values['author-email'] as string | undefined),
  };
}

function github(values: Record<string, unknown>, io: CliIO) {
  return gitHubRepo(
    {
      token: io.env.GITHUB_TOKEN || io.env.GH_TOKEN,
      apiUrl: (values['api-url'] as string | undefined) || io.env.GITHUB_API_URL,
      repository: (values.repository as string | undefined) || io.env.GITHUB_REPOSITORY,
    },
    values.remote as string,
    io.cwd,
    io.env,
  );
}

function configFile(values: Record<string, unknown>, io: CliIO): string | undefined {
  const file = values.config as string | undefined;
  return file ? path.resolve(io.cwd, file) : undefined;
}

export const promoteCli: CliCommand = {
  name: 'promote',
  summary: 'merge an environment branch into the next one (dev -> staging -> prod), validated, never forced',
  usage: `spiff-models promote --from BRANCH --to BRANCH [--strategy merge|fast-forward] [--via git|api] [options]

  --from BRANCH           source branch on the remote
  --to BRANCH             target branch on the remote
  --strategy S            merge (a merge commit naming source, commit and models; default) or fast-forward
                          (refused when the target has commits the source lacks)
  --via git|api           push with git (default) or merge through the GitHub REST API (needs GITHUB_TOKEN)
${commonUsage}
Exit codes: 0 promoted or up to date, 1 refused (conflict, diverged, new validation errors), 2 usage or setup error.
`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        ...commonOptions,
        strategy: { type: 'string', default: 'merge' },
        via: { type: 'string', default: 'git' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length) throw new UsageError(`Unexpected argument '${positionals[0]}'.`);
    if (!values.from || !values.to) throw new UsageError('promote needs both --from BRANCH and --to BRANCH.');
    const via = oneOf('--via', values.via, VIAS);
    const report = await promote({
      ...context(values, io),
      from: values.from,
      to: values.to,
      strategy: oneOf('--strategy', values.strategy, STRATEGIES),
      via,
      dryRun: values['dry-run'],
      validate: !values['no-validate'],
      configFile: configFile(values, io),
      github: via === 'api' ? await github(values, io) : undefined,
      log: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(values.json ? `${jsonText(report)}\n` : promoteText(report));
    return report.refused ? 1 : 0;
  },
};

export const publishCli: CliCommand = {
  name: 'publish',
  summary: 'publish selected models (with their groups and called models) to a branch as one pull request',
  usage: `spiff-models publish MODEL_ID... --to BRANCH [--from REF] [--no-dependencies] [--no-pull-request] [options]

  MODEL_ID...             model ids (paths relative to the models root, like group/model)
  --from REF              source: a branch of the remote, or a ref or commit here (default HEAD)
  --to BRANCH             target branch of the pull request
  --no-dependencies       do not add the models the published ones call (transitively)
  --no-pull-request       only push the publish branch (no GitHub token needed)
${commonUsage}
The branch is publish-<model id>-to-<target> for one model (the backend's naming), publish-<n>-models-<digest>-to-<target>
for several; it is rebuilt from the current target on every run (force-with-lease on the value seen).
Exit codes: 0 published or unchanged, 1 refused (new validation errors), 2 usage or setup error.
`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        ...commonOptions,
        'no-dependencies': { type: 'boolean', default: false },
        'no-pull-request': { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length === 0) throw new UsageError('publish needs at least one MODEL_ID.');
    if (!values.to) throw new UsageError('publish needs --to BRANCH.');
    const pullRequest = !values['no-pull-request'];
    const report = await publish({
      ...context(values, io),
      modelIds: positionals,
      from: values.from || 'HEAD',
      to: values.to,
      dependencies: !values['no-dependencies'],
      pullRequest,
      dryRun: values['dry-run'],
      validate: !values['no-validate'],
      configFile: configFile(values, io),
      github: pullRequest ? await github(values, io) : undefined,
      log: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(values.json ? `${jsonText(report)}\n` : publishText(report));
    return report.refused ? 1 : 0;
  },
};
