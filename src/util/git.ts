// Runs git with an argument array (never through a shell) and turns failures into errors naming the command.
import { createRequire } from 'node:module';
import { SetupError } from './errors.js';
import { endOnSignal } from './signals.js';

export interface GitOptions {
  cwd: string;
  /** Environment for git; defaults to process.env. Prompts are always disabled and messages kept in English. */
  env?: NodeJS.ProcessEnv;
  /** Written to git's stdin. */
  input?: string | Buffer;
  /** Kills git after this many milliseconds (it then counts as failed); no limit when absent. */
  timeoutMs?: number;
}

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** A git command that exited non-zero: the message names the command and carries git's own words. */
export class GitError extends SetupError {
  override name = 'GitError';
  constructor(
    readonly args: string[],
    readonly result: GitResult,
    readonly cwd: string,
  ) {
    const said = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-12).join('\n');
    super(`git ${args.join(' ')} failed (exit ${result.code}) in ${cwd}${said ? `:\n${said}` : ''}`);
  }
}

/** node:child_process, loaded when git first runs: a command that never runs git never loads it (start-up). */
function childProcess(): typeof import('node:child_process') {
  return createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
}

function gitEnv(env: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  // LC_ALL=C keeps messages parseable (push rejections); no prompt may hang an action waiting for a password.
  return { ...(env ?? process.env), LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true' };
}

/** GitResult with stdout as bytes: for blobs (`cat-file --batch`), which need not be text. */
export interface GitBufferResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** Runs git and resolves with its exit code and output whatever the exit code. */
export async function tryGit(args: string[], options: GitOptions): Promise<GitResult> {
  const r = await tryGitBuffer(args, options);
  return { stdout: r.stdout.toString('utf8'), stderr: r.stderr, code: r.code };
}

/** tryGit with stdout kept as bytes. */
export function tryGitBuffer(args: string[], options: GitOptions): Promise<GitBufferResult> {
  return new Promise((resolve, reject) => {
    const child = childProcess().spawn('git', args, {
      cwd: options.cwd,
      env: gitEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    });
    endOnSignal(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'ENOENT'
          ? new SetupError('git is not installed or not on PATH: install git and try again.')
          : new SetupError(`Could not run git ${args.join(' ')} in ${options.cwd}: ${e.message}`),
      );
    });
    child.on('close', (code) => {
      resolve({
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8'),
        code: code ?? 1,
      });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Runs git; resolves with stdout, rejects with a GitError when git exits non-zero. */
export async function git(args: string[], options: GitOptions): Promise<string> {
  const result = await tryGit(args, options);
  if (result.code !== 0) throw new GitError(args, result, options.cwd);
  return result.stdout;
}

/** Runs git; resolves with stdout as bytes, rejects with a GitError when git exits non-zero. */
export async function gitBuffer(args: string[], options: GitOptions): Promise<Buffer> {
  const result = await tryGitBuffer(args, options);
  if (result.code !== 0) {
    throw new GitError(args, { ...result, stdout: result.stdout.toString('utf8') }, options.cwd);
  }
  return result.stdout;
}

export interface GitSyncOptions {
  /** Where git runs (default: the current directory). */
  cwd?: string;
  /** Runs against this git dir (`git --git-dir`); messages name it instead of cwd. */
  gitDir?: string;
  /** Written to git's stdin. */
  input?: string;
}

/**
 * Runs git synchronously (the loader and bake's context read trees and blobs in plain functions) and returns
 * its exit code and output whatever the exit code; throws a SetupError only when git cannot be started.
 */
export function tryGitSync(args: string[], options: GitSyncOptions = {}): GitBufferResult {
  const where = options.gitDir ?? options.cwd ?? process.cwd();
  const r = childProcess().spawnSync('git', options.gitDir ? ['--git-dir', options.gitDir, ...args] : args, {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.input !== undefined ? { input: options.input } : {}),
    maxBuffer: 1 << 30,
    env: gitEnv(undefined),
  });
  if (r.error) throw new SetupError(`cannot run git ${args[0]} in ${where}: ${r.error.message}`);
  return { stdout: r.stdout, stderr: r.stderr.toString('utf8'), code: r.status ?? 1 };
}

/** tryGitSync that returns stdout as bytes and throws a SetupError naming the command when git fails. */
export function gitSync(args: string[], options: GitSyncOptions = {}): Buffer {
  const r = tryGitSync(args, options);
  if (r.code !== 0) {
    const where = options.gitDir ?? options.cwd ?? process.cwd();
    throw new SetupError(`git ${args.join(' ')} failed in ${where}: ${r.stderr.trim()}`);
  }
  return r.stdout;
}

/** Splits NUL-separated output (`-z`) into its non-empty entries. */
export function splitZ(text: string): string[] {
  return text.split('\0').filter((s) => s !== '');
}
