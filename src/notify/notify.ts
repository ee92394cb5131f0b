// Notifies every environment at once and turns each answer into a result: delivered, ignored (the backend
// chose not to pull) or failed, with a sentence that says what happened and what to do.
import { randomUUID } from 'node:crypto';
import { UsageError } from '../util/errors.js';
import { VERSION } from '../util/version.js';
import {
  defaultRetryPolicy,
  deliver,
  formatDuration,
  type DeliveryOutcome,
  type RetryPolicy,
} from './deliver.js';
import type { Kind, ResolvedEnvironment } from './environments.js';
import {
  deployPayload,
  deployPingPayload,
  pingPayload,
  pushPayload,
  withOverrides,
  type DeployData,
  type PushData,
  type RepositoryInfo,
} from './payload.js';
import { Redactor, displayUrl, urlSecrets } from './redact.js';
import { signatureFor } from './sign.js';

export const FAIL_ON = ['any', 'all', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];
export type Outcome = 'delivered' | 'ignored' | 'failed';
export type EventName = 'push' | 'ping' | 'deploy';

export interface NotifyRequest {
  environments: ResolvedEnvironment[];
  repository: RepositoryInfo;
  /** What was pushed; needed for spiff environments unless pinging. */
  push: PushData | null;
  /** What was deployed; needed for deploy environments unless pinging. */
  deploy: Omit<DeployData, 'environment'> | null;
  ping: boolean;
  /** GitHub login for `sender`, when known. */
  sender: string | null;
}

export interface NotifyOptions {
  policy?: Partial<RetryPolicy>;
  newDeliveryId?: () => string;
  /** Progress lines (retries); already redacted. */
  log?: (line: string) => void;
  redactor?: Redactor;
}

export interface AttemptRecord {
  attempt: number;
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface EnvironmentResult {
  environment: string;
  kind: Kind;
  event: EventName;
  /** The URL posted to as `displayUrl` shows it: scheme, host, port, a redacted path. */
  url: string;
  deliveryId: string;
  outcome: Outcome;
  /** Status of the last answer; null when none came. */
  status: number | null;
  attempts: number;
  durationMs: number;
  /** The start of the last answer's body. */
  answer: string;
  /** What happened and, when it went wrong, what to do. */
  message: string;
  history: AttemptRecord[];
}

export interface NotifyReport {
  results: EnvironmentResult[];
  delivered: number;
  ignored: number;
  failed: number;
}

const USER_AGENT = `GitHub-Hookshot/spiff-models-${VERSION}`;
const EXCERPT = 300;

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface Prepared {
  env: ResolvedEnvironment;
  event: EventName;
  body: Buffer;
  repository: RepositoryInfo | null;
}

function prepare(env: ResolvedEnvironment, req: NotifyRequest): Prepared {
  if (env.kind === 'spiff') {
    const repository = withOverrides(req.repository, env.overrides);
    if (req.ping) {
      return { env, event: 'ping', repository, body: json(pingPayload(repository, env.url, req.sender)) };
    }
    if (!req.push)
      throw new UsageError(`environment '${env.name}' is a spiff environment: give the ref and sha pushed.`);
    return { env, event: 'push', repository, body: json(pushPayload(req.push, repository)) };
  }
  if (req.ping) return { env, event: 'ping', repository: null, body: json(deployPingPayload(env.name)) };
  if (!req.deploy)
    throw new UsageError(`environment '${env.name}' is a deploy hook: give the image that was deployed.`);
  return {
    env,
    event: 'deploy',
    repository: null,
    body: json(deployPayload({ environment: env.name, ...req.deploy })),
  };
}

function json(payload: unknown): Buffer {
  return Buffer.from(JSON.stringify(payload), 'utf8');
}

function headersFor(p: Prepared, deliveryId: string): Record<string, string> {
  const signature = signatureFor(p.env.secret, p.body);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': USER_AGENT,
    'X-GitHub-Delivery': deliveryId,
    'X-Hub-Signature-256': signature,
    'X-Spiff-Models-Event': p.event,
  };
  if (p.env.kind === 'spiff' || p.event === 'ping') headers['X-GitHub-Event'] = p.event;
  // Flux's generic-hmac receiver reads X-Signature in the same `sha256=<hex>` form.
  if (p.env.kind === 'deploy') headers['X-Signature'] = signature;
  return headers;
}

function gitPullAnswer(body: string): boolean | null {
  try {
    const parsed = JSON.parse(body) as unknown;
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as { git_pull?: unknown }).git_pull === 'boolean'
    ) {
      return (parsed as { git_pull: boolean }).git_pull;
    }
  } catch {
    // Not JSON: handled by the caller.
  }
  return null;
}

