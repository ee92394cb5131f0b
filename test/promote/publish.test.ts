// publish against real repositories: models with nested groups and call chains across groups, published from
// dev onto prod as one branch and one pull request (GitHub played by a local server).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { publishCli } from '../../src/promote/cli.js';
import {
  dependencyClosure,
  normalizeModelId,
  publish,
  publishBranchName,
  type PublishOptions,
} from '../../src/promote/publish.js';
import {
  branchSha,
  cloneRemote,
  commitFiles,
  commitOn,
  fileAt,
  filesAt,
  git,
  gitTestEnv,
  group,
  makeRemote,
  model,
  moveRefInsideReceivePack,
  removeTempDirs,
  under,
  useGitTestEnv,
  type Files,
} from '../helpers/git-fixtures.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/github-api.js';
import { runCli } from './run.js';

beforeAll(useGitTestEnv);
afterAll(removeTempDirs);

// sales/orders/checkout -> shared/util/address -> billing/tax: a call chain across three group trees.
const models: Files = {
  ...group('sales'),
  ...group('sales/orders'),
  ...model('sales/orders/checkout', { calls: ['Process_shared_util_address'] }),
  ...model('sales/orders/refund'),
  ...group('shared'),
  ...group('shared/util'),
  ...model('shared/util/address', { calls: ['Process_billing_tax'] }),
  ...group('billing'),
  ...model('billing/tax'),
};
const BRANCH = 'publish-sales/orders/checkout-to-prod';

let remote: string;
let work: string;
let github: FakeGitHub;

beforeEach(async () => {
  // prod holds only the README; dev holds the models.
  ({ remote, work } = makeRemote({}, ['dev', 'prod']));
  commitOn(work, 'dev', models, 'models on dev');
  github = await startFakeGitHub({ token: 'ghs_pub', repos: { 'acme/models': remote } });
});
afterEach(() => github.close());

const env = () => ({ GITHUB_TOKEN: 'ghs_pub', GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'acme/models' });

const gh = () => ({ token: 'ghs_pub', apiUrl: github.url, owner: 'acme', repo: 'models' });

function options(extra: Partial<PublishOptions>): PublishOptions {
  return {
    cwd: work,
    path: '.',
    remote: 'origin',
    inWorkspace: false,
    env: gitTestEnv(),
    modelIds: ['sales/orders/checkout'],
    from: 'dev',
    to: 'prod',
    dependencies: true,
    pullRequest: false,
    dryRun: false,
    validate: true,
    ...extra,
  };
}

describe('publish pull request options (as peter-evans/create-pull-request names them)', () => {
  const args = ['sales/orders/checkout', '--from', 'dev', '--to', 'prod', '--json'];

  it('title, body, labels, reviewers (users and org/team) and draft reach the pull request', async () => {
    const run = await runCli(
      publishCli,
      [
        ...args,
        '--title',
        'Checkout to prod',
        '--body',
        'Reviewed by finance.',
        '--label',
        'models',
        '--label',
        'prod',
        '--reviewer',
        'alice',
        '--reviewer',
        'acme/finance',
        '--draft',
      ],
      work,
      env(),
    );
    expect(run.stderr).not.toMatch(/failed/);
    expect(run.code).toBe(0);
    expect(github.pulls).toHaveLength(1);
    expect(github.pulls[0]).toMatchObject({
      title: 'Checkout to prod',
      body: 'Reviewed by finance.',
      draft: true,
      labels: ['models', 'prod'],
      reviewers: ['alice'],
      teamReviewers: ['finance'],
    });
  });

  it('without them: the generated title and body, no labels, no reviews requested, not a draft', async () => {
    const run = await runCli(publishCli, args, work, env());
    expect(run.code).toBe(0);
    expect(github.pulls[0]).toMatchObject({ draft: false, labels: [], reviewers: [], teamReviewers: [] });
    expect(github.pulls[0].title).toMatch(/sales\/orders\/checkout/);
    expect(github.calls('POST', /\/labels$/)).toEqual([]);
    expect(github.calls('POST', /\/requested_reviewers$/)).toEqual([]);
  });

  it('an updated pull request gets the new title and more labels, and keeps the labels it had', async () => {
    await runCli(publishCli, [...args, '--label', 'models'], work, env());
    commitOn(work, 'dev', { 'sales/orders/checkout/form-schema.json': '{}\n' }, 'add form');
    const run = await runCli(
      publishCli,
      [...args, '--title', 'Second round', '--label', 'again'],
      work,
      env(),
    );
    expect(JSON.parse(run.stdout).operation).toBe('updated');
    expect(github.pulls).toHaveLength(1);
    expect(github.pulls[0]).toMatchObject({ title: 'Second round', labels: ['models', 'again'] });
  });
});

