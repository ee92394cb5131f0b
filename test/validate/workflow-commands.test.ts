// Repository text (file and directory names, what files say) never reaches a log line the Actions runner would
// take as a workflow command, in the CLI's output of any format or in the action's log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import type { CliIO } from '../../src/shell/cli-io.js';
import { main } from '../../src/cli/main.js';
import { runValidateAction } from '../../src/validate/action.js';
import { baseTree, cleanTrees, modelJson, writeTree } from '../helpers/bpmn.js';
import { runActionBundle, runCliBundle, runnerCommandLines } from '../helpers/runner.js';

afterAll(cleanTrees);

const NEWLINE_FILE = 'gg/mmm/a\n::stop-commands::tok\n.json';
const COLON_DIR = 'gg/::error::boom ##[warning]x';

function hostileTree(): string {
  return writeTree({
    ...baseTree(),
    [NEWLINE_FILE]: '{',
    [`${COLON_DIR}/process_model.json`]: '{',
    // A message that quotes file content: the primary file name comes from process_model.json.
    'gg/qqq/process_model.json': modelJson('x\r::notice::cr\r##[error]y.bpmn', 'p'),
  });
}

function captured(cwd: string) {
  const out: string[] = [];
  const io: CliIO = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void out.push(t),
    cwd,
    env: {},
    isTTY: false,
  };
  return { io, text: () => out.join('') };
}

describe('the CLI', () => {
  test.each(['stylish', 'json', 'sarif', 'markdown'])(
    '--format %s prints no workflow command',
    async (format) => {
      const root = hostileTree();
      const c = captured(root);
      expect(await main(['validate', '.', '--format', format], c.io)).toBe(1);
      expect(c.text()).toContain('stop-commands');
      expect(runnerCommandLines(c.text())).toEqual([]);
    },
  );

  test('stylish shows a control character in a name as an escape, on one line', async () => {
    const root = hostileTree();
    const c = captured(root);
    await main(['validate', '.'], c.io);
    expect(c.text()).toContain('gg/mmm/a\\n::stop-commands::tok\\n.json\n');
    expect(c.text()).toContain('x\\r::notice::cr\\r##\\[error]y.bpmn');
  });

  test('the JSON report stays valid JSON and keeps the names as they are', async () => {
    const root = hostileTree();
    const c = captured(root);
    await main(['validate', '.', '--format', 'json'], c.io);
    const files = (JSON.parse(c.text()) as { findings: { file: string }[] }).findings.map((f) => f.file);
    expect(files).toContain(NEWLINE_FILE);
    expect(files).toContain(`${COLON_DIR}/process_model.json`);
  });
});

describe('the action', () => {
  let saved: NodeJS.ProcessEnv;
  let stdout: string[];
  let dir: string;
  beforeEach(() => {
    saved = { ...process.env };
    for (const key of Object.keys(process.env))
      if (key.startsWith('INPUT_') || key.startsWith('GITHUB_')) delete process.env[key];
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-commands-'));
    process.env.GITHUB_OUTPUT = path.join(dir, 'output');
    process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary');
    fs.writeFileSync(process.env.GITHUB_OUTPUT, '');
    fs.writeFileSync(process.env.GITHUB_STEP_SUMMARY, '');
    stdout = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    process.exitCode = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the log holds only the annotations the action makes, their names escaped by @actions/core', async () => {
    const root = hostileTree();
    process.env.GITHUB_WORKSPACE = root;
    process.env.REPORT_DIR = dir;
    process.env['INPUT_REPORT-FILE'] = path.join(dir, 'report.json');
    process.env['INPUT_SARIF-FILE'] = path.join(dir, 'report.sarif');
    await runValidateAction();
    const log = stdout.join('');
    expect(log).toContain('stop-commands');
    const commands = runnerCommandLines(log);
    expect(commands.length).toBeGreaterThan(0);
    for (const line of commands)
      expect(line).toMatch(/^::(error|warning)( title=[\w-]+,file=[^:]*)?::[^\r]*$/);
    expect(commands).toContainEqual(
      expect.stringContaining('file=gg/mmm/a%0A%3A%3Astop-commands%3A%3Atok%0A.json,'),
    );
    expect(commands).toContainEqual(
      expect.stringContaining('file=gg/%3A%3Aerror%3A%3Aboom ##[warning]x/process_model.json,'),
    );
  });
});

describe('the bundles, as the runner runs them', () => {
  test('dist/index.js and dist/cli.js print nothing the runner would take for a command it did not get from us', async () => {
    const root = hostileTree();
    const action = await runActionBundle({ command: 'validate' }, { workspace: root });
    expect(action.stdout).toContain('stop-commands');
    for (const line of runnerCommandLines(action.stdout + action.stderr))
      expect(line).toMatch(/^::(error|warning)( title=[\w-]+,file=[^:]*)?::[^\r]*$/);
    const cli = await runCliBundle(['validate', '.'], root);
    expect(cli.code).toBe(1);
    expect(runnerCommandLines(cli.stdout + cli.stderr)).toEqual([]);
  });
});
