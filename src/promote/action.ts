// The action side of promote and publish: inputs in, outputs, annotations and a job summary out. A refused
// promotion or publication sets its outputs first, then fails the step.
import path from 'node:path';
import * as core from '@actions/core';
import type { Finding } from '../models/finding.js';
import { UsageError, errorMessage } from '../util/errors.js';
import type { GateOutcome } from './gate.js';
import {
  author,
  DEFAULT_API_URL,
  gitHubRepo,
  oneOf,
  promoteSpec,
  publishSpec,
  pullRequestOptions,
} from './options.js';
import { promote, STRATEGIES, VIAS } from './promote.js';
import { publish } from './publish.js';
import {
  findingPath,
  promoteMarkdown,
  promoteOutputs,
  promoteText,
  publishMarkdown,
  publishOutputs,
  publishText,
} from './report.js';
import type { GitContext } from './workarea.js';
import { workspaceDir } from '../shell/github.js';
import { readInputs, setOutputs } from '../shell/inputs.js';
import type { Values } from '../util/options.js';
import { info } from '../shell/log.js';

type BranchInputs = Values<typeof promoteSpec> | Values<typeof publishSpec>;

function context(input: BranchInputs): GitContext {
  return {
    cwd: workspaceDir(),
    path: input.path,
    remote: input.remote,
    inWorkspace: input.inWorkspace,
    env: process.env,
    author: author(input.authorName, input.authorEmail),
  };
}

function github(input: BranchInputs, ctx: GitContext) {
  const token = input.githubToken || process.env.GITHUB_TOKEN;
  if (token) core.setSecret(token);
  return gitHubRepo(
    {
      token,
      apiUrl: input.apiUrl || process.env.GITHUB_API_URL || DEFAULT_API_URL,
      repository: input.repository || process.env.GITHUB_REPOSITORY,
    },
    ctx.remote,
    ctx.cwd,
    ctx.env,
  );
}

/** The `config` input, when the workflow gives one (relative to the workspace). */
function configFile(input: BranchInputs, ctx: GitContext): string | undefined {
  return input.config ? path.resolve(ctx.cwd, input.config) : undefined;
}

/** An input the command cannot do without. */
function required(value: string | undefined, name: string, command: string): string {
  if (!value) throw new UsageError(`Input '${name}' is required for command '${command}'.`);
  return value;
}

function annotate(v: GateOutcome | null, root: string): void {
  const props = (f: Finding) => ({
    title: f.ruleId,
    file: findingPath(root, f),
    startLine: f.line || undefined,
    startColumn: f.column || undefined,
  });
  for (const f of v?.newErrors ?? []) core.error(f.message, props(f));
  for (const f of v?.existingErrors ?? []) core.warning(`already on the target: ${f.message}`, props(f));
}

async function summarize(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown).write();
  } catch (err) {
    core.warning(`Could not write the job summary: ${errorMessage(err)}`);
  }
}

export async function runPromoteAction(): Promise<void> {
  const input = readInputs(promoteSpec);
  const ctx = context(input);
  const via = oneOf("Input 'via'", input.via, VIAS);
  const report = await promote({
    ...ctx,
    from: required(input.from, 'from', 'promote'),
    to: required(input.to, 'to', 'promote'),
    strategy: oneOf("Input 'strategy'", input.strategy, STRATEGIES),
    via,
    dryRun: input.dryRun,
    validate: input.validate,
    allowEmpty: input.allowEmpty,
    configFile: configFile(input, ctx),
    github: via === 'api' ? await github(input, ctx) : undefined,
    log: (line) => info(line),
  });
  setOutputs(promoteSpec, promoteOutputs(report));

  const text = promoteText(report);
  info(text);
  annotate(report.validation, report.root);
  for (const w of report.warnings) core.warning(w);
  await summarize(promoteMarkdown(report));
  if (report.refused) {
    const detail =
      report.result === 'conflict'
        ? `conflicts in ${report.conflicts.map((c) => c.file).join(', ') || 'the merge'}`
        : report.result === 'diverged'
          ? `'${report.to}' has ${report.targetOnlyCommits} commit(s) '${report.from}' lacks; use strategy merge or merge back first`
          : `${report.validation?.newErrors.length ?? 0} new validation error(s)`;
    throw new Error(
      `Promotion of '${report.from}' into '${report.to}' refused (${report.result}): ${detail}. Nothing was pushed.`,
    );
  }
}

export async function runPublishAction(): Promise<void> {
  const input = readInputs(publishSpec);
  const ctx = context(input);
  if (input.models.length === 0)
    throw new UsageError("Input 'models' is required for publish: one model id per line.");
  const report = await publish({
    ...ctx,
    modelIds: input.models,
    from: input.from || 'HEAD',
    to: required(input.to, 'to', 'publish'),
    dependencies: input.dependencies,
    pullRequest: input.pullRequest,
    pullRequestOptions: pullRequestOptions(input),
    dryRun: input.dryRun,
    validate: input.validate,
    allowEmpty: input.allowEmpty,
    configFile: configFile(input, ctx),
    github: input.pullRequest ? await github(input, ctx) : undefined,
    log: (line) => info(line),
  });
  setOutputs(publishSpec, publishOutputs(report));

  info(publishText(report));
  annotate(report.validation, report.root);
  for (const w of report.warnings) core.warning(w);
  await summarize(publishMarkdown(report));
  if (report.refused) {
    throw new Error(
      `Publishing to '${report.to}' refused: ${report.validation?.newErrors.length ?? 0} new validation error(s). Nothing was pushed.`,
    );
  }
}
