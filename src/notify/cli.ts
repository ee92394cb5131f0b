// `spiff-models notify`: the command-line shell over plan -> notify -> report. Exit 0 when the fail-on policy
// passes, 1 when deliveries failed, 2 for usage and setup problems (mapped by src/cli/main.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIO } from '../cli/io.js';
import { SetupError, UsageError, errorMessage } from '../util/errors.js';
import { jsonText } from '../util/safe-text.js';
import { isKind, KINDS } from './environments.js';
import { isFailOn, notify, policyPasses, FAIL_ON, type NotifyOptions } from './notify.js';
import { parseRetries, parseTimeout, planNotify, type InputNames } from './plan.js';
import { resultLine, summaryLine } from './report.js';

const usage = `spiff-models notify --url URL [--url URL]... (--secret S | --secret-env NAME) --ref REF --sha SHA [options]
spiff-models notify --environments FILE [--secret-env NAME] --ref REF --sha SHA [options]

Tells running environments that new models are ready: a signed GitHub push event to git-synced
spiffworkflow-backend environments (POST <url>/v1.0/github-webhook-receive), or a signed deploy hook
{environment, image, digest, tags, revision} to baked environments. All environments at once, with retries.

Environments:
  --url URL              an environment (repeatable); a backend base URL or the full receive URL
  --environments FILE    a YAML or JSON list: name, url, kind, secret | secret-env, clone_url, git_url,
                         ssh_url, html_url (see README)
  --secret S             the webhook secret for environments that name none (visible in the process list:
                         prefer --secret-env)
  --secret-env NAME      read that secret from the environment variable NAME
  --kind spiff|deploy    kind of environments that do not say (default spiff)

What to announce:
  --ref REF              the ref pushed, e.g. refs/heads/main or main (default GITHUB_REF)
  --sha SHA              the commit pushed (default GITHUB_SHA)
  --before SHA           the commit before the push (default: the push event's, or the parent commit)
  --repository-url URL   the repository, e.g. https://github.com/o/r (default from GITHUB_SERVER_URL and
                         GITHUB_REPOSITORY, else git's remote.origin.url)
  --ping                 send a ping instead: checks URL, secret and repository URLs without a pull
  --image REF --digest sha256:... --tag TAG...   what deploy hooks announce

Delivery:
  --timeout S            seconds per attempt (default 10)
  --retries N            retries on network errors, 5xx and 429 (default 3)
  --fail-on any|all|none exit 1 when any (default) / all / no environment failed
  --json                 print the results as JSON

Exit codes: 0 the fail-on policy passes, 1 deliveries failed, 2 usage or setup problem.
`;

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
    name: 'notify',
    summary: 'tell running environments that new models are ready (signed webhook, with retries)',
    usage,
    run: (argv, io) => runNotifyCli(argv, io, overrides),
  };
}

export const notifyCli: CliCommand = createNotifyCli();

async function runNotifyCli(argv: string[], io: CliIO, overrides: NotifyOptions & { now?: () => Date }) {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    strict: true,
    options: {
      url: { type: 'string', multiple: true },
      environments: { type: 'string' },
      secret: { type: 'string' },
      'secret-env': { type: 'string' },
      kind: { type: 'string' },
      ref: { type: 'string' },
      sha: { type: 'string' },
      before: { type: 'string' },
      'repository-url': { type: 'string' },
      ping: { type: 'boolean' },
      image: { type: 'string' },
      digest: { type: 'string' },
      tag: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      'fail-on': { type: 'string' },
      json: { type: 'boolean' },
    },
  });

  if (values.secret !== undefined && values['secret-env'] !== undefined) {
    throw new UsageError('give either --secret or --secret-env, not both.');
  }
  let secret = values.secret ?? null;
  if (values['secret-env'] !== undefined) {
    const name = values['secret-env'];
    secret = io.env[name] || null;
    if (!secret)
      throw new SetupError(`--secret-env ${name}: the environment variable ${name} is not set or empty.`);
  }
  const kind = values.kind ?? 'spiff';
  if (!isKind(kind)) throw new UsageError(`--kind '${kind}' must be one of ${KINDS.join(', ')}.`);
  const failOn = values['fail-on'] ?? 'any';
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
      urls: values.url ?? [],
      secret,
      ref: values.ref ?? null,
      sha: values.sha ?? null,
      before: values.before ?? null,
      repositoryUrl: values['repository-url'] ?? null,
      kind,
      ping: values.ping ?? false,
      image: values.image ?? null,
      digest: values.digest ?? null,
      tags: values.tag ?? [],
      failOn,
      timeoutMs: values.timeout === undefined ? 10_000 : parseTimeout(values.timeout, '--timeout'),
      retries: values.retries === undefined ? 3 : parseRetries(values.retries, '--retries'),
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
