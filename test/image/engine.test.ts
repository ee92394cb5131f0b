// bake against a real Docker Engine: what the image holds, what git prints inside it, reproducibility,
// skipping unchanged input, and the failures a user can hit.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { bake, LABELS, type BakeOptions, type BakeResult } from '../../src/image/bake.js';
import { BuildError } from '../../src/image/engine.js';
import { VERIFY_USER } from '../../src/image/verify.js';
import { SetupError, UsageError } from '../../src/util/errors.js';
import {
  buildTestBaseImage,
  builtImageIds,
  dockerClient,
  imagesOfRepositories,
  freePort,
  removeImages,
  requireDocker,
  startRegistry,
} from '../helpers/docker.js';
import {
  FORM_V1,
  FORM_V2,
  bakeOptions,
  git,
  imageName,
  makeRepo,
  recordingLog,
  removeDir,
  tempDir,
  type Repo,
} from './fixtures.js';

const hasDocker = await requireDocker();
const suite = hasDocker ? describe : describe.skip;

const created = new Set<string>();
const dirs: string[] = [];
let base = '';

function options(repo: Repo, extra: Partial<BakeOptions> = {}): BakeOptions {
  return bakeOptions(
    repo,
    {
      baseImage: base,
      image: imageName('spiff-models-test/engine-', repo),
      push: false,
      env: { ...process.env, SOURCE_DATE_EPOCH: undefined },
    },
    extra,
  );
}

/** Bakes and remembers everything it left on the engine: image, tags, intermediate images. */
async function run(opts: BakeOptions): Promise<BakeResult> {
  try {
    const result = await bake(opts);
    created.add(result.imageId);
    result.tags.forEach((t) => created.add(t));
    return result;
  } finally {
    builtImageIds((opts.log as ReturnType<typeof recordingLog>).lines).forEach((id) => created.add(id));
  }
}

/** The error a bake fails with (cleaning up after it like run()). */
async function failure(opts: BakeOptions): Promise<Error> {
  const error = await run(opts).then(
    () => new Error('expected the bake to fail'),
    (e: Error) => e,
  );
  (await imagesOfRepositories([opts.image ?? ''])).forEach((t) => created.add(t));
  return error;
}

