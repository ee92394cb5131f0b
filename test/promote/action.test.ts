// The action side: inputs from INPUT_* variables, outputs to GITHUB_OUTPUT, the job summary, annotations.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runPromoteAction, runPublishAction } from '../../src/promote/action.js';
import {
  branchSha,
  commitOn,
  git,
  group,
  makeRemote,
  model,
  removeTempDirs,
  tempDir,
  useGitTestEnv,
} from '../helpers/git-fixtures.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/github-api.js';
import { runnerCommandLines } from '../helpers/runner.js';

beforeAll(useGitTestEnv);
afterAll(removeTempDirs);

const saved = { ...process.env };
let outputFile: string;
let summaryFile: string;
let stdout: string;

beforeEach(() => {
  const dir = tempDir('spiff-action-');
  outputFile = path.join(dir, 'output');
  // @actions/core remembers the summary file of its first write (one step = one process on a runner):
  // keep one file for the whole suite and empty it per test.
  summaryFile ??= path.join(tempDir('spiff-summary-'), 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  stdout = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
});
afterEach(() => {
  jest.restoreAllMocks();
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

/** Sets the step's environment as the runner does: INPUT_<NAME> (upper-cased, hyphens kept). */
function step(workspace: string, inputs: Record<string, string>): void {
  for (const key of ['GITHUB_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_API_URL']) delete process.env[key];
  process.env.GITHUB_WORKSPACE = workspace;
  process.env.GITHUB_OUTPUT = outputFile;
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
  for (const [name, value] of Object.entries(inputs)) process.env[`INPUT_${name.toUpperCase()}`] = value;
}

/** Parses the runner's output file (name<<delimiter ... delimiter). */
function outputs(): Record<string, string> {
  const text = readFileSync(outputFile, 'utf8');
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]] = m[3];
  return out;
}

const tree = { ...group('finance'), ...model('finance/invoice') };

describe('runPromoteAction', () => {
  it('merges and sets result, commit, commits and changed-models, with a job summary', async () => {
    const { remote, work } = makeRemote(tree, ['dev', 'staging']);
    commitOn(work, 'dev', model('finance/payment'), 'add payment');
    step(work, { command: 'promote', from: 'dev', to: 'staging' });
    await runPromoteAction();
    const head = branchSha(remote, 'staging');
    expect(outputs()).toEqual({
      result: 'merged',
      commit: head,
      commits: '1',
      'changed-models': '["finance/payment"]',
    });
    expect(git(remote, 'log', '-1', '--format=%an <%ae>', 'staging')).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
    );
    const summary = readFileSync(summaryFile, 'utf8').split('\n');
    expect(summary[0]).toBe('## spiff-models promote: ✅ `dev` merged into `staging`');
    expect(summary[2]).toBe(
      `1 commit moved; \`staging\` is now at \`${head?.slice(0, 7)}\`. Models added: \`finance/payment\`; changed: none; removed: none.`,
    );
    expect(summary).toContain('<details><summary>1 commit</summary>');
  });

  it('model ids, paths and commit subjects from the source branch start no workflow command in the log', async () => {
    const { remote, work } = makeRemote(tree, ['dev', 'staging']);
    const hostile = 'finance/x\n::stop-commands::tok\n';
    commitOn(work, 'dev', model(hostile), 'add ##[error]x\n::warning::subject');
    step(work, { command: 'promote', from: 'dev', to: 'staging', validate: 'false' });
    await runPromoteAction();
    expect(outputs().result).toBe('merged');
    expect(JSON.parse(outputs()['changed-models'])).toEqual([hostile]);
    expect(branchSha(remote, 'staging')).toBe(outputs().commit);
    expect(stdout).toContain('stop-commands');
    expect(runnerCommandLines(stdout)).toEqual([]);
    expect(stdout).toContain('models added: finance/x\\n::stop-commands::tok\\n');
  });

  it('plans only with dry-run (INPUT_DRY-RUN) and reads the strategy', async () => {
    const { remote, work } = makeRemote(tree, ['dev', 'staging']);
    const devHead = commitOn(work, 'dev', model('finance/payment'), 'add payment');
    const before = branchSha(remote, 'staging');
    step(work, {
      command: 'promote',
      from: 'dev',
      to: 'staging',
      'dry-run': 'true',
      strategy: 'fast-forward',
    });
    expect(process.env['INPUT_DRY-RUN']).toBe('true');
    await runPromoteAction();
    expect(outputs()).toMatchObject({ result: 'fast-forwarded', commit: devHead, commits: '1' });
    expect(branchSha(remote, 'staging')).toBe(before);
    expect(readFileSync(summaryFile, 'utf8').split('\n')[0]).toBe(
      '## spiff-models promote (dry run): ✅ `staging` would be fast-forwarded to `dev`',
    );
  });

  it('sets result conflict, then fails the step', async () => {
    const { work } = makeRemote(tree, ['dev', 'staging']);
    commitOn(work, 'dev', { 'finance/invoice/invoice.bpmn': 'dev\n' }, 'dev');
    commitOn(work, 'staging', { 'finance/invoice/invoice.bpmn': 'staging\n' }, 'staging');
    step(work, { command: 'promote', from: 'dev', to: 'staging' });
    await expect(runPromoteAction()).rejects.toThrow(
      "Promotion of 'dev' into 'staging' refused (conflict): conflicts in finance/invoice/invoice.bpmn. Nothing was pushed.",
    );
    expect(outputs()).toMatchObject({
      result: 'conflict',
      commit: '',
      'changed-models': '["finance/invoice"]',
    });
    const summary = readFileSync(summaryFile, 'utf8').split('\n');
    expect(summary.slice(0, 7)).toEqual([
      '## spiff-models promote: ❌ `dev` into `staging` refused: 1 conflicting file',
      '',
      'Nothing was pushed. Conflicting files:',
      '',
      '- `finance/invoice/invoice.bpmn` (model `finance/invoice`)',
      '',
      expect.stringMatching(/^\*\*What to do:\*\* merge `staging` into `dev`/),
    ]);
  });

  it('annotates new validation errors at their file and line and fails', async () => {
    const { work } = makeRemote(tree, ['dev', 'staging']);
    commitOn(work, 'dev', model('finance/payment', { calls: ['Process_missing'] }), 'broken');
    step(work, { command: 'promote', from: 'dev', to: 'staging' });
    await expect(runPromoteAction()).rejects.toThrow(/refused \(invalid\): 1 new validation error/);
    expect(outputs().result).toBe('invalid');
    const summary = readFileSync(summaryFile, 'utf8').split('\n');
    expect(summary[0]).toBe('## spiff-models promote: ❌ `dev` into `staging` refused: 1 new error');
    expect(summary).toContain('**`finance/payment/`** · 1 error');
    expect(summary).toContainEqual(
      expect.stringMatching(
        /^- The process `Process_missing` was not found .* · `payment\.bpmn:\d+` <sub>call-activity<\/sub>$/,
      ),
    );
    expect(stdout).toMatch(
      /::error title=call-activity,file=finance\/payment\/payment\.bpmn,line=\d+,col=\d+::The process 'Process_missing' was not found/,
    );
  });

  it('rejects a malformed boolean input', async () => {
    const { work } = makeRemote(tree, ['dev', 'staging']);
    step(work, { command: 'promote', from: 'dev', to: 'staging', validate: 'maybe' });
    await expect(runPromoteAction()).rejects.toThrow("Input 'validate' must be true or false; got 'maybe'.");
  });
});

