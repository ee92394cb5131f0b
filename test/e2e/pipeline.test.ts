// The whole loop: push.yml, promote.yml (promote and publish) and release.yml run as the runner would, against
// a bare remote on disk, the real Docker Engine and registry, git-synced backends that pull on the webhook,
// deploy-hook receivers and a local server playing the GitHub API. Asserts the end state of each.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildTestBaseImage, requireRegistry, startRegistry, type TestRegistry } from '../helpers/docker.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/github-api.js';
import { branchSha, fileAt, filesAt, git, model, removeTempDirs, tempDir } from '../helpers/git-fixtures.js';
import { REPO_ROOT } from '../helpers/runner.js';
import { startScriptedReceiver, startSpiffReceiver, type Receiver } from '../notify/receiver.js';
import { runWorkflow, type WorkflowRun } from './workflow.js';
import { makeWorld, REPOSITORY, type World } from './world.js';

const WORKFLOWS = path.join(REPO_ROOT, 'examples/workflows');
const USER = 'ci-bot';
const PASSWORD = 'registry-pa55';
const SECRETS = {
  REGISTRY_PASSWORD: PASSWORD,
  DEV_WEBHOOK_SECRET: 'dev-webhook-secret',
  DEV_DEPLOY_SECRET: 'dev-deploy-secret',
  STAGING_WEBHOOK_SECRET: 'staging-webhook-secret',
  STAGING_DEPLOY_SECRET: 'staging-deploy-secret',
};

let available = false;
let registry: TestRegistry;
let base: string;
let world: World;
let github: FakeGitHub;
const receivers: Receiver[] = [];
let devBackend: { receiver: Receiver; clone: string };
let stagingBackend: { receiver: Receiver; clone: string };
let devDeploy: Receiver;
let stagingDeploy: Receiver;
let misconfigured: Receiver;

/** A git-synced backend: a clone of the remote on `branch`, pulling when the webhook says so. */
async function backend(branch: string, secret: string): Promise<{ receiver: Receiver; clone: string }> {
  const clone = path.join(tempDir('spiff-backend-'), 'process_models');
  git(path.dirname(clone), 'clone', '-q', '-b', branch, world.remote, clone);
  const receiver = await startSpiffReceiver({ secret, modelsDir: clone, branch });
  receivers.push(receiver);
  return { receiver, clone };
}

async function deployReceiver(): Promise<Receiver> {
  const r = await startScriptedReceiver([{ status: 200, body: '{"accepted": true}' }]);
  receivers.push(r);
  return r;
}

function environments(entries: Record<string, string>[]): string {
  return entries
    .map(
      (e) =>
        `- ${Object.entries(e)
          .map(([k, v]) => `${k}: '${v}'`)
          .join('\n  ')}`,
    )
    .join('\n');
}

function vars(extra: Record<string, string> = {}): Record<string, string> {
  return {
    REGISTRY: registry.host,
    REGISTRY_USERNAME: USER,
    IMAGE_REPOSITORY: `${registry.host}/acme/process-models-backend`,
    BACKEND_BASE_IMAGE: base,
    DEV_ENVIRONMENTS: environments([
      {
        name: 'dev',
        url: devBackend.receiver.url,
        'secret-env': 'DEV_WEBHOOK_SECRET',
        clone_url: world.remote,
      },
      {
        name: 'dev-baked',
        url: `${devDeploy.url}/hooks/dev`,
        kind: 'deploy',
        'secret-env': 'DEV_DEPLOY_SECRET',
      },
    ]),
    STAGING_ENVIRONMENTS: environments([
      {
        name: 'staging',
        url: stagingBackend.receiver.url,
        'secret-env': 'STAGING_WEBHOOK_SECRET',
        clone_url: world.remote,
      },
      {
        name: 'staging-baked',
        url: `${stagingDeploy.url}/hooks/staging`,
        kind: 'deploy',
        'secret-env': 'STAGING_DEPLOY_SECRET',
      },
      // a backend whose secret was rotated without telling us: it answers 403
      {
        name: 'staging-eu',
        url: misconfigured.url,
        'secret-env': 'STAGING_WEBHOOK_SECRET',
        clone_url: world.remote,
      },
    ]),
    ...extra,
  };
}

