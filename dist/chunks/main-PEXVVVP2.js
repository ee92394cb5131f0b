import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  findingLines
} from "./chunk-ENB4SMU2.js";
import {
  getInput,
  setFailed,
  summary,
  warning
} from "./chunk-IZVWCBO4.js";
import "./chunk-7ADNAUIK.js";
import {
  codeBlock,
  firstItems,
  prose
} from "./chunk-OWPOM6BR.js";
import "./chunk-5WI5XNFI.js";
import {
  errorMessage
} from "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";

// src/action/summary.ts
import fs from "node:fs";
function summarySize(env = process.env) {
  const file = env.GITHUB_STEP_SUMMARY;
  try {
    return file ? fs.statSync(file).size : 0;
  } catch {
    return 0;
  }
}
function findingsOf(err) {
  const findings = err.findings;
  return Array.isArray(findings) ? findings : [];
}
function failureMarkdown(command, err) {
  const [first, ...rest] = errorMessage(err).trim().split("\n");
  const out = [`## spiff-models ${command}: \u274C failed`, "", prose(first), ""];
  const findings = findingsOf(err);
  if (findings.length) {
    const lines = findingLines(findings, "error");
    out.push(
      ...firstItems(
        lines,
        200,
        (n) => `
*\u2026and ${n} more lines: the step log and the validate command list them all.*`
      ),
      ""
    );
    const advice = rest.filter((l) => !/^\s/.test(l));
    if (advice.length) out.push(prose(advice.join(" ")), "");
  } else if (rest.length) {
    const shown = rest.join("\n");
    out.push(
      ...codeBlock(
        shown.length > 5e4 ? `${shown.slice(0, 5e4)}
\u2026 (cut; the step log has it all)` : shown
      ),
      ""
    );
  }
  return `${out.join("\n")}
`;
}
async function writeFailureSummary(command, err) {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await summary.addRaw(failureMarkdown(command, err)).write();
  } catch (e) {
    warning(`could not write the job summary: ${errorMessage(e)}`);
  }
}

// src/action/main.ts
var actions = {
  validate: async () => (await import("./action-BUFT26OU.js")).runValidateAction(),
  bake: async () => (await import("./action-DPD2ODIK.js")).runBakeAction(),
  promote: async () => (await import("./action-UFXLYFCI.js")).runPromoteAction(),
  publish: async () => (await import("./action-UFXLYFCI.js")).runPublishAction(),
  notify: async () => (await import("./action-2TCIPS2Z.js")).runNotifyAction()
};
async function run() {
  const command = getInput("command") || "validate";
  const action = Object.hasOwn(actions, command) ? actions[command] : void 0;
  if (!action) {
    setFailed(`Input 'command' must be one of ${Object.keys(actions).join(", ")}; got '${command}'.`);
    return;
  }
  const before = summarySize();
  try {
    await action();
  } catch (err) {
    if (summarySize() === before) await writeFailureSummary(command, err);
    setFailed(errorMessage(err));
  }
}
export {
  run
};
