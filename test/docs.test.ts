// The README's generated parts (rule reference, action inputs/outputs) must match the code and action.yml.
import { execFileSync } from 'node:child_process';
import { expect, it } from '@jest/globals';
import { REPO_ROOT } from './helpers/runner.js';

it('README rule reference and action tables are up to date (npm run docs)', () => {
  let out = '';
  try {
    out = execFileSync(process.execPath, ['scripts/docs.mjs', '--check'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (err) {
    throw new Error(`README.md is stale: ${(err as { stderr?: string }).stderr ?? err}`);
  }
  expect(out).toBe('');
});
