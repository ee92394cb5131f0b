// Ctrl-C (SIGINT) or a cancelled job (SIGTERM) during promote leaves nothing behind: no registered worktree in
// the checkout, nothing in the temp dir. The CLI bundle runs as a user runs it, stopped while it pushes (the
// remote's pre-receive hook holds the push until the test releases it, then refuses it).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  branchSha,
  commitOn,
  git,
  GIT_TEST_ENV,
  group,
  makeRemote,
  model,
  removeTempDirs,
  tempDir,
  useGitTestEnv,
} from '../helpers/git-fixtures.js';
import { cleanEnv, DIST_CLI } from '../helpers/runner.js';

beforeAll(useGitTestEnv);
afterAll(removeTempDirs);

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (check()) return;
  throw new Error(`timed out waiting for ${what}`);
}

/** A remote whose pre-receive hook holds every push until `release` exists in the gate, then refuses it. */
function holdingRemote() {
  const { remote, work } = makeRemote({ ...group('finance'), ...model('finance/invoice') }, [
    'dev',
    'staging',
  ]);
  commitOn(work, 'dev', model('finance/payment'), 'add payment');
  git(work, 'checkout', '-q', 'main');
  const gate = tempDir('spiff-gate-');
  const hook = path.join(remote, 'hooks', 'pre-receive');
  writeFileSync(
    hook,
    `#!/bin/sh\ntouch '${gate}/pushing'\nwhile [ ! -e '${gate}/release' ]; do sleep 0.05; done\nexit 1\n`,
  );
  chmodSync(hook, 0o755);
  return { remote, work, gate, staging: branchSha(remote, 'staging') };
}

/**
 * What a run left in the temp directory besides Node's module compile cache: Node 22 and later keep it there
 * (dist/cli.js switches it on), shared by every run and not promote's to remove.
 */
const leftIn = (tmp: string) => readdirSync(tmp).filter((name) => name !== 'node-compile-cache');

/** Runs the CLI promotion, sends `signal` once it pushes, and resolves with how it ended and what it said. */
async function interrupted(
  work: string,
  gate: string,
  tmp: string,
  signal: NodeJS.Signals,
  extra: string[] = [],
) {
  const args = [DIST_CLI, 'promote', '--from', 'dev', '--to', 'staging', '--no-validate', ...extra];
  const child = spawn(process.execPath, args, {
    cwd: work,
    env: cleanEnv({ ...GIT_TEST_ENV, TMPDIR: tmp }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, sig) => resolve({ code, signal: sig })),
  );
  try {
    await until('the push', () => existsSync(path.join(gate, 'pushing')));
    const during = {
      tmp: leftIn(tmp),
      worktrees: git(work, 'worktree', 'list', '--porcelain').match(/^worktree /gm)?.length,
    };
    child.kill(signal);
    return { ...(await exited), stderr, during };
  } finally {
    writeFileSync(path.join(gate, 'release'), '');
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

describe.each(['SIGINT', 'SIGTERM'] as const)('promote stopped by %s', (signal) => {
  it('removes its worktree and its temp directory, and pushes nothing', async () => {
    const { remote, work, gate, staging } = holdingRemote();
    const tmp = tempDir('spiff-tmp-');
    const run = await interrupted(work, gate, tmp, signal);
    expect(run.during).toEqual({ tmp: [expect.stringMatching(/^spiff-models-/)], worktrees: 2 });
    expect({ code: run.code, signal: run.signal }).toEqual({ code: null, signal });
    expect(run.stderr).toMatch(new RegExp(`${signal}: removing the scratch worktree `));
    expect(git(work, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    expect(leftIn(tmp)).toEqual([]);
    expect(branchSha(remote, 'staging')).toBe(staging);
  });
});

describe('promote --in-workspace stopped by SIGINT', () => {
  it('puts the checkout back on its branch, clean', async () => {
    const { remote, work, gate, staging } = holdingRemote();
    const run = await interrupted(work, gate, tempDir('spiff-tmp-'), 'SIGINT', ['--in-workspace']);
    expect(run.signal).toBe('SIGINT');
    expect(run.stderr).toContain('SIGINT: putting the checkout at');
    expect(git(work, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(git(work, 'status', '--porcelain')).toBe('');
    expect(branchSha(remote, 'staging')).toBe(staging);
  });
});
