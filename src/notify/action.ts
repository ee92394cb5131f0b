// The action shell for `command: notify`: inputs -> plan -> notify -> outputs, job summary and annotations.
import * as core from '@actions/core';
import { readInputs, setOutputs } from '../shell/inputs.js';
import { notifySpec } from './options.js';
import { info } from '../shell/log.js';
import { UsageError, errorMessage } from '../util/errors.js';
import { isKind, KINDS } from './environments.js';
import { isFailOn, notify, policyPasses, FAIL_ON, type NotifyOptions } from './notify.js';
import { parseRetries, parseTimeout, planNotify, type InputNames } from './plan.js';
import { resultLine, summaryLine } from './report.js';
import { notifyMarkdown } from './summary.js';

const names: InputNames = {
  environments: "input 'environments'",
  url: "input 'environments'",
  secret: "input 'webhook-secret'",
  ref: "input 'ref'",
  sha: "input 'sha'",
  before: "input 'before'",
  image: "input 'deploy-image'",
  digest: "input 'deploy-digest'",
};

/** Runs `notify` in a workflow; `overrides` exists for tests (fast retries). */
export async function runNotifyAction(overrides: NotifyOptions & { now?: () => Date } = {}): Promise<void> {
  const input = readInputs(notifySpec);
  const secret = input.secret || null;
  if (secret) core.setSecret(secret);
  const kind = input.kind;
  if (!isKind(kind))
    throw new UsageError(`input 'notify-kind' is '${kind}'; use one of ${KINDS.join(', ')}.`);
  const failOn = input.failOn;
  if (!isFailOn(failOn))
    throw new UsageError(`input 'fail-on' is '${failOn}'; use one of ${FAIL_ON.join(', ')}.`);
  const environments = input.environments;
  if (!environments) {
    throw new UsageError(
      "input 'environments' is empty: list the environments to notify, e.g.\n" +
        '  environments: |\n    - name: dev\n      url: https://dev.example.com\n      secret-env: DEV_WEBHOOK_SECRET',
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
      retries: parseRetries(input.retries, "input 'retries'"),
    },
    names,
    process.env,
    process.cwd(),
    overrides.now?.(),
  );
  for (const s of plan.redactor.all) core.setSecret(s);
  const r = (text: string) => plan.redactor.redact(text);

  const report = await notify(plan.request, {
    ...overrides,
    policy: { ...overrides.policy, ...plan.policy },
    redactor: plan.redactor,
    log: (line) => info(line),
  });
  const passed = policyPasses(report, failOn);

  for (const result of report.results) {
    const line = r(resultLine(result));
    const title = `notify ${result.environment}`;
    if (result.outcome === 'failed') core.error(r(result.message), { title });
    else if (result.outcome === 'ignored') core.warning(r(result.message), { title });
    info(line);
  }
  const summary = r(summaryLine(report, failOn, passed));
  info(summary);

  setOutputs(notifySpec, {
    results: r(JSON.stringify(report.results)),
    delivered: String(report.delivered),
    failed: String(report.failed),
  });

  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      await core.summary.addRaw(notifyMarkdown(report, failOn, passed, r)).write();
    } catch (err) {
      core.warning(`could not write the job summary: ${errorMessage(err)}`);
    }
  }
  if (!passed) core.setFailed(summary);
}
