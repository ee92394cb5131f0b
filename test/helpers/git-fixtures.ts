// Real git repositories for tests: bare remotes on disk, working clones, commits of small valid models trees.
// Git runs with a fixed identity and without the machine's global/system config, so tests work anywhere.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const GIT_TEST_ENV: Record<string, string> = {
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.invalid',
  GIT_COMMITTER_NAME: 'Test Committer',
  GIT_COMMITTER_EMAIL: 'committer@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
};

/** Puts the test identity into process.env (the code under test spawns git with process.env). */
export function useGitTestEnv(): void {
  Object.assign(process.env, GIT_TEST_ENV);
}

/** The environment the code under test should get in a CLI test (io.env). */
export function gitTestEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...GIT_TEST_ENV, ...extra };
}

const made: string[] = [];

export function tempDir(prefix = 'spiff-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every directory tempDir made (call in afterAll). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs git in dir and returns trimmed stdout; throws with git's stderr on failure. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    env: { ...process.env, ...GIT_TEST_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
    .toString('utf8')
    .trim();
}

/** File path -> content; null deletes the file. */
export type Files = Record<string, string | null>;

export function writeFiles(dir: string, files: Files): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    if (content === null) {
      rmSync(abs, { force: true, recursive: true });
    } else {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }
}

/** Writes (or deletes) files, stages everything and commits; returns the new commit id. */
export function commitFiles(dir: string, files: Files, message: string): string {
  writeFiles(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

/**
 * Makes the bare `remote` move `ref` inside receive-pack, after it checked the pushed old value and before it
 * updates the ref: its `update` hook moves the ref to `targets[n]` (commits the remote holds) on the n-th push
 * to `ref`, until the list is used up. The push then fails with "cannot lock ref ...: is at X but expected Y",
 * as a push racing another does on a busy server.
 */
export function moveRefInsideReceivePack(remote: string, ref: string, targets: string[]): void {
  const hook = path.join(remote, 'hooks', 'update');
  writeFileSync(
    hook,
    [
      '#!/bin/sh',
      `[ "$1" = '${ref}' ] || exit 0`,
      'n=$(cat "$GIT_DIR/moves" 2>/dev/null || echo 0)',
      'echo $((n + 1)) > "$GIT_DIR/moves"',
      'case $n in',
      ...targets.map((t, i) => `  ${i}) git update-ref '${ref}' '${t}' ;;`),
      'esac',
      '',
    ].join('\n'),
  );
  chmodSync(hook, 0o755);
}

export interface Remote {
  /** Temp directory holding everything. */
  root: string;
  /** Bare repository playing the server. */
  remote: string;
  /** A clone with `origin` pointing at the remote, on branch main. */
  work: string;
}

/**
 * A bare remote whose main branch holds `files` in a first commit, a working clone of it, and `branches`
 * created on the remote from main.
 */
export function makeRemote(files: Files = {}, branches: string[] = []): Remote {
  const root = tempDir('spiff-remote-');
  const remote = path.join(root, 'remote.git');
  const work = path.join(root, 'work');
  git(root, 'init', '-q', '--bare', '-b', 'main', remote);
  git(root, 'init', '-q', '-b', 'main', work);
  git(work, 'remote', 'add', 'origin', remote);
  commitFiles(work, { 'README.md': '# models\n', ...files }, 'initial models');
  git(work, 'push', '-q', 'origin', 'main');
  for (const b of branches) git(work, 'push', '-q', 'origin', `main:refs/heads/${b}`);
  git(work, 'fetch', '-q', 'origin');
  return { root, remote, work };
}

/** Another clone of the remote (a colleague's machine), checked out on `branch`. */
export function cloneRemote(remote: string, branch = 'main'): string {
  const dir = path.join(tempDir('spiff-clone-'), 'clone');
  git(path.dirname(dir), 'clone', '-q', '-b', branch, remote, dir);
  return dir;
}

/** Checks out `branch` of origin in a working clone (creating the local branch). */
export function switchTo(work: string, branch: string): void {
  git(work, 'fetch', '-q', 'origin');
  git(work, 'checkout', '-q', '-B', branch, `origin/${branch}`);
}

/** Commits files on `branch` of the remote through the working clone and pushes; returns the commit id. */
export function commitOn(work: string, branch: string, files: Files, message: string): string {
  switchTo(work, branch);
  const sha = commitFiles(work, files, message);
  git(work, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
  return sha;
}

/** Commit id of a branch of a (bare) repository, or null when it does not exist. */
export function branchSha(repo: string, branch: string): string | null {
  try {
    return git(repo, 'rev-parse', '--verify', '-q', `refs/heads/${branch}`);
  } catch {
    return null;
  }
}

/** Files of a commit, repository-relative, sorted. */
export function filesAt(repo: string, rev: string): string[] {
  return git(repo, 'ls-tree', '-r', '--name-only', rev).split('\n').filter(Boolean).sort();
}

export function fileAt(repo: string, rev: string, file: string): string {
  return git(repo, 'show', `${rev}:${file}`);
}

// --- a small valid models tree ---

/** json.dumps(value, indent=4, sort_keys=True) for the plain values fixtures use. */
export function canonicalJson(value: Record<string, string>): string {
  const keys = Object.keys(value).sort();
  return `{\n${keys.map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(value[k])}`).join(',\n')}\n}`;
}

export function processIdOf(modelId: string): string {
  return `Process_${modelId.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** A group directory's process_group.json. */
export function group(id: string, displayName = id.split('/').pop()!): Files {
  return { [`${id}/process_group.json`]: canonicalJson({ description: '', display_name: displayName }) };
}

export interface ModelSpec {
  /** Process id of the primary process (default Process_<id with non-alphanumerics as _>). */
  processId?: string;
  /** Process ids called through call activities, in sequence. */
  calls?: string[];
  displayName?: string;
  /** Text inside the process, to make versions differ. */
  note?: string;
  /** More files in the model directory (name -> content). */
  extra?: Record<string, string>;
}

/** BPMN with one executable process: start -> call activities -> end, connected by sequence flows. */
export function bpmn(processId: string, calls: string[] = [], note = ''): string {
  const nodes = ['StartEvent_1', ...calls.map((_, i) => `Call_${i + 1}`), 'EndEvent_1'];
  const flow = (i: number) => `Flow_${i + 1}`;
  const incoming = (i: number) => (i > 0 ? `<bpmn:incoming>${flow(i - 1)}</bpmn:incoming>` : '');
  const outgoing = (i: number) => (i < nodes.length - 1 ? `<bpmn:outgoing>${flow(i)}</bpmn:outgoing>` : '');
  const elements = nodes.map((id, i) => {
    const inner = `${incoming(i)}${outgoing(i)}`;
    if (i === 0) return `    <bpmn:startEvent id="${id}">${inner}</bpmn:startEvent>`;
    if (i === nodes.length - 1) return `    <bpmn:endEvent id="${id}">${inner}</bpmn:endEvent>`;
    return `    <bpmn:callActivity id="${id}" calledElement="${calls[i - 1]}">${inner}</bpmn:callActivity>`;
  });
  const flows = nodes
    .slice(0, -1)
    .map(
      (id, i) => `    <bpmn:sequenceFlow id="${flow(i)}" sourceRef="${id}" targetRef="${nodes[i + 1]}" />`,
    );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
      `id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn">`,
    `  <bpmn:process id="${processId}" isExecutable="true">`,
    ...(note ? [`    <bpmn:documentation>${note}</bpmn:documentation>`] : []),
    ...elements,
    ...flows,
    '  </bpmn:process>',
    '</bpmn:definitions>',
    '',
  ].join('\n');
}

/** A model directory: process_model.json and <last segment>.bpmn. */
export function model(id: string, spec: ModelSpec = {}): Files {
  const name = id.split('/').pop()!;
  const processId = spec.processId ?? processIdOf(id);
  const files: Files = {
    [`${id}/process_model.json`]: canonicalJson({
      description: '',
      display_name: spec.displayName ?? name,
      primary_file_name: `${name}.bpmn`,
      primary_process_id: processId,
    }),
    [`${id}/${name}.bpmn`]: bpmn(processId, spec.calls, spec.note),
  };
  for (const [file, content] of Object.entries(spec.extra ?? {})) files[`${id}/${file}`] = content;
  return files;
}

/** Prefixes every path (models root in a sub-folder of the repository). */
export function under(prefix: string, files: Files): Files {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [`${prefix}/${k}`, v]));
}
