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
  reproduceCommand
} from "./chunk-KQ7RFDXK.js";
import {
  relativePrefix,
  repoPlace,
  runUrl
} from "./chunk-IZBT45BD.js";
import "./chunk-PN23CBJR.js";
import {
  validateRepo
} from "./chunk-TUM4RX4V.js";
import {
  info
} from "./chunk-ZA4DOJR4.js";
import {
  workspaceDir
} from "./chunk-ORPII2Z3.js";
import {
  error,
  readInputs,
  setFailed,
  setOutput,
  summary,
  warning
} from "./chunk-QMTJK4C2.js";
import "./chunk-7ADNAUIK.js";
import "./chunk-OWPOM6BR.js";
import {
  validateSpec
} from "./chunk-Q42CMDPG.js";
import "./chunk-7T6BHRGV.js";
import "./chunk-45LUCC2V.js";
import "./chunk-GFDRROIW.js";
import "./chunk-TZGPA7EC.js";
import "./chunk-RCSAUJEA.js";
import {
  UsageError
} from "./chunk-YIX2ZCHG.js";
import "./chunk-QFASGRCW.js";
import "./chunk-G3P6OGWQ.js";
import "./chunk-436XQEGX.js";

// src/validate/action.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
var ANNOTATIONS_SHOWN = 10;
async function runValidateAction() {
  const ws = workspaceDir();
  const input = readInputs(validateSpec);
  const root = path.resolve(ws, input.path);
  const config = input.config;
  const base = input.base || void 0;
  const maxWarnings = input.maxWarnings === void 0 ? -1 : Number(input.maxWarnings);
  if (input.maxWarnings !== void 0 && (!Number.isInteger(maxWarnings) || maxWarnings < 0))
    throw new UsageError(`Input 'max-warnings' must be a whole number >= 0, got '${input.maxWarnings}'.`);
  const reportDir = process.env.RUNNER_TEMP || os.tmpdir();
  const reportFile = input.reportFile ? path.resolve(ws, input.reportFile) : path.join(reportDir, "spiff-models-report.json");
  const sarifFile = input.sarifFile ? path.resolve(ws, input.sarifFile) : path.join(reportDir, "spiff-models.sarif");
  const annotate = input.annotations;
  const temp = process.env.RUNNER_TEMP;
  const shown = (file) => file.startsWith(ws + path.sep) ? path.relative(ws, file).split(path.sep).join("/") : temp && file.startsWith(temp + path.sep) ? `$RUNNER_TEMP/${path.relative(temp, file).split(path.sep).join("/")}` : file;
  const cacheLocation = input.cacheLocation || path.join(reportDir, "spiff-models-cache");
  const result = await validateRepo(root, {
    configFile: config ? path.resolve(ws, config) : void 0,
    base,
    cache: input.cache ? cachePath(ws, cacheLocation) : void 0,
    allowEmpty: input.allowEmpty
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
      note = `GitHub shows ${ANNOTATIONS_SHOWN} annotations per type: ${hiddenE} errors and ${hiddenW} warnings are not annotated; this summary and the SARIF file (${shown(sarifFile)}) list them all.`;
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
    reports: { json: shown(reportFile), sarif: shown(sarifFile), artifacts: runUrl(process.env) }
  });
  if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(summary2, true).write();
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
  runValidateAction
};
