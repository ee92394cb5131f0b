// The bake plan as plain data, built without an engine; the models layer tar from it (deterministic, the same
// bytes the engine's build context carries as rootfs.tar); --dry-run printing the plan.
import { afterAll, describe, expect, it } from '@jest/globals';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import tar from 'tar-stream';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/shell/cli-io.js';
import { packContext } from '../../src/image/context.js';
import { layerDigest, layerTar } from '../../src/image/layer.js';
import { planBake, planJson, renderDockerfile, type BakePlan } from '../../src/image/plan.js';
import { loadModels } from '../../src/models/load.js';
import { bakeOptions, git, makeRepo, removeDir, type Repo } from './fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function repo(options: Parameters<typeof makeRepo>[0] = {}): Repo {
  const r = makeRepo(options);
  dirs.push(r.root);
  return r;
}

const suite = { baseImage: 'spiff-models-test-base:1', image: null, push: false, env: {} };

function plan(r: Repo, extra: Parameters<typeof bakeOptions>[2] = {}): Promise<BakePlan> {
  return planBake(bakeOptions(r, suite, { dryRun: true, ...extra }));
}

async function bytesOf(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function tarEntries(bytes: Buffer): Promise<Array<{ name: string; body: Buffer }>> {
  const out: Array<{ name: string; body: Buffer }> = [];
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const parts: Buffer[] = [];
      stream.on('data', (d: unknown) => parts.push(d as Buffer));
      stream.on('end', () => {
        out.push({ name: header.name, body: Buffer.concat(parts) });
        next();
      });
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  extract.end(bytes);
  await done;
  return out;
}

describe('planBake', () => {
  it('is plain data: git facts, tags, labels, env and the layer, with no engine anywhere', async () => {
    const r = repo({ subdir: 'models' });
    const p = await plan(r, { env: { DOCKER_HOST: 'unix:///nonexistent.sock' }, validate: true });
    expect(p.validation).toEqual({ models: 1, warnings: 0 });
    expect(p.git).toMatchObject({ commit: r.commits[1], shortRevision: r.commits[1].slice(0, 7), abbrev: 7 });
    expect(p.revision).toBe(r.commits[1].slice(0, 7));
    expect(p.env).toEqual([
      ['SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR', '/app/process_models/models'],
      ['SPIFFWORKFLOW_BACKEND_BPMN_SPEC_SUBDIR_WITHIN_REPO', 'models'],
      ['GIT_CONFIG_KEY_0', 'safe.directory'],
      ['GIT_CONFIG_VALUE_0', '*'],
      ['GIT_CONFIG_COUNT', '1'],
    ]);
    expect(p.labels['org.opencontainers.image.revision']).toBe(r.commits[1]);
    expect(p.layer).toMatchObject({ imagePath: '/app/process_models', mtime: 0, uid: 0, gid: 0 });
    expect(p.workingDir).toBeNull();
    // JSON-safe: what --dry-run --json prints round-trips.
    const json = JSON.parse(JSON.stringify(planJson(p)));
    expect(json.layer.entries).toContainEqual(
      expect.objectContaining({
        path: '/app/process_models/models/finance/request/request.bpmn',
        type: 'file',
      }),
    );
    expect(json.git.commit).toBe(r.commits[1]);
  });

  it('packs the listing the validator judged: the loader and the layer share one tree and one link policy', async () => {
    const r = repo({ commits: 1 });
    // A link to a folder inside the root: the loader does not descend (like the backend's os.walk); the layer
    // keeps it as a link. Both come from the same listing.
    symlinkSync('finance', path.join(r.models, 'alias'));
    git(r.root, ['add', '-A']);
    git(r.root, ['commit', '-q', '-m', 'alias']);
    const index = await loadModels(r.models);
    expect(index.files.some((f) => f.path.startsWith('alias/'))).toBe(false);
    expect(index.tree?.entries.find((e) => e.path === 'alias')).toMatchObject({
      type: 'symlink',
      target: { path: 'finance', type: 'directory' },
    });
    const p = await plan(r, { validate: true });
    expect(p.layer.entries.find((e) => e.name === 'app/process_models/alias')).toMatchObject({
      type: 'symlink',
      linkname: 'finance',
    });
  });

  it('with --template, records the WORKDIR the template sets', async () => {
    const r = repo({ commits: 1 });
    const file = path.join(r.root, 'Dockerfile.tmpl');
    writeFileSync(file, 'FROM {{base_image}}\n{{env}}\n{{copy}}\nWORKDIR {{models_dir}}\n');
    expect((await plan(r, { template: file })).workingDir).toBe('/app/process_models');
  });
});

describe('the models layer tar', () => {
  it('is deterministic and is byte for byte the rootfs.tar of the engine build context', async () => {
    const r = repo();
    const a = await plan(r);
    const b = await plan(r);
    const layerA = await bytesOf(layerTar(a.layer));
    expect(layerA.equals(await bytesOf(layerTar(b.layer)))).toBe(true);
    const digest = await layerDigest(a.layer);
    expect(digest.size).toBe(layerA.length);
    const context = await tarEntries(
      await bytesOf(packContext(a.layer, renderDockerfile(a, []), a.layer.mtime).stream),
    );
    expect(context.map((e) => e.name)).toEqual(['Dockerfile', 'rootfs.tar']);
    expect(context[1].body.equals(layerA)).toBe(true);
    const names = (await tarEntries(layerA)).map((e) => e.name);
    expect(names[0]).toBe('./');
    expect(names).toContain('./app/process_models/.git/HEAD');
    expect(names).toContain('./app/process_models/finance/request/request.bpmn');
  });
});

describe('bake --dry-run prints the plan', () => {
  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIO = {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
      cwd: process.cwd(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DOCKER_HOST: 'unix:///nonexistent.sock' },
      isTTY: false,
    };
    const code = await main(['bake', ...args], io);
    return { code, stdout, stderr };
  }

  it('for people, and as JSON under plan', async () => {
    const r = repo({ commits: 1 });
    const base = [r.models, '--dry-run', '--no-validate', '--base-image', 'example.invalid/backend:v1.0.0'];
    const human = await cli(base);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      new RegExp(`^  commit +${r.commits[0]} \\(revision ${r.commits[0].slice(0, 7)}\\)$`, 'm'),
    );
    expect(human.stdout).toMatch(/^ {2}layer +\d+ entries, owner 0:0, mtime 0, sha256:[0-9a-f]{64}$/m);
    expect(human.stdout).toMatch(/^image-id +\(dry run\)$/m);
    const json = await cli([...base, '--json']);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out.plan.layer.uid).toBe(0);
    expect(out.plan.tags).toEqual(out.tags);
    expect(out.plan.env.SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR).toBe('/app/process_models');
  });

  it('refuses an unknown builder, naming the choices', async () => {
    const r = repo({ commits: 1 });
    const { code, stderr } = await cli([r.models, '--dry-run', '--builder', 'kaniko']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--builder must be one of engine, registry, auto; got 'kaniko'/);
  });

  it('takes --platform as buildx spells it (comma-separated or repeated) and prints builder and platforms under camelCase --json keys', async () => {
    const r = repo({ commits: 1 });
    const base = [r.models, '--dry-run', '--no-validate', '--base-image', 'example.invalid/backend:v1.0.0'];
    const run = await cli([
      ...base,
      '--builder',
      'registry',
      '--platform',
      'linux/amd64,linux/arm64',
      '--json',
    ]);
    expect([run.code, run.stderr]).toEqual([0, expect.not.stringMatching(/platform/)]);
    const out = JSON.parse(run.stdout);
    expect([out.builder, out.platforms, out.imageId, out['image-id']]).toEqual([
      'registry',
      [],
      '',
      undefined,
    ]);
    const bad = await cli([
      ...base,
      '--builder',
      'registry',
      '--platform',
      'linux/amd64',
      '--platform',
      'amd64',
    ]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--platform 'amd64' is not OS\/ARCH/)]);
  });
});

