// `spiff-models bake` on the command line: dry-run files, --json, exit codes (0 ok, 1 failed build or
// validation, 2 usage or setup), validation before baking.
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { buildTestBaseImage, builtImageIds, removeImages, requireDocker } from '../helpers/docker.js';
import { git, makeRepo, removeDir, tempDir } from './fixtures.js';

const dirs: string[] = [];
const PINNED_BASE = 'ghcr.io/sartography/spiffworkflow-backend:v2.2.0';
afterAll(() => dirs.forEach(removeDir));

async function cli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()) {
  // The base image is required; tests that are about something else name a pinned one.
  const base = args.includes('--base-image') ? [] : ['--base-image', PINNED_BASE];
  return runCli(['bake', ...args, ...base], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
}

function repo(options: Parameters<typeof makeRepo>[0] = {}) {
  const r = makeRepo(options);
  dirs.push(r.root);
  return r;
}

describe('bake --dry-run (no engine needed)', () => {
  it('writes the Dockerfile, the context listing and bake.json', async () => {
    const r = repo({ subdir: 'models' });
    const out = path.join(tempDir(), 'dry');
    dirs.push(path.dirname(out));
    const { code, stdout, stderr } = await cli(
      [
        r.models,
        '--dry-run',
        '--output-dir',
        out,
        '--no-validate',
        '--image',
        'ghcr.io/Org/Models',
        '--tag',
        'prod',
        '--base-image',
        'ghcr.io/sartography/spiffworkflow-backend:v1.2.0',
        '--label',
        'com.example.team=finance',
      ],
      // No engine anywhere: dry-run must not try one.
      { DOCKER_HOST: 'unix:///nonexistent/docker.sock', GITHUB_REF: 'refs/heads/feature/x' },
    );
    expect(stderr).not.toMatch(/warning: base image/);
    expect(code).toBe(0);
    const dockerfile = readFileSync(path.join(out, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('FROM ghcr.io/sartography/spiffworkflow-backend:v1.2.0\n');
    expect(dockerfile).toContain('SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR="/app/process_models/models"');
    expect(dockerfile).toContain('SPIFFWORKFLOW_BACKEND_BPMN_SPEC_SUBDIR_WITHIN_REPO="models"');
    expect(dockerfile).toContain('GIT_CONFIG_KEY_0="safe.directory"');
    expect(dockerfile).toContain('com.example.team="finance"');
    const listing = readFileSync(path.join(out, 'context.txt'), 'utf8');
    expect(listing).toContain(' /app/process_models/models/finance/request/request.bpmn\n');
    expect(listing).toContain(' /app/process_models/.git/HEAD\n');
    const json = JSON.parse(readFileSync(path.join(out, 'bake.json'), 'utf8'));
    expect(json).toMatchObject({
      dryRun: true,
      imageId: '',
      tags: [
        'ghcr.io/org/models:feature-x',
        `ghcr.io/org/models:sha-${r.commits[1].slice(0, 7)}`,
        'ghcr.io/org/models:prod',
      ],
      revision: r.commits[1].slice(0, 7),
    });
    expect(json.contextBytes).toBeGreaterThan(10_000);
    expect(stdout).toMatch(/^image-id +\(dry run\)$/m);
    expect(stdout).toMatch(/^revision +[0-9a-f]{7}$/m);
  });

  it('--json prints the outputs under the camelCase of the action output names', async () => {
    const r = repo({ commits: 1 });
    const { code, stdout, stderr } = await cli([
      r.models,
      '--dry-run',
      '--json',
      '--no-validate',
      '--git-history',
      'minimal',
      // No default any more; an explicit moving tag still gets the warning.
      '--base-image',
      'ghcr.io/sartography/spiffworkflow-backend:latest',
    ]);
    expect(code).toBe(0);
    const outputs = JSON.parse(stdout);
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['imageId', 'digest', 'tags', 'revision', 'labels', 'contextBytes', 'skipped']),
    );
    expect(outputs.gitHistory).toBe('minimal');
    expect(outputs.labels['io.spiff-models.revision']).toBe(r.commits[0].slice(0, 7));
    // An unpinned base image is worth a warning.
    expect(stderr).toMatch(
      /warning: base image ghcr\.io\/sartography\/spiffworkflow-backend:latest is not pinned/,
    );
  });

  it('works on the example repository, the way `npm start` runs it', async () => {
    const examples = path.resolve('examples/process-models');
    if (!existsSync(examples)) return;
    const out = path.join(tempDir(), 'dry');
    dirs.push(path.dirname(out));
    const { code, stderr } = await cli([
      examples,
      '--base-image',
      'ghcr.io/sartography/spiffworkflow-backend:v2.2.0',
      '--dry-run',
      '--output-dir',
      out,
    ]);
    expect(stderr).toContain('dry run: wrote Dockerfile, context.txt and bake.json');
    expect(code).toBe(0);
    expect(readFileSync(path.join(out, 'context.txt'), 'utf8')).toMatch(/process_group\.json/);
  });
});

describe('usage and setup errors exit 2', () => {
  it.each<[string, string[], RegExp]>([
    [
      'an unknown git-history mode',
      ['--git-history', 'deep'],
      /--git-history must be one of full, minimal, none; got 'deep'/,
    ],
    ['--push without --image', ['--push'], /--push needs --image naming the registry repository/],
    ['--output-dir without --dry-run', ['--output-dir', 'x'], /--output-dir only applies to --dry-run/],
    [
      'a bad base image',
      ['--base-image', 'Not Valid'],
      /base-image 'Not Valid' is not a valid image reference/,
    ],
    [
      'a bad image models dir',
      ['--image-models-dir', 'relative/dir'],
      /image models dir 'relative\/dir' must be an absolute path/,
    ],
    [
      'an unknown option',
      ['--frobnicate'],
      /^spiff-models bake: unknown option --frobnicate \(spiff-models bake --help for its options\)\n$/,
    ],
    [
      'a username without password',
      ['--registry-username', 'me'],
      /needs the password in \$SPIFF_MODELS_REGISTRY_PASSWORD/,
    ],
    ['a label that is not KEY=VALUE', ['--label', 'novalue'], /--label: 'novalue' must be KEY=VALUE/],
  ])('%s', async (_name, args, message) => {
    const r = repo({ commits: 1 });
    const { code, stderr } = await cli(
      [r.models, '--no-validate', '--dry-run', ...args].filter(
        (a, i, all) =>
          // --output-dir needs no --dry-run in its own case
          !(a === '--dry-run' && all.includes('--output-dir') && i >= 0),
      ),
    );
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
  });

  it('a bad template, before any validation or engine work, naming file and line', async () => {
    const r = repo({ commits: 1 });
    const template = path.join(r.root, 'Dockerfile.tmpl');
    writeFileSync(template, 'FROM {{base_image}}\n{{copy}}\nLABEL branch={{branch}}\n');
    const { code, stderr } = await cli([r.models, '--template', template], {
      DOCKER_HOST: 'unix:///nonexistent/docker.sock',
    });
    expect(code).toBe(2);
    expect(stderr).toContain(`bad template ${template}:3: unknown placeholder {{branch}}`);
    expect(stderr).not.toMatch(/validated|cannot reach/);
  });

  it('a folder that does not exist', async () => {
    const { code, stderr } = await cli(['/nonexistent/models', '--no-validate', '--dry-run']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/the models root \/nonexistent\/models is not a directory/);
  });

  it('an engine that cannot be reached names DOCKER_HOST and --dry-run', async () => {
    const r = repo({ commits: 1 });
    const { code, stderr } = await cli([r.models, '--no-validate'], {
      DOCKER_HOST: 'unix:///nonexistent/docker.sock',
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /cannot reach the Docker Engine at unix:\/\/\/nonexistent\/docker\.sock .*point DOCKER_HOST at a running engine; --dry-run/,
    );
  });
});

describe('validation before baking', () => {
  it('refuses to bake a repo with errors (exit 1), listing them; --no-validate bakes anyway', async () => {
    const r = repo({ commits: 1 });
    // An unknown key in process_model.json crashes the backend at load time: an error.
    const file = path.join(r.models, 'finance/request/process_model.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('"description": ""', '"description": "", "owner": "me"'),
    );
    // bake judges (and bakes) the committed tree.
    git(r.root, ['commit', '-q', '-am', 'owner']);
    const refused = await cli([r.models, '--dry-run']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /refusing to bake: validation found \d+ errors? in .*:\n {2}finance\/request\/process_model\.json:\d+:\d+: error /,
    );
    expect(refused.stderr).toMatch(/or bake anyway with --no-validate/);
    const forced = await cli([r.models, '--dry-run', '--no-validate']);
    expect(forced.code).toBe(0);
  });

  it('a valid repo passes validation and bakes', async () => {
    const r = repo({ commits: 1 });
    const { code, stderr } = await cli([r.models, '--dry-run']);
    expect(stderr).toMatch(/validated 1 model\(s\): no errors/);
    expect(code).toBe(0);
  });
});

const hasDocker = await requireDocker();
(hasDocker ? describe : describe.skip)('against the engine', () => {
  const images: string[] = [];
  afterAll(() => removeImages(images));

  it('bakes, verifies and prints the outputs; a failing build exits 1 naming the step', async () => {
    const base = await buildTestBaseImage();
    const r = repo({ commits: 1 });
    const image = `spiff-models-test/cli-${path
      .basename(r.root)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')}`;
    const ok = await cli(
      [r.models, '--no-validate', '--base-image', base, '--image', image, '--verify', '--json'],
      {
        DOCKER_HOST: process.env.DOCKER_HOST,
      },
    );
    expect(ok.stderr).toMatch(/--- Build /);
    expect(ok.code).toBe(0);
    const outputs = JSON.parse(ok.stdout);
    images.push(outputs['image-id'], ...outputs.tags);
    expect(outputs.verified.join('\n')).toContain(`= ${r.commits[0].slice(0, 7)}`);

    const template = path.join(r.root, 'Dockerfile.tmpl');
    writeFileSync(template, 'FROM {{base_image}}\n{{copy}}\nRUN exit 3\n');
    const failed = await cli([
      r.models,
      '--no-validate',
      '--base-image',
      base,
      '--image',
      image,
      '--template',
      template,
    ]);
    images.push(...builtImageIds(failed.stderr.split('\n').map((l) => l.replace(/^ {2}/, ''))));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /spiff-models bake: the build failed at step 3\/4 \(RUN exit 3\): .*non-zero code: 3/,
    );
  }, 120_000);
});
