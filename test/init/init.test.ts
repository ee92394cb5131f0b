// `spiff-models init` in a temporary git repository: finds the models root, writes the workflows adapted to it
// and a .spiff-models.yml with $schema, prints what it wrote and the next steps, never overwrites without
// --force (and then writes nothing at all), and validates with what it wrote.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import YAML from 'yaml';
import { runCli } from '../helpers/cli.js';
import { CONFIG_SCHEMA_URL } from '../../src/init/plan.js';
import {
  git,
  gitTestEnv,
  group,
  model,
  removeTempDirs,
  tempDir,
  under,
  useGitTestEnv,
  writeFiles,
  type Files,
} from '../helpers/git-fixtures.js';
import { REPO_ROOT } from '../helpers/runner.js';

beforeAll(useGitTestEnv);
afterAll(removeTempDirs);

const action = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
};
const WRITTEN = [
  '.github/workflows/promote.yml',
  '.github/workflows/pull-request.yml',
  '.github/workflows/push.yml',
  '.github/workflows/release.yml',
];

function repo(files: Files): string {
  const dir = tempDir('spiff-init-');
  git(dir, 'init', '-q', '-b', 'main');
  writeFiles(dir, { 'README.md': '# models\n', ...files });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'models');
  return dir;
}

async function init(dir: string, ...args: string[]) {
  return runCli(['init', ...args], { cwd: dir, env: gitTestEnv() });
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const models = {
  ...group('finance'),
  ...model('finance/invoice'),
  ...group('shared'),
  ...model('shared/notify'),
};

describe('spiff-models init', () => {
  it('finds process-models/, writes the workflows and the config, prints next steps, then validates', async () => {
    const dir = repo(under('process-models', models));
    const r = await init(dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const f of [...WRITTEN, 'process-models/.spiff-models.yml']) {
      expect(fs.existsSync(path.join(dir, f))).toBe(true);
      expect(r.stdout).toContain(`wrote ${f}\n`);
    }
    const config = YAML.parse(read(dir, 'process-models/.spiff-models.yml'));
    expect(config).toEqual({ $schema: CONFIG_SCHEMA_URL, rules: {} });
    expect(read(dir, '.github/workflows/pull-request.yml')).toContain("- 'process-models/**'");
    expect(r.stdout).toMatch(/variables: .*DEV_ENVIRONMENTS.*PROD_ENVIRONMENTS/);
    expect(r.stdout).toMatch(/secrets: .*DEV_WEBHOOK_SECRET/);
    expect(r.stdout).toMatch(/Validating process-models/);
    expect(r.stdout).toMatch(/no errors|0 errors|✔|✓/);
  });

  it('adapts path, branch names and image: models at the repository root, develop -> qa -> main', async () => {
    const dir = repo(models);
    const r = await init(
      dir,
      '--branches',
      'develop,qa,main',
      '--image',
      'ghcr.io/acme/models',
      '--no-validate',
    );
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, '.spiff-models.yml'))).toBe(true);
    const push = YAML.parse(read(dir, '.github/workflows/push.yml'));
    expect(push.on.push).toEqual({ branches: ['develop'], paths: ['**'] });
    expect(push.env.IMAGE).toBe("${{ vars.IMAGE_REPOSITORY || 'ghcr.io/acme/models' }}");
    const promote = YAML.parse(read(dir, '.github/workflows/promote.yml'));
    expect(promote.on.workflow_dispatch.inputs.from).toMatchObject({
      options: ['develop', 'qa'],
      default: 'develop',
    });
    expect(promote.on.workflow_dispatch.inputs.to).toMatchObject({ options: ['qa', 'main'], default: 'qa' });
    expect(promote.env.TO).toBe("${{ inputs.to || 'qa' }}");
    for (const f of WRITTEN) {
      const text = read(dir, f);
      expect([f, /(?<![\w-])(dev|staging|prod)(?![\w-])/.test(text)]).toEqual([f, false]);
      expect(text).not.toContain('process-models');
      // Still only inputs action.yml declares, with path pointing at the root.
      const doc = YAML.parse(text) as {
        jobs: Record<string, { steps: Array<{ uses?: string; with?: object }> }>;
      };
      for (const job of Object.values(doc.jobs))
        for (const step of job.steps)
          if (step.uses?.startsWith('spiff-models/spiff-models@')) {
            for (const k of Object.keys(step.with ?? {})) expect([k, k in action.inputs]).toEqual([k, true]);
            if ('path' in (step.with ?? {})) expect((step.with as { path: string }).path).toBe('.');
          }
    }
  });

  it('never overwrites without --force, and then writes nothing at all', async () => {
    const dir = repo({ ...under('process-models', models), '.github/workflows/push.yml': 'mine\n' });
    const r = await init(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'spiff-models init: .github/workflows/push.yml already exists: nothing written (--force overwrites)\n',
    );
    expect(read(dir, '.github/workflows/push.yml')).toBe('mine\n');
    expect(fs.readdirSync(path.join(dir, '.github/workflows'))).toEqual(['push.yml']);
    expect(fs.existsSync(path.join(dir, 'process-models/.spiff-models.yml'))).toBe(false);

    const forced = await init(dir, '--force', '--no-validate');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('wrote .github/workflows/push.yml (overwritten)');
    expect(read(dir, '.github/workflows/push.yml')).toContain('command: bake');
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const dir = repo(under('process-models', models));
    const r = await init(dir, '--dry-run', '--no-validate');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('would write .github/workflows/push.yml');
    expect(fs.existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('exits 1 after writing when validation finds errors', async () => {
    const dir = repo(under('process-models', { ...models, 'finance/invoice/invoice.bpmn': '<not-bpmn' }));
    const r = await init(dir);
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, '.github/workflows/push.yml'))).toBe(true);
  });

  it.each([
    ['no models', { 'docs/readme.md': 'x\n' }, /no process_model.json under .*give --path/],
    [
      'models under two roots',
      { ...under('a', models), ...under('b', { ...group('hr'), ...model('hr/hiring') }) },
      /models under 2 different roots \(a, b\): give the one the backend reads with --path/,
    ],
  ])('%s: a clear message, exit 2, nothing written', async (_name, files, message) => {
    const dir = repo(files as Files);
    const r = await init(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fs.existsSync(path.join(dir, '.github'))).toBe(false);
  });

  it('--path picks one of several roots', async () => {
    const dir = repo({ ...under('a', models), ...under('b', { ...group('hr'), ...model('hr/hiring') }) });
    const r = await init(dir, '--path', 'b', '--no-validate');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'b/.spiff-models.yml'))).toBe(true);
    expect(read(dir, '.github/workflows/push.yml')).toContain('path: b\n');
  });
});
