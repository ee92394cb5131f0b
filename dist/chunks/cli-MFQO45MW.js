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
  summaryLine
} from "./chunk-NF5DHZD7.js";
import {
  notifySpec
} from "./chunk-I43BI7MR.js";
import "./chunk-PN23CBJR.js";
import "./chunk-ORPII2Z3.js";
import {
  parseFlags,
  usageText
} from "./chunk-7T6BHRGV.js";
import "./chunk-RCSAUJEA.js";
import {
  SetupError,
  UsageError,
  errorMessage,
  jsonText
} from "./chunk-YIX2ZCHG.js";
import "./chunk-U3PQHIIM.js";
import "./chunk-DH43UTXO.js";
import "./chunk-436XQEGX.js";

// src/notify/cli.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
var names = {
  environments: "--environments",
  url: "--url",
  secret: "--secret or --secret-env",
  ref: "--ref",
  sha: "--sha",
  before: "--before",
  image: "--image",
  digest: "--digest"
};
function createNotifyCli(overrides = {}) {
  return {
    name: notifySpec.name,
    summary: notifySpec.summary,
    usage: usageText(notifySpec),
    run: (argv, io) => runNotifyCli(argv, io, overrides)
  };
}
var notifyCli = createNotifyCli();
async function runNotifyCli(argv, io, overrides) {
  const { values, positionals } = parseFlags(notifySpec, argv);
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (values.secret !== void 0 && values.secretEnv !== void 0) {
    throw new UsageError("give either --secret or --secret-env, not both.");
  }
  let secret = values.secret ?? null;
  if (values.secretEnv !== void 0) {
    const name = values.secretEnv;
    secret = io.env[name] || null;
    if (!secret)
      throw new SetupError(`--secret-env ${name}: the environment variable ${name} is not set or empty.`);
  }
  const kind = values.kind;
  if (!isKind(kind)) throw new UsageError(`--kind '${kind}' must be one of ${KINDS.join(", ")}.`);
  const failOn = values.failOn;
  if (!isFailOn(failOn)) throw new UsageError(`--fail-on '${failOn}' must be one of ${FAIL_ON.join(", ")}.`);
  let environments = null;
  if (values.environments !== void 0) {
    const file = path.resolve(io.cwd, values.environments);
    try {
      environments = { text: await readFile(file, "utf8"), source: values.environments };
    } catch (err) {
      throw new SetupError(`--environments ${values.environments}: cannot read it (${errorMessage(err)}).`);
    }
  }
  const plan = await planNotify(
    {
      environments,
      urls: values.url,
      secret,
      ref: values.ref ?? null,
      sha: values.sha ?? null,
      before: values.before ?? null,
      repositoryUrl: values.repositoryUrl ?? null,
      kind,
      ping: values.ping,
      image: values.image ?? null,
      digest: values.digest ?? null,
      tags: values.tags,
      failOn,
      timeoutMs: parseTimeout(values.timeout, "--timeout"),
      retries: parseRetries(values.retries, "--retries")
    },
    names,
    io.env,
    io.cwd,
    overrides.now?.()
  );
  const r = (text) => plan.redactor.redact(text);
  const report = await notify(plan.request, {
    ...overrides,
    policy: { ...overrides.policy, ...plan.policy },
    redactor: plan.redactor,
    log: (line) => io.stderr(`${line}
`)
  });
  const passed = policyPasses(report, failOn);
  if (values.json) {
    io.stdout(r(`${jsonText({ ...report, failOn, passed })}
`));
  } else {
    for (const result of report.results) io.stdout(r(`${resultLine(result)}
`));
    io.stdout(r(`${summaryLine(report, failOn, passed)}
`));
  }
  return passed ? 0 : 1;
}
export {
  createNotifyCli,
  notifyCli
};
