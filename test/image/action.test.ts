// runBakeAction() as the runner calls it: INPUT_* variables (hyphens kept), GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, masked registry password, grouped build log.
import { afterAll, afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBakeAction } from '../../src/image/action.js';
import { run } from '../../src/action/main.js';
import {
  buildTestBaseImage,
  freePort,
  removeImages,
  requireRegistry,
  startRegistry,
} from '../helpers/docker.js';
import { basic, getManifest, pushTwoPlatformBase } from '../helpers/oci.js';
import { git, makeRepo, removeDir, tempDir, type Repo } from './fixtures.js';
import { runnerCommandLines } from '../helpers/runner.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

let savedEnv: NodeJS.ProcessEnv;
let stdout: string;
let files: { output: string; summary: string; event: string };
// @actions/core remembers the summary file of its first write: one path for the whole file, emptied per test.
const summaryDir = tempDir('spiff-models-summary-');
dirs.push(summaryDir);

beforeEach(() => {
  savedEnv = { ...process.env };
  for (const key of Object.keys(process.env)) {
    if (key.startsWith('INPUT_') || key.startsWith('GITHUB_')) delete process.env[key];
  }
  const dir = tempDir('spiff-models-action-');
  dirs.push(dir);
  files = {
    output: path.join(dir, 'output'),
    summary: path.join(summaryDir, 'summary.md'),
    event: path.join(dir, 'event.json'),
  };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, JSON.stringify({ repository: { default_branch: 'main' } }));
  stdout = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  process.env = savedEnv;
  process.exitCode = undefined;
});

/** Sets the runner's environment: inputs as INPUT_<NAME> with hyphens kept, the file commands, the context. */
function runner(repo: Repo, inputs: Record<string, string>): void {
  Object.assign(process.env, {
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_WORKSPACE: repo.root,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'org/models',
  });
  // The base image is required; tests that are about something else name a pinned one.
  const all = { 'base-image': 'ghcr.io/sartography/spiffworkflow-backend:v2.2.0', ...inputs };
  for (const [name, value] of Object.entries(all)) process.env[`INPUT_${name.toUpperCase()}`] = value;
}

/** Parses the `name<<delimiter` blocks @actions/core appends to GITHUB_OUTPUT. */
function outputs(): Record<string, string> {
  const text = readFileSync(files.output, 'utf8');
  const result: Record<string, string> = {};
  const re = /^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) result[m[1]] = m[3];
  return result;
}

describe('runBakeAction without an engine', () => {
  it('dry-run: reads the hyphenated inputs, sets every output and writes the job summary', async () => {
    const repo = makeRepo({ subdir: 'models' });
    dirs.push(repo.root);
    runner(repo, {
      path: 'models',
      'base-image': 'ghcr.io/sartography/spiffworkflow-backend:v1.0.0',
      image: 'ghcr.io/Org/Models',
      tags: 'prod\nstaging, qa',
      labels: 'com.example.team=finance\n',
      'git-history': 'minimal',
      'dry-run': 'true',
      'output-dir': '.spiff-models/bake',
      validate: 'false',
    });
    await runBakeAction();
    const out = outputs();
    const short = repo.commits[1].slice(0, 7);
    expect(out.image).toBe('ghcr.io/org/models');
    expect(out['image-id']).toBe('');
    expect(out.digest).toBe('');
    expect(out.tags.split('\n')).toEqual([
      'ghcr.io/org/models:main',
      'ghcr.io/org/models:latest',
      `ghcr.io/org/models:sha-${short}`,
      'ghcr.io/org/models:prod',
      'ghcr.io/org/models:staging',
      'ghcr.io/org/models:qa',
    ]);
    expect(out.revision).toBe(short);
    expect(out.skipped).toBe('false');
    expect(Number(out['context-bytes'])).toBeGreaterThan(1000);
    expect(out.labels.split('\n')).toEqual(
      expect.arrayContaining([
        'org.opencontainers.image.source=https://github.com/org/models',
        `org.opencontainers.image.revision=${repo.commits[1]}`,
        'com.example.team=finance',
        'io.spiff-models.git-history=minimal',
      ]),
    );
    expect(readFileSync(path.join(repo.root, '.spiff-models/bake/Dockerfile'), 'utf8')).toContain(
      'SPIFFWORKFLOW_BACKEND_BPMN_SPEC_SUBDIR_WITHIN_REPO="models"',
    );
    const summary = readFileSync(files.summary, 'utf8').split('\n');
    expect(summary[0]).toBe('## spiff-models bake: 📝 dry run, nothing built');
    expect(summary).toContain(`| revision | \`${short}\` |`);
    expect(summary).toContain('| digest | none (dry run) |');
    expect(summary).toContain('<details><summary>Details</summary>');
  });

  it('a checkout path with a line break starts no workflow command in the log', async () => {
    const made = makeRepo({ commits: 1 });
    const root = path.join(tempDir('spiff-models-hostile-'), 'w\n::stop-commands::tok');
    renameSync(made.root, root);
    dirs.push(path.dirname(root));
    runner({ ...made, root, models: root }, { 'dry-run': 'true', validate: 'false' });
    await runBakeAction();
    expect(stdout).toContain('w\\n::stop-commands::tok -> /app/process_models');
    for (const line of runnerCommandLines(stdout)) expect(line).toMatch(/^::(warning|group|endgroup)::/);
  });

  it('a bad input fails the step with a message naming the input', async () => {
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    runner(repo, { 'git-history': 'everything', 'dry-run': 'true', validate: 'false' });
    await expect(runBakeAction()).rejects.toThrow(/input 'git-history' must be one of full, minimal, none/);
    runner(repo, { push: 'maybe', 'dry-run': 'true', validate: 'false' });
    await expect(runBakeAction()).rejects.toThrow(/Input 'push' must be true or false; got 'maybe'/);
  });

  it('validation errors fail the step through the action shell', async () => {
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    writeFileSync(path.join(repo.models, 'finance/request/process_model.json'), '{ "display_name": "x", ');
    git(repo.root, ['commit', '-q', '-am', 'broken']);
    runner(repo, { command: 'bake', 'dry-run': 'true' });
    await run();
    expect(process.exitCode).toBe(1);
    expect(stdout).toMatch(/::error::refusing to bake: validation found \d+ error/);
    // the summary says why: the verdict, the findings (one line each, grouped by model), what to do
    const summary = readFileSync(files.summary, 'utf8').split('\n');
    expect(summary[0]).toBe('## spiff-models bake: ❌ failed');
    expect(summary[2]).toMatch(/^refusing to bake\\: validation found \d+ errors? in /);
    expect(summary).toContainEqual(expect.stringMatching(/^\*\*`finance\/request\/`\*\* · 1 error$/));
    expect(summary).toContainEqual(
      expect.stringMatching(/^- .* · `process_model\.json:1` <sub>[a-z-]+<\/sub>$/),
    );
    expect(summary).toContainEqual(expect.stringMatching(/^Fix them .*validate\\: false/));
  });
});

