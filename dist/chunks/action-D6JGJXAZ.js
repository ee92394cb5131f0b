import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  booleanInput,
  listInput
} from "./chunk-EXLDC6I4.js";
import {
  getInput,
  group,
  info,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-IZVWCBO4.js";
import "./chunk-7ADNAUIK.js";
import {
  DEFAULT_BASE_IMAGE,
  DEFAULT_IMAGE_MODELS_DIR,
  bake,
  formatBytes,
  parseGitHistory
} from "./chunk-3FOBNT27.js";
import "./chunk-OA7YEFKL.js";
import {
  UsageError
} from "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";

// src/image/action.ts
import { readFileSync } from "node:fs";
import path from "node:path";
function labelsInput() {
  const labels = {};
  for (const line of getInput("labels").split("\n")) {
    if (!line.trim()) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) throw new UsageError(`input 'labels': '${line.trim()}' must be KEY=VALUE (one per line).`);
    labels[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return labels;
}
function defaultBranch(env) {
  if (!env.GITHUB_EVENT_PATH) return null;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8"));
    return event.repository?.default_branch ?? null;
  } catch {
    return null;
  }
}
var actionLog = {
  info: (m) => info(m),
  warning: (m) => warning(m),
  group: (title, fn) => group(title, () => fn((line) => info(line)))
};
async function writeSummary(r) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const code = (s) => `<code>${s.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</code>`;
  const status = r.dryRun ? "dry run" : r.skipped ? "unchanged: re-tagged" : "built";
  await summary.addHeading("spiff-models bake", 2).addTable([
    [
      { data: "what", header: true },
      { data: "value", header: true }
    ],
    ["result", `${status}${r.pushed ? ", pushed" : ""}`],
    ["image id", r.imageId ? code(r.imageId) : "-"],
    ["digest", r.digest ? code(r.digest) : "-"],
    ["tags", r.tags.map(code).join("<br>")],
    ["revision", r.revision ? code(r.revision) : "none recorded"],
    ["models dir", code(r.modelsDir)],
    ["git history", r.gitHistory],
    ["context", r.skipped ? "not sent" : formatBytes(r.contextBytes)],
    ["verified", r.verified.length ? r.verified.join("<br>") : "-"]
  ]).addRaw(r.warnings.length ? `

**Warnings**

${r.warnings.map((w) => `- ${w}`).join("\n")}
` : "").write();
}
async function runBakeAction() {
  const env = process.env;
  const password = getInput("registry-password");
  if (password) setSecret(password);
  const username = getInput("registry-username");
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const inWorkspace = (p) => path.resolve(workspace, p);
  const outputDir = getInput("output-dir");
  const template = getInput("template");
  const config = getInput("config");
  const source = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : null;
  const result = await bake({
    dir: inWorkspace(getInput("path") || "."),
    baseImage: getInput("base-image") || DEFAULT_BASE_IMAGE,
    image: getInput("image") || null,
    tags: listInput("tags"),
    labels: labelsInput(),
    push: booleanInput("push", false),
    gitHistory: parseGitHistory(getInput("git-history"), "input 'git-history'"),
    verify: booleanInput("verify", false),
    dryRun: booleanInput("dry-run", false),
    outputDir: outputDir ? inWorkspace(outputDir) : null,
    template: template ? inWorkspace(template) : null,
    imageModelsDir: getInput("image-models-dir") || DEFAULT_IMAGE_MODELS_DIR,
    validate: booleanInput("validate", true),
    configFile: config ? inWorkspace(config) : void 0,
    credentials: username || password ? { username, password } : null,
    ref: env.GITHUB_REF || null,
    defaultBranch: defaultBranch(env),
    sourceUrl: source,
    env,
    log: actionLog
  });
  setOutput("image", result.image);
  setOutput("image-id", result.imageId);
  setOutput("digest", result.digest);
  setOutput("tags", result.tags.join("\n"));
  setOutput("revision", result.revision);
  setOutput(
    "labels",
    Object.entries(result.labels).map(([k, v]) => `${k}=${v}`).join("\n")
  );
  setOutput("context-bytes", String(result.contextBytes));
  setOutput("skipped", String(result.skipped));
  await writeSummary(result);
}
export {
  runBakeAction
};
