// promote against real repositories: a bare remote with environment branches, pushed to from other clones.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promoteCli } from '../../src/promote/cli.js';
import { promote, type PromoteOptions } from '../../src/promote/promote.js';
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
  switchTo,
  under,
  useGitTestEnv,
  writeFiles,
  type Files,
} from '../helpers/git-fixtures.js';
import { runCli } from './run.js';

beforeAll(useGitTestEnv);
afterAll(removeTempDirs);

const base: Files = {
  ...group('finance'),
  ...model('finance/invoice'),
  ...group('shared'),
  ...model('shared/notify'),
};

/** main, dev, staging and prod all at the first commit. */
function environments() {
  return makeRemote(base, ['dev', 'staging', 'prod']);
}

function options(work: string, extra: Partial<PromoteOptions>): PromoteOptions {
  return {
    cwd: work,
    path: '.',
    remote: 'origin',
    inWorkspace: false,
    env: gitTestEnv(),
    from: 'dev',
    to: 'staging',
    strategy: 'merge',
    via: 'git',
    dryRun: false,
    validate: false,
    ...extra,
  };
}

describe('promote --strategy fast-forward', () => {
  it('moves the target to the source commit when the target has not diverged', async () => {
    const { remote, work } = environments();
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    const head = commitOn(work, 'dev', { 'finance/invoice/invoice.bpmn': 'changed\n' }, 'change invoice');
    const run = await runCli(
      promoteCli,
      ['--from', 'dev', '--to', 'staging', '--strategy', 'fast-forward', '--no-validate', '--json'],
      work,
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.result).toBe('fast-forwarded');
    expect(report.commit).toBe(head);
    expect(report.commits).toHaveLength(2);
    expect(report.models).toMatchObject({
      added: ['finance/payment'],
      changed: ['finance/invoice'],
      removed: [],
    });
    expect(report.changedModels).toEqual(['finance/invoice', 'finance/payment']);
    expect(branchSha(remote, 'staging')).toBe(head);
  });

  it('refuses when the target has commits the source lacks, and pushes nothing', async () => {
    const { remote, work } = environments();
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    const hotfix = commitOn(work, 'staging', { 'shared/notify/notes.md': 'hotfix\n' }, 'hotfix on staging');
    const run = await runCli(
      promoteCli,
      ['--from', 'dev', '--to', 'staging', '--strategy', 'fast-forward', '--no-validate'],
      work,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("'staging' has 1 commit(s) that 'dev' does not have");
    expect(run.stdout).toContain('--strategy merge');
    expect(branchSha(remote, 'staging')).toBe(hotfix);
  });
});

describe('promote --strategy merge', () => {
  it('creates a merge commit naming the source, its commit and the changed models', async () => {
    const { remote, work } = environments();
    const devHead = commitOn(
      work,
      'dev',
      { ...model('finance/payment'), 'shared/notify': null },
      'add payment, drop notify',
    );
    const hotfix = commitOn(
      work,
      'staging',
      { 'finance/invoice/readme.md': 'hotfix\n' },
      'hotfix on staging',
    );
    const run = await runCli(promoteCli, ['--from', 'dev', '--to', 'staging', '--no-validate'], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Result: merged');
    const head = branchSha(remote, 'staging')!;
    expect(git(remote, 'rev-list', '--parents', '-n', '1', head).split(' ')).toEqual([head, hotfix, devHead]);
    const message = git(remote, 'log', '-1', '--format=%B', head);
    expect(message).toContain('Promote dev into staging');
    expect(message).toContain(`Merge branch 'dev' at ${devHead} into 'staging'`);
    expect(message).toContain('Models added: finance/payment');
    expect(message).toContain('Models removed: shared/notify');
    expect(filesAt(remote, 'staging')).toContain('finance/invoice/readme.md');
    expect(filesAt(remote, 'staging')).not.toContain('shared/notify/process_model.json');
    // The scratch worktree is gone and the checkout was not touched.
    expect(git(work, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    expect(git(work, 'status', '--porcelain')).toBe('');
  });

  it('makes a merge commit even when a fast-forward would do', async () => {
    const { remote, work } = environments();
    const devHead = commitOn(work, 'dev', model('finance/payment'), 'add payment');
    const before = branchSha(remote, 'staging')!;
    const report = await promote(options(work, {}));
    expect(report.result).toBe('merged');
    expect(git(remote, 'rev-list', '--parents', '-n', '1', 'staging').split(' ').slice(1)).toEqual([
      before,
      devHead,
    ]);
  });

  it('reports up-to-date when the target already contains the source', async () => {
    const { remote, work } = environments();
    commitOn(work, 'staging', { 'notes.md': 'staging only\n' }, 'staging note');
    const before = branchSha(remote, 'staging');
    const run = await runCli(promoteCli, ['--from', 'dev', '--to', 'staging', '--no-validate'], work);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Up to date: 'staging' already contains 'dev'");
    expect(branchSha(remote, 'staging')).toBe(before);
  });

  it('lists conflicting files with their models and pushes nothing', async () => {
    const { remote, work } = environments();
    commitOn(
      work,
      'dev',
      { 'finance/invoice/invoice.bpmn': 'dev version\n', 'README.md': 'dev readme\n' },
      'dev edit',
    );
    const staged = commitOn(
      work,
      'staging',
      { 'finance/invoice/invoice.bpmn': 'staging version\n', 'README.md': 'staging readme\n' },
      'staging edit',
    );
    const run = await runCli(
      promoteCli,
      ['--from', 'dev', '--to', 'staging', '--no-validate', '--json'],
      work,
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.result).toBe('conflict');
    expect(report.conflicts).toEqual([
      { file: 'README.md', modelId: null },
      { file: 'finance/invoice/invoice.bpmn', modelId: 'finance/invoice' },
    ]);
    expect(branchSha(remote, 'staging')).toBe(staged);
    const text = await runCli(promoteCli, ['--from', 'dev', '--to', 'staging', '--no-validate'], work);
    expect(text.stdout).toContain('finance/invoice/invoice.bpmn  (model finance/invoice)');
    expect(text.stdout).toContain("merge 'staging' into 'dev'");
  });
});

describe('promote when the target moves meanwhile', () => {
  it('retries once from a fresh fetch after a rejected push', async () => {
    const { remote, work } = environments();
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    const colleague = cloneRemote(remote, 'staging');
    let theirs = '';
    const report = await promote(
      options(work, {
        beforePush: async (attempt) => {
          if (attempt !== 1) return;
          theirs = commitFiles(
            colleague,
            { 'shared/notify/notes.md': 'pushed meanwhile\n' },
            'concurrent push',
          );
          git(colleague, 'push', '-q', 'origin', 'HEAD:staging');
        },
      }),
    );
    expect(report.result).toBe('merged');
    expect(report.attempts).toBe(2);
    const head = branchSha(remote, 'staging')!;
    expect(git(remote, 'rev-list', '--parents', '-n', '1', head).split(' ')[1]).toBe(theirs);
    expect(filesAt(remote, head)).toEqual(
      expect.arrayContaining(['shared/notify/notes.md', 'finance/payment/process_model.json']),
    );
  });

  it('fails clearly when the target moves again on the retry, leaving it as the others pushed it', async () => {
    const { remote, work } = environments();
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    const colleague = cloneRemote(remote, 'staging');
    let theirs = '';
    const promotion = promote(
      options(work, {
        beforePush: async (attempt) => {
          theirs = commitFiles(
            colleague,
            { [`notes-${attempt}.md`]: 'busy\n' },
            `concurrent push ${attempt}`,
          );
          git(colleague, 'push', '-q', 'origin', 'HEAD:staging');
        },
      }),
    );
    await expect(promotion).rejects.toThrow(
      /'staging' on remote 'origin' moved again while promoting \(retried once/,
    );
    expect(branchSha(remote, 'staging')).toBe(theirs);
  });
});

describe('promote when the target moves inside receive-pack (cannot lock ref)', () => {
  /** A colleague's commit on staging, in the remote but not yet on staging. */
  function concurrentCommit(remote: string, n: number): string {
    const colleague = cloneRemote(remote, 'staging');
    const sha = commitFiles(colleague, { [`notes-${n}.md`]: 'pushed meanwhile\n' }, `concurrent push ${n}`);
    git(colleague, 'push', '-q', 'origin', `HEAD:refs/heads/side-${n}`);
    return sha;
  }

  it('is retried from a fresh fetch like a non-fast-forward', async () => {
    const { remote, work } = environments();
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    const theirs = concurrentCommit(remote, 1);
    moveRefInsideReceivePack(remote, 'refs/heads/staging', [theirs]);
    const logs: string[] = [];
    const report = await promote(options(work, { log: (l) => logs.push(l) }));
    expect(report.result).toBe('merged');
    expect(report.attempts).toBe(2);
    expect(logs.join('\n')).toContain("'staging' moved while promoting; fetching again and retrying once.");
    const head = branchSha(remote, 'staging')!;
    expect(git(remote, 'rev-list', '--parents', '-n', '1', head).split(' ')[1]).toBe(theirs);
  });

  it('moving again on the retry says someone else is pushing, not that credentials are wrong', async () => {
    const { remote, work } = environments();
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    moveRefInsideReceivePack(remote, 'refs/heads/staging', [
      concurrentCommit(remote, 1),
      concurrentCommit(remote, 2),
    ]);
    const promotion = promote(options(work, {}));
    await expect(promotion).rejects.toThrow(/'staging' on remote 'origin' moved again while promoting/);
    await expect(promote(options(work, {}))).resolves.toMatchObject({ result: 'merged' });
  });
});

describe('promote --dry-run', () => {
  it('prints the commits that would move and the models added, changed and removed, and pushes nothing', async () => {
    const { remote, work } = environments();
    commitOn(work, 'dev', { ...model('finance/payment'), 'shared/notify': null }, 'add payment, drop notify');
    commitOn(work, 'dev', { 'finance/invoice/invoice.bpmn': 'changed\n' }, 'change invoice');
    const before = branchSha(remote, 'staging');
    const run = await runCli(
      promoteCli,
      ['--from', 'dev', '--to', 'staging', '--no-validate', '--dry-run'],
      work,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Plan (dry run): promote dev');
    expect(run.stdout).toContain('2 commit(s) would move:');
    expect(run.stdout).toContain('add payment, drop notify');
    expect(run.stdout).toContain('change invoice');
    expect(run.stdout).toContain('models added: finance/payment');
    expect(run.stdout).toContain('models changed: finance/invoice');
    expect(run.stdout).toContain('models removed: shared/notify');
    expect(run.stdout).toContain("Would be merged: a merge commit on 'staging'");
    expect(branchSha(remote, 'staging')).toBe(before);
  });
});

describe('promote work areas', () => {
  it('maps files to model ids relative to a models root in a sub-folder', async () => {
    const { work } = makeRemote(under('process-models', base), ['dev', 'staging']);
    commitOn(work, 'dev', under('process-models', model('finance/invoice', { note: 'v2' })), 'v2');
    commitOn(work, 'dev', { 'docs/guide.md': 'outside the models\n' }, 'docs');
    const run = await runCli(
      promoteCli,
      ['--from', 'dev', '--to', 'staging', '--path', 'process-models', '--no-validate', '--json'],
      work,
    );
    const report = JSON.parse(run.stdout);
    expect(report.models).toEqual({
      added: [],
      changed: ['finance/invoice'],
      removed: [],
      otherFiles: ['docs/guide.md'],
    });
  });

  it('clones a remote given as a URL or path into a scratch directory', async () => {
    const { remote, work, root } = environments();
    const head = commitOn(work, 'dev', model('finance/payment'), 'add payment');
    const run = await runCli(
      promoteCli,
      ['--from', 'dev', '--to', 'prod', '--remote', remote, '--strategy', 'fast-forward', '--no-validate'],
      root,
    );
    expect(run.code).toBe(0);
    expect(branchSha(remote, 'prod')).toBe(head);
  });

  it('works in the checkout itself when asked, leaving the result checked out', async () => {
    const { remote, work } = environments();
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    switchTo(work, 'main');
    const run = await runCli(
      promoteCli,
      ['--from', 'dev', '--to', 'staging', '--in-workspace', '--no-validate'],
      work,
    );
    expect(run.code).toBe(0);
    expect(git(work, 'rev-parse', 'HEAD')).toBe(branchSha(remote, 'staging'));
    expect(fileAt(work, 'HEAD', 'finance/payment/process_model.json')).toContain('payment');
  });

  it.each([
    ['ignored', 'finance/invoice/settings.local.json', 'merge'],
    ['untracked', 'finance/invoice/notes.md', 'merge'],
    ['ignored', 'finance/invoice/settings.local.json', 'fast-forward'],
  ] as const)(
    'refuses --in-workspace when a local %s file is where an incoming one would go, naming it (%s, %s)',
    async (_kind, file, strategy) => {
      const { remote, work } = environments();
      commitOn(work, 'main', { '.gitignore': '*.local.json\n' }, 'ignore local settings');
      git(work, 'push', '-q', 'origin', 'HEAD:dev');
      switchTo(work, 'dev');
      writeFiles(work, { [file]: 'from dev\n' });
      git(work, 'add', '-f', file);
      git(work, 'commit', '-q', '-m', 'a file on dev');
      git(work, 'push', '-q', 'origin', 'HEAD:dev');
      switchTo(work, 'main');
      writeFiles(work, { [file]: 'my own, not committed\n' });
      const staging = branchSha(remote, 'staging');
      const promotion = promote(options(work, { inWorkspace: true, strategy }));
      await expect(promotion).rejects.toThrow(
        /--in-workspace: checking out [0-9a-f]{40} in .* would overwrite 1 file/,
      );
      await expect(promote(options(work, { inWorkspace: true, strategy }))).rejects.toThrow(`\n  ${file}\n`);
      expect(readFileSync(path.join(work, file), 'utf8')).toBe('my own, not committed\n');
      expect(git(work, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
      expect(branchSha(remote, 'staging')).toBe(staging);
    },
  );

  it('refuses --in-workspace on a detached HEAD that no branch or tag holds, naming the commit', async () => {
    const { remote, work } = environments();
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    switchTo(work, 'main');
    git(work, 'checkout', '-q', '--detach');
    const local = commitFiles(work, { 'local.md': 'only here\n' }, 'a local commit on a detached HEAD');
    const staging = branchSha(remote, 'staging');
    await expect(promote(options(work, { inWorkspace: true }))).rejects.toThrow(
      new RegExp(`detached HEAD, ${local}, that no branch or tag holds`),
    );
    expect(git(work, 'rev-parse', 'HEAD')).toBe(local);
    expect(branchSha(remote, 'staging')).toBe(staging);
  });

  it("works in the checkout on the run's own commit (GITHUB_SHA), which actions/checkout of a sha holds in no ref", async () => {
    const { remote, work } = environments();
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    switchTo(work, 'main');
    git(work, 'checkout', '-q', '--detach');
    const local = commitFiles(work, { 'local.md': 'pushed elsewhere\n' }, 'the commit the run is for');
    const report = await promote(
      options(work, { inWorkspace: true, env: gitTestEnv({ GITHUB_SHA: local }) }),
    );
    expect(report.result).toBe('merged');
    expect(git(work, 'rev-parse', 'HEAD')).toBe(branchSha(remote, 'staging'));
  });

  it('works in the checkout on a detached HEAD that a branch holds (as actions/checkout leaves it)', async () => {
    const { remote, work } = environments();
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    switchTo(work, 'main');
    git(work, 'checkout', '-q', '--detach');
    const run = await runCli(
      promoteCli,
      ['--from', 'dev', '--to', 'staging', '--in-workspace', '--no-validate'],
      work,
    );
    expect(run.code).toBe(0);
    expect(git(work, 'rev-parse', 'HEAD')).toBe(branchSha(remote, 'staging'));
  });

  it('refuses --in-workspace on a checkout with uncommitted changes', async () => {
    const { work } = environments();
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    git(work, 'checkout', '-q', 'main');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${work}/README.md`, 'dirty\n');
    await expect(promote(options(work, { inWorkspace: true }))).rejects.toThrow(/uncommitted changes/);
  });

  it('names a missing branch and says what to do', async () => {
    const { work } = environments();
    await expect(promote(options(work, { to: 'qa' }))).rejects.toThrow(
      "Branch 'qa' does not exist on remote 'origin'. promote only moves existing environment branches",
    );
    await expect(promote(options(work, { from: 'feature' }))).rejects.toThrow(
      /Branch 'feature' does not exist/,
    );
  });

  it('rejects bad arguments as usage errors', async () => {
    const { work } = environments();
    await expect(runCli(promoteCli, ['--from', 'dev'], work)).rejects.toThrow(
      /--from BRANCH and --to BRANCH/,
    );
    await expect(
      runCli(promoteCli, ['--from', 'dev', '--to', 'x', '--strategy', 'rebase'], work),
    ).rejects.toThrow("--strategy must be one of merge, fast-forward; got 'rebase'");
    await expect(runCli(promoteCli, ['--from', 'dev', '--to', 'dev'], work)).rejects.toThrow(
      /nothing to promote/,
    );
    await expect(
      runCli(promoteCli, ['--from', 'dev', '--to', 'x', '--remote', 'nowhere'], work),
    ).rejects.toThrow(/'nowhere' is neither a remote of the repository/);
  });
});

describe('the spiff-models command line', () => {
  it('maps a refusal to exit 1 and a usage error to exit 2', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { work } = environments();
    commitOn(work, 'dev', { 'README.md': 'dev\n' }, 'dev readme');
    commitOn(work, 'staging', { 'README.md': 'staging\n' }, 'staging readme');
    let out = '';
    let err = '';
    const io = {
      stdout: (t: string) => void (out += t),
      stderr: (t: string) => void (err += t),
      cwd: work,
      env: gitTestEnv(),
      isTTY: false,
    };
    expect(await main(['promote', '--from', 'dev', '--to', 'staging', '--no-validate'], io)).toBe(1);
    expect(out).toContain('Conflict:');
    expect(await main(['promote', '--from', 'dev'], io)).toBe(2);
    expect(err).toContain('promote needs both --from BRANCH and --to BRANCH');
    expect(await main(['promote', '--frm', 'dev'], io)).toBe(2);
    expect(await main(['publish', '--help'], io)).toBe(0);
    expect(out).toContain('spiff-models publish MODEL_ID... --to BRANCH');
  });

  it('says when it is not run inside a checkout', async () => {
    const { tempDir } = await import('../helpers/git-fixtures.js');
    await expect(runCli(promoteCli, ['--from', 'dev', '--to', 'staging'], tempDir())).rejects.toThrow(
      /is not inside a git repository, so remote 'origin' means nothing here/,
    );
  });
});
