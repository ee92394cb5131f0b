import { afterEach, describe, expect, test } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gitFacts, resolvePush } from '../../src/notify/context.js';
import { defaultRetryPolicy, type RetryPolicy } from '../../src/notify/deliver.js';
import type { ResolvedEnvironment } from '../../src/notify/environments.js';
import { interpret, notify, policyPasses, type NotifyRequest } from '../../src/notify/notify.js';
import { repositoryFromGitHub, repositoryFromUrl, spiffWebhookUrl } from '../../src/notify/payload.js';
import { verifySignature } from '../../src/notify/sign.js';
import {
  createModelsRepos,
  git,
  startScriptedReceiver,
  startSpiffReceiver,
  type ModelsRepos,
  type Receiver,
  type Step,
} from './receiver.js';

const SECRET = 'It is a secret to everybody 7f3a';
const fast: Partial<RetryPolicy> = {
  timeoutMs: 2000,
  retries: 2,
  backoffBaseMs: 5,
  backoffMaxMs: 20,
  random: () => 0.5,
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function repos(): Promise<ModelsRepos> {
  const r = await createModelsRepos();
  cleanups.push(r.cleanup);
  return r;
}
async function spiffReceiver(options: Parameters<typeof startSpiffReceiver>[0]): Promise<Receiver> {
  const r = await startSpiffReceiver(options);
  cleanups.push(r.close);
  return r;
}
async function scripted(steps: Step[]): Promise<Receiver> {
  const r = await startScriptedReceiver(steps);
  cleanups.push(r.close);
  return r;
}

function spiff(name: string, url: string, secret = SECRET, overrides = {}): ResolvedEnvironment {
  return { name, kind: 'spiff', url: spiffWebhookUrl(url), secret, overrides };
}

async function pushRequest(
  r: ModelsRepos,
  sha: string,
  environments: ResolvedEnvironment[],
  ref = 'refs/heads/main',
  repository = repositoryFromUrl(r.remote),
): Promise<NotifyRequest> {
  const push = await resolvePush(
    { ref, sha, before: null, names: { ref: '--ref', sha: '--sha', before: '--before' } },
    {},
    null,
    gitFacts(r.workDir),
  );
  return { environments, repository, push, deploy: null, ping: false, sender: null };
}

describe('notifying a git-synced backend', () => {
  test("a push moves the backend's clone to the pushed commit", async () => {
    const r = await repos();
    const backend = await spiffReceiver({ secret: SECRET, modelsDir: r.backendDir, branch: 'main' });
    const before = await r.head(r.backendDir);
    const sha = await r.pushCommit('add a model', {
      'misc/leave/process_model.json': '{"display_name": "Leave"}\n',
    });
    expect(await r.head(r.backendDir)).toBe(before);

    const report = await notify(await pushRequest(r, sha, [spiff('dev', backend.url)]), { policy: fast });

    expect(report).toMatchObject({ delivered: 1, ignored: 0, failed: 0 });
    expect(report.results[0]).toMatchObject({
      environment: 'dev',
      event: 'push',
      outcome: 'delivered',
      status: 200,
      attempts: 1,
      answer: '{"git_pull":true}',
    });
    expect(await r.head(r.backendDir)).toBe(sha);

    const [received] = backend.requests;
    expect(received.headers['x-github-event']).toBe('push');
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers['user-agent']).toMatch(/^GitHub-Hookshot\//);
    expect(received.headers['x-github-delivery']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(received.headers['x-github-delivery']).toBe(report.results[0].deliveryId);
    expect(verifySignature(SECRET, received.body, received.headers['x-hub-signature-256'] as string)).toBe(
      true,
    );
    const body = JSON.parse(received.body.toString());
    expect(body).toMatchObject({ ref: 'refs/heads/main', before, after: sha });
    expect(body.head_commit).toMatchObject({
      id: sha,
      message: 'add a model',
      author: { name: 'Model Author', email: 'author@example.invalid' },
      added: ['misc/leave/process_model.json'],
    });
  });

  test('a push the backend already has: git_pull true, nothing to pull', async () => {
    const r = await repos();
    const backend = await spiffReceiver({ secret: SECRET, modelsDir: r.backendDir, branch: 'main' });
    const sha = await r.head(r.backendDir);
    const report = await notify(await pushRequest(r, sha, [spiff('dev', backend.url)]), { policy: fast });
    expect(report.results[0]).toMatchObject({ outcome: 'delivered', answer: '{"git_pull":true}' });
    expect(await r.head(r.backendDir)).toBe(sha);
  });

  test("a push to another branch is ignored, with a warning that names the backend's branch setting", async () => {
    const r = await repos();
    const backend = await spiffReceiver({ secret: SECRET, modelsDir: r.backendDir, branch: 'main' });
    const before = await r.head(r.backendDir);
    const sha = await r.pushCommit('on a feature branch', { 'x.txt': 'x' }, 'feature');
    const report = await notify(await pushRequest(r, sha, [spiff('dev', backend.url)], 'feature'), {
      policy: fast,
    });
    expect(report).toMatchObject({ delivered: 0, ignored: 1, failed: 0 });
    expect(report.results[0].message).toMatch(
      /ignored the push \(git_pull: false\): refs\/heads\/feature is not its SPIFFWORKFLOW_BACKEND_GIT_SOURCE_BRANCH/,
    );
    expect(await r.head(r.backendDir)).toBe(before);
    expect(policyPasses(report, 'any')).toBe(true);
  });

  test('a ping checks URL, secret and repository URLs, and pulls nothing', async () => {
    const r = await repos();
    const backend = await spiffReceiver({ secret: SECRET, modelsDir: r.backendDir, branch: 'main' });
    const before = await r.head(r.backendDir);
    await r.pushCommit('not announced', { 'y.txt': 'y' });
    const report = await notify(
      {
        environments: [spiff('dev', backend.url)],
        repository: repositoryFromUrl(r.remote),
        push: null,
        deploy: null,
        ping: true,
        sender: null,
      },
      { policy: fast },
    );
    expect(report.results[0]).toMatchObject({
      event: 'ping',
      outcome: 'delivered',
      answer: '{"git_pull":false}',
    });
    expect(report.results[0].message).toMatch(/^ping accepted/);
    expect(backend.requests[0].headers['x-github-event']).toBe('ping');
    expect(await r.head(r.backendDir)).toBe(before);
  });

  test("a wrong secret: 403, not retried, and the message names the backend's secret setting", async () => {
    const r = await repos();
    const backend = await spiffReceiver({ secret: SECRET, modelsDir: r.backendDir, branch: 'main' });
    const before = await r.head(r.backendDir);
    const sha = await r.pushCommit('change', { 'z.txt': 'z' });
    const report = await notify(await pushRequest(r, sha, [spiff('prod', backend.url, 'wrong')]), {
      policy: fast,
    });
    expect(report.results[0]).toMatchObject({ outcome: 'failed', status: 403, attempts: 1 });
    expect(report.results[0].message).toMatch(/SPIFFWORKFLOW_BACKEND_GITHUB_WEBHOOK_SECRET/);
    expect(await r.head(r.backendDir)).toBe(before);
  });

  test('an unsigned request is refused with 403 by the receiver', async () => {
    const r = await repos();
    const backend = await spiffReceiver({ secret: SECRET, modelsDir: r.backendDir, branch: 'main' });
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${backend.url}/v1.0/github-webhook-receive`, { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  test("repository URLs that miss the backend's origin: a 500 whose message says which override to set", async () => {
    const r = await repos();
    const backend = await spiffReceiver({ secret: SECRET, modelsDir: r.backendDir, branch: 'main' });
    const sha = await r.pushCommit('change', { 'z.txt': 'z' });
    const github = repositoryFromGitHub('https://github.com', 'acme/models');
    const report = await notify(
      await pushRequest(r, sha, [spiff('dev', backend.url)], 'refs/heads/main', github),
      {
        policy: fast,
      },
    );
    const [result] = report.results;
    expect(result).toMatchObject({ outcome: 'failed', status: 500, attempts: 3 });
    expect(result.message).toContain('clone_url https://github.com/acme/models.git');
    expect(result.message).toContain('set clone_url or ssh_url for this environment');
    expect(result.message).toContain('git config remote.origin.url');

    // The per-environment override fixes it.
    const fixed = await notify(
      await pushRequest(
        r,
        sha,
        [spiff('dev', backend.url, SECRET, { clone_url: r.remote })],
        'refs/heads/main',
        github,
      ),
      { policy: fast },
    );
    expect(fixed.results[0].outcome).toBe('delivered');
    expect(await r.head(r.backendDir)).toBe(sha);
  });

  test.each([
    ['https://github.com/acme/models.git', 'delivered'],
    ['git@github.com:acme/models.git', 'delivered'],
    ['git://github.com/acme/models.git', 'delivered'],
    ['https://github.com/acme/models', 'failed'],
    ['https://token@github.com/acme/models.git', 'failed'],
  ])(
    'GitHub-derived URLs against a backend cloned from %s: %s (character for character)',
    async (origin, outcome) => {
      const r = await repos();
      // Pings only: the receiver reads remote.origin.url and never contacts the remote.
      await git(r.backendDir, 'remote', 'set-url', 'origin', origin);
      const backend = await spiffReceiver({ secret: SECRET, modelsDir: r.backendDir, branch: 'main' });
      const report = await notify(
        {
          environments: [spiff('dev', backend.url)],
          repository: repositoryFromGitHub('https://github.com', 'acme/models'),
          push: null,
          deploy: null,
          ping: true,
          sender: null,
        },
        { policy: { ...fast, retries: 0 } },
      );
      expect(report.results[0].outcome).toBe(outcome);
    },
  );

  test('a backend under SPIFFWORKFLOW_BACKEND_WSGI_PATH_PREFIX is reached through its base URL', async () => {
    const r = await repos();
    const backend = await spiffReceiver({
      secret: SECRET,
      modelsDir: r.backendDir,
      branch: 'main',
      pathPrefix: '/api',
    });
    const sha = await r.pushCommit('change', { 'p.txt': 'p' });
    expect(backend.url).toMatch(/\/api$/);
    const report = await notify(await pushRequest(r, sha, [spiff('dev', backend.url)]), { policy: fast });
    expect(report.results[0].outcome).toBe('delivered');
    expect(backend.requests[0].path).toBe('/api/v1.0/github-webhook-receive');
  });

  test('a backend without a webhook secret answers 500, and the message points at its log', async () => {
    const r = await repos();
    const backend = await spiffReceiver({ secret: null, modelsDir: r.backendDir, branch: 'main' });
    const sha = await r.pushCommit('change', { 'q.txt': 'q' });
    const report = await notify(await pushRequest(r, sha, [spiff('dev', backend.url)]), {
      policy: { ...fast, retries: 0 },
    });
    expect(report.results[0]).toMatchObject({ outcome: 'failed', status: 500 });
    expect(report.results[0].message).toMatch(/no webhook secret is set.*see its log/);
  });
});

describe('many environments', () => {
  test('one failing environment never stops the others', async () => {
    const r = await repos();
    const good = await spiffReceiver({ secret: SECRET, modelsDir: r.backendDir, branch: 'main' });
    const rejecting = await scripted([{ status: 400, body: '{"error": "nope"}' }]);
    const resetting = await scripted([{ reset: true }]);
    const slow = await scripted([{ status: 200, body: '{"git_pull": true}', delayMs: 3000 }]);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const sha = await r.pushCommit('change', { 'm.txt': 'm' });
    const environments = [
      spiff('rejecting', rejecting.url),
      spiff('resetting', resetting.url),
      spiff('slow', slow.url),
      spiff('closed', `http://127.0.0.1:${closedPort}`),
      spiff('good', good.url),
    ];
    const report = await notify(await pushRequest(r, sha, environments), {
      policy: { ...fast, timeoutMs: 300, retries: 1 },
    });

    const by = Object.fromEntries(report.results.map((x) => [x.environment, x]));
    expect(report.results.map((x) => x.environment)).toEqual(environments.map((e) => e.name));
    expect(by.good).toMatchObject({ outcome: 'delivered', status: 200 });
    expect(await r.head(r.backendDir)).toBe(sha);
    expect(by.rejecting).toMatchObject({ outcome: 'failed', status: 400, attempts: 1 });
    expect(by.rejecting.message).toBe('rejected (400), not retried: {"error": "nope"}.');
    expect(by.resetting).toMatchObject({ outcome: 'failed', status: null, attempts: 2 });
    expect(by.slow).toMatchObject({ outcome: 'failed', status: null, attempts: 2 });
    expect(by.slow.message).toMatch(/^no answer after 2 attempts: no complete answer within 0.3 s/);
    expect(by.closed.message).toMatch(/connection refused/);
    expect(report).toMatchObject({ delivered: 1, failed: 4 });
    expect(policyPasses(report, 'any')).toBe(false);
    expect(policyPasses(report, 'all')).toBe(true);
    expect(policyPasses(report, 'none')).toBe(true);
  });

  test('a redelivery keeps its delivery id; each environment has its own', async () => {
    const a = await scripted([
      { status: 503 },
      { status: 429, headers: { 'Retry-After': '0' } },
      { status: 200 },
    ]);
    const b = await scripted([{ status: 502 }, { status: 200 }]);
    const logs: string[] = [];
    const report = await notify(
      {
        environments: [
          { name: 'a', kind: 'deploy', url: a.url, secret: SECRET, overrides: {} },
          { name: 'b', kind: 'deploy', url: b.url, secret: SECRET, overrides: {} },
        ],
        repository: repositoryFromGitHub('https://github.com', 'acme/models'),
        push: null,
        deploy: { image: 'ghcr.io/acme/models', digest: null, tags: ['main'], revision: 'c'.repeat(40) },
        ping: false,
        sender: null,
      },
      { policy: fast, log: (line) => logs.push(line) },
    );
    expect(report.results.map((x) => [x.outcome, x.attempts])).toEqual([
      ['delivered', 3],
      ['delivered', 2],
    ]);
    const ids = (rec: Receiver) => new Set(rec.requests.map((q) => q.headers['x-github-delivery']));
    expect(ids(a)).toEqual(new Set([report.results[0].deliveryId]));
    expect(ids(b)).toEqual(new Set([report.results[1].deliveryId]));
    expect(report.results[0].deliveryId).not.toBe(report.results[1].deliveryId);
    expect(logs).toContain('a: attempt 1 answered 503; retrying in 4 ms');
    expect(logs).toContain('a: attempt 2 answered 429; retrying in 0 ms');
  });

  test('a deploy hook gets {environment, image, digest, tags, revision}, signed in both header forms', async () => {
    const hook = await scripted([{ status: 202 }]);
    const digest = `sha256:${'d'.repeat(64)}`;
    const report = await notify(
      {
        environments: [{ name: 'prod', kind: 'deploy', url: hook.url, secret: SECRET, overrides: {} }],
        repository: repositoryFromGitHub('https://github.com', 'acme/models'),
        push: null,
        deploy: {
          image: 'ghcr.io/acme/models',
          digest,
          tags: ['ghcr.io/acme/models:v2'],
          revision: 'e'.repeat(40),
        },
        ping: false,
        sender: null,
      },
      { policy: fast },
    );
    expect(report.results[0]).toMatchObject({ outcome: 'delivered', event: 'deploy', status: 202 });
    const [req] = hook.requests;
    expect(JSON.parse(req.body.toString())).toEqual({
      environment: 'prod',
      image: 'ghcr.io/acme/models',
      digest,
      tags: ['ghcr.io/acme/models:v2'],
      revision: 'e'.repeat(40),
    });
    expect(verifySignature(SECRET, req.body, req.headers['x-hub-signature-256'] as string)).toBe(true);
    expect(req.headers['x-signature']).toBe(req.headers['x-hub-signature-256']);
    expect(req.headers['x-github-event']).toBeUndefined();
    expect(req.headers['x-spiff-models-event']).toBe('deploy');
  });

  test('secrets never appear in results or log lines, even when a server echoes them', async () => {
    const echo = await scripted([
      { status: 500, body: `invalid secret ${SECRET}` },
      { status: 400, body: `{"detail": "secret ${SECRET} is wrong"}` },
    ]);
    const logs: string[] = [];
    const report = await notify(
      {
        environments: [
          {
            name: 'x',
            kind: 'deploy',
            url: echo.url.replace('http://', `http://user:${encodeURIComponent('pa ss')}@`),
            secret: SECRET,
            overrides: {},
          },
        ],
        repository: repositoryFromGitHub('https://github.com', 'acme/models'),
        push: null,
        deploy: { image: 'i', digest: null, tags: [], revision: 'f'.repeat(40) },
        ping: false,
        sender: null,
      },
      { policy: fast, log: (line) => logs.push(line) },
    );
    const text = JSON.stringify(report) + logs.join('\n');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('pa ss');
    expect(text).not.toContain('pa%20ss');
    expect(report.results[0].answer).toBe('{"detail": "secret *** is wrong"}');
    expect(report.results[0].url).toContain('//***@127.0.0.1');
  });
});

describe('reading answers', () => {
  const p = {
    event: 'push' as const,
    env: { kind: 'spiff' as const },
    repository: repositoryFromGitHub('https://github.com', 'o/r'),
  };
  const push = { ref: 'refs/heads/main', after: 'a'.repeat(40) };
  const answer = (status: number, body = '', headers = {}) => ({
    status,
    headers,
    body,
    error: null,
    stoppedBecause: null,
    attempts: [{ attempt: 1, status, error: null, durationMs: 1, retryInMs: null }],
  });

  test.each([
    [
      'HTML from a frontend',
      'failed',
      answer(200, '<html>frontend</html>'),
      /not with \{"git_pull": \.\.\.\}.*the frontend\?/,
    ],
    ['404', 'failed', answer(404), /SPIFFWORKFLOW_BACKEND_WSGI_PATH_PREFIX/],
    ['405', 'failed', answer(405), /does not take a POST/],
    [
      'a redirect',
      'failed',
      answer(301, '', { location: 'https://new/' }),
      /redirected \(301\) to https:\/\/new\/: .* use the final URL/,
    ],
    ['git_pull true', 'delivered', answer(200, '{"git_pull": true}'), /the backend is at aaaaaaa/],
  ])('%s -> %s', (_label, outcome, d, message) => {
    const out = interpret(p, d, push);
    expect(out.outcome).toBe(outcome);
    expect(out.message).toMatch(message);
  });

  test.each([
    ['any', 0, 2, true],
    ['any', 1, 2, false],
    ['all', 1, 2, true],
    ['all', 2, 2, false],
    ['none', 2, 2, true],
  ] as const)('fail-on %s with %i of %i failed passes: %s', (failOn, failed, total, passes) => {
    expect(policyPasses({ failed, results: new Array(total) }, failOn)).toBe(passes);
  });
});

test('defaults are the documented ones', () => {
  expect(defaultRetryPolicy).toMatchObject({ timeoutMs: 10_000, retries: 3 });
});
