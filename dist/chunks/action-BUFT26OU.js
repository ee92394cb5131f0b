import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  cachePath,
  formatJson,
  formatMarkdown,
  formatSarif,
  formatStylish,
  relativePrefix,
  reproduceCommand
} from "./chunk-OH7TFCZW.js";
import {
  validateRepo
} from "./chunk-2474NHSH.js";
import "./chunk-6T3F3FZU.js";
import "./chunk-ENB4SMU2.js";
import {
  booleanInput
} from "./chunk-EXLDC6I4.js";
import {
  error,
  getInput,
  info,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-IZVWCBO4.js";
import "./chunk-7ADNAUIK.js";
import "./chunk-OWPOM6BR.js";
import {
  repoPlace,
  runUrl
} from "./chunk-5WI5XNFI.js";
import "./chunk-MVXJAKHT.js";
import "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";

// src/validate/action.ts
import fs from "node:fs";
import path from "node:path";
var ANNOTATIONS_SHOWN = 10;
function workspace() {
  return process.env.GITHUB_WORKSPACE || process.cwd();
}
async function runValidateAction() {
  const ws = workspace();
  const root = path.resolve(ws, getInput("path") || ".");
  const config = getInput("config");
  const base = getInput("base") || void 0;
  const maxWarningsInput = getInput("max-warnings");
  const maxWarnings = maxWarningsInput === "" ? -1 : Number(maxWarningsInput);
  if (maxWarningsInput !== "" && (!Number.isInteger(maxWarnings) || maxWarnings < 0))
    throw new Error(`Input 'max-warnings' must be a whole number >= 0, got '${maxWarningsInput}'.`);
  const reportFile = path.resolve(ws, getInput("report-file") || "spiff-models-report.json");
  const sarifFile = path.resolve(ws, getInput("sarif-file") || "spiff-models.sarif");
  const annotate = booleanInput("annotations", true);
  const cacheLocation = getInput("cache-location") || path.join(process.env.RUNNER_TEMP || ws, "spiff-models-cache");
  const result = await validateRepo(root, {
    configFile: config ? path.resolve(ws, config) : void 0,
    base,
    cache: booleanInput("cache", false) ? cachePath(ws, cacheLocation) : void 0
  });
  if (result.cacheWarning) warning(result.cacheWarning);
  const prefix = relativePrefix(ws, root);
  const repoPath = (f) => prefix ? `${prefix}/${f.file}` : f.file;
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, formatJson(result));
  fs.mkdirSync(path.dirname(sarifFile), { recursive: true });
  fs.writeFileSync(sarifFile, formatSarif(result, { uriPrefix: prefix }));
  info(formatStylish(result, { color: false, root: prefix || void 0 }));
  const errors = result.findings.filter((f) => f.severity === "error");
  const warnings = result.findings.filter((f) => f.severity === "warning");
  let note;
  if (annotate) {
    for (const f of errors.slice(0, ANNOTATIONS_SHOWN))
      error(f.message, { title: f.ruleId, file: repoPath(f), startLine: f.line, startColumn: f.column });
    for (const f of warnings.slice(0, ANNOTATIONS_SHOWN))
      warning(f.message, {
        title: f.ruleId,
        file: repoPath(f),
        startLine: f.line,
        startColumn: f.column
      });
    const hiddenE = Math.max(0, errors.length - ANNOTATIONS_SHOWN);
    const hiddenW = Math.max(0, warnings.length - ANNOTATIONS_SHOWN);
    if (hiddenE || hiddenW)
      note = `GitHub shows ${ANNOTATIONS_SHOWN} annotations per type: ${hiddenE} errors and ${hiddenW} warnings are not annotated; this summary and the SARIF file (${path.relative(ws, sarifFile)}) list them all.`;
  }
  const rel = (file) => path.relative(ws, file).split(path.sep).join("/");
  const place = await repoPlace(root, process.env, { commit: process.env.GITHUB_SHA, prefix });
  const summary2 = formatMarkdown(result, {
    index: result.index,
    changedModels: result.changedModels,
    note,
    prefix: place.prefix,
    links: place.links,
    command: reproduceCommand(place.prefix || ".", { config: config && rel(path.resolve(ws, config)), base }),
    reports: { json: rel(reportFile), sarif: rel(sarifFile), artifacts: runUrl(process.env) }
  });
  await summary.addRaw(summary2, true).write();
  setOutput("errors", String(result.summary.errors));
  setOutput("warnings", String(result.summary.warnings));
  setOutput("report-file", reportFile);
  setOutput("sarif-file", sarifFile);
  setOutput("changed-models", JSON.stringify(result.changedModels));
  if (result.summary.errors > 0)
    setFailed(
      `${result.summary.errors} errors in ${result.models.filter((m) => m.status === "error").length} models: the backend would refuse them.`
    );
  else if (maxWarnings >= 0 && result.summary.warnings > maxWarnings)
    setFailed(`${result.summary.warnings} warnings exceed max-warnings ${maxWarnings}.`);
}
export {
  ANNOTATIONS_SHOWN,
  runValidateAction,
  workspace
};
