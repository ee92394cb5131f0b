// The action side of validate: annotations (errors first), job summary, JSON and SARIF files, outputs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { workspaceDir } from '../shell/github.js';
import { readInputs } from '../shell/inputs.js';
import { UsageError } from '../util/errors.js';
import { validateSpec } from './options.js';
import { info } from '../shell/log.js';
import { formatJson } from './reporters/json.js';
import { formatMarkdown } from './reporters/markdown.js';
import { formatSarif } from './reporters/sarif.js';
import { formatStylish } from './reporters/stylish.js';
import { cachePath } from './cache-location.js';
import { reproduceCommand } from './reporters/markdown.js';
import { relativePrefix, repoPlace, runUrl } from '../util/repo-links.js';
import { validateRepo } from './validate.js';
import type { Finding } from '../models/finding.js';

/** GitHub shows at most 10 error and 10 warning annotations per step. */
export const ANNOTATIONS_SHOWN = 10;

export async function runValidateAction(): Promise<void> {
  const ws = workspaceDir();
  const input = readInputs(validateSpec);
  const root = path.resolve(ws, input.path);
  const config = input.config;
  const base = input.base || undefined;
  const maxWarnings = input.maxWarnings === undefined ? -1 : Number(input.maxWarnings);
  if (input.maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0))
    throw new UsageError(`Input 'max-warnings' must be a whole number >= 0, got '${input.maxWarnings}'.`);
  // Reports go outside the workspace by default: inside the models root they would be committed or baked.
  const reportDir = process.env.RUNNER_TEMP || os.tmpdir();
  const reportFile = input.reportFile
    ? path.resolve(ws, input.reportFile)
    : path.join(reportDir, 'spiff-models-report.json');
  const sarifFile = input.sarifFile
    ? path.resolve(ws, input.sarifFile)
    : path.join(reportDir, 'spiff-models.sarif');
  const annotate = input.annotations;
  // Report paths as a person reads them: relative in the workspace, $RUNNER_TEMP/... there, else absolute.
  const temp = process.env.RUNNER_TEMP;
  const shown = (file: string) =>
    file.startsWith(ws + path.sep)
      ? path.relative(ws, file).split(path.sep).join('/')
      : temp && file.startsWith(temp + path.sep)
        ? `$RUNNER_TEMP/${path.relative(temp, file).split(path.sep).join('/')}`
        : file;

  // The default cache file is outside the workspace, like the reports: it must not be baked with the models.
  const cacheLocation = input.cacheLocation || path.join(reportDir, 'spiff-models-cache');
  const result = await validateRepo(root, {
    configFile: config ? path.resolve(ws, config) : undefined,
    base,
    cache: input.cache ? cachePath(ws, cacheLocation) : undefined,
    allowEmpty: input.allowEmpty,
  });
  if (result.cacheWarning) core.warning(result.cacheWarning);
  const prefix = relativePrefix(ws, root);
  const repoPath = (f: Finding) => (prefix ? `${prefix}/${f.file}` : f.file);

  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, formatJson(result));
  fs.mkdirSync(path.dirname(sarifFile), { recursive: true });
  fs.writeFileSync(sarifFile, formatSarif(result, { uriPrefix: prefix }));

  info(formatStylish(result, { color: false, root: prefix || undefined }));

  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  let note: string | undefined;
  if (annotate) {
    for (const f of errors.slice(0, ANNOTATIONS_SHOWN))
      core.error(f.message, { title: f.ruleId, file: repoPath(f), startLine: f.line, startColumn: f.column });
    for (const f of warnings.slice(0, ANNOTATIONS_SHOWN))
      core.warning(f.message, {
        title: f.ruleId,
        file: repoPath(f),
        startLine: f.line,
        startColumn: f.column,
      });
    const hiddenE = Math.max(0, errors.length - ANNOTATIONS_SHOWN);
    const hiddenW = Math.max(0, warnings.length - ANNOTATIONS_SHOWN);
    if (hiddenE || hiddenW)
      note = `GitHub shows ${ANNOTATIONS_SHOWN} annotations per type: ${hiddenE} errors and ${hiddenW} warnings are not annotated; this summary and the SARIF file (${shown(sarifFile)}) list them all.`;
  }
  const rel = (file: string) => path.relative(ws, file).split(path.sep).join('/');
  const place = await repoPlace(root, process.env, { commit: process.env.GITHUB_SHA, prefix });
  const summary = formatMarkdown(result, {
    index: result.index,
    changedModels: result.changedModels,
    note,
    prefix: place.prefix,
    links: place.links,
    command: reproduceCommand(place.prefix || '.', { config: config && rel(path.resolve(ws, config)), base }),
    reports: { json: shown(reportFile), sarif: shown(sarifFile), artifacts: runUrl(process.env) },
  });
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary, true).write();

  core.setOutput('errors', String(result.summary.errors));
  core.setOutput('warnings', String(result.summary.warnings));
  core.setOutput('report-file', reportFile);
  core.setOutput('sarif-file', sarifFile);
  core.setOutput('changed-models', JSON.stringify(result.changedModels));

  if (result.summary.errors > 0)
    core.setFailed(
      `${result.summary.errors} errors in ${result.models.filter((m) => m.status === 'error').length} models: the backend would refuse them.`,
    );
  else if (maxWarnings >= 0 && result.summary.warnings > maxWarnings)
    core.setFailed(`${result.summary.warnings} warnings exceed max-warnings ${maxWarnings}.`);
}
