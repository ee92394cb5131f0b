// The validation gate of promote: new errors refuse a promotion, errors the target already had do not.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { promoteCli } from '../../src/promote/cli.js';
import { judge } from '../../src/promote/gate.js';
import type { Finding } from '../../src/models/finding.js';
import {
  branchSha,
  commitOn,
  group,
  makeRemote,
  model,
  removeTempDirs,
  under,
  useGitTestEnv,
} from '../helpers/git-fixtures.js';
import { runCli } from './run.js';

beforeAll(useGitTestEnv);
afterAll(removeTempDirs);

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'call-unresolved',
  severity: 'error',
  message: "calls process 'X' that no model defines",
  file: 'a/a.bpmn',
  line: 3,
  column: 5,
  modelId: 'a',
  ...over,
});

describe('judge', () => {
  it('blocks only errors the target did not have, matching by rule, file and message (not line)', () => {
    const old = finding({});
    const moved = finding({ line: 30 });
    const fresh = finding({ file: 'b/b.bpmn', modelId: 'b' });
    const warning = finding({ severity: 'warning', file: 'c/c.bpmn' });
    const outcome = judge([moved, fresh, warning], [old]);
    expect(outcome.newErrors).toEqual([fresh]);
    expect(outcome.existingErrors).toEqual([moved]);
    expect(outcome.warnings).toBe(1);
  });

  it('does not count a target warning that became an error as pre-existing', () => {
    expect(judge([finding({})], [finding({ severity: 'warning' })]).newErrors).toHaveLength(1);
  });
});

const tree = { ...group('finance'), ...model('finance/invoice') };

describe('promote validation', () => {
  it('refuses a promotion that adds errors, listing them, and pushes nothing', async () => {
    const { remote, work } = makeRemote(tree, ['dev', 'staging']);
    commitOn(
      work,
      'dev',
      model('finance/payment', { calls: ['Process_that_does_not_exist'] }),
      'broken call',
    );
    const before = branchSha(remote, 'staging');
    const run = await runCli(promoteCli, ['--from', 'dev', '--to', 'staging', '--json'], work);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.result).toBe('invalid');
    expect(report.validation.newErrors.length).toBeGreaterThan(0);
    expect(report.validation.newErrors.map((f: Finding) => f.file)).toContain('finance/payment/payment.bpmn');
    expect(report.validation.existingErrors).toEqual([]);
    expect(branchSha(remote, 'staging')).toBe(before);

    const text = await runCli(promoteCli, ['--from', 'dev', '--to', 'staging'], work);
    expect(text.stdout).toMatch(
      /new error\(s\) that 'staging' does not have:\n {4}finance\/payment\/payment\.bpmn:\d+:\d+ {2}error/,
    );
    expect(text.stdout).toContain(
      "Refused: the promotion would add validation errors to 'staging'; nothing was pushed.",
    );
  });

  it('reports errors the target already has without blocking', async () => {
    const broken = model('finance/legacy', { calls: ['Process_gone'] });
    const { remote, work } = makeRemote({ ...tree, ...broken }, ['dev', 'staging']);
    const head = commitOn(work, 'dev', model('finance/payment'), 'add payment');
    const run = await runCli(
      promoteCli,
      ['--from', 'dev', '--to', 'staging', '--strategy', 'fast-forward', '--json'],
      work,
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.result).toBe('fast-forwarded');
    expect(report.validation.newErrors).toEqual([]);
    expect(report.validation.existingErrors.length).toBeGreaterThan(0);
    expect(report.validation.existingErrors[0].file).toBe('finance/legacy/legacy.bpmn');
    expect(branchSha(remote, 'staging')).toBe(head);
  });

  it('validates the merged tree, with finding paths shown from the repository root', async () => {
    const { remote, work } = makeRemote(under('models', tree), ['dev', 'staging']);
    commitOn(
      work,
      'dev',
      under('models', model('finance/payment', { calls: ['Process_nowhere'] })),
      'broken',
    );
    const before = branchSha(remote, 'staging');
    const run = await runCli(promoteCli, ['--from', 'dev', '--to', 'staging', '--path', 'models'], work);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('models/finance/payment/payment.bpmn:');
    expect(branchSha(remote, 'staging')).toBe(before);
  });

  it('lets a clean promotion through', async () => {
    const { remote, work } = makeRemote(tree, ['dev', 'staging']);
    commitOn(
      work,
      'dev',
      model('finance/payment', { calls: ['Process_finance_invoice'] }),
      'payment calls invoice',
    );
    const run = await runCli(promoteCli, ['--from', 'dev', '--to', 'staging', '--json'], work);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.validation).toEqual({
      newErrors: [],
      existingErrors: [],
      warnings: report.validation.warnings,
    });
    expect(branchSha(remote, 'staging')).toBe(report.commit);
  });
});
