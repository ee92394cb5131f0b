// A models root without process models is a mistake (a typo in the path, the wrong folder), never a clean
// run: validate, bake, promote and publish stop with exit 2 naming the path and what was looked for, unless
// --allow-empty says the repository really holds none.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import {
  branchSha,
  commitOn,
  filesAt,
  git,
  gitTestEnv,
  group,
  makeRemote,
  model,
  removeTempDirs,
  switchTo,
  tempDir,
  useGitTestEnv,
} from '../helpers/git-fixtures.js';

beforeAll(useGitTestEnv);
afterAll(removeTempDirs);

async function cli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return runCli(argv, {
    cwd,
    env: { ...gitTestEnv(), DOCKER_HOST: 'unix:///nonexistent/docker.sock', ...env },
  });
}

const LOOKED_FOR = /no process_model\.json/;

describe('validate', () => {
  it('an empty folder is exit 2 naming it (it said "0 models, 0 files: no problems")', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'models'));
    const run = await cli(['validate', 'models'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(path.join(dir, 'models'));
    expect(run.stderr).toMatch(LOOKED_FOR);
    expect(run.stderr).toMatch(/--allow-empty/);
    expect(run.stdout).toBe('');
  });

  it('a folder with files but no model is exit 2 too, for every format', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'README.md'), 'models live elsewhere\n');
    fs.mkdirSync(path.join(dir, 'finance'));
    fs.writeFileSync(path.join(dir, 'finance/process_group.json'), '{"display_name": "Finance"}');
    for (const format of ['stylish', 'json', 'sarif', 'markdown']) {
      const run = await cli(['validate', '.', '--format', format], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(LOOKED_FOR);
    }
  });

  it('--allow-empty accepts a repository that really holds no model', async () => {
    const dir = tempDir();
    const run = await cli(['validate', '.', '--allow-empty', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ models: 0, files: 0, errors: 0, warnings: 0 });
  });
});

// bake requires a pinned base image; a dry run never pulls it.
const BASE = ['--base-image', 'ghcr.io/sartography/spiffworkflow-backend:v2.2.0'];

describe('bake', () => {
  it('an empty models root is exit 2, with and without validation', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'no models here\n');
    for (const extra of [[], ['--no-validate']]) {
      const run = await cli(
        ['bake', dir, ...BASE, '--dry-run', '--output-dir', path.join(dir, 'out'), ...extra],
        dir,
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(LOOKED_FOR);
      expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    }
    const allowed = await cli(
      ['bake', dir, ...BASE, '--dry-run', '--output-dir', path.join(dir, 'out'), '--allow-empty'],
      dir,
    );
    expect(allowed.stderr).not.toMatch(LOOKED_FOR);
    expect(allowed.code).toBe(0);
  });
});

const tree = { ...group('finance'), ...model('finance/invoice') };
/** A model whose .bpmn does not parse: validation must catch it before it reaches staging. */
const broken = { ...model('finance/payment'), 'finance/payment/payment.bpmn': '<bpmn:definitions' };

describe('promote', () => {
  it('a typo in --path is exit 2 and merges nothing (it said "validation: no new errors" and merged a broken model)', async () => {
    const { remote, work } = makeRemote(tree, ['dev', 'staging']);
    commitOn(work, 'dev', broken, 'broken payment');
    const before = branchSha(remote, 'staging');
    const run = await cli(['promote', '--from', 'dev', '--to', 'staging', '--path', 'modelz'], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/'modelz'/);
    expect(run.stderr).toMatch(LOOKED_FOR);
    expect(run.stderr).toMatch(/'dev'/);
    expect(branchSha(remote, 'staging')).toBe(before);
    // and with the right path the broken model is refused
    const right = await cli(['promote', '--from', 'dev', '--to', 'staging'], work);
    expect(right.code).toBe(1);
    expect(branchSha(remote, 'staging')).toBe(before);
  });

  it('a typo in --path is exit 2 with --no-validate and --dry-run too', async () => {
    const { work } = makeRemote(tree, ['dev', 'staging']);
    commitOn(work, 'dev', model('finance/payment'), 'payment');
    for (const extra of [['--no-validate'], ['--dry-run']]) {
      const run = await cli(
        ['promote', '--from', 'dev', '--to', 'staging', '--path', 'modelz', ...extra],
        work,
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(LOOKED_FOR);
    }
  });

  it('a target without models is exit 2 naming it; --allow-empty promotes into it', async () => {
    const { remote, work } = makeRemote({ 'README.md': 'environments\n' }, ['dev', 'staging']);
    commitOn(work, 'dev', tree, 'models on dev');
    const run = await cli(['promote', '--from', 'dev', '--to', 'staging'], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/'staging'/);
    expect(run.stderr).toMatch(LOOKED_FOR);
    const allowed = await cli(['promote', '--from', 'dev', '--to', 'staging', '--allow-empty'], work);
    expect(allowed.code).toBe(0);
    expect(filesAt(remote, 'staging')).toContain('finance/invoice/process_model.json');
  });

  it('a source that removed every model is exit 2, not an empty staging', async () => {
    const { remote, work } = makeRemote(tree, ['dev', 'staging']);
    switchTo(work, 'dev');
    git(work, 'rm', '-q', '-r', 'finance');
    git(work, 'commit', '-q', '-m', 'remove all models');
    git(work, 'push', '-q', 'origin', 'HEAD:refs/heads/dev');
    const before = branchSha(remote, 'staging');
    const run = await cli(['promote', '--from', 'dev', '--to', 'staging'], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(LOOKED_FOR);
    expect(branchSha(remote, 'staging')).toBe(before);
  });
});

describe('publish', () => {
  it('a typo in --path is exit 2 naming the path, before any id is looked up', async () => {
    const { remote, work } = makeRemote({}, ['dev', 'prod']);
    commitOn(work, 'dev', tree, 'models on dev');
    const run = await cli(
      [
        'publish',
        'finance/invoice',
        '--from',
        'dev',
        '--to',
        'prod',
        '--path',
        'modelz',
        '--no-pull-request',
      ],
      work,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/'modelz'/);
    expect(run.stderr).toMatch(LOOKED_FOR);
    expect(branchSha(remote, 'publish-finance/invoice-to-prod')).toBeNull();
  });
});