/** Runs `cmd` in the image (no network) and returns stdout; throws with stderr on a non-zero exit. */
async function exec(image: string, cmd: string[], user = VERIFY_USER): Promise<string> {
  const docker = dockerClient();
  const container = await docker.createContainer({
    Image: image,
    Entrypoint: [cmd[0]],
    Cmd: cmd.slice(1),
    User: user,
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    await container.start();
    const { StatusCode } = (await container.wait()) as { StatusCode: number };
    const raw = (await container.logs({ stdout: true, stderr: true })) as unknown as Buffer;
    const out: string[] = [];
    const err: string[] = [];
    for (let i = 0; i + 8 <= raw.length;) {
      const size = raw.readUInt32BE(i + 4);
      (raw[i] === 2 ? err : out).push(raw.subarray(i + 8, i + 8 + size).toString());
      i += 8 + size;
    }
    if (StatusCode !== 0) throw new Error(`${cmd.join(' ')} exited ${StatusCode}: ${err.join('')}`);
    return out.join('').trim();
  } finally {
    await container.remove({ force: true });
  }
}

/** A file's text, read with the shell's builtins (the test base image has no cat). */
function readFileCmd(file: string): string[] {
  return ['sh', '-c', `while IFS= read -r line || [ -n "$line" ]; do printf '%s\\n' "$line"; done < ${file}`];
}

suite('bake against a real engine', () => {
  beforeAll(async () => {
    base = await buildTestBaseImage();
  }, 120_000);

  afterAll(async () => {
    await removeImages(created);
    dirs.forEach(removeDir);
  });

  describe('git-history full (models at the repo root)', () => {
    let repo: Repo;
    let result: BakeResult;
    beforeAll(async () => {
      repo = makeRepo();
      dirs.push(repo.root);
      // What actions/checkout leaves behind: a remote and a token in .git/config.
      git(repo.root, [
        'remote',
        'add',
        'origin',
        'https://x-access-token:s3cret@example.invalid/org/models.git',
      ]);
      git(repo.root, ['config', 'http.https://example.invalid/.extraheader', 'AUTHORIZATION: basic s3cret']);
      result = await run(options(repo, { verify: true }));
    }, 120_000);

    it('labels the image with the OCI labels and ours, and sets the backend env', async () => {
      const info = await dockerClient().getImage(result.imageId).inspect();
      const labels = info.Config.Labels ?? {};
      expect(labels['org.opencontainers.image.revision']).toBe(repo.commits[1]);
      expect(labels[LABELS.revision]).toBe(repo.commits[1].slice(0, 7));
      expect(labels[LABELS.contentDigest]).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(labels[LABELS.inputDigest]).toBe(result.inputDigest);
      const commitTime = Number(git(repo.root, ['show', '-s', '--format=%ct', 'HEAD']));
      expect(labels['org.opencontainers.image.created']).toBe(new Date(commitTime * 1000).toISOString());
      expect(labels['org.opencontainers.image.version']).toBe('main');
      expect(labels['org.opencontainers.image.base.name']).toBe(base);
      expect(result.labels).toEqual(labels);
      const env = info.Config.Env ?? [];
      expect(env).toContain('SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR=/app/process_models');
      expect(env.some((e) => e.startsWith('SPIFFWORKFLOW_BACKEND_BPMN_SPEC_SUBDIR_WITHIN_REPO='))).toBe(
        false,
      );
      // The base image's own GIT_CONFIG entry survives; safe.directory is appended after it.
      expect(env).toEqual(
        expect.arrayContaining([
          'GIT_CONFIG_KEY_0=user.name',
          'GIT_CONFIG_KEY_1=safe.directory',
          'GIT_CONFIG_VALUE_1=*',
          'GIT_CONFIG_COUNT=2',
        ]),
      );
      expect(result.tags).toEqual(
        expect.arrayContaining([
          `${result.image}:main`,
          `${result.image}:sha-${repo.commits[1].slice(0, 7)}`,
        ]),
      );
      expect(result.verified.join('\n')).toContain(
        `git rev-parse --short HEAD = ${repo.commits[1].slice(0, 7)}`,
      );
    });

    it('prints the commit for git rev-parse --short HEAD inside a container, as a user who owns nothing', async () => {
      const printed = await exec(result.imageId, [
        'git',
        '-C',
        '/app/process_models',
        'rev-parse',
        '--short',
        'HEAD',
      ]);
      expect(printed).toBe(repo.commits[1].slice(0, 7));
      expect(printed).toBe(result.revision);
      expect(await exec(result.imageId, ['git', '-C', '/app/process_models', 'config', 'user.name'])).toBe(
        'base-image',
      );
    });

    it('serves the form of an older revision with git show (the history is baked in)', async () => {
      const rel = 'finance/request/request-schema.json';
      expect(
        await exec(result.imageId, [
          'git',
          '-C',
          '/app/process_models',
          'show',
          `${repo.commits[0].slice(0, 7)}:${rel}`,
        ]),
      ).toBe(FORM_V1.trim());
      expect(await exec(result.imageId, ['git', '-C', '/app/process_models', 'show', `HEAD:${rel}`])).toBe(
        FORM_V2.trim(),
      );
    });

    it('keeps the repository config (remotes, credentials) out of the image', async () => {
      const config = await exec(result.imageId, readFileCmd('/app/process_models/.git/config'));
      expect(config).toContain('abbrev = 7');
      expect(config).not.toMatch(/remote|extraheader|s3cret/);
      const listing = await exec(result.imageId, [
        'sh',
        '-c',
        'for f in /app/process_models/.git/*; do echo "$f"; done',
      ]);
      expect(listing.split('\n').map((f) => path.basename(f))).toEqual(['HEAD', 'config', 'objects', 'refs']);
      // The source label names the remote without the token in its URL.
      expect(result.labels['org.opencontainers.image.source']).toBe('https://example.invalid/org/models.git');
    });

    it('gives identical layer digests for identical input, even rebuilt without cache', async () => {
      const again = await run(options(repo, { noCache: true }));
      expect(again.skipped).toBe(false);
      const docker = dockerClient();
      const [a, b] = await Promise.all([
        docker.getImage(result.imageId).inspect(),
        docker.getImage(again.imageId).inspect(),
      ]);
      expect(b.RootFS.Layers).toEqual(a.RootFS.Layers);
      expect(again.inputDigest).toBe(result.inputDigest);
      expect(again.contextBytes).toBe(result.contextBytes);
    });

    it('skips the build when the input is unchanged and only re-tags', async () => {
      const log = recordingLog();
      const again = await run(options(repo, { tags: ['extra-tag'], log }));
      expect(again.skipped).toBe(true);
      expect(again.contextBytes).toBe(0);
      expect(log.lines).toEqual([]);
      expect(again.tags).toContain(`${again.image}:extra-tag`);
      const tagged = await dockerClient().getImage(`${again.image}:extra-tag`).inspect();
      expect(tagged.Id).toBe(again.imageId);
    });
  });

  it('puts a sub-folder repo at <dir>/<subdir> and sets SUBDIR_WITHIN_REPO so git show finds the files', async () => {
    const repo = makeRepo({ subdir: 'models/prod' });
    dirs.push(repo.root);
    const result = await run(options(repo, { verify: true }));
    expect(result.modelsDir).toBe('/app/process_models/models/prod');
    const info = await dockerClient().getImage(result.imageId).inspect();
    expect(info.Config.Env).toEqual(
      expect.arrayContaining([
        'SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR=/app/process_models/models/prod',
        'SPIFFWORKFLOW_BACKEND_BPMN_SPEC_SUBDIR_WITHIN_REPO=models/prod',
      ]),
    );
    const dir = '/app/process_models/models/prod';
    expect(await exec(result.imageId, ['git', '-C', dir, 'rev-parse', '--short', 'HEAD'])).toBe(
      repo.commits[1].slice(0, 7),
    );
    expect(
      await exec(result.imageId, [
        'git',
        '-C',
        dir,
        'show',
        `${repo.commits[0]}:models/prod/finance/request/request-schema.json`,
      ]),
    ).toBe(FORM_V1.trim());
    // Only the models are in the work tree, not the rest of the repository.
    await expect(
      exec(result.imageId, ['sh', '-c', 'test -e /app/process_models/ci/notes.txt']),
    ).rejects.toThrow();
  }, 120_000);

  it('a sub-folder with a space and a $ in its name arrives intact (values are quoted, not interpreted)', async () => {
    const repo = makeRepo({ subdir: 'process models $HOME', commits: 1 });
    dirs.push(repo.root);
    const result = await run(options(repo, { verify: true }));
    expect(result.modelsDir).toBe('/app/process_models/process models $HOME');
    const info = await dockerClient().getImage(result.imageId).inspect();
    expect(info.Config.Env).toContain(
      'SPIFFWORKFLOW_BACKEND_BPMN_SPEC_SUBDIR_WITHIN_REPO=process models $HOME',
    );
    expect(result.verified.join('\n')).toContain(`= ${repo.commits[0].slice(0, 7)}`);
  }, 120_000);

  it('git-history minimal: a tiny .git whose rev-parse --short HEAD prints the commit', async () => {
    const repo = makeRepo();
    dirs.push(repo.root);
    const result = await run(options(repo, { gitHistory: 'minimal', verify: true }));
    expect(
      await exec(result.imageId, ['git', '-C', '/app/process_models', 'rev-parse', '--short', 'HEAD']),
    ).toBe(repo.commits[1].slice(0, 7));
    expect(await exec(result.imageId, readFileCmd('/app/process_models/.git/HEAD'))).toBe(repo.commits[1]);
    // No history: an old revision's form cannot load (what the backend reports as git_error_loading_form).
    await expect(
      exec(result.imageId, [
        'git',
        '-C',
        '/app/process_models',
        'show',
        `${repo.commits[0]}:finance/request/request-schema.json`,
      ]),
    ).rejects.toThrow(/exited 128/);
  }, 120_000);

  it('git-history minimal follows a longer abbreviation configured in the source repo', async () => {
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    git(repo.root, ['config', 'core.abbrev', '12']);
    const result = await run(options(repo, { gitHistory: 'minimal', verify: true }));
    expect(result.revision).toBe(repo.commits[0].slice(0, 12));
    expect(
      await exec(result.imageId, ['git', '-C', '/app/process_models', 'rev-parse', '--short', 'HEAD']),
    ).toBe(repo.commits[0].slice(0, 12));
  }, 120_000);

  it('git-history none: models only, no .git, no revision', async () => {
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    const log = recordingLog();
    const result = await run(options(repo, { gitHistory: 'none', verify: true, log }));
    expect(result.revision).toBe('');
    await expect(exec(result.imageId, ['sh', '-c', 'test -e /app/process_models/.git'])).rejects.toThrow();
    expect(
      await exec(result.imageId, readFileCmd('/app/process_models/finance/request/request-schema.json')),
    ).toBe(FORM_V1.trim());
    expect(log.warnings.join('\n')).toMatch(/git-history none: new instances record no revision.*'git init'/);
  }, 120_000);

  it('escapes values: a label full of Dockerfile syntax arrives verbatim and injects nothing', async () => {
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    const nasty = 'x" \\ $HOME ${PATH} \\" RUN rm -rf / # LABEL evil=1';
    const result = await run(options(repo, { labels: { 'com.example.note': nasty } }));
    const info = await dockerClient().getImage(result.imageId).inspect();
    expect(info.Config.Labels?.['com.example.note']).toBe(nasty);
    expect(info.Config.Labels?.evil).toBeUndefined();
    await expect(run(options(repo, { labels: { 'com.example.note': 'line\nRUN false' } }))).rejects.toThrow(
      UsageError,
    );
  }, 120_000);

  it('reports a broken build with the failing step, and tags nothing', async () => {
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    const template = path.join(tempDir(), 'Dockerfile.broken');
    dirs.push(path.dirname(template));
    writeFileSync(
      template,
      'FROM {{base_image}}\n{{env}}\n{{copy}}\nRUN git -C /nowhere rev-parse HEAD\n{{labels}}\n',
    );
    const opts = options(repo, { template });
    const error = await failure(opts);
    expect(error).toBeInstanceOf(BuildError);
    expect((error as BuildError).step).toBe('step 4/5 (RUN git -C /nowhere rev-parse HEAD)');
    expect((error as Error).message).toMatch(
      /the build failed at step 4\/5 \(RUN git .*\): .*returned a non-zero code: 128/,
    );
    const images = await dockerClient().listImages({
      filters: JSON.stringify({ reference: [`${opts.image}`] }),
    });
    expect(images).toEqual([]);
  }, 120_000);

  it('reports a template the engine cannot parse as a build error naming the template', async () => {
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    const template = path.join(tempDir(), 'Dockerfile.bad');
    dirs.push(path.dirname(template));
    writeFileSync(template, 'FROM {{base_image}}\nCOPPY nothing\n{{copy}}\n');
    const error = await failure(options(repo, { template }));
    expect(error).toBeInstanceOf(BuildError);
    expect((error as Error).message).toMatch(/unknown instruction: COPPY.*Fix the Dockerfile template/i);
  }, 120_000);

  it('a missing base image that cannot be pulled is a setup error saying what to do', async () => {
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    const registry = await startRegistry({ user: 'u', password: 'p' });
    try {
      const missing = `${registry.host}/nobody/backend:v0.0.0`;
      const error = await failure(options(repo, { baseImage: missing }));
      expect(error).toBeInstanceOf(SetupError);
      expect((error as Error).message).toContain(
        `the base image ${missing} is not on the engine and pulling it failed`,
      );
      expect((error as Error).message).toMatch(/docker login|docker pull/);
    } finally {
      await registry.close();
    }
    const unreachable = `127.0.0.1:${await freePort()}/nobody/backend:v1`;
    expect((await failure(options(repo, { baseImage: unreachable }))).message).toMatch(/pulling it failed/);
  }, 120_000);

  it('fails verify when the image cannot print the revision, and removes the image', async () => {
    const repo = makeRepo({ commits: 1 });
    dirs.push(repo.root);
    const template = path.join(tempDir(), 'Dockerfile.noenv');
    dirs.push(path.dirname(template));
    // Without {{env}}: no safe.directory, so git refuses the repo for a user who does not own it.
    writeFileSync(
      template,
      'FROM {{base_image}}\nENV SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR={{models_dir}}\n{{copy}}\n{{labels}}\n',
    );
    const opts = options(repo, { template, verify: true });
    const error = await failure(opts);
    expect((error as Error).name).toBe('VerifyError');
    expect((error as Error).message).toMatch(/dubious ownership|safe\.directory/);
    // Not left behind for the next run to reuse as "unchanged".
    const again = await run(options(repo, { template }));
    expect(again.skipped).toBe(false);
  }, 120_000);
});
