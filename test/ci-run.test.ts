// .ci/run on a fresh Debian machine, played by fakes on PATH: it installs what is missing, starts dockerd as
// `dockerd --bridge=none --iptables=false` and writes its pid, runs the test command under the machine's Node
// and again under Node 24 (fetched from the npm registry), prints "N passed, N failed" for both, and ends no
// process by name (no pkill, no killall).
import { afterEach, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './helpers/runner.js';

const REAL = [
  'bash',
  'env',
  'cat',
  'seq',
  'sleep',
  'tail',
  'tee',
  'grep',
  'sed',
  'dirname',
  'chmod',
  'rm',
  'git',
  'mkdir',
  'touch',
  'mv',
  'uname',
  'mktemp',
  'tar',
  'gzip',
];

let sandbox: string;
const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  rmSync(sandbox, { recursive: true, force: true });
});

function script(name: string, body: string): void {
  const file = path.join(sandbox, 'bin', name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
}

/**
 * A machine with git and npm but no Docker: apt-get "installs" fakes that record what they are asked. The fake
 * npm says which node each `npm test` runs with, and `npm pack` makes a package whose bin/node is a script
 * (or fails, with `packFails`).
 */
function freshMachine(packFails = false): { run: () => ReturnType<typeof spawnSync>; logs: string } {
  sandbox = mkdtempSync(path.join(os.tmpdir(), 'spiff-ci-run-'));
  const bin = path.join(sandbox, 'bin');
  const repo = path.join(sandbox, 'repo');
  const logs = path.join(sandbox, 'logs');
  for (const dir of [bin, path.join(repo, '.ci'), logs, path.join(sandbox, 'home')])
    mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(REPO_ROOT, '.ci/run'), path.join(repo, '.ci/run'));
  for (const tool of REAL) {
    const found = spawnSync('/bin/sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    symlinkSync(found, path.join(bin, tool));
  }
  const s = sandbox;
  script('pkill', `echo "pkill $*" >> '${s}/killed'`);
  script('killall', `echo "killall $*" >> '${s}/killed'`);
  script(
    'npm',
    [
      'case "$1" in',
      `  test) echo "node=$(command -v node)" >> '${s}/npm-test.log'; echo 'Tests:       7 passed, 7 total' ;;`,
      packFails
        ? '  pack) echo "npm error 404" >&2; exit 1 ;;'
        : "  pack) for a; do spec=$a; done; mkdir -p package/bin && printf '#!/bin/sh\\necho v24\\n' > package/bin/node &&" +
          ' chmod +x package/bin/node && tar -czf "${spec%@*}-${spec#*@}.tgz" package && rm -rf package ;;',
      'esac',
      'exit 0',
    ].join('\n'),
  );
  script(
    'apt-get',
    [
      `echo "$*" >> '${s}/apt.log'`,
      // What Debian's invoke-rc.d would ask before starting a package's service.
      `[ "$1" = install ] && { '${s}/policy-rc.d' docker-registry start; echo "policy-rc.d says $?" >> '${s}/apt.log'; }`,
      '[ "$1" = install ] || exit 0',
      'for p in "$@"; do case $p in',
      // dockerd runs in the foreground until stopped; the client answers once it has started.
      `  docker.io) printf '#!/bin/sh\\necho "$$ $*" > ${s}/dockerd.args\\ntouch ${s}/docker-up\\nexec sleep 600\\n' > '${s}/bin/dockerd'`,
      `    printf '#!/bin/sh\\n[ -e ${s}/docker-up ]\\n' > '${s}/bin/docker'; chmod +x '${s}/bin/dockerd' '${s}/bin/docker' ;;`,
      `  docker-registry) printf '#!/bin/sh\\nexit 0\\n' > '${s}/bin/docker-registry'; chmod +x '${s}/bin/docker-registry' ;;`,
      `  apache2-utils) printf '#!/bin/sh\\nexit 0\\n' > '${s}/bin/htpasswd'; chmod +x '${s}/bin/htpasswd' ;;`,
      'esac; done',
    ].join('\n'),
  );
  const env = {
    PATH: bin,
    HOME: path.join(sandbox, 'home'),
    CI_LOG_DIR: logs,
    CI_POLICY_RC_D: path.join(sandbox, 'policy-rc.d'),
  };
  return {
    run: () => {
      const result = spawnSync(path.join(bin, 'bash'), [path.join(repo, '.ci/run')], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      // The fake dockerd says its own pid: afterEach ends it by that, whatever the script recorded.
      const argsFile = path.join(s, 'dockerd.args');
      if (existsSync(argsFile)) started.push(Number(readFileSync(argsFile, 'utf8').split(' ')[0]));
      return result;
    },
    logs,
  };
}

describe('.ci/run on a fresh machine', () => {
  test('installs the packages, starts dockerd and keeps its pid, runs the tests, ends nothing by name', () => {
    const { run, logs } = freshMachine();
    const result = run();
    const pidFile = path.join(logs, 'ci-dockerd.pid');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // Both runs counted: under the machine's Node (none on this PATH) and under the Node 24 it fetched.
    expect(String(result.stdout).trimEnd().split('\n').pop()).toBe('14 passed, 0 failed');
    const node24 = path.join(sandbox, 'home/.cache/spiff-models-ci/node-v24.22.3/bin/node');
    expect(readFileSync(path.join(sandbox, 'npm-test.log'), 'utf8')).toBe(`node=\nnode=${node24}\n`);
    expect(readFileSync(path.join(sandbox, 'apt.log'), 'utf8')).toContain(
      'install -y -qq docker.io docker-registry apache2-utils',
    );
    // No service started during the install (policy-rc.d answered 101), none stopped, the switch removed after.
    expect(readFileSync(path.join(sandbox, 'apt.log'), 'utf8')).toContain('policy-rc.d says 101');
    expect(existsSync(path.join(sandbox, 'policy-rc.d'))).toBe(false);
    expect(existsSync(path.join(sandbox, 'killed'))).toBe(false);
    const [pid, ...args] = readFileSync(path.join(sandbox, 'dockerd.args'), 'utf8').trim().split(' ');
    expect(args).toEqual(['--bridge=none', '--iptables=false']);
    expect(readFileSync(pidFile, 'utf8').trim()).toBe(pid);
    expect(() => process.kill(Number(pid), 0)).not.toThrow();
  });

  test('fails when Node 24 cannot be fetched, with the first run still counted', () => {
    const { run } = freshMachine(true);
    const result = run();
    expect(result.status).not.toBe(0);
    expect(String(result.stdout)).toContain('could not fetch Node 24.22.3');
    expect(existsSync(path.join(sandbox, 'home/.cache/spiff-models-ci/node-v24.22.3'))).toBe(false);
    expect(String(result.stdout).trimEnd().split('\n').pop()).toBe('7 passed, 1 failed');
  });

  test('runs the second pass on the Node major of .node-version, the one action.yml runs', () => {
    const text = readFileSync(path.join(REPO_ROOT, '.ci/run'), 'utf8');
    const pinned = /^node24_version=(\d+)\.\d+\.\d+$/m.exec(text)?.[1];
    expect(pinned).toBe(readFileSync(path.join(REPO_ROOT, '.node-version'), 'utf8').trim());
  });

  test('names no process to end anywhere in the script', () => {
    const text = readFileSync(path.join(REPO_ROOT, '.ci/run'), 'utf8');
    expect(text).not.toMatch(/\b(pkill|killall)\b/);
  });
});
