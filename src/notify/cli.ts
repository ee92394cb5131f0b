// `spiff-models notify`: the command-line shell over plan -> notify -> report. Exit 0 when the fail-on policy
// passes, 1 when deliveries failed, 2 for usage and setup problems (mapped by src/cli/main.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliCommand, CliIO } from '../shell/cli-io.js';
import { SetupError, UsageError, errorMessage } from '../util/errors.js';
import { jsonText } from '../util/safe-text.js';
import { parseFlags, usageText } from '../util/options.js';
import { notifySpec } from './options.js';
import { isKind, KINDS } from './environments.js';
import { isFailOn, notify, policyPasses, FAIL_ON, type NotifyOptions } from './notify.js';
import { parseRetries, parseTimeout, planNotify, type InputNames } from './plan.js';
import { resultLine, summaryLine } from './report.js';

const names: InputNames = {
  environments: '--environments',
  url: '--url',
  secret: '--secret or --secret-env',
  ref: '--ref',
  sha: '--sha',
  before: '--before',
  image: '--image',
  digest: '--digest',
};

/** The command with injectable delivery options (fast retries in tests). */
export function createNotifyCli(overrides: NotifyOptions & { now?: () => Date } = {}): CliCommand {
  return {
    name: notifySpec.name,
    summary: notifySpec.summary,
    usage: usageText(notifySpec),
    run: (argv, io) => runNotifyCli(argv, io, overrides),
  };
}

export const notifyCli: CliCommand = createNotifyCli();

async function runNotifyCli(argv: string[], io: CliIO, overrides: NotifyOptions & { now?: () => Date }) {
  const { values, positionals } = parseFlags(notifySpec, argv);
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (values.secret !== undefined && values.secretEnv !== undefined) {
    throw new UsageError('give either --secret or --secret-env, not both.');
  }
  let secret = values.secret ?? null;
  if (values.secretEnv !== undefined) {
    const name = values.secretEnv;
    secret = io.env[name] || null;
    if (!secret)
      throw new SetupError(`--secret-env ${name}: the environment variable ${name} is not set or empty.`);
  }
  const kind = values.kind;
  if (!isKind(kind)) throw new UsageError(`--kind '${kind}' must be one of ${KINDS.join(', ')}.`);
  const failOn = values.failOn;
  if (!isFailOn(failOn)) throw new UsageError(`--fail-on '${failOn}' must be one of ${FAIL_ON.join(', ')}.`);

  let environments = null;
  if (values.environments !== undefined) {
    const file = path.resolve(io.cwd, values.environments);
    try {
      environments = { text: await readFile(file, 'utf8'), source: values.environments };
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
      timeoutMs: parseTimeout(values.timeout, '--timeout'),
      retries: parseRetries(values.retries, '--retries'),
    },
    names,
    io.env,
    io.cwd,
    overrides.now?.(),
  );
  const r = (text: string) => plan.redactor.redact(text);

  const report = await notify(plan.request, {
    ...overrides,
    policy: { ...overrides.policy, ...plan.policy },
    redactor: plan.redactor,
    log: (line) => io.stderr(`${line}\n`),
  });
  const passed = policyPasses(report, failOn);
  if (values.json) {
    io.stdout(r(`${jsonText({ ...report, failOn, passed })}\n`));
  } else {
    for (const result of report.results) io.stdout(r(`${resultLine(result)}\n`));
    io.stdout(r(`${summaryLine(report, failOn, passed)}\n`));
  }
  return passed ? 0 : 1;
}
