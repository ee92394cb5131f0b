import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  DEFAULT_API_URL,
  STRATEGIES,
  VIAS,
  author,
  findingPath,
  gitHubRepo,
  oneOf,
  promote,
  promoteMarkdown,
  promoteText,
  publish,
  publishMarkdown,
  publishText
} from "./chunk-PCZL5FFG.js";
import "./chunk-ENB4SMU2.js";
import {
  booleanInput,
  requiredInput
} from "./chunk-EXLDC6I4.js";
import {
  error,
  getInput,
  info,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-IZVWCBO4.js";
import "./chunk-7ADNAUIK.js";
import "./chunk-OWPOM6BR.js";
import "./chunk-HBV3JMUV.js";
import "./chunk-5WI5XNFI.js";
import {
  UsageError,
  errorMessage
} from "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";

// src/promote/action.ts
import path from "node:path";
var BOT = { name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" };
function context() {
  return {
    cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
    path: getInput("path") || ".",
    remote: getInput("remote") || "origin",
    inWorkspace: booleanInput("in-workspace", false),
    env: process.env,
    author: author(getInput("author-name") || BOT.name, getInput("author-email") || BOT.email)
  };
}
function github(ctx) {
  const token = getInput("github-token") || process.env.GITHUB_TOKEN;
  if (token) setSecret(token);
  return gitHubRepo(
    {
      token,
      apiUrl: getInput("github-api-url") || process.env.GITHUB_API_URL || DEFAULT_API_URL,
      repository: getInput("repository") || process.env.GITHUB_REPOSITORY
    },
    ctx.remote,
    ctx.cwd,
    ctx.env
  );
}
function configFile(ctx) {
  const file = getInput("config");
  return file ? path.resolve(ctx.cwd, file) : void 0;
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
  const ctx = context();
  const via = oneOf("Input 'via'", getInput("via") || "git", VIAS);
  const report = await promote({
    ...ctx,
    from: requiredInput("from"),
    to: requiredInput("to"),
    strategy: oneOf("Input 'strategy'", getInput("strategy") || "merge", STRATEGIES),
    via,
    dryRun: booleanInput("dry-run", false),
    validate: booleanInput("validate", true),
    configFile: configFile(ctx),
    github: via === "api" ? await github(ctx) : void 0,
    log: (line) => info(line)
  });
  setOutput("result", report.result);
  setOutput("commit", report.commit ?? "");
  setOutput("commits", String(report.commits.length));
  setOutput("changed-models", JSON.stringify(report.changedModels));
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
  const ctx = context();
  const pullRequest = booleanInput("pull-request", true);
  const ids = getInput("models").split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0)
    throw new UsageError("Input 'models' is required for publish: one model id per line.");
  const report = await publish({
    ...ctx,
    modelIds: ids,
    from: getInput("from") || "HEAD",
    to: requiredInput("to"),
    dependencies: booleanInput("dependencies", true),
    pullRequest,
    dryRun: booleanInput("dry-run", false),
    validate: booleanInput("validate", true),
    configFile: configFile(ctx),
    github: pullRequest ? await github(ctx) : void 0,
    log: (line) => info(line)
  });
  setOutput("branch", report.branch);
  setOutput("commit", report.commit ?? "");
  setOutput("models", JSON.stringify(report.models.map((m) => m.id).sort()));
  setOutput(
    "changed-models",
    JSON.stringify([...report.changes.added, ...report.changes.changed, ...report.changes.removed].sort())
  );
  setOutput("pull-request-number", report.pullRequest ? String(report.pullRequest.number) : "");
  setOutput("pull-request-url", report.pullRequest?.url ?? "");
  setOutput("operation", report.refused ? "" : report.operation);
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
