import { afterEach, describe, expect, test } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIO } from '../../src/shell/cli-io.js';
import { main } from '../../src/cli/main.js';
import { createNotifyCli, notifyCli } from '../../src/notify/cli.js';
import { runnerCommandLines } from '../helpers/runner.js';
import { SetupError, UsageError } from '../../src/util/errors.js';
import {
  createModelsRepos,
  startScriptedReceiver,
  startSpiffReceiver,
  type ModelsRepos,
  type Receiver,
  type Step,
} from './receiver.js';

const SECRET = 'cli-secret-9d41c2';

function captured(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    cwd,
    env,
    isTTY: false,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});
async function setup(): Promise<{ r: ModelsRepos; backend: Receiver }> {
  const r = await createModelsRepos();
  cleanups.push(r.cleanup);
  const backend = await startSpiffReceiver({ secret: SECRET, modelsDir: r.backendDir, branch: 'main' });
  cleanups.push(backend.close);
  return { r, backend };
}
async function scripted(steps: Step[]) {
  const s = await startScriptedReceiver(steps);
  cleanups.push(s.close);
  return s;
}

const fastCli = createNotifyCli({ policy: { backoffBaseMs: 2, backoffMaxMs: 5, random: () => 0 } });

describe('spiff-models notify', () => {
  test("delivers a push from a checkout: exit 0, the backend's clone moves, the secret stays hidden", async () => {
    const { r, backend } = await setup();
    const sha = await r.pushCommit('new model', { 'misc/a/process_model.json': '{}' });
    const c = captured(r.workDir, { HOOK_SECRET: SECRET });
    const code = await notifyCli.run(
      ['--url', backend.url, '--secret-env', 'HOOK_SECRET', '--ref', 'main', '--sha', sha],
      c.io,
    );

    expect(c.stderr()).toBe('');
    expect(code).toBe(0);
    expect(await r.head(r.backendDir)).toBe(sha);
    const host = new URL(backend.url).host;
    expect(c.stdout()).toContain(`delivered ${host} (push, 200, 1 attempt, `);
    expect(c.stdout()).toContain('1 of 1 environment delivered, 0 failed (fail-on: any).');
    expect(c.stdout() + c.stderr()).not.toContain(SECRET);
    // Repository URLs came from git's remote.origin.url in the checkout: the same remote the backend cloned.
    expect(JSON.parse(backend.requests[0].body.toString()).repository.clone_url).toBe(r.remote);
  });

  test('--json prints every result; a short sha and a branch name are resolved', async () => {
    const { r, backend } = await setup();
    await r.pushCommit('new model', { 'b.txt': 'b' });
    const c = captured(r.workDir);
    const code = await notifyCli.run(
      [
        '--url',
        backend.url,
        '--secret',
        SECRET,
        '--ref',
        'main',
        '--sha',
        'HEAD',
        '--repository-url',
        r.remote,
        '--json',
      ],
      c.io,
    );
    expect(code).toBe(0);
    const out = JSON.parse(c.stdout());
    expect(out).toMatchObject({ failOn: 'any', passed: true, delivered: 1, failed: 0, ignored: 0 });
    expect(out.results[0]).toMatchObject({ event: 'push', outcome: 'delivered', status: 200, attempts: 1 });
    expect(out.results[0].url).toBe(`${backend.url}/v1.0/github-webhook-receive`);
    expect(await r.head(r.backendDir)).toBe(await r.head(r.workDir));
    expect(c.stdout()).not.toContain(SECRET);
  });

  test('exit 1 when a delivery fails; the secret given on the command line is never printed', async () => {
    const { r, backend } = await setup();
    const sha = await r.pushCommit('x', { 'x.txt': 'x' });
    const echo = await scripted([{ status: 400, body: `unknown key ${SECRET}` }]);
    const c = captured(r.workDir);
    const code = await notifyCli.run(
      ['--url', backend.url, '--url', echo.url, '--secret', SECRET, '--ref', 'refs/heads/main', '--sha', sha],
      c.io,
    );
    expect(code).toBe(1);
    expect(c.stdout()).toMatch(
      /^failed +127\.0\.0\.1:\d+ \(push, 400, 1 attempt, .*\): rejected \(400\), not retried: unknown key \*\*\*\.$/m,
    );
    expect(c.stdout()).toContain(
      '1 of 2 environments delivered, 1 failed (fail-on: any, so this step fails).',
    );
    expect(c.stdout() + c.stderr()).not.toContain(SECRET);
    expect(await r.head(r.backendDir)).toBe(sha);
  });

  test.each([[[]], [['--json']]])(
    'tokens in a receiver URL path or query are masked in every line printed (%p)',
    async (extraArgs) => {
      const { r } = await setup();
      const sha = await r.pushCommit('x', { 'x.txt': 'x' });
      const PATH_TOKEN = 'Hk7tQ2xZ9pLw4R';
      const OTHER_TOKEN = 'Zp4mN8vC1xQa7T';
      const QUERY_TOKEN = 'qk5TyW3nB8vR2m';
      const hooks = await scripted([
        { status: 503, body: `busy: /hooks/${PATH_TOKEN}` },
        { status: 404, body: `no hook /hooks/${PATH_TOKEN}?key=${QUERY_TOKEN}` },
      ]);
      const c = captured(r.workDir);
      const code = await fastCli.run(
        [
          ...['--url', `${hooks.url}/hooks/${PATH_TOKEN}?key=${QUERY_TOKEN}`],
          ...['--url', `${hooks.url}/hooks/${OTHER_TOKEN}`],
          ...['--kind', 'deploy', '--image', 'ghcr.io/acme/models', '--sha', sha, '--secret', SECRET],
          ...['--retries', '1', '--repository-url', 'https://github.com/acme/models'],
          ...extraArgs,
        ],
        c.io,
      );
      expect(code).toBe(1);
      expect(hooks.requests.map((q) => q.path)).toContain(`/hooks/${PATH_TOKEN}?key=${QUERY_TOKEN}`);
      const printed = c.stdout() + c.stderr();
      expect(printed).toMatch(/retrying/);
      for (const token of [PATH_TOKEN, OTHER_TOKEN, QUERY_TOKEN]) expect(printed).not.toContain(token);
      if (extraArgs.length) {
        const results = JSON.parse(c.stdout()).results;
        expect(results[0].url).toBe(`${hooks.url}/***/***?***`);
        expect(results[1].url).toBe(`${hooks.url}/***/***`);
      }
    },
  );

  test.each([[[]], [['--json']]])(
    "a receiver's answer starts no workflow command in what is printed (%p)",
    async (extraArgs) => {
      const { r } = await setup();
      const sha = await r.pushCommit('x', { 'x.txt': 'x' });
      const hostile = await scripted([
        { status: 400, body: 'no\n::stop-commands::tok\r::error::x ##[stop-commands]tok2 \u0085::notice::y' },
      ]);
      const c = captured(r.workDir);
      const argv = ['notify', '--url', hostile.url, '--secret', SECRET, '--ref', 'main', '--sha', sha];
      expect(await main([...argv, ...extraArgs], c.io)).toBe(1);
      expect(c.stdout()).toContain('stop-commands');
      expect(runnerCommandLines(c.stdout() + c.stderr())).toEqual([]);
      if (extraArgs.length)
        expect(JSON.parse(c.stdout()).results[0].answer).toContain('##[stop-commands]tok2');
    },
  );

  test('--fail-on none and all decide the exit code', async () => {
    const { r } = await setup();
    const sha = await r.pushCommit('x', { 'x.txt': 'x' });
    const down = await scripted([{ status: 404 }]);
    const args = ['--url', down.url, '--secret', SECRET, '--ref', 'main', '--sha', sha];
    expect(await notifyCli.run([...args, '--fail-on', 'none'], captured(r.workDir).io)).toBe(0);
    expect(await notifyCli.run([...args, '--fail-on', 'all'], captured(r.workDir).io)).toBe(1);
  });

  test('retries are logged on stderr, with the wait', async () => {
    const { r } = await setup();
    const sha = await r.pushCommit('x', { 'x.txt': 'x' });
    const flaky = await scripted([{ status: 503 }, { status: 200, body: '{"git_pull": true}' }]);
    const c = captured(r.workDir);
    const code = await fastCli.run(
      ['--url', flaky.url, '--secret', SECRET, '--ref', 'main', '--sha', sha, '--retries', '2'],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.stderr()).toMatch(/attempt 1 answered 503; retrying in 1 ms/);
    expect(c.stdout()).toMatch(/delivered .*\(push, 200, 2 attempts, /);
  });

  test('--environments: a YAML file with spiff and deploy environments, per-environment secrets and overrides', async () => {
    const { r, backend } = await setup();
    const sha = await r.pushCommit('x', { 'x.txt': 'x' });
    const hook = await scripted([{ status: 202 }]);
    const file = path.join(r.root, 'environments.yml');
    await writeFile(
      file,
      [
        '- name: dev',
        `  url: ${backend.url}`,
        '  secret-env: DEV_SECRET',
        `  clone_url: ${r.remote}`,
        '- name: prod',
        `  url: ${hook.url}/hooks/prod`,
        '  kind: deploy',
        '  secret: "prod-secret-1"',
        '',
      ].join('\n'),
    );
    const c = captured(r.root, { DEV_SECRET: SECRET });
    const code = await notifyCli.run(
      [
        '--environments',
        'environments.yml',
        '--ref',
        'main',
        '--sha',
        sha,
        '--repository-url',
        'https://github.com/acme/models',
        '--image',
        'ghcr.io/acme/models',
        '--tag',
        'main',
        '--tag',
        'sha-1234567',
        '--json',
      ],
      c.io,
    );
    expect(c.stderr()).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(c.stdout());
    expect(
      out.results.map((x: { environment: string; event: string; outcome: string }) => [
        x.environment,
        x.event,
        x.outcome,
      ]),
    ).toEqual([
      ['dev', 'push', 'delivered'],
      ['prod', 'deploy', 'delivered'],
    ]);
    expect(await r.head(r.backendDir)).toBe(sha);
    expect(hook.requests[0].path).toBe('/hooks/prod');
    expect(JSON.parse(hook.requests[0].body.toString())).toEqual({
      environment: 'prod',
      image: 'ghcr.io/acme/models',
      digest: null,
      tags: ['main', 'sha-1234567'],
      revision: sha,
    });
    const pushed = JSON.parse(backend.requests[0].body.toString()).repository;
    expect(pushed).toMatchObject({ clone_url: r.remote, ssh_url: 'git@github.com:acme/models.git' });
    expect(c.stdout()).not.toContain('prod-secret-1');
  });

  test('--ping needs no ref or sha and pulls nothing', async () => {
    const { r, backend } = await setup();
    const before = await r.head(r.backendDir);
    await r.pushCommit('x', { 'x.txt': 'x' });
    const c = captured(r.workDir);
    const code = await notifyCli.run(['--url', backend.url, '--secret', SECRET, '--ping'], c.io);
    expect(code).toBe(0);
    expect(c.stdout()).toMatch(/delivered .*\(ping, 200, .*ping accepted/);
    expect(await r.head(r.backendDir)).toBe(before);
  });
});

describe('spiff-models notify usage', () => {
  const base = [
    '--url',
    'http://127.0.0.1:9',
    '--secret',
    's',
    '--ref',
    'main',
    '--sha',
    'a'.repeat(40),
    '--repository-url',
    'https://github.com/o/r',
  ];
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    notifyCli.run(args, captured('/nonexistent-dir', env).io);

  test.each([
    [
      'no environment',
      ['--secret', 's', '--ref', 'main', '--sha', 'a'.repeat(40)],
      /give at least one environment: --url/,
    ],
    ['two secrets', [...base, '--secret-env', 'X'], /either --secret or --secret-env/],
    ['an unknown kind', [...base, '--kind', 'flux'], /--kind 'flux' must be one of spiff, deploy/],
    ['an unknown policy', [...base, '--fail-on', 'some'], /--fail-on 'some' must be one of any, all, none/],
    ['a zero timeout', [...base, '--timeout', '0'], /--timeout '0' must be a number of seconds/],
    ['negative retries', [...base, '--retries=-1'], /--retries '-1' must be a whole number/],
    ['fractional retries', [...base, '--retries', '1.5'], /--retries '1.5'/],
    [
      'an ftp URL',
      ['--url', 'ftp://x', '--secret', 's', '--ref', 'main', '--sha', 'a'.repeat(40)],
      /--url: url 'ftp:\/\/x\/' must start with https:\/\/ or http:\/\//,
    ],
    [
      'a short sha without git',
      [...base.slice(0, 6), '--sha', 'abc123', ...base.slice(8)],
      /--sha 'abc123' is not a full commit sha/,
    ],
    ['no ref', [...base.slice(0, 4), ...base.slice(6)], /give the ref that was pushed \(--ref/],
    ['a pull request ref', [...base, '--ref', 'refs/pull/7/merge'], /pull request's merge ref/],
    [
      'a deploy hook without image',
      [...base, '--kind', 'deploy'],
      /environment '127.0.0.1:9' is a deploy hook: give the image that was built \(--image\)/,
    ],
    [
      'a malformed digest',
      [...base, '--kind', 'deploy', '--image', 'i', '--digest', 'sha256:xyz'],
      /--digest 'sha256:xyz' must look like sha256:<64 hex digits>/,
    ],
  ])('%s is a usage error', async (_label, args, message) => {
    await expect(run(args)).rejects.toThrow(UsageError);
    await expect(run(args)).rejects.toThrow(message);
  });

  test('an unset --secret-env variable or an unreadable --environments file is a setup error', async () => {
    await expect(
      run(['--url', 'http://127.0.0.1:9', '--secret-env', 'NOPE', '--ref', 'main', '--sha', 'a'.repeat(40)]),
    ).rejects.toThrow(
      new SetupError('--secret-env NOPE: the environment variable NOPE is not set or empty.'),
    );
    await expect(run(['--environments', 'missing.yml', '--secret', 's'])).rejects.toThrow(
      /--environments missing.yml: cannot read it/,
    );
  });

  test('an unknown flag is a usage error (exit 2 in the CLI), with the nearest flag', async () => {
    await expect(run([...base, '--verbose'])).rejects.toThrow(/^unknown option --verbose$/);
    await expect(run([...base, '--retires', '2'])).rejects.toThrow(
      /^unknown option --retires; did you mean --retries\?$/,
    );
  });

  test('the command describes itself', () => {
    expect(notifyCli.name).toBe('notify');
    expect(notifyCli.usage).toContain('--secret-env NAME');
    expect(notifyCli.summary).not.toMatch(/in progress/);
  });
});
