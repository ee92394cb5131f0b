// Runs the bundles as their users do: dist/cli.js as a command, dist/index.js as the Actions runner runs
// an action (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, GITHUB_* context).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tempDir } from './git-fixtures.js';

export const REPO_ROOT = path.resolve(
  import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname),
  '../..',
);
export const DIST_CLI = path.join(REPO_ROOT, 'dist/cli.js');
export const DIST_ACTION = path.join(REPO_ROOT, 'dist/index.js');

export interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** An environment without the machine's GitHub/runner settings, so tests see only what they set. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('GITHUB_') || k.startsWith('INPUT_') || k.startsWith('RUNNER_') || k === 'GH_TOKEN')
      continue;
    if (k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  Object.assign(env, {
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.invalid',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.invalid',
  });
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function runNode(
  script: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string },
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: options.cwd,
      env: options.env ?? cleanEnv(),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export function runCliBundle(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<ProcessRun> {
  return runNode(DIST_CLI, args, { cwd, env: cleanEnv(env) });
}

export interface ActionRun extends ProcessRun {
  outputs: Record<string, string>;
  summary: string;
  /** Workflow commands the action printed (::error file=..::message), parsed. */
  commands: { command: string; properties: Record<string, string>; message: string }[];
}

/** Reads GITHUB_OUTPUT's `name<<delimiter` blocks (and plain name=value lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
      out[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const eq = lines[i].indexOf('=');
      out[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
    }
  }
  return out;
}

function unescapeCommand(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

export function parseCommands(stdout: string): ActionRun['commands'] {
  const out: ActionRun['commands'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const part of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = part.indexOf('=');
      properties[part.slice(0, eq)] = unescapeCommand(part.slice(eq + 1));
    }
    out.push({ command: m[1], properties, message: unescapeCommand(m[3]) });
  }
  return out;
}

/**
 * Runs dist/index.js like the runner: each input becomes INPUT_<NAME> (upper-cased, spaces to '_', hyphens
 * kept), outputs and the step summary go to files.
 */
export async function runActionBundle(
  inputs: Record<string, string>,
  options: { workspace: string; env?: Record<string, string | undefined>; script?: string },
): Promise<ActionRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-runner-'));
  // RUNNER_TEMP outlives the step (as on a runner, until the job ends): the reports written there stay readable.
  const runnerTemp = tempDir('spiff-runner-temp-');
  const outputFile = path.join(dir, 'output');
  const summaryFile = path.join(dir, 'summary');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const env: Record<string, string | undefined> = {
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: runnerTemp,
    ...options.env,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v;
  const run = await runNode(options.script ?? DIST_ACTION, [], {
    cwd: options.workspace,
    env: cleanEnv(env),
  });
  const result: ActionRun = {
    ...run,
    outputs: parseOutputFile(fs.readFileSync(outputFile, 'utf8')),
    summary: fs.readFileSync(summaryFile, 'utf8'),
    commands: parseCommands(run.stdout),
  };
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}

// The command names the runner registers (ActionCommandManager: the command extensions plus stop-commands).
const RUNNER_COMMANDS =
  'set-env|set-output|save-state|add-mask|add-path|add-matcher|remove-matcher|debug|warning|error|notice|group|endgroup|echo|stop-commands';

/**
 * The lines of `output` the Actions runner would take as workflow commands, by its own rules: its reader ends a
 * line at \n and at \r; `::` starts a command after leading white space (ActionCommand.TryParseV2); the legacy
 * `##[name` of a registered command counts anywhere in a line (ActionCommand.TryParse).
 */
export function runnerCommandLines(output: string): string[] {
  const legacy = new RegExp(`##\\[(${RUNNER_COMMANDS})[\\] ]`, 'i');
  return output.split(/\r\n|\r|\n/).filter((line) => /^[\s\u0085]*::/.test(line) || legacy.test(line));
}
