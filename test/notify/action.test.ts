import { afterAll, afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runNotifyAction } from '../../src/notify/action.js';
import { UsageError } from '../../src/util/errors.js';
import {
  createModelsRepos,
  startScriptedReceiver,
  startSpiffReceiver,
  type ModelsRepos,
  type Receiver,
} from './receiver.js';

const SECRET = 'action-secret-51be0';
const DEV_SECRET = 'dev-env-secret-77aa';

/** Reads GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]] = m[3];
  return out;
}

let dir: string;
let r: ModelsRepos;
let backend: Receiver;
const extra: Receiver[] = [];
let savedEnv: NodeJS.ProcessEnv;
let stdout: string[];
// @actions/core remembers the summary file of its first write (one step = one process): one file for all tests.
let summaryDir: string | undefined;

beforeEach(async () => {
  savedEnv = { ...process.env };
  for (const key of Object.keys(process.env))
    if (key.startsWith('INPUT_') || key.startsWith('GITHUB_')) delete process.env[key];
  dir = await mkdtemp(path.join(os.tmpdir(), 'spiff-notify-action-'));
  r = await createModelsRepos();
  backend = await startSpiffReceiver({ secret: DEV_SECRET, modelsDir: r.backendDir, branch: 'main' });
  process.env.GITHUB_OUTPUT = path.join(dir, 'output');
  summaryDir ??= await mkdtemp(path.join(os.tmpdir(), 'spiff-notify-summary-'));
  process.env.GITHUB_STEP_SUMMARY = path.join(summaryDir, 'summary');
  await writeFile(process.env.GITHUB_OUTPUT, '');
  await writeFile(process.env.GITHUB_STEP_SUMMARY, '');
  stdout = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});

afterAll(async () => {
  if (summaryDir) await rm(summaryDir, { recursive: true, force: true });
});

afterEach(async () => {
  jest.restoreAllMocks();
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
  process.exitCode = undefined;
  await Promise.all(extra.splice(0).map((x) => x.close()));
  await backend.close();
  await r.cleanup();
  await rm(dir, { recursive: true, force: true });
});

async function pushEvent(sha: string, before: string) {
  const file = path.join(dir, 'event.json');
  await writeFile(
    file,
    JSON.stringify({
      ref: 'refs/heads/main',
      before,
      after: sha,
      pusher: { name: 'dana', email: 'dana@example.com' },
      head_commit: {
        id: sha,
        message: 'from the event',
        timestamp: '2024-05-01T10:00:00Z',
        url: 'ignored',
        author: { name: 'Dana', email: 'dana@example.com' },
        committer: { name: 'Dana', email: 'dana@example.com' },
        added: [],
        removed: [],
        modified: ['a.txt'],
      },
    }),
  );
  Object.assign(process.env, {
    GITHUB_EVENT_PATH: file,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: sha,
    GITHUB_ACTOR: 'dana',
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_SERVER_URL: 'https://github.com',
  });
}

const input = (name: string, value: string) => void (process.env[`INPUT_${name.toUpperCase()}`] = value);

describe('the notify action', () => {
  test('delivers from the push event, sets outputs, writes a summary and masks every secret', async () => {
    const before = await r.head(r.backendDir);
    const sha = await r.pushCommit('change', { 'a.txt': 'a' });
    await pushEvent(sha, before);
    process.env.DEV_HOOK_SECRET = DEV_SECRET;
    input(
      'environments',
      `- name: dev\n  url: ${backend.url}\n  secret-env: DEV_HOOK_SECRET\n  clone_url: ${r.remote}\n`,
    );
    input('webhook-secret', SECRET);

    await runNotifyAction();

    expect(process.exitCode).toBeUndefined();
    expect(await r.head(r.backendDir)).toBe(sha);
    const body = JSON.parse(backend.requests[0].body.toString());
    expect(body).toMatchObject({
      ref: 'refs/heads/main',
      before,
      after: sha,
      pusher: { name: 'dana' },
      sender: { login: 'dana' },
      head_commit: {
        id: sha,
        message: 'from the event',
        url: `https://github.com/acme/models/commit/${sha}`,
      },
      repository: {
        full_name: 'acme/models',
        clone_url: r.remote,
        ssh_url: 'git@github.com:acme/models.git',
      },
    });

    const outputs = parseOutputs(await readFile(process.env.GITHUB_OUTPUT!, 'utf8'));
    expect(outputs.delivered).toBe('1');
    expect(outputs.failed).toBe('0');
    const results = JSON.parse(outputs.results);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ environment: 'dev', outcome: 'delivered', status: 200, attempts: 1 });

    const summary = await readFile(process.env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(summary.split('\n')[0]).toBe('## spiff-models notify: ✅ 1 environment notified');
    expect(summary).toMatch(/^\| `dev` \| ✅ delivered \(200\) \| .+ \|$/m);
    expect(summary).toMatch(/^\| `dev` \| spiff \| push \| 200 \| 1 \| .+ \|$/m);

    const log = stdout.join('');
    expect(log).toContain(`::add-mask::${SECRET}`);
    expect(log).toContain(`::add-mask::${DEV_SECRET}`);
    const unmasked = log
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(unmasked).not.toContain(SECRET);
    expect(unmasked).not.toContain(DEV_SECRET);
    expect(unmasked).toMatch(/delivered +dev \(push, 200, 1 attempt/);
    expect(summary).not.toContain(DEV_SECRET);
  });

  test('tokens in a receiver URL path or query are masked in outputs, log, annotations and summary', async () => {
    const PATH_TOKEN = 'Hk7tQ2xZ9pLw4R';
    const QUERY_TOKEN = 'qk5TyW3nB8vR2m';
    const hooks = await startScriptedReceiver([
      { status: 503, body: `busy: /hooks/${PATH_TOKEN}` },
      { status: 404, body: `no hook /hooks/${PATH_TOKEN}?key=${QUERY_TOKEN}` },
    ]);
    extra.push(hooks);
    input('environments', `- {name: prod, url: "${hooks.url}/hooks/${PATH_TOKEN}?key=${QUERY_TOKEN}"}`);
    input('webhook-secret', SECRET);
    input('notify-kind', 'deploy');
    input('deploy-image', 'ghcr.io/acme/models');
    input('sha', 'a'.repeat(40));
    input('repository-url', 'https://github.com/acme/models');
    input('retries', '1');

    await runNotifyAction({ policy: { backoffBaseMs: 1, backoffMaxMs: 2 } });

    expect(process.exitCode).toBe(1);
    expect(hooks.requests).toHaveLength(2);
    const log = stdout.join('');
    expect(log).toContain(`::add-mask::${PATH_TOKEN}`);
    expect(log).toContain(`::add-mask::${QUERY_TOKEN}`);
    const unmasked = log
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(unmasked).toMatch(/retrying/);
    expect(unmasked).toMatch(/::error title=notify prod::/);
    const outputs = await readFile(process.env.GITHUB_OUTPUT!, 'utf8');
    const summary = await readFile(process.env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(JSON.parse(parseOutputs(outputs).results)[0].url).toBe(`${hooks.url}/***/***?***`);
    for (const token of [PATH_TOKEN, QUERY_TOKEN]) {
      expect(unmasked).not.toContain(token);
      expect(outputs).not.toContain(token);
      expect(summary).not.toContain(token);
    }
  });

  test('a failing environment: error annotation, failed output, the step fails; the others are delivered', async () => {
    const sha = await r.pushCommit('change', { 'a.txt': 'a' });
    await pushEvent(sha, await r.head(r.backendDir));
    const wrong = await startScriptedReceiver([{ status: 403 }]);
    extra.push(wrong);
    input(
      'environments',
      JSON.stringify([
        { name: 'dev', url: backend.url, secret: DEV_SECRET, clone_url: r.remote },
        { name: 'prod', url: wrong.url },
      ]),
    );
    input('webhook-secret', SECRET);

    await runNotifyAction();

    expect(process.exitCode).toBe(1);
    const log = stdout.join('');
    expect(log).toMatch(/::error title=notify prod::signature rejected \(403\)/);
    expect(log).toMatch(
      /::error::1 of 2 environments delivered, 1 failed \(fail-on: any, so this step fails\)\./,
    );
    const outputs = parseOutputs(await readFile(process.env.GITHUB_OUTPUT!, 'utf8'));
    expect([outputs.delivered, outputs.failed]).toEqual(['1', '1']);
    const summary = (await readFile(process.env.GITHUB_STEP_SUMMARY!, 'utf8')).split('\n');
    expect(summary[0]).toBe('## spiff-models notify: ❌ 1 of 2 environments failed');
    expect(summary).toContainEqual(
      expect.stringMatching(/^\| `prod` \| ❌ failed \(403\) \| signature rejected \(403\)/),
    );
    expect(await r.head(r.backendDir)).toBe(sha);
  });

  test('fail-on all tolerates a partial failure; an ignored push is a warning', async () => {
    const sha = await r.pushCommit('on staging', { 'b.txt': 'b' }, 'staging');
    const down = await startScriptedReceiver([{ status: 503 }]);
    extra.push(down);
    input(
      'environments',
      `- {name: dev, url: "${backend.url}", clone_url: "${r.remote}"}\n- {name: qa, url: "${down.url}"}`,
    );
    input('webhook-secret', DEV_SECRET);
    input('ref', 'staging');
    input('sha', sha);
    input('repository-url', r.remote);
    input('retries', '0');
    input('fail-on', 'all');

    await runNotifyAction();

    expect(process.exitCode).toBeUndefined();
    const log = stdout.join('');
    expect(log).toMatch(
      /::warning title=notify dev::the backend ignored the push \(git_pull: false\): refs\/heads\/staging/,
    );
    expect(log).toMatch(/::error title=notify qa::server error \(503\)/);
  });

  test('ping: true checks without a ref or a sha', async () => {
    input('environments', `- {name: dev, url: "${backend.url}"}`);
    input('webhook-secret', DEV_SECRET);
    input('repository-url', r.remote);
    input('ping', 'true');
    await runNotifyAction();
    expect(process.exitCode).toBeUndefined();
    expect(backend.requests[0].headers['x-github-event']).toBe('ping');
  });

  test('timeout and retries come from inputs', async () => {
    const slow = await startScriptedReceiver([{ status: 200, delayMs: 2000 }]);
    extra.push(slow);
    input('environments', `- ${slow.url}`);
    input('webhook-secret', SECRET);
    input('notify-kind', 'deploy');
    input('deploy-image', 'ghcr.io/acme/models');
    input('sha', 'a'.repeat(40));
    input('repository-url', 'https://github.com/acme/models');
    input('timeout', '0.2');
    input('retries', '0');
    await runNotifyAction({ policy: { backoffBaseMs: 1 } });
    const results = JSON.parse(parseOutputs(await readFile(process.env.GITHUB_OUTPUT!, 'utf8')).results);
    expect(results[0]).toMatchObject({ outcome: 'failed', attempts: 1, event: 'deploy' });
    expect(results[0].message).toContain('no complete answer within 0.2 s');
    expect(process.exitCode).toBe(1);
  });

  test.each([
    ['environments', '', /input 'environments' is empty/],
    ['fail-on', 'sometimes', /input 'fail-on' is 'sometimes'; use one of any, all, none/],
    ['notify-kind', 'argo', /input 'notify-kind' is 'argo'/],
    ['ping', 'maybe', /Input 'ping' must be true or false; got 'maybe'/],
    ['timeout', 'ten', /input 'timeout' 'ten' must be a number of seconds/],
  ])('input %s=%p is a usage error', async (name, value, message) => {
    input('environments', `- ${backend.url}`);
    input('webhook-secret', SECRET);
    input('ref', 'main');
    input('sha', 'a'.repeat(40));
    input('repository-url', 'https://github.com/acme/models');
    input(name, value);
    const run = runNotifyAction();
    await expect(run).rejects.toThrow(UsageError);
    await expect(runNotifyAction()).rejects.toThrow(message);
    expect(backend.requests).toHaveLength(0);
  });

  test('in a pull_request run the merge ref is refused with what to give instead', async () => {
    Object.assign(process.env, {
      GITHUB_REF: 'refs/pull/3/merge',
      GITHUB_SHA: 'b'.repeat(40),
      GITHUB_REPOSITORY: 'acme/models',
    });
    input('environments', `- ${backend.url}`);
    input('webhook-secret', SECRET);
    await expect(runNotifyAction()).rejects.toThrow(
      /give input 'ref' and input 'sha' of the branch that was pushed/,
    );
  });
});