describe('--image-models-dir', () => {
  async function dry(dir: string) {
    const r = repo({ commits: 1 });
    let stderr = '';
    const io: CliIO = {
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
      cwd: process.cwd(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      isTTY: false,
    };
    const args = [
      r.models,
      '--dry-run',
      '--no-validate',
      '--base-image',
      'example.invalid/b:v1',
      '--image-models-dir',
      dir,
    ];
    const code = await main(['bake', ...args], io);
    return { code, stderr };
  }

  it.each([
    ['/', /image models dir '\/' is the image's root/],
    ['//', /image models dir '\/\/' is the image's root/],
    ['/etc', /image models dir '\/etc' is or lies under \/etc, a system folder of the image/],
    ['/usr/share/models', /lies under \/usr, a system folder/],
    ['/bin', /under \/bin, a system folder/],
    ['/lib', /under \/lib, a system folder/],
    ['/proc', /under \/proc, a system folder/],
    ['/sys', /under \/sys, a system folder/],
    ['/dev', /under \/dev, a system folder/],
    ['/tmp/models', /under \/tmp, a system folder/],
    ['/app', /image models dir '\/app' is the backend's code folder/],
    ['app/models', /must be an absolute path/],
    ['/app/../etc', /must be an absolute path/],
    ['/app/./models', /must be an absolute path/],
  ])('%s exits 2 with a clear message', async (dir, message) => {
    const { code, stderr } = await dry(dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/e\.g\. \/app\/process_models/);
  });

  it.each([['/app/process_models'], ['/srv/models'], ['/opt/spiff/models']])('%s is fine', async (dir) => {
    expect((await dry(dir)).code).toBe(0);
  });
});

describe('values with template braces', () => {
  it('a folder named with {{ and a label with }} bake; the values arrive quoted', async () => {
    const r = repo({ subdir: 'models {{x}}', commits: 1 });
    const p = await plan(r, { labels: { 'com.example.note': 'a }} b {{' } });
    const dockerfile = renderDockerfile(p, []);
    expect(dockerfile).toContain('SPIFFWORKFLOW_BACKEND_BPMN_SPEC_SUBDIR_WITHIN_REPO="models {{x}}"');
    expect(dockerfile).toContain('com.example.note="a }} b {{"');
  });
});

describe('the base image', () => {
  async function run(args: string[]) {
    let stderr = '';
    const io: CliIO = {
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
      cwd: process.cwd(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      isTTY: false,
    };
    return { code: await main(['bake', ...args], io), stderr };
  }

  it('is required: no default, so no bake silently builds on a moving :latest', async () => {
    const r = repo({ commits: 1 });
    const { code, stderr } = await run([r.models, '--dry-run', '--no-validate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /--base-image is required \(action input base-image\).*e\.g\. ghcr\.io\/sartography\/spiffworkflow-backend:v\d+\.\d+\.\d+/,
    );
  });

  it('a pinned tag or digest gives no warning; an explicit :latest still does', async () => {
    const r = repo({ commits: 1 });
    const pinned = await run([
      r.models,
      '--dry-run',
      '--no-validate',
      '--base-image',
      'example.invalid/b:v2.2.0',
    ]);
    expect(pinned.code).toBe(0);
    expect(pinned.stderr).not.toMatch(/not pinned/);
    const latest = await run([
      r.models,
      '--dry-run',
      '--no-validate',
      '--base-image',
      'example.invalid/b:latest',
    ]);
    expect(latest.code).toBe(0);
    expect(latest.stderr).toMatch(/warning: base image example\.invalid\/b:latest is not pinned/);
  });
});
