// promote --via api: the merge happens through GitHub's REST API (played by a local server backed by the
// bare remote), after the same local conflict check and validation as a git promotion.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { promoteCli } from '../../src/promote/cli.js';
import {
  branchSha,
  commitOn,
  git,
  makeRemote,
  model,
  removeTempDirs,
  useGitTestEnv,
} from '../helpers/git-fixtures.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/github-api.js';
import { runCli } from './run.js';

beforeAll(useGitTestEnv);
afterAll(removeTempDirs);

let remote: string;
let work: string;
let github: FakeGitHub;

beforeEach(async () => {
  ({ remote, work } = makeRemote(model('finance/invoice'), ['dev', 'staging']));
  github = await startFakeGitHub({ token: 'ghs_secret', repos: { 'acme/models': remote } });
});
afterEach(() => github.close());

const env = () => ({
  GITHUB_TOKEN: 'ghs_secret',
  GITHUB_API_URL: github.url,
  GITHUB_REPOSITORY: 'acme/models',
});
const args = ['--from', 'dev', '--to', 'staging', '--via', 'api', '--no-validate'];

describe('promote --via api', () => {
  it('merges through POST /repos/{owner}/{repo}/merges (201) with the validated head commit and message', async () => {
    const devHead = commitOn(work, 'dev', model('finance/payment'), 'add payment');
    const before = branchSha(remote, 'staging');
    const run = await runCli(promoteCli, [...args, '--json'], work, env());
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.result).toBe('merged');
    const [call] = github.calls('POST', '/repos/acme/models/merges');
    expect(call.headers.authorization).toBe('token ghs_secret');
    expect(call.body).toMatchObject({ base: 'staging', head: devHead });
    expect((call.body as { commit_message: string }).commit_message).toContain(
      'Models added: finance/payment',
    );
    expect(call.status).toBe(201);
    expect(report.commit).toBe(branchSha(remote, 'staging'));
    expect(git(remote, 'rev-list', '--parents', '-n', '1', 'staging').split(' ').slice(1)).toEqual([
      before,
      devHead,
    ]);
    // Git only read: nothing was pushed by git, so the merge commit is GitHub's.
    expect(git(remote, 'log', '-1', '--format=%s', 'staging')).toBe('Promote dev into staging');
  });

  it('reports up-to-date when GitHub answers 204 (nothing to merge)', async () => {
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    github.override('POST', '/repos/acme/models/merges', () => ({ status: 204 }));
    const run = await runCli(promoteCli, [...args, '--json'], work, env());
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.result).toBe('up-to-date');
    expect(report.warnings[0]).toMatch(/GitHub had nothing to merge/);
  });

  it('explains a 404 (branch or repository missing on GitHub)', async () => {
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    github.override('POST', '/repos/acme/models/merges', () => ({
      status: 404,
      body: { message: 'Base does not exist' },
    }));
    await expect(runCli(promoteCli, args, work, env())).rejects.toThrow(
      /GitHub answered 404 to merging [0-9a-f]{40} into 'staging' in acme\/models: the base branch or the head commit/,
    );
  });

  it('reports a 409 as a conflict and fails', async () => {
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    const before = branchSha(remote, 'staging');
    github.override('POST', '/repos/acme/models/merges', () => ({
      status: 409,
      body: { message: 'Merge conflict' },
    }));
    const run = await runCli(promoteCli, [...args, '--json'], work, env());
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ result: 'conflict', refused: true });
    expect(branchSha(remote, 'staging')).toBe(before);
  });

  it('finds conflicts locally first and never calls the API then', async () => {
    commitOn(work, 'dev', { 'finance/invoice/invoice.bpmn': 'dev\n' }, 'dev edit');
    commitOn(work, 'staging', { 'finance/invoice/invoice.bpmn': 'staging\n' }, 'staging edit');
    const run = await runCli(promoteCli, args, work, env());
    expect(run.code).toBe(1);
    expect(github.requests).toHaveLength(0);
  });

  it('fast-forwards through PATCH git/refs without force', async () => {
    const devHead = commitOn(work, 'dev', model('finance/payment'), 'add payment');
    const run = await runCli(promoteCli, [...args, '--strategy', 'fast-forward'], work, env());
    expect(run.code).toBe(0);
    const [call] = github.calls('PATCH', '/repos/acme/models/git/refs/heads/staging');
    expect(call.body).toEqual({ sha: devHead, force: false });
    expect(branchSha(remote, 'staging')).toBe(devHead);
  });

  it('refuses to call the API without a token', async () => {
    await expect(runCli(promoteCli, args, work, { GITHUB_API_URL: github.url })).rejects.toThrow(
      /--via api needs a GitHub token/,
    );
  });

  it('surfaces a refused token', async () => {
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    await expect(runCli(promoteCli, args, work, { ...env(), GITHUB_TOKEN: 'wrong' })).rejects.toThrow(
      /HTTP 401: the token was refused/,
    );
  });
});
