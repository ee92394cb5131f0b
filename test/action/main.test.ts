// The action shell: an input the chosen command does not read gets a warning (not with action.yml's own
// defaults, which the runner passes for every input), and `summary: false` leaves the job summary empty.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import YAML from 'yaml';
import { REPO_ROOT, runActionBundle } from '../helpers/runner.js';

const action = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
};
/** What the runner passes when a step sets nothing: every default of action.yml (expressions evaluated). */
const defaults = Object.fromEntries(
  Object.entries(action.inputs)
    .filter(([, spec]) => spec.default !== undefined)
    .map(([name, spec]) => [name, String(spec.default).replace('${{ github.token }}', 'ghs_token')]),
);
const models = { command: 'validate', path: 'examples/process-models' };
const unusedWarnings = (r: Awaited<ReturnType<typeof runActionBundle>>) =>
  r.commands
    .filter((c) => c.command === 'warning' && /does not read it/.test(c.message))
    .map((c) => c.message);

describe('dist/index.js', () => {
  it('warns about inputs set for another command', async () => {
    const r = await runActionBundle(
      { ...defaults, ...models, 'base-image': 'ghcr.io/x/y:1', 'fail-on': 'all' },
      { workspace: REPO_ROOT },
    );
    expect(r.code).toBe(0);
    expect(unusedWarnings(r)).toEqual([
      "Input 'base-image' is set but command 'validate' does not read it (it is for bake): remove it from this step's with:.",
      "Input 'fail-on' is set but command 'validate' does not read it (it is for notify): remove it from this step's with:.",
    ]);
  });

  it("stays quiet about action.yml's defaults and the inputs the command reads", async () => {
    const r = await runActionBundle(
      { ...defaults, ...models, 'max-warnings': '5' },
      { workspace: REPO_ROOT },
    );
    expect(r.code).toBe(0);
    expect(unusedWarnings(r)).toEqual([]);
  });

  it.each([
    ['true', true],
    ['false', false],
  ])('summary: %s', async (summary, written) => {
    const r = await runActionBundle({ ...defaults, ...models, summary }, { workspace: REPO_ROOT });
    expect(r.code).toBe(0);
    expect(r.summary.includes('spiff-models validate')).toBe(written);
    expect(r.outputs.errors).toBe('0');
  });
});
