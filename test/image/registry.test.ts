// Pushing to a real registry (docker-registry on 127.0.0.1 with htpasswd auth): digests, credentials from the
// inputs or from config.json, refused credentials that push nothing, and re-tag-and-push of unchanged input.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bake, type BakeOptions, type BakeResult } from '../../src/image/bake.js';
import { PushError } from '../../src/image/engine.js';
import {
  buildTestBaseImage,
  imagesOfRepositories,
  removeImages,
  requireRegistry,
  startRegistry,
  type TestRegistry,
} from '../helpers/docker.js';
import { bakeOptions, imageName, makeRepo, recordingLog, removeDir, tempDir, type Repo } from './fixtures.js';

const ready = await requireRegistry();
const suite = ready ? describe : describe.skip;

suite('bake --push to a registry with htpasswd auth', () => {
  let registry: TestRegistry;
  let base = '';
  const created = new Set<string>();
  const dirs: string[] = [];
  // An empty Docker config dir: no credentials unless a test writes some.
  const dockerConfig = tempDir('spiff-models-docker-config-');
  dirs.push(dockerConfig);

  beforeAll(async () => {
    [base, registry] = await Promise.all([
      buildTestBaseImage(),
      startRegistry({ user: 'ci', password: 'right' }),
    ]);
  }, 120_000);

  afterAll(async () => {
    await registry?.close();
    await removeImages(created);
    dirs.forEach(removeDir);
  });

  function options(repo: Repo, extra: Partial<BakeOptions> = {}): BakeOptions {
    return bakeOptions(
      repo,
      {
        baseImage: base,
        image: imageName(`${registry.host}/team/`, repo),
        push: true,
        env: { ...process.env, DOCKER_CONFIG: dockerConfig },
      },
      extra,
    );
  }

  async function run(opts: BakeOptions): Promise<BakeResult> {
    const result = await bake(opts);
    created.add(result.imageId);
    result.tags.forEach((t) => created.add(t));
    return result;
  }

  /** The error a bake fails with; the image it built and tagged before the push is cleaned up after. */
  async function failure(opts: BakeOptions): Promise<Error> {
    const error = await bake(opts).then(
      () => new Error('expected the bake to fail'),
      (e: Error) => e,
    );
    (await imagesOfRepositories([opts.image ?? ''])).forEach((t) => created.add(t));
    return error;
  }

  async function manifestDigest(repository: string, tag: string): Promise<string | null> {
    const res = await fetch(`http://${registry.host}/v2/${repository}/manifests/${tag}`, {
      method: 'HEAD',
      headers: {
        Authorization: `Basic ${Buffer.from('ci:right').toString('base64')}`,
        Accept: 'application/vnd.docker.distribution.manifest.v2+json',
      },
    });
    return res.status === 200 ? res.headers.get('docker-content-digest') : null;
  }

  it('pushes every tag with the given credentials and reports the registry digest', async () => {
    const repo = makeRepo();
    dirs.push(repo.root);
    const result = await run(
      options(repo, { credentials: { username: 'ci', password: 'right' }, tags: ['stable'] }),
    );
    const repository = result.image.slice(registry.host.length + 1);
    expect(result.pushed).toBe(true);
    expect(result.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await registry.tags(repository)).sort()).toEqual(
      ['main', `sha-${repo.commits[1].slice(0, 7)}`, 'stable'].sort(),
    );
    expect(await manifestDigest(repository, 'stable')).toBe(result.digest);
    expect(await manifestDigest(repository, 'main')).toBe(result.digest);
  }, 120_000);

  it('refuses wrong credentials before pushing anything', async () => {
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    const opts = options(repo, { credentials: { username: 'ci', password: 'wrong' } });
    const error = await failure(opts);
    expect(error).toBeInstanceOf(PushError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `the registry ${registry.host.replace(/\./g, '\\.')} refused the credentials of user 'ci'.*Nothing was pushed`,
      ),
    );
    const repository = opts.image!.slice(registry.host.length + 1);
    expect(await registry.catalog()).not.toContain(repository);
    expect(await registry.tags(repository)).toEqual([]);
  }, 120_000);

  it('without any credentials the push fails clearly and leaves nothing in the registry', async () => {
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    const opts = options(repo);
    const error = await failure(opts);
    expect(error).toBeInstanceOf(PushError);
    expect((error as Error).message).toMatch(
      /pushing .* failed: .*(unauthorized|authentication required|no basic auth).*docker login/is,
    );
    expect(await registry.tags(opts.image!.slice(registry.host.length + 1))).toEqual([]);
  }, 120_000);

  it('takes credentials from config.json (what docker/login-action writes)', async () => {
    const configDir = tempDir('spiff-models-docker-login-');
    dirs.push(configDir);
    mkdirSync(configDir, { recursive: true });
    writeFileSync(
      path.join(configDir, 'config.json'),
      JSON.stringify({ auths: { [registry.host]: { auth: Buffer.from('ci:right').toString('base64') } } }),
    );
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    const result = await run(options(repo, { env: { ...process.env, DOCKER_CONFIG: configDir } }));
    expect(result.digest).toMatch(/^sha256:/);
    expect(await manifestDigest(result.image.slice(registry.host.length + 1), 'main')).toBe(result.digest);
  }, 120_000);

  it('unchanged input: no rebuild, the new tag is pushed with the same digest', async () => {
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    const credentials = { username: 'ci', password: 'right' };
    const first = await run(options(repo, { credentials }));
    const log = recordingLog();
    const second = await run(options(repo, { credentials, tags: ['v-next'], log }));
    expect(second.skipped).toBe(true);
    expect(second.imageId).toBe(first.imageId);
    expect(second.digest).toBe(first.digest);
    expect(log.lines.some((l) => /^Step \d/.test(l))).toBe(false);
    expect(await manifestDigest(second.image.slice(registry.host.length + 1), 'v-next')).toBe(first.digest);
  }, 120_000);
});
