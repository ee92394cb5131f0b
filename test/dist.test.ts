// The committed bundles must be what `npm run bundle` makes from src/ now: the action runs dist/, not src/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from '@jest/globals';
import { REPO_ROOT } from './helpers/runner.js';

it('dist/ matches a fresh bundle of src/', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-bundle-'));
  execFileSync(process.execPath, ['scripts/bundle.mjs', out], { cwd: REPO_ROOT });
  for (const name of ['index.js', 'cli.js']) {
    const fresh = fs.readFileSync(path.join(out, name), 'utf8');
    const committed = fs.readFileSync(path.join(REPO_ROOT, 'dist', name), 'utf8');
    if (fresh !== committed)
      throw new Error(`dist/${name} is stale: run \`npm run bundle\` and commit dist/`);
    expect(fresh).toBe(committed);
  }
  fs.rmSync(out, { recursive: true, force: true });
});