const ready = await requireRegistry();
(ready ? describe : describe.skip)('runBakeAction against the engine and a registry', () => {
  it('builds, pushes with masked credentials, groups the log and reports the digest', async () => {
    const [base, registry] = await Promise.all([
      buildTestBaseImage(),
      startRegistry({ user: 'bot', password: 'p4ss-w0rd' }),
    ]);
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    const image = `${registry.host}/org/action-${path
      .basename(repo.root)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')}`;
    let out: Record<string, string> = {};
    try {
      runner(repo, {
        command: 'bake',
        'base-image': base,
        image,
        push: 'true',
        verify: 'true',
        validate: 'true',
        'registry-username': 'bot',
        'registry-password': 'p4ss-w0rd',
      });
      // Through the action shell, as dist/index.js runs it.
      await run();
      expect(process.exitCode).toBeUndefined();
      out = outputs();
      expect(stdout).toContain('::add-mask::p4ss-w0rd');
      expect(stdout).toMatch(/::group::Build [^\n]+\n(?:.*\n)*?Step 1\/\d+ : FROM /);
      expect(stdout).toContain('::group::Push ');
      expect(stdout).toContain('::endgroup::');
      expect(out.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(out['image-id']).toMatch(/^sha256:/);
      expect(out.skipped).toBe('false');
      expect((await registry.tags(image.slice(registry.host.length + 1))).sort()).toEqual(
        ['latest', 'main', `sha-${repo.commits[0].slice(0, 7)}`].sort(),
      );
      const summary = readFileSync(files.summary, 'utf8').split('\n');
      expect(summary[0]).toBe('## spiff-models bake: ✅ built and pushed');
      expect(summary).toContain(`| digest | \`${out.digest}\` |`);
    } finally {
      await registry.close();
      await removeImages([out['image-id'], ...(out.tags ?? '').split('\n')].filter(Boolean));
    }
  }, 120_000);
});

(ready ? describe : describe.skip)('runBakeAction with builder registry and no engine', () => {
  it('bakes every platform of the base, sets builder, platforms and the index digest, and says so in the summary', async () => {
    const registry = await startRegistry({ user: 'bot', password: 'p4ss-w0rd' });
    try {
      const raw = { url: `http://${registry.host}`, authorization: basic('bot', 'p4ss-w0rd') };
      const base = await pushTwoPlatformBase(raw, registry.host, 'base/backend', 'v1');
      const repo = makeRepo({ commits: 1 });
      dirs.push(repo.root);
      const image = `${registry.host}/org/registry-builder`;
      runner(repo, {
        command: 'bake',
        builder: 'registry',
        platforms: 'linux/amd64, linux/arm64',
        'base-image': base.reference,
        image,
        push: 'true',
        verify: 'true',
        validate: 'false',
        'registry-username': 'bot',
        'registry-password': 'p4ss-w0rd',
      });
      process.env.DOCKER_HOST = `tcp://127.0.0.1:${await freePort()}`;
      await run();
      expect(process.exitCode).toBeUndefined();
      const out = outputs();
      expect(out.builder).toBe('registry');
      expect(out.platforms.split('\n')).toEqual(['linux/amd64', 'linux/arm64/v8']);
      const index = await getManifest(raw, 'org/registry-builder', 'main');
      expect(out.digest).toBe(index.digest);
      expect(stdout).toContain('::add-mask::p4ss-w0rd');
      expect(stdout).toContain('::group::Push ');
      const summary = readFileSync(files.summary, 'utf8');
      expect(summary.split('\n')[0]).toBe('## spiff-models bake: ✅ built and pushed');
      expect(summary).toContain('| builder | `registry` (`linux/amd64`, `linux/arm64/v8`) |');
    } finally {
      await registry.close();
    }
  }, 120_000);
});