describe('publish', () => {
  it('publishes a model with its ancestor group files and the models it calls, transitively, as a pull request', async () => {
    const run = await runCli(
      publishCli,
      ['sales/orders/checkout', '--from', 'dev', '--to', 'prod', '--json'],
      work,
      env(),
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.branch).toBe(BRANCH);
    expect(report.operation).toBe('created');
    expect(report.models).toEqual([
      { id: 'sales/orders/checkout', reason: 'requested' },
      { id: 'shared/util/address', reason: 'dependency', calledBy: 'sales/orders/checkout' },
      { id: 'billing/tax', reason: 'dependency', calledBy: 'shared/util/address' },
    ]);
    expect(report.groupFiles).toEqual([
      'billing/process_group.json',
      'sales/process_group.json',
      'sales/orders/process_group.json',
      'shared/process_group.json',
      'shared/util/process_group.json',
    ]);
    expect(report.changes.added).toEqual(['billing/tax', 'sales/orders/checkout', 'shared/util/address']);
    const head = branchSha(remote, BRANCH)!;
    expect(report.commit).toBe(head);
    expect(git(remote, 'rev-parse', `${head}^`)).toBe(branchSha(remote, 'prod'));
    expect(filesAt(remote, head)).toEqual([
      'README.md',
      'billing/process_group.json',
      'billing/tax/process_model.json',
      'billing/tax/tax.bpmn',
      'sales/orders/checkout/checkout.bpmn',
      'sales/orders/checkout/process_model.json',
      'sales/orders/process_group.json',
      'sales/process_group.json',
      'shared/process_group.json',
      'shared/util/address/address.bpmn',
      'shared/util/address/process_model.json',
      'shared/util/process_group.json',
    ]);
    expect(git(remote, 'log', '-1', '--format=%an <%ae>', head)).toBe('Test Author <author@example.invalid>');

    const [lookup] = github.calls('GET', '/repos/acme/models/pulls');
    expect(lookup.query).toMatchObject({ head: `acme:${BRANCH}`, base: 'prod', state: 'open' });
    const [create] = github.calls('POST', '/repos/acme/models/pulls');
    expect(create.headers.authorization).toBe('token ghs_pub');
    expect(create.body).toMatchObject({
      head: BRANCH,
      base: 'prod',
      title: 'Publish sales/orders/checkout to prod',
    });
    expect((create.body as { body: string }).body).toContain(
      '| `billing/tax` | called by `shared/util/address` |',
    );
    expect(report.pullRequest).toEqual({ number: 1, url: 'https://github.example/acme/models/pull/1' });
    // The scratch worktree is gone.
    expect(git(work, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
  });

  it('publishes only the named models with --no-dependencies (validation then finds the missing callee)', async () => {
    const run = await runCli(
      publishCli,
      [
        'sales/orders/checkout',
        '--from',
        'dev',
        '--to',
        'prod',
        '--no-dependencies',
        '--no-pull-request',
        '--json',
      ],
      work,
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.refused).toBe(true);
    expect(report.validation.newErrors[0].message).toContain("Process_shared_util_address' was not found");
    expect(branchSha(remote, BRANCH)).toBeNull();

    const skip = await runCli(
      publishCli,
      [
        'sales/orders/checkout',
        '--from',
        'dev',
        '--to',
        'prod',
        '--no-dependencies',
        '--no-pull-request',
        '--no-validate',
        '--json',
      ],
      work,
    );
    expect(skip.code).toBe(0);
    expect(filesAt(remote, BRANCH).filter((f) => f.endsWith('.bpmn'))).toEqual([
      'sales/orders/checkout/checkout.bpmn',
    ]);
  });

  it('rebuilds a stale publish branch from the current target and updates the one pull request', async () => {
    await publish(options({ pullRequest: true, github: gh() }));
    const first = branchSha(remote, BRANCH)!;
    // Meanwhile: prod gets another model, someone pushes an unrelated change onto the publish branch, and the
    // checkout model loses its form file on dev.
    commitOn(work, 'dev', { 'sales/orders/checkout/form-schema.json': '{}\n' }, 'add form');
    const prodHead = commitOn(work, 'prod', { ...group('hr'), ...model('hr/hiring') }, 'hiring on prod');
    const colleague = cloneRemote(remote, BRANCH);
    commitFiles(colleague, { 'sales/orders/refund/refund.bpmn': 'unrelated\n' }, 'unrelated change');
    git(colleague, 'push', '-q', 'origin', `HEAD:${BRANCH}`);
    const stale = branchSha(remote, BRANCH);
    expect(stale).not.toBe(first);

    const report = await publish(options({ pullRequest: true, github: gh() }));
    expect(report.operation).toBe('updated');
    const head = branchSha(remote, BRANCH)!;
    expect(git(remote, 'rev-list', '--parents', '-n', '1', head).split(' ')).toEqual([head, prodHead]);
    const changed = git(remote, 'diff', '--name-only', `prod...${BRANCH}`).split('\n');
    expect(changed).not.toContain('sales/orders/refund/refund.bpmn');
    expect(changed).toContain('sales/orders/checkout/form-schema.json');
    expect(filesAt(remote, head)).toContain('hr/hiring/process_model.json');
    expect(github.pulls).toHaveLength(1);
    expect(github.calls('PATCH', '/repos/acme/models/pulls/1')).toHaveLength(1);
    expect(report.pullRequest?.number).toBe(1);

    // Files removed from the model on dev are removed on the branch too.
    commitOn(work, 'dev', { 'sales/orders/checkout/form-schema.json': null }, 'drop form');
    const again = await publish(options({ pullRequest: true, github: gh() }));
    expect(again.files.map((f) => f.path)).not.toContain('sales/orders/checkout/form-schema.json');
    expect(filesAt(remote, BRANCH)).not.toContain('sales/orders/checkout/form-schema.json');
    expect(github.pulls).toHaveLength(1);
  });

  it('removes files the target has in a published model but the source no longer does', async () => {
    commitOn(
      work,
      'prod',
      { ...models, 'sales/orders/checkout/old-schema.json': '{}\n' },
      'prod had an old form',
    );
    commitOn(
      work,
      'dev',
      {
        'sales/orders/checkout/checkout.bpmn': model('sales/orders/checkout', {
          calls: ['Process_shared_util_address'],
          note: 'v2',
        })['sales/orders/checkout/checkout.bpmn'],
      },
      'v2',
    );
    const report = await publish(options({}));
    expect(report.files).toEqual([
      { status: 'modified', path: 'sales/orders/checkout/checkout.bpmn' },
      { status: 'removed', path: 'sales/orders/checkout/old-schema.json' },
    ]);
    expect(report.changes).toEqual({
      added: [],
      changed: ['sales/orders/checkout'],
      removed: [],
      otherFiles: [],
    });
    expect(filesAt(remote, BRANCH)).not.toContain('sales/orders/checkout/old-schema.json');
  });

  it('makes no commit when the target already has the models as in the source (operation unchanged)', async () => {
    const prodHead = commitOn(work, 'prod', models, 'prod already has them');
    const run = await runCli(
      publishCli,
      ['sales/orders/checkout', '--from', 'dev', '--to', 'prod', '--json'],
      work,
      env(),
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ operation: 'unchanged', commit: null, files: [], pullRequest: null });
    expect(branchSha(remote, BRANCH)).toBeNull();
    expect(branchSha(remote, 'prod')).toBe(prodHead);
    expect(github.requests).toHaveLength(0);
  });

  it('leaves an up-to-date publish branch and its pull request alone when publishing again', async () => {
    const first = await publish(options({ pullRequest: true, github: gh() }));
    expect(first.operation).toBe('created');
    const head = branchSha(remote, BRANCH);
    const again = await publish(options({ pullRequest: true, github: gh() }));
    expect(again.operation).toBe('unchanged');
    expect(again.commit).toBe(head);
    expect(again.pullRequest).toEqual(first.pullRequest);
    expect(branchSha(remote, BRANCH)).toBe(head);
    expect(github.calls('PATCH', /\/pulls\//)).toHaveLength(0);
    expect(github.calls('POST', '/repos/acme/models/pulls')).toHaveLength(1);
  });

  it('opens a new pull request when the earlier one was closed', async () => {
    await publish(options({ pullRequest: true, github: gh() }));
    github.pulls[0].state = 'closed';
    const again = await publish(options({ pullRequest: true, github: gh() }));
    expect(again.operation).toBe('created');
    expect(again.pullRequest?.number).toBe(2);
  });

  it('names the branch by a stable digest of the ids when several models are published', async () => {
    const a = publishBranchName(['billing/tax', 'sales/orders/refund'], 'prod');
    expect(a).toMatch(/^publish-2-models-[0-9a-f]{12}-to-prod$/);
    expect(publishBranchName(['sales/orders/refund', 'billing/tax', 'billing/tax'], 'prod')).toBe(a);
    expect(publishBranchName(['billing/tax'], 'prod')).toBe('publish-billing/tax-to-prod');
    const report = await publish(options({ modelIds: ['sales/orders/refund', 'billing/tax'] }));
    expect(report.branch).toBe(a);
    expect(report.models.map((m) => m.id)).toEqual(['sales/orders/refund', 'billing/tax']);
    expect(branchSha(remote, a)).toBe(report.commit);
  });

  it('refuses ids that are not models of the source or that escape the models root', async () => {
    for (const bad of ['../outside', '/etc/passwd', 'sales/../../x', 'sales//orders', 'C:\\models', '']) {
      expect(() => normalizeModelId(bad)).toThrow();
    }
    expect(normalizeModelId('sales:orders:checkout/')).toBe('sales/orders/checkout');
    await expect(publish(options({ modelIds: ['sales/orders'] }))).rejects.toThrow(
      "'sales/orders' is a process group, not a model: publish its models by id.",
    );
    await expect(publish(options({ modelIds: ['sales/orders/nope'] }))).rejects.toThrow(
      /'sales\/orders\/nope' is not a model of dev \([0-9a-f]{7}\): no sales\/orders\/nope\/process_model.json/,
    );
    await expect(runCli(publishCli, ['../x', '--to', 'prod'], work)).rejects.toThrow(
      /escapes or leaves the models root/,
    );
    expect(branchSha(remote, BRANCH)).toBeNull();
  });

  it('asks for a token, or --no-pull-request, before doing anything', async () => {
    await expect(
      runCli(publishCli, ['sales/orders/checkout', '--from', 'dev', '--to', 'prod'], work),
    ).rejects.toThrow(/provide a token \(GITHUB_TOKEN\).*or pass --no-pull-request/);
  });

  it('prints the plan on --dry-run and pushes nothing', async () => {
    const run = await runCli(
      publishCli,
      ['sales/orders/checkout', '--from', 'dev', '--to', 'prod', '--dry-run'],
      work,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Plan (dry run): publish from dev`);
    expect(run.stdout).toContain('billing/tax  (called by shared/util/address)');
    expect(run.stdout).toContain('added    sales/process_group.json');
    expect(run.stdout).toContain(`Would be: created (branch ${BRANCH}).`);
    expect(branchSha(remote, BRANCH)).toBeNull();
  });

  it('publishes from a local commit with a models root in a sub-folder', async () => {
    const local = makeRemote({}, ['prod']);
    const sha = commitFiles(local.work, under('process-models', models), 'local models, not pushed');
    const run = await runCli(
      publishCli,
      ['shared/util/address', '--to', 'prod', '--path', 'process-models', '--no-pull-request', '--json'],
      local.work,
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.sourceCommit).toBe(sha);
    expect(report.branch).toBe('publish-shared/util/address-to-prod');
    expect(report.groupFiles).toEqual([
      'process-models/billing/process_group.json',
      'process-models/shared/process_group.json',
      'process-models/shared/util/process_group.json',
    ]);
    expect(fileAt(local.remote, report.branch, 'process-models/billing/tax/process_model.json')).toContain(
      '"tax"',
    );
  });

  it('retries once when the publish branch moves between fetch and push (force-with-lease)', async () => {
    await publish(options({}));
    commitOn(work, 'dev', { 'billing/tax/notes.md': 'v2\n' }, 'tax notes');
    const colleague = cloneRemote(remote, BRANCH);
    const report = await publish(
      options({
        beforePush: async (attempt) => {
          if (attempt !== 1) return;
          commitFiles(colleague, { 'sales/orders/refund/refund.bpmn': 'meanwhile\n' }, 'meanwhile');
          git(colleague, 'push', '-q', 'origin', `HEAD:${BRANCH}`);
        },
      }),
    );
    expect(report.attempts).toBe(2);
    expect(report.operation).toBe('updated');
    expect(filesAt(remote, BRANCH)).toContain('billing/tax/notes.md');
    expect(git(remote, 'diff', '--name-only', `prod...${BRANCH}`)).not.toContain('sales/orders/refund');
  });
  it('retries once when the publish branch moves inside receive-pack (cannot lock ref)', async () => {
    await publish(options({}));
    commitOn(work, 'dev', { 'billing/tax/notes.md': 'v2\n' }, 'tax notes');
    const colleague = cloneRemote(remote, BRANCH);
    commitFiles(colleague, { 'sales/orders/refund/refund.bpmn': 'meanwhile\n' }, 'meanwhile');
    git(colleague, 'push', '-q', 'origin', 'HEAD:refs/heads/side');
    moveRefInsideReceivePack(remote, `refs/heads/${BRANCH}`, [git(colleague, 'rev-parse', 'HEAD')]);
    const report = await publish(options({}));
    expect(report.attempts).toBe(2);
    expect(report.operation).toBe('updated');
    expect(filesAt(remote, BRANCH)).toContain('billing/tax/notes.md');
    expect(git(remote, 'diff', '--name-only', `prod...${BRANCH}`)).not.toContain('sales/orders/refund');
  });
});

describe('publish --in-workspace', () => {
  it('builds the publish commit in the checkout and leaves it checked out', async () => {
    git(work, 'checkout', '-q', 'main');
    const report = await publish(options({ inWorkspace: true }));
    expect(git(work, 'rev-parse', 'HEAD')).toBe(report.commit);
    expect(git(work, 'status', '--porcelain')).toBe('');
    expect(branchSha(remote, BRANCH)).toBe(report.commit);
  });

  it('refuses when an ignored local file lies where a published one would go, and pushes nothing', async () => {
    git(work, 'checkout', '-q', 'main');
    writeFileSync(path.join(work, '.git', 'info', 'exclude'), 'refund.bpmn\n');
    const mine = path.join(work, 'sales/orders/refund/refund.bpmn');
    mkdirSync(path.dirname(mine), { recursive: true });
    writeFileSync(mine, 'my own\n');
    await expect(publish(options({ inWorkspace: true }))).rejects.toThrow(
      /would overwrite 1 file\(s\) that git ignores or does not track:\n {2}sales\/orders\/refund\/refund.bpmn\n/,
    );
    expect(readFileSync(mine, 'utf8')).toBe('my own\n');
    expect(git(work, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(branchSha(remote, BRANCH)).toBeNull();
  });

  it('puts the checkout back where it was when publishing is refused', async () => {
    git(work, 'checkout', '-q', 'main');
    const report = await publish(options({ inWorkspace: true, dependencies: false }));
    expect(report.refused).toBe(true);
    expect(git(work, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(git(work, 'status', '--porcelain')).toBe('');
  });
});

describe('dependencyClosure', () => {
  it('follows calls transitively, once per model, through cycles', () => {
    const calls = new Map([
      ['a', new Set(['b', 'c'])],
      ['b', new Set(['c', 'a'])],
      ['c', new Set(['d'])],
    ]);
    expect(dependencyClosure(['a'], calls)).toEqual([
      { id: 'a', reason: 'requested' },
      { id: 'b', reason: 'dependency', calledBy: 'a' },
      { id: 'c', reason: 'dependency', calledBy: 'a' },
      { id: 'd', reason: 'dependency', calledBy: 'c' },
    ]);
  });
});
