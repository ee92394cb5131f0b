import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  DEFAULT_CACHE_FILE,
  loaderRules,
  rules,
  validateRepo
} from "./chunk-HEAJFXIX.js";
import {
  VERSION
} from "./chunk-6T3F3FZU.js";
import {
  SetupError,
  UsageError
} from "./chunk-GQTEAGUB.js";

// src/validate/cli.ts
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

// src/validate/reporters/json.ts
function formatJson(report) {
  const out = {
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: f.file,
      line: f.line,
      column: f.column,
      modelId: f.modelId
    })),
    models: report.models.map((m) => ({ id: m.id, status: m.status })),
    summary: { ...report.summary }
  };
  return JSON.stringify(out, null, 2) + "\n";
}

// src/validate/reporters/markdown.ts
var ICON = { ok: "\u2705", warning: "\u26A0\uFE0F", error: "\u274C" };
function esc(s) {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function formatMarkdown(report, options = {}) {
  const { errors, warnings, models, files } = report.summary;
  const out = [];
  const verdict = errors ? `\u274C ${errors} error${errors === 1 ? "" : "s"}` : "\u2705 no errors";
  out.push(`## spiff-models validate: ${verdict}, ${warnings} warning${warnings === 1 ? "" : "s"}`, "");
  out.push(`${models} models, ${files} files checked.`, "");
  if (options.note) out.push(`> ${options.note}`, "");
  const counts = /* @__PURE__ */ new Map();
  for (const f of report.findings) {
    if (!f.modelId) continue;
    const c = counts.get(f.modelId) ?? { e: 0, w: 0 };
    if (f.severity === "error") c.e++;
    else if (f.severity === "warning") c.w++;
    counts.set(f.modelId, c);
  }
  out.push("| model | status | errors | warnings |", "|---|---|---|---|");
  for (const m of report.models) {
    const c = counts.get(m.id) ?? { e: 0, w: 0 };
    out.push(`| \`${m.id}\` | ${ICON[m.status]} ${m.status} | ${c.e} | ${c.w} |`);
  }
  out.push("");
  if (report.findings.length) {
    const max = options.maxFindings ?? 200;
    out.push("### Findings", "", "| severity | location | rule | message |", "|---|---|---|---|");
    for (const f of report.findings.slice(0, max))
      out.push(
        `| ${f.severity} | \`${esc(f.file)}:${f.line}:${f.column}\` | \`${f.ruleId}\` | ${esc(f.message)} |`
      );
    if (report.findings.length > max)
      out.push("", `\u2026and ${report.findings.length - max} more (see the JSON or SARIF report).`);
    out.push("");
  }
  if (options.index) {
    const graph = callGraph(options.index, report, options.changedModels ?? []);
    if (graph)
      out.push("### Calls between models with findings or changes", "", "```mermaid", graph, "```", "");
  }
  return out.join("\n");
}
function callGraph(index, report, changed) {
  const focus = /* @__PURE__ */ new Set([
    ...report.models.filter((m) => m.status !== "ok").map((m) => m.id),
    ...changed
  ]);
  if (!focus.size) return void 0;
  const edges = [];
  for (const [from, tos] of index.modelCalls)
    for (const to of tos) if (focus.has(from) || focus.has(to)) edges.push([from, to]);
  const nodes = /* @__PURE__ */ new Set([...focus, ...edges.flat()]);
  const ids = new Map([...nodes].sort().map((n, i) => [n, `m${i}`]));
  const status = new Map(report.models.map((m) => [m.id, m.status]));
  const lines = ["graph LR"];
  for (const [n, id] of ids) lines.push(`  ${id}["${n.replace(/"/g, "#quot;")}"]:::${status.get(n) ?? "ok"}`);
  for (const [a, b] of edges) lines.push(`  ${ids.get(a)} --> ${ids.get(b)}`);
  lines.push(
    "  classDef error fill:#fdd,stroke:#c00",
    "  classDef warning fill:#ffd,stroke:#b80",
    "  classDef ok fill:#dfd,stroke:#080"
  );
  for (const c of changed)
    if (ids.has(c)) lines.push(`  style ${ids.get(c)} stroke-width:3px,stroke-dasharray: 4 2`);
  return lines.join("\n");
}

// src/validate/reporters/sarif.ts
function toSarif(report, options = {}) {
  const all = [...rules, ...loaderRules];
  const descriptors = all.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_, __, ch) => ch.toUpperCase()),
    shortDescription: { text: r.description },
    fullDescription: { text: `${r.description}. ${r.fix}` },
    help: { text: r.fix },
    helpUri: `https://github.com/spiff-models/spiff-models#rule-${r.id}`,
    defaultConfiguration: {
      level: r.severity === "error" ? "error" : r.severity === "warning" ? "warning" : "note"
    }
  }));
  const ruleIndex = new Map(all.map((r, i) => [r.id, i]));
  const prefix = options.uriPrefix ? options.uriPrefix.replace(/\/?$/, "/") : "";
  const results = report.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId),
    level: f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "note",
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(prefix + f.file), uriBaseId: "%SRCROOT%" },
          region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) }
        }
      }
    ],
    partialFingerprints: { primaryLocationLineHash: `${f.ruleId}:${f.file}:${f.message}` },
    ...f.modelId ? { properties: { modelId: f.modelId } } : {}
  }));
  return {
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: {
          driver: {
            name: "spiff-models",
            version: VERSION,
            informationUri: "https://github.com/spiff-models/spiff-models",
            rules: descriptors
          }
        },
        results
      }
    ]
  };
}
function formatSarif(report, options = {}) {
  return JSON.stringify(toSarif(report, options), null, 2) + "\n";
}

