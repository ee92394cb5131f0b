// Runs an example workflow's job the way GitHub's runner would, for the steps that matter here: this action's
// steps run dist/index.js with INPUT_* (action.yml defaults included), GITHUB_* context, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY and GITHUB_EVENT_PATH; a few well-known actions are emulated by their effect
// (checkout: the workspace is already a clone; docker/login-action: ~/.docker/config.json); other steps are
// recorded as not run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { condition, interpolate, type ExprContext, type Value } from './expressions.js';
import {
  DIST_ACTION,
  REPO_ROOT,
  cleanEnv,
  parseCommands,
  parseOutputFile,
  runNode,
} from '../helpers/runner.js';

export interface GitHubContext {
  repository: string;
  sha: string;
  ref: string;
  ref_name: string;
  base_ref?: string;
  head_ref?: string;
  event_name: string;
  actor: string;
  server_url: string;
  api_url: string;
  token: string;
  event: Record<string, unknown>;
}

export interface StepRecord {
  id?: string;
  name: string;
  uses?: string;
  run: boolean;
  note?: string;
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  inputs: Record<string, string>;
  stdout: string;
  stderr: string;
  summary: string;
  commands: ReturnType<typeof parseCommands>;
}

export interface WorkflowRun {
  steps: StepRecord[];
  failed: boolean;
  summary: string;
}

export interface WorkflowOptions {
  file: string;
  job?: string;
  workspace: string;
  github: GitHubContext;
  secrets?: Record<string, string>;
  inputs?: Record<string, string>;
  vars?: Record<string, string>;
  /** Runner environment additions (DOCKER_HOST...). */
  env?: Record<string, string>;
  /** Home directory of the runner (docker/login-action writes ~/.docker/config.json there). */
  home?: string;
  /** RUNNER_TEMP, kept after the run when given (the caller removes it); default: a fresh one, removed. */
  runnerTemp?: string;
}

interface StepSpec {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string | boolean;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}

const OWN_ACTION = /^(spiff-models\/spiff-models@|\.\/?$)/;

export function loadWorkflow(file: string): {
  doc: Record<string, unknown>;
  jobs: Record<string, { steps: StepSpec[]; env?: Record<string, unknown> }>;
} {
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'), { uniqueKeys: true }) as Record<string, unknown>;
  return { doc, jobs: doc.jobs as Record<string, { steps: StepSpec[]; env?: Record<string, unknown> }> };
}

export function actionInputs(): Record<string, { default?: string }> {
  const action = YAML.parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return action.inputs;
}