describe('runPublishAction', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub({ token: 'ghs_action' });
  });
  afterEach(() => github.close());

  it('ids and paths of called models from the source start no workflow command in the log', async () => {
    const { remote, work } = makeRemote(tree, ['dev', 'prod']);
    const hostile = 'hr/x\n::stop-commands::tok\n';
    commitOn(
      work,
      'dev',
      {
        ...group('hr'),
        ...model('hr/hiring', { calls: ['Process_callee'] }),
        ...model(hostile, { processId: 'Process_callee' }),
      },
      'hr models',
    );
    step(work, {
      command: 'publish',
      models: 'hr/hiring',
      from: 'dev',
      to: 'prod',
      'pull-request': 'false',
      validate: 'false',
    });
    await runPublishAction();
    expect(JSON.parse(outputs().models)).toEqual(['hr/hiring', hostile]);
    expect(branchSha(remote, outputs().branch)).toBe(outputs().commit);
    expect(stdout).toContain('stop-commands');
    expect(runnerCommandLines(stdout)).toEqual([]);
  });

  it('publishes the models of a multi-line input and opens a pull request', async () => {
    const { remote, work } = makeRemote(tree, ['dev', 'prod']);
    commitOn(
      work,
      'dev',
      { ...group('hr'), ...model('hr/hiring', { calls: ['Process_finance_invoice'] }), ...model('hr/leave') },
      'hr models',
    );
    await github.close();
    github = await startFakeGitHub({ token: 'ghs_action', repos: { 'acme/models': remote } });
    step(work, {
      command: 'publish',
      models: 'hr/hiring\nhr/leave\n',
      from: 'dev',
      to: 'prod',
      'github-token': 'ghs_action',
      'github-api-url': github.url,
      repository: 'acme/models',
    });
    await runPublishAction();
    const out = outputs();
    expect(out.branch).toMatch(/^publish-2-models-[0-9a-f]{12}-to-prod$/);
    expect(out).toMatchObject({
      commit: branchSha(remote, out.branch),
      models: '["finance/invoice","hr/hiring","hr/leave"]',
      'changed-models': '["hr/hiring","hr/leave"]',
      'pull-request-number': '1',
      'pull-request-url': 'https://github.example/acme/models/pull/1',
      operation: 'created',
    });
    expect(github.calls('POST', '/repos/acme/models/pulls')[0].headers.authorization).toBe(
      'token ghs_action',
    );
    const summary = readFileSync(summaryFile, 'utf8').split('\n');
    expect(summary[0]).toBe(
      '## spiff-models publish: ✅ 3 models to `prod`: pull request [#1](https://github.example/acme/models/pull/1)',
    );
    expect(summary).toContain('| `finance/invoice` | called by `hr/hiring` |');
  });

  it('sets operation unchanged and no commit when there is nothing to publish', async () => {
    const { work } = makeRemote(tree, ['dev', 'prod']);
    step(work, {
      command: 'publish',
      models: 'finance/invoice',
      from: 'dev',
      to: 'prod',
      'pull-request': 'false',
    });
    await runPublishAction();
    expect(outputs()).toMatchObject({
      operation: 'unchanged',
      commit: '',
      branch: 'publish-finance/invoice-to-prod',
    });
  });

  it('requires the models input', async () => {
    const { work } = makeRemote(tree, ['dev', 'prod']);
    step(work, { command: 'publish', to: 'prod' });
    await expect(runPublishAction()).rejects.toThrow("Input 'models' is required for publish");
  });
});
