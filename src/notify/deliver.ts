// One webhook delivery: POST with a per-attempt timeout, then retries with exponential backoff and jitter on
// network errors, 5xx and 429 (honouring Retry-After), none on other answers. Every attempt sends the same
// bytes and headers, so a redelivery keeps its X-GitHub-Delivery id, as GitHub's own redeliveries do.
import http from 'node:http';
import https from 'node:https';

export interface DeliveryRequest {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface RetryPolicy {
  /** Per attempt: connect, send, and read the answer (its first 64 KiB at most). */
  timeoutMs: number;
  /** Attempts after the first. */
  retries: number;
  /** First backoff; doubles each retry. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A Retry-After longer than this ends the retries instead of stalling the job. */
  maxRetryAfterMs: number;
  /** In [0, 1): the jitter source, injectable for deterministic tests. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  timeoutMs: 10_000,
  retries: 3,
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
  maxRetryAfterMs: 60_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: Date.now,
};

export interface Attempt {
  attempt: number;
  status: number | null;
  /** Network error or timeout, in words. */
  error: string | null;
  durationMs: number;
  /** Wait before the next attempt, when there is one. */
  retryInMs: number | null;
}

export interface DeliveryOutcome {
  /** The last answer's status; null when no answer came. */
  status: number | null;
  headers: http.IncomingHttpHeaders;
  /** The last answer's body (the first 64 KiB). */
  body: string;
  /** The last network error or timeout, when the last attempt got no answer. */
  error: string | null;
  /** Why retrying stopped early, when it did (a Retry-After beyond the limit, a permanent network error). */
  stoppedBecause: string | null;
  attempts: Attempt[];
  durationMs: number;
}

const MAX_BODY = 64 * 1024;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

class AttemptError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

// Errors that another attempt cannot fix: the name does not resolve, or TLS will not trust the server.
const PERMANENT_CODES = new Set([
  'ENOTFOUND',
  'ERR_INVALID_URL',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

function describeNetworkError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing listens at that address and port)';
    case 'ECONNRESET':
      return 'connection reset by the server before it answered';
    case 'ENOTFOUND':
      return 'host not found (check the URL)';
    case 'EAI_AGAIN':
      return 'DNS lookup failed temporarily';
    case 'ETIMEDOUT':
      return 'connection timed out';
    default:
      if (err.code && PERMANENT_CODES.has(err.code)) return `TLS: ${err.message} (${err.code})`;
      return err.code ? `${err.message} (${err.code})` : err.message;
  }
}

function postOnce(req: DeliveryRequest, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(req.url);
    const lib = url.protocol === 'https:' ? https : http;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let settled = false;
    const fail = (err: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (timedOut) {
        reject(new AttemptError(`no complete answer within ${formatSeconds(timeoutMs)}`, true));
      } else {
        reject(new AttemptError(describeNetworkError(err), !(err.code && PERMANENT_CODES.has(err.code))));
      }
    };
    const request = lib.request(
      url,
      {
        method: 'POST',
        headers: { ...req.headers, 'Content-Length': String(req.body.length), Connection: 'close' },
        signal: controller.signal,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const answered = () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        };
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk.subarray(0, MAX_BODY - size));
          size += Math.min(chunk.length, MAX_BODY - size);
          // The status is what counts; a body beyond what we quote (gigabytes, or endless) is not waited for,
          // or a 200 would time out and be sent again.
          if (size >= MAX_BODY) {
            answered();
            res.destroy();
          }
        });
        res.on('error', fail);
        // An answer cut off midway (reset, abort) ends in 'close' without 'end'.
        res.on('close', () => {
          if (!res.complete) fail(Object.assign(new Error('answer cut off'), { code: 'ECONNRESET' }));
        });
        res.on('end', answered);
      },
    );
    request.on('error', fail);
    request.end(req.body);
  });
}

/** Milliseconds under a second, seconds above: for results and retry notes. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : formatSeconds(ms);
}

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${parseFloat(s.toFixed(s < 10 ? 2 : 1))} s`;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Exponential backoff with jitter: half of the doubled delay is fixed, half random. */
export function backoffDelay(
  retry: number,
  policy: Pick<RetryPolicy, 'backoffBaseMs' | 'backoffMaxMs' | 'random'>,
) {
  const full = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** (retry - 1));
  return Math.round(full / 2 + (policy.random() * full) / 2);
}

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429;
}

export async function deliver(
  req: DeliveryRequest,
  policy: RetryPolicy = defaultRetryPolicy,
  onRetry?: (attempt: Attempt) => void,
): Promise<DeliveryOutcome> {
  const started = policy.now();
  const attempts: Attempt[] = [];
  for (let n = 1; ; n++) {
    const t0 = policy.now();
    let answer: Answer | null = null;
    let error: AttemptError | null = null;
    try {
      answer = await postOnce(req, policy.timeoutMs);
    } catch (err) {
      error = err instanceof AttemptError ? err : new AttemptError(String(err), true);
    }
    const attempt: Attempt = {
      attempt: n,
      status: answer?.status ?? null,
      error: error?.message ?? null,
      durationMs: policy.now() - t0,
      retryInMs: null,
    };
    attempts.push(attempt);
    const finish = (stoppedBecause: string | null = null): DeliveryOutcome => ({
      status: answer?.status ?? null,
      headers: answer?.headers ?? {},
      body: answer?.body ?? '',
      error: error?.message ?? null,
      stoppedBecause,
      attempts,
      durationMs: policy.now() - started,
    });

    const retryable = answer ? isRetryableStatus(answer.status) : error!.retryable;
    if (!retryable) return finish(error ? 'another attempt cannot fix this' : null);
    if (n > policy.retries) return finish();

    let wait = backoffDelay(n, policy);
    const retryAfter = answer ? parseRetryAfter(answer.headers['retry-after'], policy.now()) : null;
    if (retryAfter !== null) {
      if (retryAfter > policy.maxRetryAfterMs) {
        return finish(
          `the server asked to retry after ${formatSeconds(retryAfter)}, more than the ${formatSeconds(policy.maxRetryAfterMs)} limit`,
        );
      }
      wait = retryAfter;
    }
    attempt.retryInMs = wait;
    onRetry?.(attempt);
    await policy.sleep(wait);
  }
}
