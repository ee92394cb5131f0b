// `spiff-models promote` and `spiff-models publish`: parse arguments, run, print the report (exit 1 = refused).
import path from 'node:path';
import type { CliCommand, CliIO } from '../shell/cli-io.js';
import { UsageError } from '../util/errors.js';
import { parseFlags, reportJson, usageText, type Values } from '../util/options.js';
import { author, gitHubRepo, oneOf, promoteSpec, publishSpec, pullRequestOptions } from './options.js';
import { promote, STRATEGIES, VIAS } from './promote.js';
import { publish } from './publish.js';
import { promoteOutputs, promoteText, publishOutputs, publishText } from './report.js';
import type { GitContext } from './workarea.js';

type BranchValues = Values<typeof promoteSpec> | Values<typeof publishSpec>;

function context(values: BranchValues, io: CliIO): GitContext {
  return {
    cwd: io.cwd,
    path: values.path,
    remote: values.remote,
    inWorkspace: values.inWorkspace,
    env: io.env,
    author: author(values.authorName, values.authorEmail),
  };
}

function github(values: BranchValues, io: CliIO) {
  return gitHubRepo(
    {
      token: io.env.GITHUB_TOKEN || io.env.GH_TOKEN,
      apiUrl: values.apiUrl || io.env.GITHUB_API_URL,
      repository: values.repository || io.env.GITHUB_REPOSITORY,
    },
    values.remote,
    io.cwd,
    io.env,
  );
}

function configFile(values: BranchValues, io: CliIO): string | undefined {
  return values.config ? path.resolve(io.cwd, values.config) : undefined;
}

export const promoteCli: CliCommand = {
  name: promoteSpec.name,
  summary: promoteSpec.summary,
  usage: usageText(promoteSpec),
  async run(argv, io) {
    const { values, positionals } = parseFlags(promoteSpec, argv);
    if (positionals.length) throw new UsageError(`Unexpected argument '${positionals[0]}'.`);
    if (!values.from || !values.to) throw new UsageError('promote needs both --from BRANCH and --to BRANCH.');
    const via = oneOf('--via', values.via, VIAS);
    const report = await promote({
      ...context(values, io),
      from: values.from,
      to: values.to,
      strategy: oneOf('--strategy', values.strategy, STRATEGIES),
      via,
      dryRun: values.dryRun,
      validate: values.validate,
      allowEmpty: values.allowEmpty,
      configFile: configFile(values, io),
      github: via === 'api' ? await github(values, io) : undefined,
      log: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(values.json ? reportJson(promoteSpec, report, promoteOutputs(report)) : promoteText(report));
    return report.refused ? 1 : 0;
  },
};

export const publishCli: CliCommand = {
  name: publishSpec.name,
  summary: publishSpec.summary,
  usage: usageText(publishSpec),
  async run(argv, io) {
    const { values, positionals } = parseFlags(publishSpec, argv);
    if (positionals.length === 0) throw new UsageError('publish needs at least one MODEL_ID.');
    if (!values.to) throw new UsageError('publish needs --to BRANCH.');
    const pullRequest = values.pullRequest;
    const report = await publish({
      ...context(values, io),
      modelIds: positionals,
      from: values.from || 'HEAD',
      to: values.to,
      dependencies: values.dependencies,
      pullRequest,
      pullRequestOptions: pullRequestOptions(values),
      dryRun: values.dryRun,
      validate: values.validate,
      allowEmpty: values.allowEmpty,
      configFile: configFile(values, io),
      github: pullRequest ? await github(values, io) : undefined,
      log: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(values.json ? reportJson(publishSpec, report, publishOutputs(report)) : publishText(report));
    return report.refused ? 1 : 0;
  },
};
