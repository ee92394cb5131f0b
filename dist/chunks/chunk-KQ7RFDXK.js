import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  findingLines
} from "./chunk-IZBT45BD.js";
import {
  RUN_COMMAND,
  VERSION
} from "./chunk-PN23CBJR.js";
import {
  loaderRules,
  rules
} from "./chunk-TUM4RX4V.js";
import {
  STEP_SUMMARY_LIMIT,
  code,
  escapeHtml,
  fit,
  link,
  plural,
  text
} from "./chunk-OWPOM6BR.js";
import {
  jsonText,
  printable
} from "./chunk-YIX2ZCHG.js";

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
  return jsonText(out) + "\n";
}

// src/validate/reporters/markdown.ts
var ICON = { ok: "\u2705", warning: "\u26A0\uFE0F", error: "\u274C" };
var VISIBLE_ERRORS = 100;
var GRAPH_NODES = 40;
var ISOLATED_NAMED = 30;
var description = new Map([...rules, ...loaderRules].map((r) => [r.id, r.description]));
function reproduceCommand(dir, options = {}) {
  const q = (s) => /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
  const args = [RUN_COMMAND, "validate", q(dir)];
  if (options.config) args.push("--config", q(options.config));
  if (options.base) args.push("--base", q(options.base));
  return args.join(" ");
}
function formatMarkdown(report, options = {}) {
  const { errors, warnings, models, files } = report.summary;
  const prefix = options.prefix ?? "";
  const links = options.links;
  const command = options.command ?? reproduceCommand(".");
  const modelDir = (id) => options.index?.models.get(id)?.dir ?? id;
  const groupLines = (list, what) => findingLines(list, what, { prefix, links, modelDir });
  const reportsWhere = () => {
    const r = options.reports;
    if (!r?.json && !r?.sarif) return " (`--format json` or `--format sarif` writes them)";
    const parts2 = [r.json && `JSON ${code(r.json)}`, r.sarif && `SARIF ${code(r.sarif)}`].filter(Boolean);
    return ` (${parts2.join(", ")}${r.artifacts ? `, or the ${link("run\u2019s artifacts", r.artifacts)} when uploaded` : ""})`;
  };
  const cutLine = (dropped, what) => {
    const n = dropped.filter((l) => l.startsWith("- ") || l.startsWith("| ")).length;
    return `
*${plural(n, what)} not shown: the summary stays under GitHub's 1 MiB limit. Every finding is in the reports${reportsWhere()}.*`;
  };
  const errorList = report.findings.filter((f) => f.severity === "error");
  const otherList = report.findings.filter((f) => f.severity !== "error");
  const withFindings = report.models.filter((m) => m.status !== "ok");
  const badModels = report.models.filter((m) => m.status === "error").length;
  const parts = [];
  const head = [];
  if (errors) {
    head.push(
      `## spiff-models validate: \u274C ${plural(errors, "error")}${badModels ? ` in ${plural(badModels, "model")}` : ""}`,
      "",
      `The backend would refuse ${badModels === 1 ? "this model" : "these models"}: fix the errors below, then check again with ${code(command)}. ${plural(warnings, "warning")}; ${plural(models, "model")}, ${plural(files, "file")} checked.`
    );
  } else {
    head.push(
      `## spiff-models validate: \u2705 no errors${warnings ? `, ${plural(warnings, "warning")}` : ""}`,
      "",
      `${plural(models, "model")}, ${plural(files, "file")} checked: nothing the backend would refuse.`
    );
  }
  parts.push({ head });
  if (errorList.length) {
    const lines = groupLines(errorList, "error");
    let shown = 0;
    let cut = lines.length;
    for (let i = 0; i < lines.length; i++)
      if (lines[i].startsWith("- ") && ++shown === VISIBLE_ERRORS) {
        cut = i + 1;
        break;
      }
    const visible = lines.slice(0, cut);
    let rest = lines.slice(cut);
    if (rest.length && rest[0].startsWith("- ")) {
      const title = [...visible].reverse().find((l) => l.startsWith("\n**")) ?? "";
      rest = [title.replace(/ · .*$/, " \xB7 continued"), ...rest];
    }
    parts.push({ head: ["", "### Errors"], items: visible, cut: (d) => cutLine(d, "error line") });
    if (rest.length) {
      const more = errorList.length - VISIBLE_ERRORS;
      parts.push({
        head: ["", `<details><summary>${escapeHtml(`${plural(more, "more error")}`)}</summary>`],
        items: rest,
        cut: (d) => cutLine(d, "error line"),
        tail: ["", "</details>"]
      });
    }
  }
  if (report.findings.length) {
    parts.push({
      head: [
        "",
        "### Reproduce locally",
        "",
        `${code(command)} prints the same findings with file:line:column. The reports hold every finding${reportsWhere()}.`,
        ...options.note ? ["", `> ${text(options.note)}`] : []
      ]
    });
  }
  if (otherList.length) {
    const counts = /* @__PURE__ */ new Map();
    for (const f of otherList) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    const byCount = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const infos = otherList.length - warnings;
    parts.push({
      head: [
        "",
        `### Warnings: ${warnings.toLocaleString("en-US")}${infos ? `, notes: ${infos.toLocaleString("en-US")}` : ""}`,
        "",
        ...byCount.map(
          ([rule, n]) => `- ${n.toLocaleString("en-US")} \xD7 ${code(rule)}${description.has(rule) ? `: ${text(description.get(rule) ?? "")}` : ""}`
        ),
        "",
        `<details><summary>${escapeHtml(`All ${plural(otherList.length, infos ? "warning or note" : "warning", infos ? "warnings and notes" : "warnings")}, by model`)}</summary>`
      ],
      items: groupLines(otherList, infos ? "finding" : "warning"),
      cut: (d) => cutLine(d, "warning line"),
      tail: ["", "</details>"]
    });
  }
  if (withFindings.length) {
    const counts = /* @__PURE__ */ new Map();
    for (const f of report.findings) {
      if (!f.modelId) continue;
      const c = counts.get(f.modelId) ?? { e: 0, w: 0 };
      if (f.severity === "error") c.e++;
      else if (f.severity === "warning") c.w++;
      counts.set(f.modelId, c);
    }
    const count = (id) => counts.get(id) ?? { e: 0, w: 0 };
    const rows = [...withFindings].sort(
      (a, b) => count(b.id).e - count(a.id).e || count(b.id).w - count(a.id).w || a.id.localeCompare(b.id)
    ).map(
      (m) => `| ${ICON[m.status]} ${code(m.id, { table: true })} | ${count(m.id).e} | ${count(m.id).w} |`
    );
    parts.push({
      head: [
        "",
        `### Models with findings: ${withFindings.length.toLocaleString("en-US")} of ${models.toLocaleString("en-US")}`,
        "",
        "| model | errors | warnings |",
        "|---|--:|--:|"
      ],
      items: rows,
      cut: (d) => `| *${plural(d.length, "more model")} not shown (summary size limit)* | | |`
    });
  }
  if (options.index) {
    const graph = callGraph(options.index, report, options.changedModels ?? [], options.maxNodes);
    if (graph) parts.push({ head: ["", ...graphSection(graph)] });
  }
  if (report.models.length) {
    parts.push({
      head: [
        "",
        `<details><summary>${escapeHtml(`All ${plural(report.models.length, "model")}`)}</summary>`,
        "",
        "| model | status |",
        "|---|---|"
      ],
      items: report.models.map((m) => `| ${code(m.id, { table: true })} | ${ICON[m.status]} ${m.status} |`),
      cut: (d) => `| *${plural(d.length, "more model")} not shown (summary size limit)* | |`,
      tail: ["", "</details>"]
    });
  }
  return `${fit(parts, options.limit ?? STEP_SUMMARY_LIMIT)}
`;
}
function graphSection(g) {
  const out = [
    "### Calls around the models with findings or changes",
    "",
    "```mermaid",
    g.mermaid,
    "```",
    ""
  ];
  const legend = [
    "Red: errors, yellow: warnings, green: no findings",
    ...g.changed ? ["thick dashed border: changed since --base"] : [],
    ...g.missing ? ["dashed red: a called process id no model defines"] : []
  ];
  out.push(`${text(legend.join("; "))}.`, "");
  if (g.leftOut)
    out.push(`${plural(g.leftOut, "more model")} left out of the graph (at most ${g.maxNodes} drawn).`, "");
  if (g.isolated.length) {
    const named = g.isolated.slice(0, ISOLATED_NAMED).map((id) => code(id)).join(", ");
    const more = g.isolated.length - ISOLATED_NAMED;
    out.push(`No calls to or from: ${named}${more > 0 ? ` and ${more} more` : ""}.`);
  }
  return out;
}
var MISSING = "missing:";
function label(s) {
  return s.replace(/[^\p{L}\p{N} ._/-]/gu, (c) => `#${c.codePointAt(0)};`);
}
function callGraph(index, report, changed, maxNodes = GRAPH_NODES) {
  const status = new Map(report.models.map((m) => [m.id, m.status]));
  const changedSet = new Set(changed);
  const focus = /* @__PURE__ */ new Set([...report.models.filter((m) => m.status !== "ok").map((m) => m.id), ...changed]);
  if (!focus.size) return void 0;
  const edges = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (from, to) => {
    const key = `${from}\0${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push([from, to]);
  };
  for (const [from, tos] of index.modelCalls)
    for (const to of tos) if (focus.has(from) || focus.has(to)) add(from, to);
  for (const call of index.calls)
    if (call.modelId && focus.has(call.modelId) && !index.processes.get(call.processId)?.length)
      add(call.modelId, `${MISSING}${call.processId}`);
  if (!edges.length) return void 0;
  const touched = new Set(edges.flat());
  const isolated = [...focus].filter((id) => !touched.has(id)).sort();
  const rank = (id) => id.startsWith(MISSING) ? 0 : status.get(id) === "error" ? 0 : status.get(id) === "warning" ? 1 : changedSet.has(id) ? 2 : 3;
  const ordered = edges.map((e, i) => ({ e, i, r: Math.min(rank(e[0]), rank(e[1])) })).sort((a, b) => a.r - b.r || a.i - b.i);
  const kept = /* @__PURE__ */ new Set();
  const keptEdges = [];
  for (const { e } of ordered) {
    const extra = e.filter((n) => !kept.has(n));
    if (kept.size + extra.length > maxNodes) continue;
    for (const n of extra) kept.add(n);
    keptEdges.push(e);
  }
  const nodes = [...kept].sort(
    (a, b) => Number(a.startsWith(MISSING)) - Number(b.startsWith(MISSING)) || a.localeCompare(b)
  );
  const ids = new Map(nodes.map((n, i) => [n, n.startsWith(MISSING) ? `x${i}` : `m${i}`]));
  const lines = ["flowchart LR"];
  const groups = /* @__PURE__ */ new Map();
  for (const n of nodes) {
    const g2 = n.startsWith(MISSING) ? null : index.models.get(n)?.groupId ?? null;
    const list = groups.get(g2);
    if (list) list.push(n);
    else groups.set(g2, [n]);
  }
  const nodeLine = (n, group) => {
    if (n.startsWith(MISSING))
      return `${ids.get(n)}["${label(`${n.slice(MISSING.length)} (no such process)`)}"]`;
    const short = group && n.startsWith(`${group}/`) ? n.slice(group.length + 1) : n;
    return `${ids.get(n)}["${label(short)}"]`;
  };
  let g = 0;
  for (const [group, members] of [...groups].sort(
    (a, b) => (a[0] ?? "\uFFFF").localeCompare(b[0] ?? "\uFFFF")
  )) {
    if (group === null) {
      for (const n of members) lines.push(`  ${nodeLine(n, null)}`);
      continue;
    }
    lines.push(`  subgraph g${g++}["${label(group)}"]`);
    for (const n of members) lines.push(`    ${nodeLine(n, group)}`);
    lines.push("  end");
  }
  for (const [a, b] of keptEdges)
    lines.push(`  ${ids.get(a)} ${b.startsWith(MISSING) ? "-.->" : "-->"} ${ids.get(b)}`);
  lines.push(
    "  classDef error fill:#fdd,stroke:#c00,color:#000",
    "  classDef warning fill:#ffd,stroke:#b80,color:#000",
    "  classDef ok fill:#dfd,stroke:#080,color:#000",
    "  classDef missing fill:#fff,stroke:#c00,stroke-dasharray:5 5,color:#c00"
  );
  const byClass = /* @__PURE__ */ new Map();
  for (const n of nodes) {
    const c = n.startsWith(MISSING) ? "missing" : status.get(n) ?? "ok";
    byClass.set(c, [...byClass.get(c) ?? [], ids.get(n) ?? ""]);
  }
  for (const [c, list] of byClass) lines.push(`  class ${list.join(",")} ${c}`);
  const changedDrawn = nodes.filter((n) => changedSet.has(n));
  for (const n of changedDrawn) lines.push(`  style ${ids.get(n)} stroke-width:3px,stroke-dasharray:4 2`);
  return {
    mermaid: lines.join("\n"),
    nodes,
    edges: keptEdges,
    isolated,
    leftOut: touched.size - kept.size,
    maxNodes,
    changed: changedDrawn.length > 0,
    missing: nodes.some((n) => n.startsWith(MISSING))
  };
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
  return jsonText(toSarif(report, options)) + "\n";
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
  const c = (code2, s) => options.color ? `${C[code2]}${s}${C.reset}` : s;
  const byFile = /* @__PURE__ */ new Map();
  for (const f of report.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const lines = [];
  for (const [file, list] of byFile) {
    lines.push(c("underline", printable(options.root ? `${options.root.replace(/\/$/, "")}/${file}` : file)));
    const posWidth = Math.max(...list.map((f) => `${f.line}:${f.column}`.length));
    for (const f of list) {
      const sev = f.severity === "error" ? c("red", "error  ") : f.severity === "warning" ? c("yellow", "warning") : "info   ";
      lines.push(
        `  ${c("dim", `${f.line}:${f.column}`.padEnd(posWidth))}  ${sev}  ${printable(f.message)}  ${c("dim", f.ruleId)}`
      );
    }
    lines.push("");
  }
  const { errors, warnings, models, files } = report.summary;
  const problems = errors + warnings;
  if (problems === 0) {
    lines.push(c("green", `\u2714 ${models} models, ${files} files: no problems`));
  } else {
    const text2 = `\u2716 ${problems} problem${problems === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}) in ${models} models, ${files} files`;
    lines.push(c(errors ? "red" : "yellow", c("bold", text2)));
    const bad = report.models.filter((m) => m.status === "error").map((m) => printable(m.id));
    if (bad.length) lines.push(`  models with errors: ${bad.join(", ")}`);
  }
  return lines.join("\n") + "\n";
}

// src/validate/cache-location.ts
import fs from "node:fs";
import path from "node:path";
var DEFAULT_CACHE_FILE = ".spiff-models-cache";
function cachePath(cwd, location) {
  const file = path.resolve(cwd, location ?? DEFAULT_CACHE_FILE);
  const isDir = location?.endsWith("/") || fs.statSync(file, { throwIfNoEntry: false })?.isDirectory();
  return isDir ? path.join(file, DEFAULT_CACHE_FILE) : file;
}

export {
  formatJson,
  reproduceCommand,
  formatMarkdown,
  formatSarif,
  formatStylish,
  cachePath
};
