// From the inputs of either shell (CLI flags or action inputs, as plain data) to a checked NotifyRequest:
// environments with their secrets, the repository, and the push or deployment to announce.
import { UsageError } from '../util/errors.js';
import { readGitHubEvent } from '../shell/github.js';
import { gitFacts, resolvePush, resolveRepository, resolveRevision } from './context.js';
import {
  environmentsFromUrls,
  parseEnvironments,
  resolveEnvironments,
  type EnvironmentSpec,
  type Kind,
} from './environments.js';
import type { RetryPolicy } from './deliver.js';
import type { FailOn, NotifyRequest } from './notify.js';
import { Redactor, urlSecrets } from './redact.js';

export interface NotifyInputs {
  /** The environments list (YAML or JSON) and where it came from, for messages. */
  environments: { text: string; source: string } | null;
  urls: string[];
  /** Default secret for environments that name none. */
  secret: string | null;
  ref: string | null;
  sha: string | null;
  before: string | null;
  repositoryUrl: string | null;
  kind: Kind;
  ping: boolean;
  image: string | null;
  digest: string | null;
  tags: string[];
  failOn: FailOn;
  timeoutMs: number;
  retries: number;
}

/** How the shell names things, so messages point at the right flag or input. */
export interface InputNames {
  environments: string;
  url: string;
  secret: string;
  ref: string;
  sha: string;
  before: string;
  image: string;
  digest: string;
}

export interface Plan {
  request: NotifyRequest;
  redactor: Redactor;
  policy: Partial<RetryPolicy>;
}

export function parseTimeout(text: string, name: string): number {
  const n = Number(text);
  if (!text.trim() || !Number.isFinite(n) || n <= 0 || n > 600) {
    throw new UsageError(`${name} '${text}' must be a number of seconds above 0 and at most 600.`);
  }
  return Math.round(n * 1000);
}

export function parseRetries(text: string, name: string): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) > 10) {
    throw new UsageError(`${name} '${text}' must be a whole number from 0 to 10.`);
  }
  return Number(text);
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

export async function planNotify(
  inputs: NotifyInputs,
  names: InputNames,
  env: NodeJS.ProcessEnv,
  cwd: string,
  now: Date = new Date(),
): Promise<Plan> {
  const redactor = new Redactor();
  redactor.add(inputs.secret);

  let specs: EnvironmentSpec[] = [];
  if (inputs.environments)
    specs = parseEnvironments(inputs.environments.text, inputs.environments.source, inputs.kind);
  specs = [
    ...specs,
    ...environmentsFromUrls(
      inputs.urls,
      inputs.kind,
      specs.map((s) => s.name),
    ),
  ];
  if (specs.length === 0) {
    throw new UsageError(
      `give at least one environment: ${names.url}, or ${names.environments} with a list.`,
    );
  }
  // Literal secrets from the list are masked even when another problem stops the run.
  for (const spec of specs) {
    redactor.add(spec.secret);
    for (const part of urlSecrets(spec.url)) redactor.add(part);
  }
  const environments = resolveEnvironments(specs, {
    defaultSecret: inputs.secret,
    env,
    defaultHint: `a default secret (${names.secret})`,
  });
  for (const e of environments) redactor.add(e.secret);

  const git = gitFacts(cwd);
  const needsPush = !inputs.ping && environments.some((e) => e.kind === 'spiff');
  const needsDeploy = !inputs.ping && environments.some((e) => e.kind === 'deploy');
  const event = await readGitHubEvent(env);
  const repository = await resolveRepository(inputs.repositoryUrl, env, git);
  const push = needsPush ? await resolvePush({ ...inputs, names }, env, event, git, now) : null;

  let deploy: NotifyRequest['deploy'] = null;
  if (needsDeploy) {
    const deployNames = environments.filter((e) => e.kind === 'deploy').map((e) => `'${e.name}'`);
    if (!inputs.image) {
      throw new UsageError(
        `environment ${deployNames.join(', ')} ${deployNames.length === 1 ? 'is a deploy hook' : 'are deploy hooks'}: ` +
          `give the image that was built (${names.image}).`,
      );
    }
    if (inputs.digest && !DIGEST.test(inputs.digest)) {
      throw new UsageError(`${names.digest} '${inputs.digest}' must look like sha256:<64 hex digits>.`);
    }
    deploy = {
      image: inputs.image,
      digest: inputs.digest || null,
      tags: inputs.tags,
      revision: push?.after ?? (await resolveRevision(inputs.sha, env, git, names.sha)),
    };
  }
  return {
    request: { environments, repository, push, deploy, ping: inputs.ping, sender: env.GITHUB_ACTOR || null },
    redactor,
    policy: { timeoutMs: inputs.timeoutMs, retries: inputs.retries },
  };
}