// src/validate/reporters/stylish.ts
var C = {
  red: "\x1B[31m",
  yellow: "\x1B[33m",
  dim: "\x1B[2m",
  bold: "\x1B[1m",
  underline: "\x1B[4m",
  green: "\x1B[32m",
  reset: "\x1B[0m"
};
function formatStylish(report, options) {
  const c = (code, s) => options.color ? `${C[code]}${s}${C.reset}` : s;
  const byFile = /* @__PURE__ */ new Map();
  for (const f of report.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const lines = [];
  for (const [file, list] of byFile) {
    lines.push(c("underline", options.root ? `${options.root.replace(/\/$/, "")}/${file}` : file));
    const posWidth = Math.max(...list.map((f) => `${f.line}:${f.column}`.length));
    for (const f of list) {
      const sev = f.severity === "error" ? c("red", "error  ") : f.severity === "warning" ? c("yellow", "warning") : "info   ";
      lines.push(
        `  ${c("dim", `${f.line}:${f.column}`.padEnd(posWidth))}  ${sev}  ${f.message}  ${c("dim", f.ruleId)}`
      );
    }
    lines.push("");
  }
  const { errors, warnings, models, files } = report.summary;
  const problems = errors + warnings;
  if (problems === 0) {
    lines.push(c("green", `\u2714 ${models} models, ${files} files: no problems`));
  } else {
    const text = `\u2716 ${problems} problem${problems === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}) in ${models} models, ${files} files`;
    lines.push(c(errors ? "red" : "yellow", c("bold", text)));
    const bad = report.models.filter((m) => m.status === "error").map((m) => m.id);
    if (bad.length) lines.push(`  models with errors: ${bad.join(", ")}`);
  }
  return lines.join("\n") + "\n";
}

// src/validate/cli.ts
var FORMATS = ["stylish", "json", "sarif", "markdown"];
var validateCli = {
  name: "validate",
  summary: "check a models repository the way spiffworkflow-backend will judge it",
  usage: `spiff-models validate [DIR] [options]

  DIR                    models root (default: .)
  --format F             stylish (default) | json | sarif | markdown
  --output FILE          write the report to FILE instead of standard output
  --config FILE          rule severities (default: .spiff-models.json/.yml at the models root)
  --base REF             warn about models and process ids that existed at git REF and are gone
  --max-warnings N       exit 1 when there are more than N warnings
  --cache                reuse the last report when no file, setting or tool changed
  --cache-location FILE  the cache file (default: ${DEFAULT_CACHE_FILE}; a directory holds it)
  --no-color             plain output

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or I/O problem.
`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f", default: "stylish" },
        output: { type: "string", short: "o" },
        config: { type: "string", short: "c" },
        base: { type: "string" },
        "max-warnings": { type: "string" },
        cache: { type: "boolean", default: false },
        "cache-location": { type: "string" },
        "no-color": { type: "boolean", default: false }
      }
    });
    if (positionals.length > 1)
      throw new UsageError(`one models directory at most, got ${positionals.join(" ")}`);
    const format = values.format;
    if (!FORMATS.includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not '${format}'`);
    let maxWarnings = -1;
    if (values["max-warnings"] !== void 0) {
      maxWarnings = Number(values["max-warnings"]);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
        throw new UsageError(`--max-warnings needs a whole number >= 0, not '${values["max-warnings"]}'`);
    }
    const dir = positionals[0] ?? ".";
    const root = path.resolve(io.cwd, dir);
    const configFile = values.config ? path.resolve(io.cwd, values.config) : void 0;
    if (configFile && !fs.existsSync(configFile))
      throw new UsageError(`config file ${values.config} does not exist`);
    const cache = values.cache ? cachePath(io.cwd, values["cache-location"]) : void 0;
    const result = await validateRepo(root, { configFile, base: values.base, cache });
    if (result.cacheWarning) io.stderr(`warning: ${result.cacheWarning}
`);
    let text;
    switch (format) {
      case "json":
        text = formatJson(result);
        break;
      case "sarif":
        text = formatSarif(result, { uriPrefix: relativePrefix(io.cwd, root) });
        break;
      case "markdown":
        text = formatMarkdown(result, { index: result.index, changedModels: result.changedModels });
        break;
      default:
        text = formatStylish(result, {
          color: io.isTTY && !values["no-color"] && !values.output,
          root: dir === "." ? void 0 : dir
        });
    }
    if (values.output) {
      const out = path.resolve(io.cwd, values.output);
      try {
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, text);
      } catch (err) {
        throw new SetupError(`cannot write ${values.output}: ${err.message}`);
      }
      const { errors: errors2, warnings: warnings2 } = result.summary;
      io.stderr(`wrote ${format} report to ${values.output}: ${errors2} errors, ${warnings2} warnings
`);
    } else {
      io.stdout(text);
    }
    const { errors, warnings } = result.summary;
    if (errors > 0) return 1;
    if (maxWarnings >= 0 && warnings > maxWarnings) {
      io.stderr(`${warnings} warnings exceed --max-warnings ${maxWarnings}
`);
      return 1;
    }
    return 0;
  }
};
function cachePath(cwd, location) {
  const file = path.resolve(cwd, location ?? DEFAULT_CACHE_FILE);
  const isDir = location?.endsWith("/") || fs.statSync(file, { throwIfNoEntry: false })?.isDirectory();
  return isDir ? path.join(file, DEFAULT_CACHE_FILE) : file;
}
function relativePrefix(from, root) {
  const rel = path.relative(from, root).split(path.sep).join("/");
  return rel.startsWith("..") ? "" : rel;
}

export {
  formatJson,
  formatMarkdown,
  formatSarif,
  formatStylish,
  validateCli,
  cachePath,
  relativePrefix
};
