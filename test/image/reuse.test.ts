// Unchanged input skips the build only when the image found is what this bake would produce: its config (base
// layers, labels, env) and its models layer's files. An image that merely carries the input-digest label is not.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { bake, LABELS, type BakeOptions } from '../../src/image/bake.js';
import { packContext } from '../../src/image/context.js';
import { buildImage, connectEngine } from '../../src/image/engine.js';
import { planBake, renderDockerfile } from '../../src/image/plan.js';
import { buildTestBaseImage, dockerClient, removeImages, requireDocker } from '../helpers/docker.js';
import { bakeOptions, imageName, makeRepo, removeDir, type Repo } from './fixtures.js';

const hasDocker = await requireDocker();
const suite = hasDocker ? describe : describe.skip;

const created = new Set<string>();
const dirs: string[] = [];
let base = '';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function options(repo: Repo, extra: Partial<BakeOptions> = {}): BakeOptions {
  return bakeOptions(
    repo,
    {
      baseImage: base,
      image: imageName('spiff-models-test/reuse-', repo),
      push: false,
      env: { ...process.env, SOURCE_DATE_EPOCH: undefined },
    },
    extra,
  );
}

/** Builds an image from a Dockerfile alone (the engine's Created time is in seconds: wait so it is the newest). */
async function forge(dockerfile: string, rootfs: NodeJS.ReadableStream | null = null): Promise<string> {
  await sleep(1100);
  const engine = await connectEngine(process.env);
  let context: NodeJS.ReadableStream;
  if (rootfs) {
    context = rootfs;
  } else {
    const { Readable } = await import('node:stream');
    const tar = (await import('tar-stream')).default;
    const pack = tar.pack();
    pack.entry({ name: 'Dockerfile' }, dockerfile);
    pack.finalize();
    context = Readable.from(pack as AsyncIterable<Buffer>);
  }
  const id = await buildImage(engine, { context: context as never, labels: {} }, () => undefined);
  created.add(id);
  return id;
}

suite('reusing an image of unchanged input', () => {
  beforeAll(async () => {
    base = await buildTestBaseImage();
  }, 120_000);

  afterAll(async () => {
    await removeImages(created);
    dirs.forEach(removeDir);
  });

  it('passes over look-alikes that carry the input-digest label, and rebuilds when only look-alikes are left', async () => {
    const repo = makeRepo();
    dirs.push(repo.root);
    const first = await bake(options(repo));
    created.add(first.imageId);
    first.tags.forEach((t) => created.add(t));

    // 1. Nothing but the label.
    const labelOnly = await forge(`FROM ${base}\nLABEL ${LABELS.inputDigest}="${first.inputDigest}"\n`);
    // 2. The same labels, env and layer count, other files in the models layer.
    const plan = await planBake(options(repo, { dryRun: true }));
    const evil = Buffer.from('#!/bin/sh\necho pwned\n');
    plan.layer.entries.push({
      name: 'app/process_models/evil.sh',
      type: 'file',
      mode: 0o755,
      size: evil.length,
      content: evil,
      hash: createHash('sha256').update(evil).digest('hex'),
    });
    const baseEnv = (await dockerClient().getImage(base).inspect()).Config.Env ?? [];
    const dockerfile = renderDockerfile(plan, baseEnv, { [LABELS.inputDigest]: first.inputDigest });
    const lookAlike = await forge('', packContext(plan.layer, dockerfile, 0).stream);
    const info = await dockerClient().getImage(lookAlike).inspect();
    expect(info.Config.Labels).toEqual(
      (await dockerClient().getImage(first.imageId).inspect()).Config.Labels,
    );

    const again = await bake(options(repo));
    expect([labelOnly, lookAlike]).not.toContain(again.imageId);
    expect(again).toMatchObject({ imageId: first.imageId, skipped: true });

    // 3. With the real image gone, neither look-alike is reused: the input is built again.
    await dockerClient().getImage(first.imageId).remove({ force: true });
    const third = await bake(options(repo));
    created.add(third.imageId);
    expect(third.skipped).toBe(false);
    expect([labelOnly, lookAlike]).not.toContain(third.imageId);
  }, 180_000);
});
