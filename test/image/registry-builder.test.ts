// bake --builder registry against real docker-registry instances on 127.0.0.1, with no engine reachable for the
// bake itself (DOCKER_HOST points at a closed port): a hand-pushed two-platform base with an attestation entry,
// the pushed index checked blob by blob, then the native image pulled and run by the engine. Also: a Bearer
// token realm (a local proxy), the copy to a second registry, unchanged input, 5xx mid-upload, and bad input.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import tar from 'tar-stream';
import type { CliIO } from '../../src/shell/cli-io.js';
import { main } from '../../src/cli/main.js';
import { bake, type BakeOptions, type BakeResult } from '../../src/image/bake.js';
import { layerDigest } from '../../src/image/layer.js';
import { RegistryAuthError, RegistryError } from '../../src/image/registry/client.js';
import { SetupError, UsageError } from '../../src/util/errors.js';
import {
  dockerClient,
  freePort,
  requireRegistry,
  startRegistry,
  type TestRegistry,
} from '../helpers/docker.js';
import {
  basic,
  DOCKER_LAYER,
  DOCKER_LIST,
  digestOf,
  getBlob,
  getManifest,
  OCI_INDEX,
  OCI_LAYER,
  pushTwoPlatformBase,
  tagsOf,
  type Json,
  type PushedBase,
  type RawRegistry,
} from '../helpers/oci.js';
import { startProxy, type TestProxy } from '../helpers/registry-proxy.js';
import { bakeOptions, imageName, makeRepo, recordingLog, removeDir, tempDir, type Repo } from './fixtures.js';

const ready = await requireRegistry();
const suite = ready ? describe : describe.skip;

const MODELS_DIR_ENV = 'SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR';
const FAST_RETRY = { retry: { attempts: 3, delayMs: 10 } };

/** Entries of a gzip'ed layer tar: name -> content (files) or '' (others). */
async function layerEntries(gz: Buffer): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => void chunks.push(c as Buffer));
      stream.on('end', () => {
        entries.set(header.name, Buffer.concat(chunks).toString('utf8'));
        next();
      });
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  extract.end(gunzipSync(gz));
  await done;
  return entries;
}

/** Pulls `ref` through the engine (with credentials) and runs `cmd` in it, no network; returns stdout. */
async function runInEngine(
  ref: string,
  auth: { username: string; password: string; serveraddress: string },
  cmd: string[],
) {
  const docker = dockerClient();
  const stream = await docker.pull(ref, { authconfig: auth });
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve())),
  );
  const container = await docker.createContainer({
    Image: ref,
    Entrypoint: cmd,
    Cmd: [],
    User: '65534:65534',
    NetworkDisabled: true,
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    const logs = (await container.logs({ stdout: true, stderr: true })) as unknown as Buffer;
    // strip the 8-byte frame headers
    let out = '';
    for (let i = 0; i + 8 <= logs.length;) {
      const size = logs.readUInt32BE(i + 4);
      out += logs.subarray(i + 8, i + 8 + size).toString('utf8');
      i += 8 + size;
    }
    return { code: StatusCode, out: out.trim() };
  } finally {
    await container.remove({ force: true });
    await docker
      .getImage(ref)
      .remove({ force: true })
      .catch(() => undefined);
  }
}

