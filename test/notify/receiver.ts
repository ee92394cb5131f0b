// Test receivers on 127.0.0.1, and real git repositories to go with them. `startSpiffReceiver` behaves like
// spiffworkflow-backend's POST /v1.0/github-webhook-receive (REFERENCE.md section 7), down to `git pull --rebase`
// in a real clone; `startScriptedReceiver` answers from a script, for the retry rules.
import { execFile } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The raw body, exactly as received. */
  body: Buffer;
  /** Milliseconds since the receiver started. */
  at: number;
  /** What the receiver answered (status), or null when it did not answer. */
  status: number | null;
  answer: string;
}

export interface Receiver {
  /** Base URL, e.g. http://127.0.0.1:PORT (plus the path prefix, if any). */
  url: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

// Hermetic git: no user or system config, fixed identities, a fixed default branch.
export const gitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Model Author',
  GIT_AUTHOR_EMAIL: 'author@example.invalid',
  GIT_COMMITTER_NAME: 'Model Author',
  GIT_COMMITTER_EMAIL: 'author@example.invalid',
  GIT_TERMINAL_PROMPT: '0',
};

export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec(
    'git',
    ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd,
      env: gitEnv,
    },
  );
  return stdout.trim();
}

export interface ModelsRepos {
  root: string;
  /** The bare repository both clones talk to (`remote.origin.url` of the clones is this path). */
  remote: string;
  /** The clone the backend serves models from (SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR). */
  backendDir: string;
  /** Where changes are made and pushed from: a developer's or a workflow's checkout. */
  workDir: string;
  /** Commits files in workDir and pushes them to the remote; answers the new full sha. */
  pushCommit(message: string, files: Record<string, string>, branch?: string): Promise<string>;
  head(dir: string): Promise<string>;
  cleanup(): Promise<void>;
}

/** A bare remote, a backend clone and a work clone on disk, with one first commit on `main`. */
export async function createModelsRepos(): Promise<ModelsRepos> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'spiff-notify-'));
  const remote = path.join(root, 'models.git');
  const backendDir = path.join(root, 'backend-models');
  const workDir = path.join(root, 'work');
  await git(root, 'init', '--bare', '--quiet', remote);
  await git(root, 'clone', '--quiet', remote, workDir);

  const pushCommit = async (message: string, files: Record<string, string>, branch = 'main') => {
    await git(workDir, 'checkout', '--quiet', '-B', branch);
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(workDir, file)), { recursive: true });
      await writeFile(path.join(workDir, file), text);
    }
    await git(workDir, 'add', '--all');
    await git(workDir, 'commit', '--quiet', '-m', message);
    await git(workDir, 'push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
    return git(workDir, 'rev-parse', 'HEAD');
  };
  await pushCommit('first models', { 'misc/process_group.json': '{"display_name": "Misc"}\n' });
  await git(root, 'clone', '--quiet', remote, backendDir);
  return {
    root,
    remote,
    backendDir,
    workDir,
    pushCommit,
    head: (dir) => git(dir, 'rev-parse', 'HEAD'),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function closer(server: http.Server): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface SpiffReceiverOptions {
  /** SPIFFWORKFLOW_BACKEND_GITHUB_WEBHOOK_SECRET; null: none configured (every call answers 500). */
  secret: string | null;
  /** SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR: a real clone. */
  modelsDir: string;
  /** SPIFFWORKFLOW_BACKEND_GIT_SOURCE_BRANCH. */
  branch: string;
  /** SPIFFWORKFLOW_BACKEND_WSGI_PATH_PREFIX, e.g. '/api'. */
  pathPrefix?: string;
}

/** A stand-in for spiffworkflow-backend's github-webhook-receive, with the backend's checks in its order. */
export async function startSpiffReceiver(options: SpiffReceiverOptions): Promise<Receiver> {
  const started = Date.now();
  const requests: ReceivedRequest[] = [];
  const route = `${options.pathPrefix ?? ''}/v1.0/github-webhook-receive`;

  const handle = async (req: http.IncomingMessage, body: Buffer): Promise<[number, unknown]> => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== route) {
      return [404, { error_code: 'not_found' }];
    }
    if (options.secret === null)
      return [500, { error_code: 'internal_server_error', message: 'no webhook secret' }];
    const header = req.headers['x-hub-signature-256'];
    if (typeof header !== 'string')
      return [403, { error_code: 'unauthorized', message: 'missing signature' }];
    const expected = Buffer.from(`sha256=${createHmac('sha256', options.secret).update(body).digest('hex')}`);
    const given = Buffer.from(header);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return [403, { error_code: 'unauthorized', message: 'signature mismatch' }];
    }
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      return [415, { error_code: 'unsupported_media_type' }];
    }
    let webhook: Record<string, unknown>;
    try {
      webhook = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return [400, { error_code: 'bad_request' }];
    }
    const repo = webhook.repository as Record<string, unknown> | undefined;
    if (!repo || !('clone_url' in repo) || !('git_url' in repo) || !('ssh_url' in repo)) {
      return [500, { error_code: 'internal_server_error', message: "KeyError: 'repository' URLs" }];
    }
    const origin = await git(options.modelsDir, 'config', '--get', 'remote.origin.url');
    const valid = [repo.clone_url, repo.git_url, repo.ssh_url];
    if (!valid.includes(origin)) {
      return [
        500,
        {
          error_code: 'internal_server_error',
          message: `Configured clone url does not match the repo URLs from webhook: ${origin} =/= ${JSON.stringify(valid)}`,
        },
      ];
    }
    if ('zen' in webhook || 'hook_id' in webhook) return [200, { git_pull: false }];
    if (!('ref' in webhook) || !('after' in webhook)) return [500, { error_code: 'internal_server_error' }];
    if (webhook.after === (await git(options.modelsDir, 'rev-parse', 'HEAD')))
      return [200, { git_pull: true }];
    if (webhook.ref !== `refs/heads/${options.branch}`) return [200, { git_pull: false }];
    try {
      await git(options.modelsDir, 'pull', '--rebase', '--quiet');
    } catch (err) {
      return [500, { error_code: 'internal_server_error', message: `git pull failed: ${String(err)}` }];
    }
    return [200, { git_pull: true }];
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const record: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        at: Date.now() - started,
        status: null,
        answer: '',
      };
      requests.push(record);
      const [status, answer] = await handle(req, body);
      record.status = status;
      record.answer = JSON.stringify(answer);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(record.answer);
    })();
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}${options.pathPrefix ?? ''}`, requests, close: closer(server) };
}

/** One answer of a scripted receiver. */
export interface Step {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Answer this late (ms). */
  delayMs?: number;
  /** Reset the connection instead of answering. */
  reset?: boolean;
}

/** Answers the n-th request with steps[n] (the last step repeats); records every request. */
export async function startScriptedReceiver(steps: Step[]): Promise<Receiver> {
  const started = Date.now();
  const requests: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const step = steps[Math.min(requests.length, steps.length - 1)] ?? {};
      const record: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        at: Date.now() - started,
        status: null,
        answer: '',
      };
      requests.push(record);
      if (step.reset) {
        req.socket.resetAndDestroy();
        return;
      }
      const answer = () => {
        if (res.destroyed || req.socket.destroyed) return;
        record.status = step.status ?? 200;
        record.answer = step.body ?? '{}';
        res.writeHead(record.status, { 'Content-Type': 'application/json', ...step.headers });
        res.end(record.answer);
      };
      if (step.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer();
        }, step.delayMs);
        timers.add(timer);
      } else answer();
    })();
  });
  const port = await listen(server);
  const close = closer(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      await close();
    },
  };
}
