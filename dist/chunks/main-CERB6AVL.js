import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  notifySpec
} from "./chunk-I43BI7MR.js";
import {
  promoteSpec,
  publishSpec
} from "./chunk-QJCR5STD.js";
import {
  findingLines
} from "./chunk-IZBT45BD.js";
import {
  bakeSpec
} from "./chunk-TXVIHTMC.js";
import "./chunk-U5NRQ4NM.js";
import "./chunk-DBZL2GQ3.js";
import {
  booleanInput,
  getInput,
  inputDefault,
  setFailed,
  summary,
  unusedInputs,
  warning
} from "./chunk-QMTJK4C2.js";
import "./chunk-7ADNAUIK.js";
import {
  codeBlock,
  firstItems,
  prose
} from "./chunk-OWPOM6BR.js";
import {
  validateSpec
} from "./chunk-Q42CMDPG.js";
import {
  ACTION_INPUTS,
  inputOf
} from "./chunk-7T6BHRGV.js";
import "./chunk-45LUCC2V.js";
import "./chunk-GFDRROIW.js";
import "./chunk-TZGPA7EC.js";
import "./chunk-RCSAUJEA.js";
import {
  errorMessage
} from "./chunk-YIX2ZCHG.js";
import "./chunk-QFASGRCW.js";
import "./chunk-G3P6OGWQ.js";
import "./chunk-436XQEGX.js";

// src/action/specs.ts
var COMMAND_SPECS = [
  validateSpec,
  bakeSpec,
  promoteSpec,
  publishSpec,
  notifySpec
];
function addDoc(entry, command, doc) {
  entry.commands.push(command);
  const same = entry.docs.find((d) => d.doc === doc);
  if (same) same.commands.push(command);
  else entry.docs.push({ commands: [command], doc });
}
function actionInputs(specs = COMMAND_SPECS) {
  const entries = /* @__PURE__ */ new Map();
  for (const [name, o] of Object.entries(ACTION_INPUTS))
    entries.set(name, { name, commands: [], docs: [{ commands: [], doc: o.doc }], default: inputDefault(o) });
  for (const spec of specs)
    for (const [key, o] of Object.entries(spec.options)) {
      const name = inputOf(o, key);
      if (!name) continue;
      let entry = entries.get(name);
      if (!entry) {
        entry = { name, commands: [], docs: [], default: inputDefault(o) };
        entries.set(name, entry);
      } else if (entry.default !== inputDefault(o)) {
        throw new Error(
          `input '${name}' has default '${entry.default}' for ${entry.commands.join(", ")} but '${inputDefault(o)}' for ${spec.name}: one input, one default`
        );
      }
      addDoc(entry, spec.name, o.inputDoc ?? o.doc);
    }
  return [...entries.values()];
}

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
  validate: async () => (await import("./action-N6R7VXTG.js")).runValidateAction(),
  bake: async () => (await import("./action-OB3AOMYV.js")).runBakeAction(),
  promote: async () => (await import("./action-R4XUOB25.js")).runPromoteAction(),
  publish: async () => (await import("./action-R4XUOB25.js")).runPublishAction(),
  notify: async () => (await import("./action-R3FDBGMO.js")).runNotifyAction()
};
async function run() {
  const command = getInput("command") || "validate";
  const action = Object.hasOwn(actions, command) ? actions[command] : void 0;
  const spec = COMMAND_SPECS.find((s) => s.name === command);
  if (!action || !spec) {
    setFailed(`Input 'command' must be one of ${Object.keys(actions).join(", ")}; got '${command}'.`);
    return;
  }
  const before = summarySize();
  try {
    const known = new Map(actionInputs().map((e) => [e.name, e.default]));
    for (const name of unusedInputs(spec, known, Object.keys(ACTION_INPUTS))) {
      const users = actionInputs().find((e) => e.name === name).commands;
      warning(
        `Input '${name}' is set but command '${command}' does not read it (it is for ${[...new Set(users)].join(", ")}): remove it from this step's with:.`
      );
    }
    if (!booleanInput("summary", true)) delete process.env.GITHUB_STEP_SUMMARY;
    await action();
  } catch (err) {
    if (summarySize() === before) await writeFailureSummary(command, err);
    setFailed(errorMessage(err));
  }
}
export {
  run
};
