import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  FAIL_ON,
  KINDS,
  formatDuration,
  isFailOn,
  isKind,
  notify,
  parseRetries,
  parseTimeout,
  planNotify,
  policyPasses,
  resultLine,
  summaryLine
} from "./chunk-NF5DHZD7.js";
import {
  notifySpec
} from "./chunk-I43BI7MR.js";
import "./chunk-PN23CBJR.js";
import {
  info
} from "./chunk-ZA4DOJR4.js";
import "./chunk-ORPII2Z3.js";
import {
  error,
  readInputs,
  setFailed,
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
import "./chunk-7T6BHRGV.js";
import "./chunk-RCSAUJEA.js";
import {
  UsageError,
  errorMessage
} from "./chunk-YIX2ZCHG.js";
import "./chunk-U3PQHIIM.js";
import "./chunk-DH43UTXO.js";
import "./chunk-436XQEGX.js";

// src/notify/summary.ts
var ICON = { delivered: "\u2705", ignored: "\u26A0\uFE0F", failed: "\u274C" };
function notifyMarkdown(report, failOn, passed, redact = (t) => t) {
  const total = report.results.length;
  const cell = (s) => code(redact(s), { table: true });
  const say = (s) => prose(redact(s), { table: true });
  const verdict = report.failed ? `${passed ? "\u26A0\uFE0F" : "\u274C"} ${report.failed} of ${plural(total, "environment")} failed` : report.ignored ? `\u26A0\uFE0F ${report.delivered} of ${plural(total, "environment")} delivered, ${report.ignored} ignored the push` : `\u2705 ${plural(total, "environment")} notified`;
  const out = [
    `## spiff-models notify: ${verdict}`,
    "",
    `${plural(report.delivered, "delivery", "deliveries")}, ${report.ignored} ignored, ${report.failed} failed (fail-on: ${code(failOn)}${passed ? "" : ", so this step fails"}).`,
    "",
    "| Environment | Outcome | What happened |",
    "|---|---|---|",
    ...report.results.map(
      (r) => `| ${cell(r.environment)} | ${ICON[r.outcome]} ${r.outcome}${r.status === null ? "" : ` (${r.status})`} | ${say(r.message)} |`
    ),
    ""
  ];
  out.push(
    ...details(`Attempts and timings (${plural(total, "environment")})`, [
      "| Environment | Kind | Event | Status | Attempts | Time | Delivery |",
      "|---|---|---|--:|--:|--:|---|",
      ...report.results.map(
        (r) => `| ${cell(r.environment)} | ${r.kind} | ${r.event} | ${r.status ?? "-"} | ${r.attempts} | ${formatDuration(r.durationMs)} | ${cell(r.deliveryId)} |`
      )
    ])
  );
  return `${out.join("\n")}
`;
}

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
async function runNotifyAction(overrides = {}) {
  const input = readInputs(notifySpec);
  const secret = input.secret || null;
  if (secret) setSecret(secret);
  const kind = input.kind;
  if (!isKind(kind))
    throw new UsageError(`input 'notify-kind' is '${kind}'; use one of ${KINDS.join(", ")}.`);
  const failOn = input.failOn;
  if (!isFailOn(failOn))
    throw new UsageError(`input 'fail-on' is '${failOn}'; use one of ${FAIL_ON.join(", ")}.`);
  const environments = input.environments;
  if (!environments) {
    throw new UsageError(
      "input 'environments' is empty: list the environments to notify, e.g.\n  environments: |\n    - name: dev\n      url: https://dev.example.com\n      secret-env: DEV_WEBHOOK_SECRET"
    );
  }
  const plan = await planNotify(
    {
      environments: { text: environments, source: "input 'environments'" },
      urls: [],
      secret,
      ref: input.ref || null,
      sha: input.sha || null,
      before: input.before || null,
      repositoryUrl: input.repositoryUrl || null,
      kind,
      ping: input.ping,
      image: input.image || null,
      digest: input.digest || null,
      tags: input.tags,
      failOn,
      timeoutMs: parseTimeout(input.timeout, "input 'timeout'"),
      retries: parseRetries(input.retries, "input 'retries'")
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
  setOutputs(notifySpec, {
    results: r(JSON.stringify(report.results)),
    delivered: String(report.delivered),
    failed: String(report.failed)
  });
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      await summary.addRaw(notifyMarkdown(report, failOn, passed, r)).write();
    } catch (err) {
      warning(`could not write the job summary: ${errorMessage(err)}`);
    }
  }
  if (!passed) setFailed(summary2);
}
export {
  runNotifyAction
};
