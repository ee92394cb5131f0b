// What `npm run docs` derives must match the code: the README's rule reference and action tables, action.yml's
// inputs and outputs (from the commands' declared options), and the workflows embedded for `init`.
import { spawnSync } from 'node:child_process';
import { expect, it } from '@jest/globals';
import { REPO_ROOT } from './helpers/runner.js';

it('README tables, action.yml inputs/outputs and the init templates are up to date (npm run docs)', () => {
  const r = spawnSync(process.execPath, ['scripts/docs.mjs', '--check'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});