export async function runWorkflow(options: WorkflowOptions): Promise<WorkflowRun> {
  const { doc, jobs } = loadWorkflow(options.file);
  const jobName = options.job ?? Object.keys(jobs)[0];
  const job = jobs[jobName];
  const runnerTemp = options.runnerTemp ?? fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-runner-'));
  const home = options.home ?? path.join(runnerTemp, 'home');
  fs.mkdirSync(home, { recursive: true });
  const eventPath = path.join(runnerTemp, 'event.json');
  fs.writeFileSync(eventPath, JSON.stringify(options.github.event));
  const steps: Record<string, Value> = {};
  const records: StepRecord[] = [];
  let failed = false;
  let summary = '';
  const ctx = (): ExprContext => ({
    failed,
    contexts: {
      github: { ...options.github, workspace: options.workspace } as unknown as Value,
      secrets: { GITHUB_TOKEN: options.github.token, ...(options.secrets ?? {}) },
      inputs: options.inputs ?? {},
      vars: options.vars ?? {},
      env: {},
      steps,
      runner: { temp: runnerTemp, os: 'Linux' },
    },
  });
  const evalMap = (m: Record<string, unknown> | undefined, c: ExprContext): Record<string, string> =>
    Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, interpolate(String(v), c)]));

  const defaults = actionInputs();
  for (const [index, step] of job.steps.entries()) {
    const c = ctx();
    const env = {
      ...evalMap(doc.env as Record<string, unknown> | undefined, c),
      ...evalMap(job.env, c),
    };
    c.contexts.env = env;
    Object.assign(env, evalMap(step.env, c));
    c.contexts.env = env;
    const record: StepRecord = {
      id: step.id,
      name: step.name ?? step.uses ?? step.run?.split('\n')[0] ?? `step ${index}`,
      uses: step.uses,
      run: false,
      outcome: 'skipped',
      outputs: {},
      inputs: {},
      stdout: '',
      stderr: '',
      summary: '',
      commands: [],
    };
    records.push(record);
    if (!condition(step.if, c)) {
      record.note = 'condition false';
      if (step.id) steps[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
      continue;
    }
    const inputs = evalMap(step.with, c);
    record.inputs = inputs;
    if (step.uses && OWN_ACTION.test(step.uses)) {
      const outputFile = path.join(runnerTemp, `output-${index}`);
      const summaryFile = path.join(runnerTemp, `summary-${index}`);
      fs.writeFileSync(outputFile, '');
      fs.writeFileSync(summaryFile, '');
      const processEnv: Record<string, string | undefined> = {
        ...options.env,
        ...env,
        HOME: home,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_REPOSITORY: options.github.repository,
        GITHUB_SHA: options.github.sha,
        GITHUB_REF: options.github.ref,
        GITHUB_REF_NAME: options.github.ref_name,
        GITHUB_BASE_REF: options.github.base_ref ?? '',
        GITHUB_HEAD_REF: options.github.head_ref ?? '',
        GITHUB_EVENT_NAME: options.github.event_name,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_SERVER_URL: options.github.server_url,
        GITHUB_API_URL: options.github.api_url,
        GITHUB_ACTOR: options.github.actor,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: runnerTemp,
      };
      // The runner passes every input: the step's, else action.yml's default (expressions evaluated).
      for (const [name, spec] of Object.entries(defaults)) {
        const value =
          name in inputs
            ? inputs[name]
            : spec.default !== undefined
              ? interpolate(String(spec.default), c)
              : undefined;
        if (value !== undefined) processEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
      }
      const r = await runNode(DIST_ACTION, [], { cwd: options.workspace, env: cleanEnv(processEnv) });
      record.run = true;
      record.stdout = r.stdout;
      record.stderr = r.stderr;
      record.outputs = parseOutputFile(fs.readFileSync(outputFile, 'utf8'));
      record.summary = fs.readFileSync(summaryFile, 'utf8');
      record.commands = parseCommands(r.stdout);
      summary += record.summary;
      record.outcome = r.code === 0 ? 'success' : 'failure';
      if (r.code !== 0 && !step['continue-on-error']) failed = true;
    } else if (step.uses?.startsWith('actions/checkout@')) {
      record.note = 'emulated: the workspace is a clone of the test repository';
      record.outcome = 'success';
    } else if (step.uses?.startsWith('docker/login-action@')) {
      // What docker/login-action leaves behind: credentials in ~/.docker/config.json.
      const registry = inputs.registry || 'https://index.docker.io/v1/';
      const file = path.join(home, '.docker', 'config.json');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const config = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { auths: {} };
      config.auths[registry] = {
        auth: Buffer.from(`${inputs.username}:${inputs.password}`).toString('base64'),
      };
      fs.writeFileSync(file, JSON.stringify(config, null, 2));
      record.note = `emulated: logged in to ${registry}`;
      record.outcome = 'success';
    } else {
      record.note = 'not run here (not this action)';
      record.outcome = 'success';
    }
    if (step.id)
      steps[step.id] = { outputs: record.outputs, outcome: record.outcome, conclusion: record.outcome };
  }
  if (!options.runnerTemp) fs.rmSync(runnerTemp, { recursive: true, force: true });
  return { steps: records, failed, summary };
}
