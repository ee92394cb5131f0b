import { afterEach, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  backoffDelay,
  defaultRetryPolicy,
  deliver,
  parseRetryAfter,
  type RetryPolicy,
} from '../../src/notify/deliver.js';
import { startScriptedReceiver, type Receiver, type Step } from './receiver.js';

// Sleeps are recorded, not waited: the retry rules are proved by what would have been waited.
function fastPolicy(extra: Partial<RetryPolicy> = {}) {
  const waits: number[] = [];
  const policy: RetryPolicy = {
    ...defaultRetryPolicy,
    timeoutMs: 300,
    retries: 3,
    backoffBaseMs: 100,
    backoffMaxMs: 1000,
    random: () => 0.5,
    sleep: async (ms) => void waits.push(ms),
    ...extra,
  };
  return { policy, waits };
}

const receivers: Receiver[] = [];
async function scripted(steps: Step[]) {
  const r = await startScriptedReceiver(steps);
  receivers.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const request = (url: string) => ({
  url,
  headers: {
    'Content-Type': 'application/json',
    'X-GitHub-Delivery': 'd-1',
    'X-Hub-Signature-256': 'sha256=00',
  },
  body: Buffer.from('{"ref":"refs/heads/main"}'),
});

describe('one delivery', () => {
  test('503 then 200: retried once after a backoff, delivered', async () => {
    const r = await scripted([{ status: 503 }, { status: 200, body: '{"git_pull": true}' }]);
    const { policy, waits } = fastPolicy();
    const out = await deliver(request(r.url), policy);
    expect(out.status).toBe(200);
    expect(out.body).toBe('{"git_pull": true}');
    expect(out.attempts.map((a) => a.status)).toEqual([503, 200]);
    expect(waits).toEqual([75]); // 100 ms base: half fixed (50) + half jittered (0.5 * 50)
    expect(r.requests).toHaveLength(2);
  });

  test('every attempt sends the same bytes and the same delivery id', async () => {
    const r = await scripted([{ status: 502 }, { status: 500 }, { status: 200 }]);
    await deliver(request(r.url), fastPolicy().policy);
    expect(r.requests).toHaveLength(3);
    for (const req of r.requests) {
      expect(req.headers['x-github-delivery']).toBe('d-1');
      expect(req.headers['x-hub-signature-256']).toBe('sha256=00');
      expect(req.body.toString()).toBe('{"ref":"refs/heads/main"}');
    }
  });

  test('slower than the timeout: the attempt is abandoned and retried', async () => {
    const r = await scripted([{ status: 200, delayMs: 2000 }, { status: 200 }]);
    const { policy } = fastPolicy({ timeoutMs: 200 });
    const out = await deliver(request(r.url), policy);
    expect(out.attempts[0]).toMatchObject({ status: null, error: 'no complete answer within 0.2 s' });
    expect(out.attempts[0].durationMs).toBeLessThan(1500);
    expect(out.status).toBe(200);
    expect(out.attempts).toHaveLength(2);
  });

  test('a 200 with an endless body: the first 64 KiB are read, delivered once, no timeout', async () => {
    // The receiver streams until the client goes away, like an answer of gigabytes would.
    let closed = false;
    const server = http.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (!closed && res.write(chunk));
        if (!closed) res.once('drain', pump);
      };
      res.on('close', () => (closed = true));
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const { policy, waits } = fastPolicy({ timeoutMs: 3000 });
      const started = Date.now();
      const out = await deliver(request(`http://127.0.0.1:${port}/`), policy);
      expect(out.status).toBe(200);
      expect(out.error).toBeNull();
      expect(out.attempts).toHaveLength(1);
      expect(waits).toEqual([]);
      expect(out.body.length).toBe(64 * 1024);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a connection reset is retried', async () => {
    const r = await scripted([{ reset: true }, { status: 204 }]);
    const out = await deliver(request(r.url), fastPolicy().policy);
    expect(out.attempts[0].status).toBeNull();
    expect(out.attempts[0].error).toMatch(/reset|hang up/);
    expect(out.status).toBe(204);
  });

  test('429 with Retry-After in seconds: waits exactly that long', async () => {
    const r = await scripted([{ status: 429, headers: { 'Retry-After': '2' } }, { status: 200 }]);
    const { policy, waits } = fastPolicy();
    const out = await deliver(request(r.url), policy);
    expect(out.status).toBe(200);
    expect(waits).toEqual([2000]);
  });

  test('503 with Retry-After as an HTTP date: waits until then', async () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    const r = await scripted([
      { status: 503, headers: { 'Retry-After': 'Wed, 01 May 2024 10:00:05 GMT' } },
      { status: 200 },
    ]);
    const { policy, waits } = fastPolicy({ now: () => now });
    await deliver(request(r.url), policy);
    expect(waits).toEqual([5000]);
  });

  test('a Retry-After beyond the limit ends the retries, saying why', async () => {
    const r = await scripted([{ status: 429, headers: { 'Retry-After': '3600' } }]);
    const out = await deliver(request(r.url), fastPolicy().policy);
    expect(out.status).toBe(429);
    expect(out.attempts).toHaveLength(1);
    expect(out.stoppedBecause).toBe('the server asked to retry after 3600 s, more than the 60 s limit');
  });

  test('400 is not retried', async () => {
    const r = await scripted([{ status: 400, body: 'bad' }, { status: 200 }]);
    const { policy, waits } = fastPolicy();
    const out = await deliver(request(r.url), policy);
    expect(out.status).toBe(400);
    expect(out.attempts).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(r.requests).toHaveLength(1);
  });

  test.each([401, 403, 404, 409, 422])('%i is not retried', async (status) => {
    const r = await scripted([{ status }]);
    const out = await deliver(request(r.url), fastPolicy().policy);
    expect(out.attempts).toHaveLength(1);
  });

  test('gives up after the configured retries, with doubling backoffs', async () => {
    const r = await scripted([{ status: 500 }]);
    const { policy, waits } = fastPolicy({ retries: 3 });
    const out = await deliver(request(r.url), policy);
    expect(out.status).toBe(500);
    expect(out.attempts).toHaveLength(4);
    expect(waits).toEqual([75, 150, 300]);
  });

  test('retries 0 means one attempt', async () => {
    const r = await scripted([{ status: 503 }]);
    const out = await deliver(request(r.url), fastPolicy({ retries: 0 }).policy);
    expect(out.attempts).toHaveLength(1);
  });

  test('connection refused is a network error, retried', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const out = await deliver(request(`http://127.0.0.1:${port}/`), fastPolicy({ retries: 1 }).policy);
    expect(out.status).toBeNull();
    expect(out.attempts).toHaveLength(2);
    expect(out.error).toMatch(/connection refused/);
  });
});

describe('backoff and Retry-After', () => {
  const base = { backoffBaseMs: 1000, backoffMaxMs: 30_000 };

  test('doubles per retry, jitter spans the upper half, capped', () => {
    expect(backoffDelay(1, { ...base, random: () => 0 })).toBe(500);
    expect(backoffDelay(1, { ...base, random: () => 0.999999 })).toBe(1000);
    expect(backoffDelay(3, { ...base, random: () => 0 })).toBe(2000);
    expect(backoffDelay(10, { ...base, random: () => 0.999999 })).toBe(30_000);
  });

  test.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Wed, 01 May 2024 10:01:00 GMT', 60_000],
    ['Wed, 01 May 2024 09:00:00 GMT', 0],
    ['soon', null],
    [undefined, null],
  ])('Retry-After %p -> %p ms', (value, expected) => {
    expect(parseRetryAfter(value, Date.parse('2024-05-01T10:00:00Z'))).toBe(expected);
  });
});
