// Small models repositories on disk for the bake tests: a group, a model with a user task and its form, and
// git history with fixed dates (same content -> same commits).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BakeLog, BakeOptions } from '../../src/image/bake.js';

export type Files = Record<string, string>;

export const FORM_V1 = '{"title": "Request v1", "type": "object", "properties": {}}\n';
export const FORM_V2 =
  '{"title": "Request v2", "type": "object", "properties": {"amount": {"type": "number"}}}\n';

/** A valid one-model repo: group `finance`, model `finance/request` with a user task and its form. */
export function modelFiles(form = FORM_V1, nonce = randomBytes(6).toString('hex')): Files {
  return {
    // The nonce keeps images of earlier runs from being reused as "unchanged input".
    'README.md': `Test models ${nonce}\n`,
    'finance/process_group.json': '{\n    "description": "",\n    "display_name": "Finance"\n}\n',
    'finance/request/process_model.json': JSON.stringify(
      {
        description: '',
        display_name: 'Request',
        exception_notification_addresses: [],
        fault_or_suspend_on_exception: 'fault',
        metadata_extraction_paths: null,
        primary_file_name: 'request.bpmn',
        primary_process_id: 'Process_request',
      },
      null,
      4,
    ),
    'finance/request/request.bpmn': `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Process_request" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Ask" />
    <bpmn:userTask id="Ask" name="Ask">
      <bpmn:extensionElements>
        <spiffworkflow:properties>
          <spiffworkflow:property name="formJsonSchemaFilename" value="request-schema.json" />
        </spiffworkflow:properties>
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_1</bpmn:incoming>
      <bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Ask" targetRef="End" />
    <bpmn:endEvent id="End"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>
`,
    'finance/request/request-schema.json': form,
  };
}

export function writeFiles(root: string, files: Files): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

let tick = 0;

export function git(cwd: string, args: string[]): string {
  tick++;
  const date = `2024-01-0${1 + (tick % 9)}T12:00:00Z`;
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
    },
  }).trim();
}

export function tempDir(prefix = 'spiff-models-bake-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface Repo {
  /** The repository top level. */
  root: string;
  /** The models root (root, or root/<subdir>). */
  models: string;
  /** Commit shas, oldest first. */
  commits: string[];
}

/**
 * A git repo whose models live at `subdir` (or the top level): commit 1 with FORM_V1, commit 2 with FORM_V2
 * (so `git show <commit 1>:<form>` proves the history is there).
 */
export function makeRepo(options: { subdir?: string; commits?: 1 | 2; extra?: Files } = {}): Repo {
  const root = tempDir();
  const models = options.subdir ? path.join(root, options.subdir) : root;
  git(root, ['init', '-q', '-b', 'main']);
  const nonce = randomBytes(6).toString('hex');
  writeFiles(models, { ...modelFiles(FORM_V1, nonce), ...(options.extra ?? {}) });
  if (options.subdir) writeFiles(root, { 'ci/notes.txt': 'not a model\n' });
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'first']);
  const commits = [git(root, ['rev-parse', 'HEAD'])];
  if ((options.commits ?? 2) === 2) {
    writeFiles(models, { 'finance/request/request-schema.json': FORM_V2 });
    git(root, ['commit', '-q', '-am', 'second']);
    commits.push(git(root, ['rev-parse', 'HEAD']));
  }
  return { root, models, commits };
}

/** A BakeLog that records everything (and prints nothing). */
export function recordingLog(): BakeLog & { lines: string[]; warnings: string[]; infos: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  const infos: string[] = [];
  return {
    lines,
    warnings,
    infos,
    info: (m) => void infos.push(m),
    warning: (m) => void warnings.push(m),
    async group(_title, fn) {
      return fn((line) => void lines.push(line));
    },
  };
}

/** A registry-safe repository name for a test repo under `prefix` (lower-case letters and digits only). */
export function imageName(prefix: string, repo: Repo): string {
  return `${prefix}${path
    .basename(repo.root)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
}

/** Bake options for a test repo: full history, no verify, no validation, a recording log; the suite decides the rest. */
export function bakeOptions(
  repo: Repo,
  suite: Pick<BakeOptions, 'baseImage' | 'image' | 'push' | 'env'>,
  extra: Partial<BakeOptions> = {},
): BakeOptions {
  return {
    dir: repo.models,
    tags: [],
    labels: {},
    gitHistory: 'full',
    verify: false,
    dryRun: false,
    outputDir: null,
    template: null,
    imageModelsDir: '/app/process_models',
    validate: false,
    credentials: null,
    log: recordingLog(),
    ...suite,
    ...extra,
  };
}
