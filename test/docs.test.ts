// The README's generated parts (rule reference, action inputs/outputs) must match the code and action.yml.
import { spawnSync } from 'node:child_process';
import { expect, it } from '@jest/globals';
import { REPO_ROOT } from './helpers/runner.js';

it('README rule reference and action tables are up to date (npm run docs)', () => {
  const r = spawnSync(process.execPath, ['scripts/docs.mjs', '--check'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
