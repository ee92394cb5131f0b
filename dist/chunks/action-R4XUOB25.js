import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  STRATEGIES,
  VIAS,
  findingPath,
  promote,
  promoteMarkdown,
  promoteOutputs,
  promoteText,
  publish,
  publishMarkdown,
  publishOutputs,
  publishText
} from "./chunk-OOL2YF7J.js";
import {
  DEFAULT_API_URL,
  author,
  gitHubRepo,
  oneOf,
  promoteSpec,
  publishSpec,
  pullRequestOptions
} from "./chunk-QJCR5STD.js";
import "./chunk-IZBT45BD.js";
import {
  info
} from "./chunk-ZA4DOJR4.js";
import {
  workspaceDir
} from "./chunk-ORPII2Z3.js";
import {
  error,
  readInputs,
  setOutputs,
  setSecret,
  summary,
  warning
} from "./chunk-QMTJK4C2.js";
import "./chunk-7ADNAUIK.js";
import "./chunk-OWPOM6BR.js";
import "./chunk-Q42CMDPG.js";
import "./chunk-7T6BHRGV.js";
import "./chunk-45LUCC2V.js";
import "./chunk-RCSAUJEA.js";
import {
  UsageError,
  errorMessage
} from "./chunk-YIX2ZCHG.js";
import "./chunk-436XQEGX.js";

// src/promote/action.ts
import path from "node:path";
function context(input) {
  return {
    cwd: workspaceDir(),
    path: input.path,
    remote: input.remote,
    inWorkspace: input.inWorkspace,
    env: process.env,
    author: author(input.authorName, input.authorEmail)
  };
}
function github(input, ctx) {
  const token = input.githubToken || process.env.GITHUB_TOKEN;
  if (token) setSecret(token);
  return gitHubRepo(
    {
      token,
      apiUrl: input.apiUrl || process.env.GITHUB_API_URL || DEFAULT_API_URL,
      repository: input.repository || process.env.GITHUB_REPOSITORY
    },
    ctx.remote,
    ctx.cwd,
    ctx.env
  );
}
function configFile(input, ctx) {
  return input.config ? path.resolve(ctx.cwd, input.config) : void 0;
}
function required(value, name, command) {
  if (!value) throw new UsageError(`Input '${name}' is required for command '${command}'.`);
  return value;
}
function annotate(v, root) {
  const props = (f) => ({
    title: f.ruleId,
    file: findingPath(root, f),
    startLine: f.line || void 0,
    startColumn: f.column || void 0
  });
  for (const f of v?.newErrors ?? []) error(f.message, props(f));
  for (const f of v?.existingErrors ?? []) warning(`already on the target: ${f.message}`, props(f));
}
async function summarize(markdown) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await summary.addRaw(markdown).write();
  } catch (err) {
    warning(`Could not write the job summary: ${errorMessage(err)}`);
  }
}
async function runPromoteAction() {
  const input = readInputs(promoteSpec);
  const ctx = context(input);
  const via = oneOf("Input 'via'", input.via, VIAS);
  const report = await promote({
    ...ctx,
    from: required(input.from, "from", "promote"),
    to: required(input.to, "to", "promote"),
    strategy: oneOf("Input 'strategy'", input.strategy, STRATEGIES),
    via,
    dryRun: input.dryRun,
    validate: input.validate,
    allowEmpty: input.allowEmpty,
    configFile: configFile(input, ctx),
    github: via === "api" ? await github(input, ctx) : void 0,
    log: (line) => info(line)
  });
  setOutputs(promoteSpec, promoteOutputs(report));
  const text = promoteText(report);
  info(text);
  annotate(report.validation, report.root);
  for (const w of report.warnings) warning(w);
  await summarize(promoteMarkdown(report));
  if (report.refused) {
    const detail = report.result === "conflict" ? `conflicts in ${report.conflicts.map((c) => c.file).join(", ") || "the merge"}` : report.result === "diverged" ? `'${report.to}' has ${report.targetOnlyCommits} commit(s) '${report.from}' lacks; use strategy merge or merge back first` : `${report.validation?.newErrors.length ?? 0} new validation error(s)`;
    throw new Error(
      `Promotion of '${report.from}' into '${report.to}' refused (${report.result}): ${detail}. Nothing was pushed.`
    );
  }
}
async function runPublishAction() {
  const input = readInputs(publishSpec);
  const ctx = context(input);
  if (input.models.length === 0)
    throw new UsageError("Input 'models' is required for publish: one model id per line.");
  const report = await publish({
    ...ctx,
    modelIds: input.models,
    from: input.from || "HEAD",
    to: required(input.to, "to", "publish"),
    dependencies: input.dependencies,
    pullRequest: input.pullRequest,
    pullRequestOptions: pullRequestOptions(input),
    dryRun: input.dryRun,
    validate: input.validate,
    allowEmpty: input.allowEmpty,
    configFile: configFile(input, ctx),
    github: input.pullRequest ? await github(input, ctx) : void 0,
    log: (line) => info(line)
  });
  setOutputs(publishSpec, publishOutputs(report));
  info(publishText(report));
  annotate(report.validation, report.root);
  for (const w of report.warnings) warning(w);
  await summarize(publishMarkdown(report));
  if (report.refused) {
    throw new Error(
      `Publishing to '${report.to}' refused: ${report.validation?.newErrors.length ?? 0} new validation error(s). Nothing was pushed.`
    );
  }
}
export {
  runPromoteAction,
  runPublishAction
};
