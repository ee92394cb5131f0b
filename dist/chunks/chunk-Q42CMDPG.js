import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  PATH_OPTION
} from "./chunk-7T6BHRGV.js";

// src/validate/options.ts
var FORMATS = ["stylish", "json", "sarif", "markdown"];
var CONFIG_OPTION = {
  type: "string",
  short: "c",
  arg: "FILE",
  doc: "rule severities file (default: .spiff-models.json/.yml at the models root)"
};
var ALLOW_EMPTY_OPTION = {
  type: "boolean",
  input: "allow-empty",
  default: false,
  doc: "accept a models root without any process_model.json (else exit 2: a wrong path must not pass)"
};
var validateSpec = {
  name: "validate",
  summary: "check a models repository the way spiffworkflow-backend will judge it",
  synopsis: "spiff-models validate [DIR] [options]",
  args: [["DIR", "models root (default: .)"]],
  options: {
    path: PATH_OPTION,
    format: {
      type: "string",
      input: null,
      short: "f",
      arg: "F",
      default: "stylish",
      doc: `report format: ${FORMATS.join(" | ")}`
    },
    output: {
      type: "string",
      input: null,
      short: "o",
      arg: "FILE",
      doc: "write the report to FILE instead of standard output"
    },
    config: CONFIG_OPTION,
    allowEmpty: ALLOW_EMPTY_OPTION,
    base: {
      type: "string",
      arg: "REF",
      doc: "a git ref to compare with (e.g. origin/main): warn about models, process ids and primary processes that are gone"
    },
    maxWarnings: {
      type: "string",
      flag: "max-warnings",
      arg: "N",
      doc: "fail when there are more warnings than this (default: warnings never fail)"
    },
    cache: {
      type: "boolean",
      default: false,
      doc: "reuse the last report when no file below the models root, rule setting or tool build changed"
    },
    cacheLocation: {
      type: "string",
      arg: "FILE",
      doc: "the cache file, or a directory to hold it",
      flagDoc: "the cache file, or a directory to hold it (default: .spiff-models-cache in the working directory)",
      inputDoc: "the cache file, or a directory to hold it (default: $RUNNER_TEMP/spiff-models-cache, outside the workspace so bake never ships it; keep it between runs with actions/cache)"
    },
    color: {
      type: "boolean",
      input: null,
      default: true,
      doc: "plain output",
      flagDoc: "plain output, no colour"
    },
    reportFile: {
      type: "string",
      flag: null,
      input: "report-file",
      doc: "where to write the JSON report, relative to the workspace (default: $RUNNER_TEMP/spiff-models-report.json, outside the models)"
    },
    sarifFile: {
      type: "string",
      flag: null,
      input: "sarif-file",
      doc: "where to write the SARIF report, relative to the workspace (default: $RUNNER_TEMP/spiff-models.sarif)"
    },
    annotations: {
      type: "boolean",
      flag: null,
      default: true,
      doc: "annotate findings on files (errors first, 10 per type as GitHub shows)"
    }
  },
  outputs: {
    errors: { doc: "number of errors" },
    warnings: { doc: "number of warnings" },
    "report-file": { doc: "path of the JSON report" },
    "sarif-file": { doc: "path of the SARIF report (for github/codeql-action/upload-sarif)" },
    "changed-models": { doc: "with base: JSON array of the model ids changed since base" }
  },
  epilogue: "Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, config or I/O problem, or no models."
};

export {
  FORMATS,
  CONFIG_OPTION,
  ALLOW_EMPTY_OPTION,
  validateSpec
};