async function registryGet(pathname: string, accept?: string): Promise<Response> {
  return fetch(`http://${registry.host}/v2/${pathname}`, {
    headers: {
      Authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`,
      ...(accept ? { Accept: accept } : {}),
    },
  });
}

const MANIFEST =
  'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json';

/** Digest and labels of repository:tag as the registry holds it. */
async function pushedImage(tag: string): Promise<{ digest: string; labels: Record<string, string> } | null> {
  const res = await registryGet(`acme/process-models-backend/manifests/${tag}`, MANIFEST);
  if (res.status !== 200) return null;
  const manifest = (await res.json()) as { config: { digest: string } };
  const config = (await (
    await registryGet(`acme/process-models-backend/blobs/${manifest.config.digest}`)
  ).json()) as {
    config: { Labels: Record<string, string> };
  };
  return { digest: res.headers.get('docker-content-digest') ?? '', labels: config.config.Labels };
}

function verifySignature(body: Buffer, header: unknown, secret: string): boolean {
  return header === `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function step(run: WorkflowRun, id: string) {
  const s = run.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
}

function pushEvent(branch: string, before: string, after: string) {
  return world.github({
    event_name: 'push',
    ref: `refs/heads/${branch}`,
    ref_name: branch,
    sha: after,
    event: {
      ref: `refs/heads/${branch}`,
      before,
      after,
      repository: { full_name: REPOSITORY, name: 'process-models', default_branch: 'main' },
      pusher: { name: 'octocat' },
      head_commit: { id: after, message: 'models' },
    },
  });
}

beforeAll(async () => {
  available = await requireRegistry();
  if (!available) return;
  base = await buildTestBaseImage();
  registry = await startRegistry({ user: USER, password: PASSWORD });
  world = makeWorld();
  github = await startFakeGitHub({ token: 'ghs_e2e_token', repos: { [REPOSITORY]: world.remote } });
  devBackend = await backend('dev', SECRETS.DEV_WEBHOOK_SECRET);
  stagingBackend = await backend('staging', SECRETS.STAGING_WEBHOOK_SECRET);
  const eu = await backend('staging', 'rotated-secret');
  misconfigured = eu.receiver;
  devDeploy = await deployReceiver();
  stagingDeploy = await deployReceiver();
}, 300_000);

afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await github?.close();
  await registry?.close();
  removeTempDirs();
});

describe('the whole loop', () => {
  it('push.yml: a push to dev is validated, baked, pushed, and every dev environment is told', async () => {
    if (!available) return;
    const before = world.head('dev');
    const sha = world.commit(
      'dev',
      model('process-models/finance/refund', { processId: 'refund', calls: ['shared_lookup'] }),
      'refunds',
    );
    const workspace = world.checkout('dev');
    const run = await runWorkflow({
      file: path.join(WORKFLOWS, 'push.yml'),
      workspace,
      github: pushEvent('dev', before, sha),
      secrets: SECRETS,
      vars: vars(),
    });
    expect(run.steps.filter((s) => s.outcome === 'failure').map((s) => `${s.name}: ${s.stdout}`)).toEqual([]);

    // the image, with its tags and revision, is in the registry
    const bake = step(run, 'bake');
    expect(bake.outputs.revision).toBe(sha.slice(0, bake.outputs.revision.length));
    const pushed = await pushedImage(`sha-${sha.slice(0, 7)}`);
    expect(pushed?.digest).toBe(bake.outputs.digest);
    expect(pushed?.labels['org.opencontainers.image.revision']).toBe(sha);
    expect((await pushedImage('dev'))?.digest).toBe(bake.outputs.digest);

    // the git-synced dev backend pulled the pushed commit
    expect(git(devBackend.clone, 'rev-parse', 'HEAD')).toBe(sha);
    // the baked dev environment received a signed deploy hook with the new digest
    const hook = devDeploy.requests.at(-1)!;
    expect(verifySignature(hook.body, hook.headers['x-hub-signature-256'], SECRETS.DEV_DEPLOY_SECRET)).toBe(
      true,
    );
    expect(JSON.parse(hook.body.toString())).toMatchObject({
      environment: 'dev-baked',
      digest: bake.outputs.digest,
      revision: sha,
    });
    const notify = step(run, 'notify');
    expect(notify.outputs).toMatchObject({ delivered: '2', failed: '0' });
    // the summary tells the story: validation, the image, the deliveries
    expect(run.summary).toContain('spiff-models validate: ✅ no errors');
    expect(run.summary).toContain(bake.outputs.digest);
    expect(run.summary).toMatch(/dev-baked/);
    // secrets never show (beyond the ::add-mask:: commands that tell the runner to hide them)
    for (const s of run.steps) {
      const shown = s.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
      for (const secret of Object.values(SECRETS)) expect(shown).not.toContain(secret);
    }
  });

  it('push.yml: a model broken on dev stops the pipeline before any image or notification', async () => {
    if (!available) return;
    const before = world.head('dev');
    const hooks = devDeploy.requests.length;
    const calls = devBackend.receiver.requests.length;
    const sha = world.commit(
      'dev',
      model('process-models/finance/broken', { processId: 'broken', calls: ['no_such_process'] }),
      'broken',
    );
    const run = await runWorkflow({
      file: path.join(WORKFLOWS, 'push.yml'),
      workspace: world.checkout('dev'),
      github: pushEvent('dev', before, sha),
      secrets: SECRETS,
      vars: vars(),
    });
    expect(run.failed).toBe(true);
    expect(step(run, 'validate').outcome).toBe('failure');
    expect(step(run, 'bake').outcome).toBe('skipped');
    expect(step(run, 'notify').outcome).toBe('skipped');
    expect(await pushedImage(`sha-${sha.slice(0, 7)}`)).toBeNull();
    expect(devDeploy.requests.length).toBe(hooks);
    expect(devBackend.receiver.requests.length).toBe(calls);
    expect(git(devBackend.clone, 'rev-parse', 'HEAD')).toBe(before);
    // repair dev for the next scenarios
    world.commit(
      'dev',
      {
        'process-models/finance/broken/process_model.json': null,
        'process-models/finance/broken/broken.bpmn': null,
      },
      'revert broken',
    );
  });

  it('promote.yml: dev is merged into staging, baked, and the staging environments are told; one failing environment loses no other', async () => {
    if (!available) return;
    const stagingBefore = world.head('staging');
    const main = world.head('main');
    const run = await runWorkflow({
      file: path.join(WORKFLOWS, 'promote.yml'),
      job: 'promote',
      workspace: world.checkout('main'),
      github: world.github({
        event_name: 'workflow_dispatch',
        ref: 'refs/heads/main',
        ref_name: 'main',
        sha: main,
        event: { inputs: { from: 'dev', to: 'staging', models: '' } },
      }),
      inputs: { from: 'dev', to: 'staging', models: '' },
      secrets: SECRETS,
      vars: vars(),
    });
    const promote = step(run, 'promote');
    expect(promote.outputs.result).toBe('merged');
    const merged = world.head('staging');
    expect(merged).not.toBe(stagingBefore);
    expect(promote.outputs.commit).toBe(merged);
    expect(git(world.remote, 'log', '-1', '--format=%s', merged)).toMatch(/dev/);
    expect(filesAt(world.remote, 'staging')).toContain('process-models/finance/refund/process_model.json');

    const bake = step(run, 'bake');
    expect(bake.outcome).toBe('success');
    const pushed = await pushedImage('staging');
    expect(pushed?.digest).toBe(bake.outputs.digest);
    expect(pushed?.labels['org.opencontainers.image.revision']).toBe(merged);

    // staging pulled, the baked staging environment got its hook, the misconfigured one failed alone
    expect(git(stagingBackend.clone, 'rev-parse', 'HEAD')).toBe(merged);
    expect(JSON.parse(stagingDeploy.requests.at(-1)!.body.toString())).toMatchObject({
      environment: 'staging-baked',
      digest: bake.outputs.digest,
    });
    const notify = run.steps.find((s) => s.name === "Notify the target's environments")!;
    expect(notify.outcome).toBe('failure');
    expect(notify.outputs).toMatchObject({ delivered: '2', failed: '1' });
    const results = JSON.parse(notify.outputs.results) as { environment: string; status: number | null }[];
    expect(results.find((r) => r.environment === 'staging-eu')?.status).toBe(403);
    expect(run.summary).toMatch(/staging-eu/);
  });

  it('promote.yml (publish): selected models go to prod as one pull request, with the models they call', async () => {
    if (!available) return;
    // the approval model and the library it calls change on dev
    world.commit(
      'dev',
      {
        ...model('process-models/finance/approval', {
          processId: 'approval',
          calls: ['shared_lookup'],
          note: 'v2',
        }),
        ...model('process-models/shared/lookup', { processId: 'shared_lookup', note: 'v2' }),
      },
      'approval v2',
    );
    const run = await runWorkflow({
      file: path.join(WORKFLOWS, 'promote.yml'),
      job: 'publish',
      workspace: world.checkout('dev'),
      github: world.github({
        event_name: 'workflow_dispatch',
        ref: 'refs/heads/main',
        ref_name: 'main',
        sha: world.head('main'),
        api_url: github.url,
        token: github.token,
        event: { inputs: { from: 'dev', to: 'prod', models: 'finance/approval' } },
      }),
      inputs: { from: 'dev', to: 'prod', models: 'finance/approval' },
      secrets: SECRETS,
      vars: vars(),
    });
    const publish = step(run, 'publish');
    expect(publish.outcome).toBe('success');
    expect(publish.outputs.operation).toBe('created');
    expect(publish.outputs.branch).toBe('publish-finance/approval-to-prod');
    expect(JSON.parse(publish.outputs.models)).toEqual(
      expect.arrayContaining(['finance/approval', 'shared/lookup']),
    );
    expect(github.pulls).toEqual([
      expect.objectContaining({ head: 'publish-finance/approval-to-prod', base: 'prod', state: 'open' }),
    ]);
    expect(publish.outputs['pull-request-number']).toBe(String(github.pulls[0].number));
    const files = filesAt(world.remote, 'publish-finance/approval-to-prod');
    expect(files).toEqual(
      expect.arrayContaining([
        'process-models/finance/process_group.json',
        'process-models/finance/approval/approval.bpmn',
        'process-models/shared/process_group.json',
        'process-models/shared/lookup/lookup.bpmn',
      ]),
    );
    expect(files).not.toContain('process-models/finance/refund/process_model.json');
    expect(
      fileAt(world.remote, 'publish-finance/approval-to-prod', 'process-models/shared/lookup/lookup.bpmn'),
    ).toContain('v2');
    expect(branchSha(world.remote, 'prod')).toBe(world.head('main'));
  });

  it('release.yml: a v* tag bakes semver tags, pushes them, and attaches the validation report', async () => {
    if (!available) return;
    const sha = world.head('dev');
    git(world.work, 'tag', 'v1.4.2', sha);
    git(world.work, 'push', '-q', 'origin', 'v1.4.2');
    const workspace = world.checkout('v1.4.2');
    // Kept after the run: the validation report the release attaches lives there.
    const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-runner-'));
    const run = await runWorkflow({
      file: path.join(WORKFLOWS, 'release.yml'),
      workspace,
      runnerTemp,
      github: world.github({
        event_name: 'push',
        ref: 'refs/tags/v1.4.2',
        ref_name: 'v1.4.2',
        sha,
        event: {
          ref: 'refs/tags/v1.4.2',
          after: sha,
          repository: { full_name: REPOSITORY, default_branch: 'main' },
        },
      }),
      secrets: SECRETS,
      vars: vars(),
    });
    expect(run.failed).toBe(false);
    const bake = step(run, 'bake');
    for (const tag of ['1.4.2', '1.4', '1', 'latest'])
      expect((await pushedImage(tag))?.digest).toBe(bake.outputs.digest);
    const release = run.steps.find((s) => s.uses?.startsWith('softprops/action-gh-release'))!;
    const attached = release.inputs.files.split('\n').filter(Boolean);
    expect(attached.map((f) => path.basename(f))).toEqual(['spiff-models-report.json', 'spiff-models.sarif']);
    for (const f of attached) expect(f.startsWith(workspace)).toBe(false);
    for (const f of attached) expect(fs.existsSync(f)).toBe(true);
    expect(JSON.parse(fs.readFileSync(attached[0], 'utf8')).summary.errors).toBe(0);
    expect(release.inputs.body).toContain(bake.outputs.digest);
    fs.rmSync(runnerTemp, { recursive: true, force: true });
  });
});
