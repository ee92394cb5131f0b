import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  FAIL_ON,
  KINDS,
  isFailOn,
  isKind,
  notify,
  parseRetries,
  parseTimeout,
  planNotify,
  policyPasses,
  resultLine,
  summaryLine,
  summaryRows
} from "./chunk-47XFYAA5.js";
import {
  booleanInput
} from "./chunk-EXLDC6I4.js";
import {
  error,
  getInput,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-IZVWCBO4.js";
import "./chunk-7ADNAUIK.js";
import "./chunk-U3PQHIIM.js";
import "./chunk-6T3F3FZU.js";
import {
  UsageError,
  errorMessage
} from "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";

// src/notify/action.ts
var names = {
  environments: "input 'environments'",
  url: "input 'environments'",
  secret: "input 'webhook-secret'",
  ref: "input 'ref'",
  sha: "input 'sha'",
  before: "input 'before'",
  image: "input 'deploy-image'",
  digest: "input 'deploy-digest'"
};
var optional = (name) => getInput(name) || null;
async function runNotifyAction(overrides = {}) {
  const secret = optional("webhook-secret");
  if (secret) setSecret(secret);
  const kind = getInput("notify-kind") || "spiff";
  if (!isKind(kind))
    throw new UsageError(`input 'notify-kind' is '${kind}'; use one of ${KINDS.join(", ")}.`);
  const failOn = getInput("fail-on") || "any";
  if (!isFailOn(failOn))
    throw new UsageError(`input 'fail-on' is '${failOn}'; use one of ${FAIL_ON.join(", ")}.`);
  const environments = getInput("environments");
  if (!environments) {
    throw new UsageError(
      "input 'environments' is empty: list the environments to notify, e.g.\n  environments: |\n    - name: dev\n      url: https://dev.example.com\n      secret-env: DEV_WEBHOOK_SECRET"
    );
  }
  const timeout = getInput("timeout");
  const retries = getInput("retries");
  const plan = await planNotify(
    {
      environments: { text: environments, source: "input 'environments'" },
      urls: [],
      secret,
      ref: optional("ref"),
      sha: optional("sha"),
      before: optional("before"),
      repositoryUrl: optional("repository-url"),
      kind,
      ping: booleanInput("ping"),
      image: optional("deploy-image"),
      digest: optional("deploy-digest"),
      tags: getInput("deploy-tags").split(/[\n,]/).map((t) => t.trim()).filter(Boolean),
      failOn,
      timeoutMs: timeout ? parseTimeout(timeout, "input 'timeout'") : 1e4,
      retries: retries ? parseRetries(retries, "input 'retries'") : 3
    },
    names,
    process.env,
    process.cwd(),
    overrides.now?.()
  );
  for (const s of plan.redactor.all) setSecret(s);
  const r = (text) => plan.redactor.redact(text);
  const report = await notify(plan.request, {
    ...overrides,
    policy: { ...overrides.policy, ...plan.policy },
    redactor: plan.redactor,
    log: (line) => info(line)
  });
  const passed = policyPasses(report, failOn);
  for (const result of report.results) {
    const line = r(resultLine(result));
    const title = `notify ${result.environment}`;
    if (result.outcome === "failed") error(r(result.message), { title });
    else if (result.outcome === "ignored") warning(r(result.message), { title });
    info(line);
  }
  const summary2 = r(summaryLine(report, failOn, passed));
  info(summary2);
  setOutput("results", r(JSON.stringify(report.results)));
  setOutput("delivered", String(report.delivered));
  setOutput("failed", String(report.failed));
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      const [header, ...rows] = summaryRows(report);
      await summary.addHeading("spiff-models notify", 3).addRaw(`<p>${r(summary2).replace(/</g, "&lt;")}</p>`).addTable([header.map((data) => ({ data, header: true })), ...rows.map((row) => row.map(r))]).write();
    } catch (err) {
      warning(`could not write the job summary: ${errorMessage(err)}`);
    }
  }
  if (!passed) setFailed(summary2);
}
export {
  runNotifyAction
};