suite('bake --builder registry (no engine for the bake)', () => {
  let registry: TestRegistry;
  let raw: RawRegistry;
  let base: PushedBase;
  let noEngine = '';
  const dirs: string[] = [];
  const dockerConfig = tempDir('spiff-models-docker-config-');
  dirs.push(dockerConfig);
  const credentials = { username: 'ci', password: 'right' };

  beforeAll(async () => {
    registry = await startRegistry({ user: 'ci', password: 'right' });
    raw = { url: `http://${registry.host}`, authorization: basic('ci', 'right') };
    base = await pushTwoPlatformBase(raw, registry.host, 'base/backend', 'v1');
    noEngine = `tcp://127.0.0.1:${await freePort()}`;
  }, 120_000);

  afterAll(async () => {
    await registry?.close();
    dirs.forEach(removeDir);
  });

  function repo(options: Parameters<typeof makeRepo>[0] = {}): Repo {
    const r = makeRepo(options);
    dirs.push(r.root);
    return r;
  }

  /** Through `host` (a proxy in front of the registry) both base and target are on it. */
  function options(r: Repo, extra: Partial<BakeOptions> = {}, host = registry.host): BakeOptions {
    return bakeOptions(
      r,
      {
        baseImage: base.reference.replace(registry.host, host),
        image: imageName(`${host}/team/`, r),
        push: true,
        env: { ...process.env, DOCKER_CONFIG: dockerConfig, DOCKER_HOST: noEngine },
      },
      { builder: 'registry', credentials, registryClient: FAST_RETRY, ...extra },
    );
  }

  const repoOf = (result: BakeResult, host = registry.host) => result.image.slice(host.length + 1);

  it('pushes one index over every platform: base layers unchanged, one shared models layer, labels and env, no attestation', async () => {
    const r = repo();
    const result = await bake(options(r));
    const repository = repoOf(result);
    expect(result.builder).toBe('registry');
    expect(result.platforms).toEqual(['linux/amd64', 'linux/arm64/v8']);
    expect(result.pushed).toBe(true);

    const index = await getManifest(raw, repository, 'main');
    expect(index.mediaType).toBe(OCI_INDEX);
    expect(index.digest).toBe(result.digest);
    expect(await tagsOf(raw, repository)).toEqual(['main', `sha-${r.commits[1].slice(0, 7)}`]);
    expect((await getManifest(raw, repository, `sha-${r.commits[1].slice(0, 7)}`)).digest).toBe(
      result.digest,
    );
    const entries = index.json.manifests as Json[];
    expect(entries.map((e) => `${e.platform.os}/${e.platform.architecture}`)).toEqual([
      'linux/amd64',
      'linux/arm64',
    ]);
    expect(entries.some((e) => e.digest === base.attestation || e.annotations)).toBe(false);

    const modelsLayers = new Set<string>();
    for (const entry of entries) {
      const arch = entry.platform.architecture as string;
      const manifest = await getManifest(raw, repository, entry.digest);
      const layers = manifest.json.layers as Json[];
      expect(layers.slice(0, -1).map((l) => l.digest)).toEqual(base.platforms[arch].layers);
      const models = layers[layers.length - 1];
      expect(models.mediaType).toBe(OCI_LAYER);
      modelsLayers.add(models.digest);
      const config = JSON.parse((await getBlob(raw, repository, manifest.json.config.digest)).toString());
      expect(config.architecture).toBe(arch);
      const env = config.config.Env as string[];
      expect(env).toContain(`${MODELS_DIR_ENV}=/app/process_models`);
      expect(env).toContain(`BASE_ARCH=${arch}`);
      // the base's own GIT_CONFIG entry is kept, safe.directory appended after it
      expect(env).toEqual(
        expect.arrayContaining([
          'GIT_CONFIG_KEY_0=user.name',
          'GIT_CONFIG_KEY_1=safe.directory',
          'GIT_CONFIG_COUNT=2',
        ]),
      );
      expect(config.config.Labels['org.opencontainers.image.revision']).toBe(r.commits[1]);
      expect(config.config.Labels['io.spiff-models.revision']).toBe(r.commits[1].slice(0, 7));
      expect(config.config.Labels['org.example.base']).toBe('test-base');
      expect(config.config.WorkingDir).toBe('/app');
      expect(config.config.Cmd).toEqual(['/bin/sh']);
      const blob = await getBlob(raw, repository, models.digest);
      expect(config.rootfs.diff_ids).toEqual([
        ...base.platforms[arch].config.rootfs.diff_ids,
        digestOf(gunzipSync(blob)),
      ]);
      const files = await layerEntries(blob);
      expect(files.get('./app/process_models/.git/HEAD')).toBe(`${r.commits[1]}\n`);
      expect(files.get('./app/process_models/finance/request/request-schema.json')).toMatch(/Request v2/);
    }
    expect(modelsLayers.size).toBe(1);
    // The same tar the engine builder unpacks (ADD rootfs.tar /): the plan's layer, byte for byte.
    const models = await getBlob(raw, repository, [...modelsLayers][0]);
    expect(digestOf(gunzipSync(models))).toBe((await layerDigest(result.plan!.layer)).digest);
    expect([...modelsLayers][0]).toBe(digestOf(await getBlob(raw, repository, [...modelsLayers][0])));

    // With the engine: the native image runs and git inside names the commit.
    const run = await runInEngine(
      `${result.image}@${result.digest}`,
      { ...credentials, serveraddress: registry.host },
      ['git', '-C', '/app/process_models', 'rev-parse', 'HEAD'],
    );
    expect(run).toEqual({ code: 0, out: r.commits[1] });
  }, 180_000);

  it('auto picks the registry builder when no engine answers; --platform builds only that one', async () => {
    const r = repo({ commits: 1 });
    const result = await bake(options(r, { builder: 'auto', platforms: ['linux/arm64'] }));
    expect(result.builder).toBe('registry');
    expect(result.platforms).toEqual(['linux/arm64/v8']);
    const index = await getManifest(raw, repoOf(result), 'main');
    expect((index.json.manifests as Json[]).map((e) => e.platform.architecture)).toEqual(['arm64']);
  }, 60_000);

  it('a Docker manifest list base gives a Docker manifest list with Docker layer types', async () => {
    const dockerBase = await pushTwoPlatformBase(raw, registry.host, 'base/docker', 'v1', { docker: true });
    const r = repo({ commits: 1 });
    const result = await bake(options(r, { baseImage: dockerBase.reference }));
    const index = await getManifest(raw, repoOf(result), 'main');
    expect(index.mediaType).toBe(DOCKER_LIST);
    const manifest = await getManifest(raw, repoOf(result), index.json.manifests[0].digest);
    expect((manifest.json.layers as Json[]).map((l) => l.mediaType)).toEqual([DOCKER_LAYER, DOCKER_LAYER]);
  }, 60_000);

  it('unchanged input pushes nothing and says so; a new tag only writes the tag', async () => {
    const r = repo({ commits: 1 });
    const proxy = await startProxy({ upstream: registry.host });
    try {
      const first = await bake(options(r, {}, proxy.host));
      const writes = () => proxy.log.filter((q) => !['GET', 'HEAD'].includes(q.method));
      const before = writes().length;
      const log = recordingLog();
      const again = await bake(options(r, { log }, proxy.host));
      expect(again.skipped).toBe(true);
      expect(again.pushed).toBe(false);
      expect(again.digest).toBe(first.digest);
      expect(writes().length).toBe(before);
      expect(
        log.infos.some((m) => /unchanged input: .* already point at sha256:.*; pushed nothing/.test(m)),
      ).toBe(true);

      const tagged = await bake(options(r, { tags: ['stable'] }, proxy.host));
      expect(tagged.digest).toBe(first.digest);
      const newWrites = writes().slice(before);
      expect(newWrites.map((q) => `${q.method} ${q.url.replace(/\?.*/, '')}`)).toEqual([
        `PUT /v2/${repoOf(first, proxy.host)}/manifests/stable`,
      ]);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('--verify without an engine reads back the pushed configs and layers', async () => {
    const r = repo({ commits: 1 });
    const result = await bake(options(r, { verify: true }));
    expect(result.verified).toEqual([
      'index lists linux/amd64, linux/arm64/v8',
      `linux/amd64: base layers + models layer, ${MODELS_DIR_ENV}=/app/process_models`,
      `linux/arm64/v8: base layers + models layer, ${MODELS_DIR_ENV}=/app/process_models`,
    ]);
  }, 60_000);

  it('--verify with an engine pulls the native image and runs git in it', async () => {
    const r = repo({ commits: 1 });
    const env = { ...process.env, DOCKER_CONFIG: dockerConfig };
    const result = await bake(options(r, { verify: true, env, platforms: ['linux/amd64'] }));
    expect(result.builder).toBe('registry');
    expect(result.verified).toContain(
      `git rev-parse --short HEAD = ${r.commits[0].slice(0, 7)} (as 65534:65534)`,
    );
  }, 120_000);

  it('--verify with an engine of another platform than the ones built reads back the registry instead', async () => {
    const r = repo({ commits: 1 });
    const log = recordingLog();
    const env = { ...process.env, DOCKER_CONFIG: dockerConfig };
    const result = await bake(options(r, { verify: true, env, log, platforms: ['linux/arm64'] }));
    expect(result.verified).toEqual([
      'index lists linux/arm64/v8',
      `linux/arm64/v8: base layers + models layer, ${MODELS_DIR_ENV}=/app/process_models`,
    ]);
    expect(
      log.infos.some((m) => /the engine runs linux\/amd64, which was not built: .*read back/.test(m)),
    ).toBe(true);
  }, 120_000);

  it('a custom template with WORKDIR and its own ENV is applied; one with RUN is refused before any request', async () => {
    const r = repo({ commits: 1 });
    const file = path.join(r.root, 'Dockerfile.mine');
    writeFileSync(
      file,
      'FROM {{base_image}}\nWORKDIR /app/process_models\nENV TEAM=finance\n{{env}}\n{{copy}}\n{{labels}}\n',
    );
    const result = await bake(options(r, { template: file }));
    const index = await getManifest(raw, repoOf(result), 'main');
    const manifest = await getManifest(raw, repoOf(result), index.json.manifests[0].digest);
    const config = JSON.parse((await getBlob(raw, repoOf(result), manifest.json.config.digest)).toString());
    expect(config.config.WorkingDir).toBe('/app/process_models');
    expect(config.config.Env).toContain('TEAM=finance');

    writeFileSync(file, 'FROM {{base_image}}\n{{copy}}\nRUN chmod -R a-w /app\n');
    const error = await bake(
      options(r, { template: file, image: imageName(`${registry.host}/refused/`, r) }),
    ).catch((e: Error) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      /Dockerfile\.mine:3: RUN cannot be applied without a Docker Engine.*builder engine/s,
    );
    expect(await registry.catalog()).not.toContain(`refused/${imageName('', r)}`);
  }, 60_000);

  /** `spiff-models bake --builder registry ...` with the password in the env; no engine reachable. */
  async function cli(r: Repo, args: string[], password: string) {
    const io: CliIO & { err: string } = {
      err: '',
      stdout: () => undefined,
      stderr: (t) => void (io.err += t),
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DOCKER_CONFIG: dockerConfig,
        DOCKER_HOST: noEngine,
        SPIFF_MODELS_REGISTRY_PASSWORD: password,
      },
      isTTY: false,
    };
    const image = imageName(`${registry.host}/team/`, r);
    const code = await main(
      [
        'bake',
        r.models,
        '--builder',
        'registry',
        '--image',
        image,
        '--push',
        '--registry-username',
        'ci',
        '--no-validate',
        ...args,
      ],
      io,
    );
    return { code, stderr: io.err, repository: image.slice(registry.host.length + 1) };
  }

  it('a base that is not in the registry: a setup error naming it (exit 2)', async () => {
    const r = repo({ commits: 1 });
    const run = await cli(r, ['--base-image', `${registry.host}/base/backend:v9`], 'right');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the base image 127\.0\.0\.1:\d+\/base\/backend:v9 is not in the registry/);
    expect(await tagsOf(raw, run.repository)).toEqual([]);
  }, 60_000);

  it('wrong credentials: refused clearly, nothing tagged (exit 1 from the CLI)', async () => {
    const r = repo({ commits: 1 });
    const run = await cli(r, ['--base-image', base.reference], 'wrong');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the registry 127\.0\.0\.1:\d+ refused the credentials of user 'ci'/);
    expect(await tagsOf(raw, run.repository)).toEqual([]);
  }, 60_000);

  it('a template the registry builder cannot apply: exit 2 before any registry request', async () => {
    const r = repo({ commits: 1 });
    const file = path.join(r.root, 'Dockerfile.run');
    writeFileSync(file, 'FROM {{base_image}}\nUSER 1000\n{{copy}}\n');
    const run = await cli(r, ['--base-image', `${registry.host}/nowhere/x:v1`, '--template', file], 'right');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Dockerfile\.run:2: USER cannot be applied without a Docker Engine/);
  }, 60_000);

  it('5xx mid-upload is retried: chunked and monolithic uploads survive injected failures', async () => {
    const r = repo({ commits: 1 });
    const log = recordingLog();
    const seen = { patch: 0, put: 0, tag: 0 };
    const proxy = await startProxy({
      upstream: registry.host,
      fault: (q) => {
        if (q.method === 'PATCH' && q.url.includes('/blobs/uploads/') && ++seen.patch === 2) return 502;
        if (q.method === 'PUT' && q.url.includes('/blobs/uploads/') && ++seen.put <= 2) return 503;
        if (q.method === 'PUT' && q.url.endsWith('/manifests/main') && ++seen.tag === 1) return 500;
        return null;
      },
    });
    try {
      const result = await bake(
        options(r, { log, registryClient: { ...FAST_RETRY, chunkSize: 1024 } }, proxy.host),
      );
      // Tags last: every write that names a tag comes after every blob, config, manifest and index write.
      const writes = proxy.log.filter((q) => q.status < 300 && !['GET', 'HEAD'].includes(q.method));
      const tagWrites = writes.flatMap((q, i) => (/\/manifests\/(main|sha-)/.test(q.url) ? [i] : []));
      const otherWrites = writes.flatMap((q, i) => (/\/manifests\/(main|sha-)/.test(q.url) ? [] : [i]));
      expect(tagWrites.length).toBe(2);
      expect(Math.min(...tagWrites)).toBeGreaterThan(Math.max(...otherWrites));
      // Each retry is in the log, with the try and the wait.
      expect(log.lines.filter((l) => / try [23] of 3 in \d+ ms$/.test(l)).length).toBe(4);
      const injected = proxy.log.filter((q) => q.status >= 500).map((q) => `${q.method} ${q.status}`);
      expect(injected.sort()).toEqual(['PATCH 502', 'PUT 500', 'PUT 503', 'PUT 503']);
      const index = await getManifest(raw, repoOf(result, proxy.host), 'main');
      expect(index.digest).toBe(result.digest);
      const models = await getManifest(raw, repoOf(result, proxy.host), index.json.manifests[0].digest);
      const layer = models.json.layers[models.json.layers.length - 1];
      expect(layer.size).toBeGreaterThan(1024);
      expect(digestOf(await getBlob(raw, repoOf(result, proxy.host), layer.digest))).toBe(layer.digest);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('a registry failing every upload: the error says so after the retries and no tag points anywhere', async () => {
    const r = repo({ commits: 1 });
    const proxy = await startProxy({
      upstream: registry.host,
      fault: (q) => (q.method === 'PUT' && q.url.includes('/blobs/uploads/') ? 503 : null),
    });
    try {
      const opts = options(r, {}, proxy.host);
      const error = await bake(opts).catch((e: Error) => e);
      expect(error).toBeInstanceOf(RegistryError);
      expect((error as Error).message).toMatch(
        /answered 503 while uploading blob sha256:.*injected failure \(the whole upload tried 3 times\)\. Nothing was tagged/,
      );
      expect(await tagsOf(raw, opts.image!.slice(proxy.host.length + 1))).toEqual([]);
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('an unknown manifest media type: a setup error naming it and what to do', async () => {
    const r = repo({ commits: 1 });
    const proxy = await startProxy({
      upstream: registry.host,
      override: (q) =>
        q.method === 'GET' && q.url === '/v2/base/odd/manifests/v1'
          ? {
              status: 200,
              headers: { 'Content-Type': 'application/vnd.example.image+json' },
              body: Buffer.from('{"schemaVersion":2,"mediaType":"application/vnd.example.image+json"}'),
            }
          : null,
    });
    try {
      const error = await bake(options(r, { baseImage: `${proxy.host}/base/odd:v1` }, proxy.host)).catch(
        (e: Error) => e,
      );
      expect(error).toBeInstanceOf(SetupError);
      expect((error as Error).message).toMatch(
        /has media type 'application\/vnd\.example\.image\+json', which the registry builder does not know.*--builder engine/s,
      );
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('copies the base layers when base and target registries differ (credentials for both from config.json)', async () => {
    const second = await startRegistry({ user: 'other', password: 'secret' });
    const configDir = tempDir('spiff-models-docker-login-');
    dirs.push(configDir);
    mkdirSync(configDir, { recursive: true });
    writeFileSync(
      path.join(configDir, 'config.json'),
      JSON.stringify({
        auths: {
          [registry.host]: { auth: Buffer.from('ci:right').toString('base64') },
          [second.host]: { auth: Buffer.from('other:secret').toString('base64') },
        },
      }),
    );
    try {
      const r = repo({ commits: 1 });
      const result = await bake(
        options(
          r,
          {
            baseImage: base.reference,
            credentials: null,
            env: { ...process.env, DOCKER_CONFIG: configDir, DOCKER_HOST: noEngine },
          },
          second.host,
        ),
      );
      const target: RawRegistry = { url: `http://${second.host}`, authorization: basic('other', 'secret') };
      const index = await getManifest(target, repoOf(result, second.host), 'main');
      expect(index.digest).toBe(result.digest);
      for (const entry of index.json.manifests as Json[]) {
        const manifest = await getManifest(target, repoOf(result, second.host), entry.digest);
        for (const l of manifest.json.layers as Json[]) {
          expect(digestOf(await getBlob(target, repoOf(result, second.host), l.digest))).toBe(l.digest);
        }
      }
    } finally {
      await second.close();
    }
  }, 90_000);
});

suite('bake --builder registry behind a Bearer token realm', () => {
  let upstream: TestRegistry;
  let proxy: TestProxy;
  let base: PushedBase;
  const dirs: string[] = [];
  const dockerConfig = tempDir('spiff-models-docker-config-');
  dirs.push(dockerConfig);
  let noEngine = '';

  beforeAll(async () => {
    upstream = await startRegistry({ user: 'unused', password: 'unused', auth: false });
    proxy = await startProxy({
      upstream: upstream.host,
      token: { user: 'ci', password: 'right', refreshToken: 'refresh-me' },
    });
    base = await pushTwoPlatformBase(
      { url: `http://${upstream.host}`, authorization: null },
      proxy.host,
      'base/backend',
      'v1',
    );
    noEngine = `tcp://127.0.0.1:${await freePort()}`;
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
    dirs.forEach(removeDir);
  });

  function options(r: Repo, extra: Partial<BakeOptions> = {}): BakeOptions {
    dirs.push(r.root);
    return bakeOptions(
      r,
      {
        baseImage: base.reference,
        image: imageName(`${proxy.host}/team/`, r),
        push: true,
        env: { ...process.env, DOCKER_CONFIG: dockerConfig, DOCKER_HOST: noEngine },
      },
      {
        builder: 'registry',
        registryClient: FAST_RETRY,
        credentials: { username: 'ci', password: 'right' },
        ...extra,
      },
    );
  }

  it('gets one token for push on the target and pull on the base, and mounts the base layers', async () => {
    const r = makeRepo({ commits: 1 });
    const result = await bake(options(r));
    const repository = result.image.slice(proxy.host.length + 1);
    const last = proxy.issued[proxy.issued.length - 1];
    expect(last.user).toBe('ci');
    expect(last.scopes).toEqual(
      expect.arrayContaining([`repository:${repository}:pull,push`, 'repository:base/backend:pull']),
    );
    expect(last.scopes[0]).toBe(`repository:${repository}:pull,push`);
    const mounts = proxy.log.filter(
      (q) => q.method === 'POST' && q.url.includes('mount=') && q.status === 201,
    );
    expect(mounts.length).toBe(2);
    const index = await getManifest(
      { url: `http://${upstream.host}`, authorization: null },
      repository,
      'main',
    );
    expect(index.digest).toBe(result.digest);
  }, 60_000);

  it('without credentials the pull is anonymous and the push is refused clearly, nothing tagged', async () => {
    const r = makeRepo({ commits: 1 });
    const opts = options(r, { credentials: null });
    const error = await bake(opts).catch((e: Error) => e);
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect((error as Error).message).toMatch(
      /refused anonymous access \(no credentials found\) while (uploading|mounting|checking|looking up).*Log in to/s,
    );
    expect(proxy.issued.some((t) => t.user === null)).toBe(true);
    expect(
      await tagsOf(
        { url: `http://${upstream.host}`, authorization: null },
        opts.image!.slice(proxy.host.length + 1),
      ),
    ).toEqual([]);
  }, 60_000);

  it('takes the credentials from a credsStore helper (docker-credential-<name> get) for the token realm', async () => {
    const bin = tempDir('spiff-models-helper-');
    dirs.push(bin);
    const helper = path.join(bin, 'docker-credential-spifftest');
    writeFileSync(
      helper,
      `#!/bin/sh\nread server\n[ "$1" = get ] && [ "$server" = "${proxy.host}" ] && ` +
        `echo '{"ServerURL":"${proxy.host}","Username":"ci","Secret":"right"}'\n`,
    );
    chmodSync(helper, 0o755);
    const configDir = tempDir('spiff-models-docker-store-');
    dirs.push(configDir);
    writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ credsStore: 'spifftest' }));
    const r = makeRepo({ commits: 1 });
    const result = await bake(
      options(r, {
        credentials: null,
        env: {
          ...process.env,
          PATH: `${bin}:${process.env.PATH}`,
          DOCKER_CONFIG: configDir,
          DOCKER_HOST: noEngine,
        },
      }),
    );
    expect(result.pushed).toBe(true);
    expect(proxy.issued[proxy.issued.length - 1].user).toBe('ci');
  }, 60_000);

  it('an identity token from config.json is traded for an access token (POST, grant_type=refresh_token)', async () => {
    const configDir = tempDir('spiff-models-docker-identity-');
    dirs.push(configDir);
    writeFileSync(
      path.join(configDir, 'config.json'),
      JSON.stringify({ auths: { [proxy.host]: { identitytoken: 'refresh-me' } } }),
    );
    const r = makeRepo({ commits: 1 });
    const result = await bake(
      options(r, {
        credentials: null,
        env: { ...process.env, DOCKER_CONFIG: configDir, DOCKER_HOST: noEngine },
      }),
    );
    expect(result.pushed).toBe(true);
    expect(proxy.issued[proxy.issued.length - 1].user).toBe('refresh:spiff-models');
  }, 60_000);

  it('wrong credentials: the token realm refuses them and the message says so', async () => {
    const r = makeRepo({ commits: 1 });
    const error = await bake(options(r, { credentials: { username: 'ci', password: 'nope' } })).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(RegistryAuthError);
    expect((error as Error).message).toMatch(
      /refused the credentials of user 'ci' \(token realm http:\/\/127\.0\.0\.1:\d+\/token answered 401/,
    );
  }, 60_000);
});
