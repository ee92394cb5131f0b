import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  bakeOptionsOf
} from "./chunk-ZQTZGGFQ.js";
import {
  bake,
  bakeSpec,
  checkBuilder
} from "./chunk-TXVIHTMC.js";
import "./chunk-U5NRQ4NM.js";
import {
  formatBytes
} from "./chunk-DBZL2GQ3.js";
import {
  info
} from "./chunk-ZA4DOJR4.js";
import {
  readGitHubEvent,
  workspaceDir
} from "./chunk-ORPII2Z3.js";
import {
  group,
  readInputs,
  setOutputs,
  setSecret,
  summary,
  warning
} from "./chunk-QMTJK4C2.js";
import "./chunk-7ADNAUIK.js";
import {
  code,
  details,
  plural,
  prose
} from "./chunk-OWPOM6BR.js";
import "./chunk-Q42CMDPG.js";
import "./chunk-7T6BHRGV.js";
import "./chunk-45LUCC2V.js";
import "./chunk-GFDRROIW.js";
import "./chunk-TZGPA7EC.js";
import "./chunk-RCSAUJEA.js";
import "./chunk-YIX2ZCHG.js";
import "./chunk-QFASGRCW.js";
import "./chunk-G3P6OGWQ.js";
import "./chunk-436XQEGX.js";

// src/image/action.ts
import path from "node:path";

// src/image/summary.ts
var cell = (s) => code(s, { table: true });
function bakeMarkdown(r) {
  const ref = r.digest ? `${r.image}@${r.digest}` : r.tags[0] ?? r.image;
  const registry = r.builder === "registry";
  const what = r.dryRun ? "dry run, nothing built" : registry && r.skipped ? "unchanged, nothing pushed" : `${r.skipped ? "unchanged, re-tagged" : "built"}${r.pushed ? " and pushed" : ", not pushed"}`;
  const out = [`## spiff-models bake: ${r.dryRun ? "\u{1F4DD}" : "\u2705"} ${what}`, ""];
  out.push(
    r.dryRun ? `The build context and Dockerfile were planned${r.outputDir ? ` and written to ${code(r.outputDir)}` : ""}; run without dry-run to build.` : registry && r.skipped ? `Every tag already pointed at the same index (${code(r.digest.slice(0, 19))}): the registry builder pushed nothing.` : r.skipped ? `An image built from the same input already existed (${code(r.imageId.slice(0, 19))}): no build, only new tags.` : `Deploy ${code(ref)}: new process instances record revision ${code(r.revision || "none")}.`,
    ""
  );
  if (r.warnings.length) {
    out.push(`**${plural(r.warnings.length, "warning")}:**`, "");
    out.push(...r.warnings.map((w) => `- ${prose(w)}`), "");
  }
  out.push(
    "| | |",
    "|---|---|",
    `| image | ${cell(r.image)} |`,
    `| digest | ${r.digest ? cell(r.digest) : r.dryRun ? "none (dry run)" : "none (not pushed)"} |`,
    `| tags | ${r.tags.length ? r.tags.map(cell).join("<br>") : "none"} |`,
    `| revision | ${r.revision ? cell(r.revision) : "none recorded (not a git checkout)"} |`,
    `| result | ${r.dryRun ? "dry run" : r.skipped ? "skipped: same input as an existing image" : "built"} |`,
    ""
  );
  out.push(
    ...details("Details", [
      "| | |",
      "|---|---|",
      `| builder | ${cell(r.builder)}${r.platforms.length ? ` (${r.platforms.map(cell).join(", ")})` : ""} |`,
      `| image id | ${r.imageId ? cell(r.imageId) : "-"} |`,
      `| base image | ${cell(r.baseImage)} |`,
      `| commit | ${r.commit ? cell(r.commit) : "-"} |`,
      `| models dir | ${cell(r.modelsDir)} |`,
      `| git history | ${cell(r.gitHistory)} |`,
      `| context | ${r.skipped ? "not sent" : formatBytes(r.contextBytes)} |`,
      `| verified | ${r.verified.length ? r.verified.map((v) => prose(v, { table: true })).join("<br>") : "-"} |`,
      `| input digest | ${r.inputDigest ? cell(r.inputDigest) : "-"} |`,
      `| labels | ${Object.entries(r.labels).map(([k, v]) => cell(`${k}=${v}`)).join("<br>") || "-"} |`
    ])
  );
  return `${out.join("\n")}
`;
}

// src/image/action.ts
async function defaultBranch(env) {
  const event = await readGitHubEvent(env);
  const repository = event?.payload.repository;
  return typeof repository?.default_branch === "string" ? repository.default_branch : null;
}
var actionLog = {
  info: (m) => info(m),
  warning: (m) => warning(m),
  group: (title, fn) => group(title, () => fn((line) => info(line)))
};
async function writeSummary(r) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await summary.addRaw(bakeMarkdown(r)).write();
}
async function runBakeAction() {
  const env = process.env;
  const input = readInputs(bakeSpec);
  const password = input.registryPassword ?? "";
  if (password) setSecret(password);
  const username = input.registryUsername ?? "";
  const workspace = workspaceDir(env);
  const inWorkspace = (p) => path.resolve(workspace, p);
  const source = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}` : null;
  const result = await bake({
    dir: inWorkspace(input.path),
    ...bakeOptionsOf(input, inWorkspace, { labels: "input 'labels'", gitHistory: "input 'git-history'" }),
    credentials: username || password ? { username, password } : null,
    ref: env.GITHUB_REF || null,
    defaultBranch: await defaultBranch(env),
    sourceUrl: source,
    builder: checkBuilder(input.builder, "input 'builder'"),
    env,
    log: actionLog
  });
  setOutputs(bakeSpec, {
    image: result.image,
    "image-id": result.imageId,
    digest: result.digest,
    tags: result.tags.join("\n"),
    revision: result.revision,
    labels: Object.entries(result.labels).map(([k, v]) => `${k}=${v}`).join("\n"),
    "context-bytes": String(result.contextBytes),
    skipped: String(result.skipped),
    builder: result.builder,
    platforms: result.platforms.join("\n")
  });
  await writeSummary(result);
}
export {
  runBakeAction
};