/** Turns the last answer into an outcome and a sentence a user can act on. */
export function interpret(
  p: Pick<Prepared, 'event' | 'repository'> & { env: Pick<ResolvedEnvironment, 'kind'> },
  d: Pick<DeliveryOutcome, 'status' | 'headers' | 'body' | 'error' | 'stoppedBecause' | 'attempts'>,
  push: Pick<PushData, 'ref' | 'after'> | null,
): { outcome: Outcome; message: string } {
  const tries = d.attempts.length > 1 ? ` after ${plural(d.attempts.length, 'attempt')}` : '';
  const stopped = d.stoppedBecause ? ` (${d.stoppedBecause})` : '';
  const failed = (message: string) => ({ outcome: 'failed' as const, message });
  const spiff = p.env.kind === 'spiff';

  if (d.status === null) {
    return failed(`no answer${tries}: ${d.error}${stopped}; check the URL and that the runner can reach it.`);
  }
  const s = d.status;
  if (s >= 200 && s < 300) {
    if (!spiff)
      return {
        outcome: 'delivered',
        message: p.event === 'ping' ? `ping accepted (${s}).` : `accepted (${s}).`,
      };
    const pulled = gitPullAnswer(d.body);
    if (pulled === null) {
      return failed(
        `answered ${s} but not with {"git_pull": ...}: the URL reaches something other than spiffworkflow-backend's ` +
          'github-webhook-receive (the frontend?); point it at the backend.',
      );
    }
    if (p.event === 'ping') {
      return {
        outcome: 'delivered',
        message: 'ping accepted: URL, secret and repository URLs match (no pull).',
      };
    }
    if (pulled) {
      return {
        outcome: 'delivered',
        message: `the backend is at ${push!.after.slice(0, 7)} (git_pull: true; pulled ${push!.ref} or already there).`,
      };
    }
    return {
      outcome: 'ignored',
      message:
        `the backend ignored the push (git_pull: false): ${push!.ref} is not its SPIFFWORKFLOW_BACKEND_GIT_SOURCE_BRANCH. ` +
        'Notify this environment for its own branch, or leave it out for this ref.',
    };
  }
  if (s >= 300 && s < 400) {
    const location = d.headers.location;
    return failed(
      `redirected (${s})${location ? ` to ${location}` : ''}: webhooks do not follow redirects, use the final URL.`,
    );
  }
  const text = d.body ? `: ${excerpt(d.body)}` : '';
  if (s === 403 || s === 401) {
    return failed(
      spiff
        ? `signature rejected (${s}): the secret differs from the backend's SPIFFWORKFLOW_BACKEND_GITHUB_WEBHOOK_SECRET; ` +
            'set the same value on both sides.'
        : `refused (${s}): check that the secret matches the receiver's.`,
    );
  }
  if (s === 404) {
    return failed(
      spiff
        ? 'not found (404): check the URL; a backend with SPIFFWORKFLOW_BACKEND_WSGI_PATH_PREFIX needs that prefix in ' +
            'it (e.g. https://host/api).'
        : 'not found (404): check the URL.',
    );
  }
  if (s === 405)
    return failed(
      'method not allowed (405): the URL does not take a POST; is it the backend, not the frontend?',
    );
  if (s === 429) return failed(`rate limited (429)${tries}${stopped}; try again later.`);
  if (s >= 500) {
    if (spiff && /clone url does not match|GitCloneUrlMismatch/i.test(d.body)) {
      const r = p.repository!;
      return failed(
        `the backend's origin URL is none of clone_url ${r.clone_url}, git_url ${r.git_url}, ssh_url ${r.ssh_url} ` +
          `(500${tries}): set clone_url or ssh_url for this environment to the output of ` +
          '`git config remote.origin.url` in its models directory.',
      );
    }
    const why = spiff
      ? '; the backend fails like this when no webhook secret is set, a repository URL does not match, or git pull ' +
        'fails: see its log'
      : '';
    return failed(`server error (${s})${tries}${stopped}${text}${why}.`);
  }
  return failed(`rejected (${s}), not retried${text}.`);
}

export function countOutcomes(results: EnvironmentResult[]): Omit<NotifyReport, 'results'> {
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  return { delivered: count('delivered'), ignored: count('ignored'), failed: count('failed') };
}

/** `any`: no environment may fail; `all`: fail only when every environment failed; `none`: never fail. */
export function policyPasses(
  report: Pick<NotifyReport, 'failed'> & { results: unknown[] },
  failOn: FailOn,
): boolean {
  if (failOn === 'none') return true;
  if (failOn === 'all') return report.results.length === 0 || report.failed < report.results.length;
  return report.failed === 0;
}

export function isFailOn(value: string): value is FailOn {
  return (FAIL_ON as readonly string[]).includes(value);
}

/** Delivers to every environment concurrently; one environment's failure never stops the others. */
export async function notify(req: NotifyRequest, options: NotifyOptions = {}): Promise<NotifyReport> {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.policy };
  const newId = options.newDeliveryId ?? randomUUID;
  const redactor = options.redactor ?? new Redactor();
  for (const env of req.environments) {
    redactor.add(env.secret);
    for (const part of urlSecrets(env.url)) redactor.add(part);
  }
  const r = (text: string) => redactor.redact(text);

  // Build every body before sending anything, so a usage problem stops the run before any environment hears of it.
  const prepared = req.environments.map((env) => prepare(env, req));

  const results = await Promise.all(
    prepared.map(async (p): Promise<EnvironmentResult> => {
      const deliveryId = newId();
      const request = { url: p.env.url, headers: headersFor(p, deliveryId), body: p.body };
      const outcome = await deliver(request, policy, (a) =>
        options.log?.(
          r(
            `${p.env.name}: attempt ${a.attempt} ${a.status === null ? `failed: ${a.error}` : `answered ${a.status}`}; ` +
              `retrying in ${formatDuration(a.retryInMs ?? 0)}`,
          ),
        ),
      );
      const { outcome: result, message } = interpret(p, outcome, req.push);
      return {
        environment: p.env.name,
        kind: p.env.kind,
        event: p.event,
        url: r(displayUrl(p.env.url)),
        deliveryId,
        outcome: result,
        status: outcome.status,
        attempts: outcome.attempts.length,
        durationMs: outcome.durationMs,
        answer: r(excerpt(outcome.body)),
        message: r(message),
        history: outcome.attempts.map(({ attempt, status, error, durationMs }) => ({
          attempt,
          status,
          error: error === null ? null : r(error),
          durationMs,
        })),
      };
    }),
  );
  return { results, ...countOutcomes(results) };
}
