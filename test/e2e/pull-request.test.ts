// examples/workflows/pull-request.yml, run as the runner would on a pull request event.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { removeTempDirs, git, model, tempDir } from '../helpers/git-fixtures.js';
import { REPO_ROOT } from '../helpers/runner.js';
import { runWorkflow } from './workflow.js';
import { makeWorld } from './world.js';

afterAll(removeTempDirs);

const WORKFLOW = path.join(REPO_ROOT, 'examples/workflows/pull-request.yml');
/** GITHUB_SHA of a pull_request run names the merge commit GitHub made, not the head. */
const MERGE_SHA = 'a1b2c3d4'.repeat(5);

function pullRequestEvent(world: ReturnType<typeof makeWorld>, head: string) {
  const sha = git(world.remote, 'rev-parse', head);
  return world.github({
    event_name: 'pull_request',
    ref: 'refs/pull/7/merge',
    ref_name: '7/merge',
    base_ref: 'dev',
    head_ref: head,
    sha: MERGE_SHA,
    event: {
      action: 'opened',
      number: 7,
      pull_request: { number: 7, head: { ref: head, sha }, base: { ref: 'dev' } },
    },
  });
}

describe('pull-request.yml', () => {
  it('validates the PR, warns about a removed process, annotates, summarizes and writes SARIF', async () => {
    const world = makeWorld();
    git(world.work, 'push', '-q', 'origin', 'origin/dev:refs/heads/feature');
    // the feature branch breaks a model and drops the shared model's process
    world.commit(
      'feature',
      {
        'process-models/shared/lookup/process_model.json': null,
        'process-models/shared/lookup/lookup.bpmn': null,
        ...Object.fromEntries(
          Object.entries(model('process-models/finance/refund', { processId: 'refund', calls: ['nowhere'] })),
        ),
      },
      'feature: refunds',
    );
    const workspace = world.checkout('feature');
    const runnerTemp = tempDir('spiff-runner-');
    const run = await runWorkflow({
      file: WORKFLOW,
      workspace,
      runnerTemp,
      github: pullRequestEvent(world, 'feature'),
    });

    const validate = run.steps.find((s) => s.id === 'validate');
    expect(validate?.outcome).toBe('failure');
    expect(run.failed).toBe(true);
    // the approval model calls the removed process, the new model calls one that never existed
    const errors = validate!.commands.filter((c) => c.command === 'error' && c.properties.file);
    expect(errors.map((e) => `${e.properties.title}@${e.properties.file}`).sort()).toEqual([
      'call-activity@process-models/finance/approval/approval.bpmn',
      'call-activity@process-models/finance/refund/refund.bpmn',
    ]);
    const warnings = validate!.commands.filter((c) => c.command === 'warning' && c.properties.file);
    expect(warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/model 'shared\/lookup' existed at origin\/dev and is gone/),
    );
    expect(validate!.outputs.errors).toBe('2');
    expect(run.summary).toContain('## spiff-models validate: ❌ 2 errors');
    // errors link to their line at the checked-out commit; the graph shows the process that does not exist
    const head = git(workspace, 'rev-parse', 'HEAD');
    expect(run.summary).toMatch(
      new RegExp(
        `\\(https://github\\.com/${world.github({}).repository}/blob/${head}/process-models/finance/refund/refund\\.bpmn#L\\d+`,
      ),
    );
    expect(run.summary).not.toContain(MERGE_SHA);
    expect(run.summary).toMatch(/```mermaid\nflowchart LR/);
    expect(run.summary).toContain('["nowhere #40;no such process#41;"]');
    const sarifStep = run.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    // The SARIF file is written to RUNNER_TEMP, outside the checkout (and so outside the models).
    expect(path.basename(sarifStep!.inputs.sarif_file)).toBe('spiff-models.sarif');
    expect(sarifStep!.inputs.sarif_file.startsWith(workspace)).toBe(false);
    const sarif = JSON.parse(fs.readFileSync(sarifStep!.inputs.sarif_file, 'utf8'));
    expect(
      sarif.runs[0].results.map(
        (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          r.locations[0].physicalLocation.artifactLocation.uri,
      ),
    ).toContain('process-models/finance/refund/refund.bpmn');
  });

  it('passes a clean pull request', async () => {
    const world = makeWorld();
    git(world.work, 'push', '-q', 'origin', 'origin/dev:refs/heads/feature');
    world.commit(
      'feature',
      model('process-models/finance/refund', { processId: 'refund', calls: ['shared_lookup'] }),
      'refunds',
    );
    const workspace = world.checkout('feature');
    const run = await runWorkflow({ file: WORKFLOW, workspace, github: pullRequestEvent(world, 'feature') });
    expect(run.failed).toBe(false);
    expect(run.steps.find((s) => s.id === 'validate')?.outputs).toMatchObject({ errors: '0', warnings: '0' });
    expect(run.summary).toContain('✅ no errors');
  });
});
