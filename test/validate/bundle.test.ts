// The bundles as users run them: dist/cli.js on fixture repos, dist/index.js as the Actions runner runs it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  baseTree,
  chain,
  cleanTrees,
  definitions,
  modelJson,
  processXml,
  withProcess,
  writeTree,
} from '../helpers/bpmn.js';
import { DIST_CLI, REPO_ROOT, runActionBundle, runCliBundle, runNode, cleanEnv } from '../helpers/runner.js';

afterAll(cleanTrees);

const broken = () =>
  writeTree({
    ...withProcess(chain(['    <bpmn:serviceTask id="st" />'], ['st'])),
    'gg/lib/process_model.json': modelJson('', ''),
  });

describe('dist/cli.js validate', () => {
  it('passes the bundled example models with exit 0', async () => {
    const r = await runCliBundle(['validate', 'examples/process-models'], REPO_ROOT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 models, \d+ files: no problems/);
  });

  it('runs from a copy of dist/ with no node_modules anywhere above it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-dist-copy-'));
    fs.cpSync(path.dirname(DIST_CLI), dir, { recursive: true });
    const models = writeTree(baseTree());
    const r = await runNode(path.join(dir, 'cli.js'), ['validate', models, '--format', 'json'], {
      cwd: dir,
      env: cleanEnv(),
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.models).toBe(1);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 on errors and prints file:line:column grouped by file', async () => {
    const r = await runCliBundle(['validate', broken()], REPO_ROOT);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /gg\/mmm\/m\.bpmn\n\s+5:5\s+error\s+service task 'st' has no spiffworkflow:serviceTaskOperator/,
    );
    expect(r.stdout).toMatch(/2 problems \(1 error, 1 warning\)/);
  });

  it('writes the JSON contract', async () => {
    const r = await runCliBundle(['validate', broken(), '--format', 'json'], REPO_ROOT);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['findings', 'models', 'summary']);
    expect(report.findings[1]).toEqual({
      ruleId: 'service-task-operator',
      severity: 'error',
      message: expect.any(String),
      file: 'gg/mmm/m.bpmn',
      line: 5,
      column: 5,
      modelId: 'gg/mmm',
    });
    expect(report.models).toEqual([
      { id: 'gg/lib', status: 'warning' },
      { id: 'gg/mmm', status: 'error' },
    ]);
    expect(report.summary).toEqual({ models: 2, files: 4, errors: 1, warnings: 1 });
  });

  it('writes SARIF 2.1.0 with rules, levels and repository-relative locations', async () => {
    const root = broken();
    const out = path.join(root, 'out/report.sarif');
    const r = await runCliBundle(
      ['validate', '.', '--format', 'sarif', '--output', 'out/report.sarif'],
      root,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/wrote sarif report to out\/report\.sarif: 1 errors, 1 warnings/);
    const sarif = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('spiff-models');
    const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ruleIds).toContain('service-task-operator');
    const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'service-task-operator');
    expect(res.level).toBe('error');
    expect(ruleIds[res.ruleIndex]).toBe('service-task-operator');
    expect(res.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'gg/mmm/m.bpmn', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 5 },
    });
  });

  it('prefixes SARIF locations with the models folder inside the repository', async () => {
    const repo = writeTree(
      Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`models/${k}`, v])),
    );
    fs.writeFileSync(path.join(repo, 'models/gg/mmm/x.exe'), '');
    const r = await runCliBundle(['validate', 'models', '--format', 'sarif'], repo);
    const uri = JSON.parse(r.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe('models/gg/mmm/x.exe');
  });

  it('writes markdown with a models table and a call graph', async () => {
    const root = writeTree({
      ...withProcess(chain(['    <bpmn:callActivity id="ca" calledElement="q" />'], ['ca'])),
      'gg/lib/process_model.json': modelJson('', ''),
      'gg/lib/lib.bpmn': definitions(processXml('q', chain([], []))),
    });
    const r = await runCliBundle(['validate', root, '--format', 'markdown'], REPO_ROOT);
    expect(r.stdout).toContain('| ⚠️ `gg/lib` | 0 | 1 |');
    expect(r.stdout).toMatch(/```mermaid\nflowchart LR\n[\s\S]*m1 --> m0/);
  });

  it('fails on too many warnings with --max-warnings', async () => {
    const root = writeTree({ ...baseTree(), 'gg/lib/process_model.json': modelJson('', '') });
    expect((await runCliBundle(['validate', root, '--max-warnings', '1'], REPO_ROOT)).code).toBe(0);
    const r = await runCliBundle(['validate', root, '--max-warnings', '0'], REPO_ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 warnings exceed --max-warnings 0/);
  });

  it('takes severities from --config', async () => {
    const root = writeTree({ ...baseTree(), 'gg/lib/process_model.json': modelJson('', '') });
    const config = path.join(root, '..', `cfg-${path.basename(root)}.yml`);
    fs.writeFileSync(config, 'rules:\n  primary-empty: error\n');
    const r = await runCliBundle(['validate', root, '--config', config, '--format', 'json'], REPO_ROOT);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ ruleId: 'primary-empty', severity: 'error' });
    fs.rmSync(config);
  });

  it.each([
    [['validate', '/no/such/dir'], /models root '\/no\/such\/dir' does not exist/],
    [['validate', '.', '--format', 'xml'], /--format must be one of stylish, json, sarif, markdown/],
    [['validate', '.', '--max-warnings', 'many'], /--max-warnings needs a whole number/],
    [
      ['validate', '.', '--bogus'],
      /^spiff-models validate: unknown option --bogus \(spiff-models validate --help for its options\)\n$/,
    ],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const r = await runCliBundle(args as string[], REPO_ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('validate --base', () => {
  it('warns about models, process ids and primaries that are gone since the base ref', async () => {
    const root = writeTree({
      ...baseTree(),
      'gg/old/process_model.json': modelJson('old.bpmn', 'old_proc'),
      'gg/old/old.bpmn': definitions(processXml('old_proc', chain([], []))),
      'gg/mmm/extra.bpmn': definitions(processXml('helper_proc', chain([], []))),
    });
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: root, env: cleanEnv() }).toString().trim();
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    fs.rmSync(path.join(root, 'gg/old'), { recursive: true });
    fs.rmSync(path.join(root, 'gg/mmm/extra.bpmn'));
    fs.writeFileSync(path.join(root, 'gg/mmm/m.bpmn'), definitions(processXml('p2', chain([], []))));
    fs.writeFileSync(path.join(root, 'gg/mmm/process_model.json'), modelJson('m.bpmn', 'p2'));
    const r = await runCliBundle(['validate', '.', '--base', 'main', '--format', 'json'], root);
    const found = JSON.parse(r.stdout).findings.filter(
      (f: { ruleId: string }) => f.ruleId === 'removed-since-base',
    );
    expect(found.map((f: { message: string }) => f.message)).toEqual([
      expect.stringMatching(/process id 'helper_proc' existed at main/),
      expect.stringMatching(/process id 'p' existed at main/),
      expect.stringMatching(/primary process of model 'gg\/mmm' changed from 'p'/),
      expect.stringMatching(/model 'gg\/old' existed at main and is gone/),
    ]);
    expect(r.code).toBe(0);
  });

  it('compares a models folder inside the repository with the same folder at the base ref', async () => {
    const repo = writeTree({
      ...Object.fromEntries(Object.entries(baseTree()).map(([k, v]) => [`models/${k}`, v])),
      'models/gg/old/process_model.json': modelJson('', ''),
    });
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: repo, env: cleanEnv() }).toString().trim();
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    fs.rmSync(path.join(repo, 'models/gg/old'), { recursive: true });
    const r = await runCliBundle(
      ['validate', '.', '--base', 'main', '--format', 'json'],
      path.join(repo, 'models'),
    );
    const found = JSON.parse(r.stdout).findings.filter(
      (f: { ruleId: string }) => f.ruleId === 'removed-since-base',
    );
    expect(found).toEqual([expect.objectContaining({ file: 'gg/old/process_model.json', modelId: null })]);
  });

  it('exits 2 naming fetch-depth when the base ref is missing', async () => {
    const root = writeTree(baseTree());
    execFileSync('git', ['init', '-q'], { cwd: root });
    const r = await runCliBundle(['validate', '.', '--base', 'origin/main'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--base origin\/main: no such commit.*fetch-depth: 0/);
  });
});

describe('dist/index.js validate (as the runner runs it)', () => {
  it('annotates errors first, caps at 10 per type, writes outputs, summary, JSON and SARIF', async () => {
    const tasks = Array.from({ length: 12 }, (_, i) => `    <bpmn:serviceTask id="st${i}" />`);
    const ws = writeTree({});
    const models = writeTree(
      {
        ...withProcess(
          chain(
            tasks,
            tasks.map((_, i) => `st${i}`),
          ),
        ),
        ...Object.fromEntries(
          Array.from({ length: 11 }, (_, i) => [`gg/lib${i}/process_model.json`, modelJson('', '')]),
        ),
      },
      path.join(ws, 'models'),
    );
    expect(models).toBe(path.join(ws, 'models'));
    const sha = 'b'.repeat(40);
    const r = await runActionBundle(
      { command: 'validate', path: 'models' },
      {
        workspace: ws,
        env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/models', GITHUB_SHA: sha },
      },
    );
    expect(r.code).toBe(1);
    const errors = r.commands.filter((c) => c.command === 'error' && c.properties.file);
    const warnings = r.commands.filter((c) => c.command === 'warning' && c.properties.file);
    expect(errors).toHaveLength(10);
    expect(warnings).toHaveLength(10);
    expect(r.commands.findIndex((c) => c.command === 'warning')).toBeGreaterThan(
      r.commands.findIndex((c) => c.command === 'error'),
    );
    expect(errors[0].properties).toEqual({
      title: 'service-task-operator',
      file: 'models/gg/mmm/m.bpmn',
      line: '5',
      col: '5',
    });
    expect(r.commands.at(-1)).toMatchObject({
      command: 'error',
      message: expect.stringMatching(/^12 errors in 1 models/),
    });
    expect(r.outputs.errors).toBe('12');
    expect(r.outputs.warnings).toBe('11');
    // Reports land in RUNNER_TEMP: in the workspace they would end up in the models root and the image.
    expect(path.basename(r.outputs['report-file'])).toBe('spiff-models-report.json');
    expect(path.basename(r.outputs['sarif-file'])).toBe('spiff-models.sarif');
    expect(r.outputs['report-file'].startsWith(ws)).toBe(false);
    expect(r.outputs['sarif-file'].startsWith(ws)).toBe(false);
    expect(fs.readdirSync(ws).filter((f) => f.startsWith('spiff-models'))).toEqual([]);
    expect(JSON.parse(fs.readFileSync(r.outputs['report-file'], 'utf8')).summary.errors).toBe(12);
    expect(JSON.parse(fs.readFileSync(r.outputs['sarif-file'], 'utf8')).runs[0].results).toHaveLength(23);
    expect(r.summary.split('\n')[0]).toBe('## spiff-models validate: ❌ 12 errors in 1 model');
    expect(r.summary).toContain('2 errors and 1 warnings are not annotated');
    expect(r.summary).toContain('| ❌ `gg/mmm` | 12 | 0 |');
    // outside a git checkout the action links at GITHUB_SHA, paths from the repository root
    expect(r.summary).toContain(
      `[\`m.bpmn:5\`](https://github.com/acme/models/blob/${sha}/models/gg/mmm/m.bpmn#L5`,
    );
    expect(r.summary).toContain('`npx github:spiff-models/spiff-models#v1 validate models`');
    expect(r.summary).toContain(
      'JSON `$RUNNER_TEMP/spiff-models-report.json`, SARIF `$RUNNER_TEMP/spiff-models.sarif`',
    );
  });

  it('succeeds on the example models', async () => {
    const r = await runActionBundle(
      { command: 'validate', path: 'examples/process-models' },
      { workspace: REPO_ROOT },
    );
    expect(r.code).toBe(0);
    expect(r.outputs.errors).toBe('0');
    expect(r.summary).toContain('✅ no errors');
    fs.rmSync(r.outputs['report-file']);
    fs.rmSync(r.outputs['sarif-file']);
  });

  it('keeps the cache under RUNNER_TEMP with cache: true, and gives the same outputs from it', async () => {
    const ws = writeTree({});
    writeTree({ ...baseTree(), 'gg/lib/process_model.json': modelJson('', '') }, path.join(ws, 'models'));
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-runner-temp-'));
    const run = () =>
      runActionBundle(
        { command: 'validate', path: 'models', cache: 'true' },
        { workspace: ws, env: { RUNNER_TEMP: temp } },
      );
    const cold = await run();
    expect(fs.existsSync(path.join(temp, 'spiff-models-cache'))).toBe(true);
    const warm = await run();
    expect(warm.code).toBe(0);
    expect(warm.outputs).toEqual(cold.outputs);
    expect(warm.outputs.warnings).toBe('1');
    expect(warm.summary).toBe(cold.summary);
    expect(fs.readdirSync(ws)).toEqual(['models']);
    fs.rmSync(temp, { recursive: true, force: true });
  });

  it('fails the step with a message on a bad input', async () => {
    const r = await runActionBundle(
      { command: 'validate', path: '.', 'max-warnings': 'lots' },
      { workspace: writeTree(baseTree()) },
    );
    expect(r.code).toBe(1);
    expect(r.commands.at(-1)?.message).toMatch(/Input 'max-warnings' must be a whole number/);
  });
});
