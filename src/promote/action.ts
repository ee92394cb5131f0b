// The action side of promote and publish: inputs in, outputs, annotations and a job summary out. A refused
// promotion or publication sets its outputs first, then fails the step.
import path from 'node:path';
import * as core from '@actions/core';
import type { Finding } from '../validate/finding.js';
import { UsageError, errorMessage } from '../util/errors.js';
import type { GateOutcome } from './gate.js';
import { author, DEFAULT_API_URL, gitHubRepo, oneOf } from './options.js';
import { promote, STRATEGIES, VIAS } from './promote.js';
import { publish } from './publish.js';
import { findingPath, promoteMarkdown, promoteText, publishMarkdown, publishText } from './report.js';
import type { GitContext } from './workarea.js';
import { booleanInput, requiredInput } from '../action/inputs.js';
import { info } from '../action/log.js';

const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

function context(): GitContext {
  return {
    cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
    path: core.getInput('path') || '.',
    remote: core.getInput('remote') || 'origin',
    inWorkspace: booleanInput('in-workspace', false),
    env: process.env,
    author: author(core.getInput('author-name') || BOT.name, core.getInput('author-email') || BOT.email),
  };
}

function github(ctx: GitContext) {
  const token = core.getInput('github-token') || process.env.GITHUB_TOKEN;
  if (token) core.setSecret(token);
  return gitHubRepo(
    {
      token,
      apiUrl: core.getInput('github-api-url') || process.env.GITHUB_API_URL || DEFAULT_API_URL,
      repository: core.getInput('repository') || process.env.GITHUB_REPOSITORY,
    },
    ctx.remote,
    ctx.cwd,
    ctx.env,
  );
}

/** The validate command's `config` input, when the workflow gives one (relative to the workspace). */
function configFile(ctx: GitContext): string | undefined {
  const file = core.getInput('config');
  return file ? path.resolve(ctx.cwd, file) : undefined;
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
  const ctx = context();
  const via = oneOf("Input 'via'", core.getInput('via') || 'git', VIAS);
  const report = await promote({
    ...ctx,
    from: requiredInput('from'),
    to: requiredInput('to'),
    strategy: oneOf("Input 'strategy'", core.getInput('strategy') || 'merge', STRATEGIES),
    via,
    dryRun: booleanInput('dry-run', false),
    validate: booleanInput('validate', true),
    configFile: configFile(ctx),
    github: via === 'api' ? await github(ctx) : undefined,
    log: (line) => info(line),
  });
  core.setOutput('result', report.result);
  core.setOutput('commit', report.commit ?? '');
  core.setOutput('commits', String(report.commits.length));
  core.setOutput('changed-models', JSON.stringify(report.changedModels));
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
  const ctx = context();
  const pullRequest = booleanInput('pull-request', true);
  const ids = core
    .getInput('models')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0)
    throw new UsageError("Input 'models' is required for publish: one model id per line.");
  const report = await publish({
    ...ctx,
    modelIds: ids,
    from: core.getInput('from') || 'HEAD',
    to: requiredInput('to'),
    dependencies: booleanInput('dependencies', true),
    pullRequest,
    dryRun: booleanInput('dry-run', false),
    validate: booleanInput('validate', true),
    configFile: configFile(ctx),
    github: pullRequest ? await github(ctx) : undefined,
    log: (line) => info(line),
  });
  core.setOutput('branch', report.branch);
  core.setOutput('commit', report.commit ?? '');
  core.setOutput('models', JSON.stringify(report.models.map((m) => m.id).sort()));
  core.setOutput(
    'changed-models',
    JSON.stringify([...report.changes.added, ...report.changes.changed, ...report.changes.removed].sort()),
  );
  core.setOutput('pull-request-number', report.pullRequest ? String(report.pullRequest.number) : '');
  core.setOutput('pull-request-url', report.pullRequest?.url ?? '');
  core.setOutput('operation', report.refused ? '' : report.operation);
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
