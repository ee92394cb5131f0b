// A local stand-in for the GitHub REST API on 127.0.0.1: records every request, checks the token, and backs
// merges, ref updates and pull requests with real bare repositories on disk. Tests may override any route.
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GIT_TEST_ENV } from './git-fixtures.js';

export interface RecordedRequest {
  method: string;
  /** Path without the query string, percent-decoded. */
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** Status the fake answered with. */
  status: number;
}

export interface FakePull {
  number: number;
  owner: string;
  repo: string;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  html_url: string;
  draft: boolean;
  labels: string[];
  /** Users and team slugs review was requested from. */
  reviewers: string[];
  teamReviewers: string[];
}

export interface FakeReply {
  status: number;
  body?: unknown;
}

export type Override = (req: RecordedRequest) => FakeReply | undefined;

export interface FakeGitHub {
  /** Base URL to give the client (GITHUB_API_URL). */
  url: string;
  token: string;
  requests: RecordedRequest[];
  pulls: FakePull[];
  /** Answers matching requests with the handler's reply instead of the default (undefined = default). */
  override(method: string, path: string | RegExp, handler: Override): void;
  /** Requests whose method and path match. */
  calls(method: string, path: string | RegExp): RecordedRequest[];
  close(): Promise<void>;
}

export interface FakeGitHubOptions {
  /** The token clients must send (`Authorization: token X` or `Bearer X`). */
  token?: string;
  /** 'owner/repo' -> path of the bare repository that plays it. */
  repos?: Record<string, string>;
}

function git(repo: string, args: string[]): { code: number; stdout: string } {
  try {
    const stdout = execFileSync('git', args, {
      cwd: repo,
      env: { ...process.env, ...GIT_TEST_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, stdout: stdout.toString('utf8').trim() };
  } catch (err) {
    const e = err as { status?: number; stdout?: Buffer };
    return { code: e.status ?? 1, stdout: e.stdout?.toString('utf8').trim() ?? '' };
  }
}

function sha(repo: string, rev: string): string | null {
  const r = git(repo, ['rev-parse', '--verify', '-q', `${rev}^{commit}`]);
  return r.code === 0 ? r.stdout : null;
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const token = options.token ?? 'test-token';
  const repos = options.repos ?? {};
  const requests: RecordedRequest[] = [];
  const pulls: FakePull[] = [];
  const overrides: { method: string; path: string | RegExp; handler: Override }[] = [];

  function route(req: RecordedRequest): FakeReply {
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/.exec(req.path);
    if (!m) return { status: 404, body: { message: 'Not Found' } };
    const [, owner, name, rest] = m;
    const repo = repos[`${owner}/${name}`];
    if (!repo) return { status: 404, body: { message: 'Not Found' } };
    const body = (req.body ?? {}) as Record<string, unknown>;

    if (req.method === 'POST' && rest === '/merges') {
      const base = String(body.base ?? '');
      const head = String(body.head ?? '');
      const baseSha = sha(repo, `refs/heads/${base}`);
      const headSha = sha(repo, head.match(/^[0-9a-f]{40}$/) ? head : `refs/heads/${head}`);
      if (!baseSha || !headSha)
        return { status: 404, body: { message: `No such base or head: ${base} / ${head}` } };
      if (git(repo, ['merge-base', '--is-ancestor', headSha, baseSha]).code === 0) return { status: 204 };
      const merged = git(repo, ['merge-tree', '--write-tree', baseSha, headSha]);
      if (merged.code !== 0) return { status: 409, body: { message: 'Merge conflict' } };
      const tree = merged.stdout.split('\n')[0];
      const message = String(body.commit_message ?? `Merge ${head} into ${base}`);
      const commit = git(repo, ['commit-tree', tree, '-p', baseSha, '-p', headSha, '-m', message]).stdout;
      git(repo, ['update-ref', `refs/heads/${base}`, commit, baseSha]);
      return {
        status: 201,
        body: { sha: commit, commit: { message }, parents: [{ sha: baseSha }, { sha: headSha }] },
      };
    }

    const ref = /^\/git\/refs\/heads\/(.+)$/.exec(rest);
    if (req.method === 'PATCH' && ref) {
      const branch = ref[1];
      const old = sha(repo, `refs/heads/${branch}`);
      const next = String(body.sha ?? '');
      if (!old) return { status: 422, body: { message: 'Reference does not exist' } };
      if (!sha(repo, next)) return { status: 422, body: { message: 'Object does not exist' } };
      if (!body.force && git(repo, ['merge-base', '--is-ancestor', old, next]).code !== 0) {
        return { status: 422, body: { message: 'Update is not a fast forward' } };
      }
      git(repo, ['update-ref', `refs/heads/${branch}`, next, old]);
      return { status: 200, body: { ref: `refs/heads/${branch}`, object: { sha: next, type: 'commit' } } };
    }

    const json = (p: FakePull) => ({
      number: p.number,
      html_url: p.html_url,
      state: p.state,
      title: p.title,
      body: p.body,
      head: { ref: p.head, label: `${p.owner}:${p.head}` },
      base: { ref: p.base },
    });
    if (req.method === 'GET' && rest === '/pulls') {
      const state = req.query.state ?? 'open';
      const list = pulls.filter(
        (p) =>
          p.owner === owner &&
          p.repo === name &&
          (state === 'all' || p.state === state) &&
          (!req.query.head || `${p.owner}:${p.head}` === req.query.head) &&
          (!req.query.base || p.base === req.query.base),
      );
      return { status: 200, body: list.map(json) };
    }
    if (req.method === 'POST' && rest === '/pulls') {
      const head = String(body.head ?? '');
      const base = String(body.base ?? '');
      if (!sha(repo, `refs/heads/${head}`) || !sha(repo, `refs/heads/${base}`)) {
        return {
          status: 422,
          body: { message: 'Validation Failed', errors: [{ field: 'head', code: 'invalid' }] },
        };
      }
      if (
        pulls.some(
          (p) =>
            p.owner === owner && p.repo === name && p.head === head && p.base === base && p.state === 'open',
        )
      ) {
        return { status: 422, body: { message: `A pull request already exists for ${owner}:${head}.` } };
      }
      const number = pulls.length + 1;
      const pull: FakePull = {
        number,
        owner,
        repo: name,
        head,
        base,
        title: String(body.title ?? ''),
        body: String(body.body ?? ''),
        state: 'open',
        html_url: `https://github.example/${owner}/${name}/pull/${number}`,
        draft: body.draft === true,
        labels: [],
        reviewers: [],
        teamReviewers: [],
      };
      pulls.push(pull);
      return { status: 201, body: json(pull) };
    }
    const one = /^\/pulls\/(\d+)$/.exec(rest);
    if (req.method === 'PATCH' && one) {
      const pull = pulls.find((p) => p.owner === owner && p.repo === name && p.number === Number(one[1]));
      if (!pull) return { status: 404, body: { message: 'Not Found' } };
      if (typeof body.title === 'string') pull.title = body.title;
      if (typeof body.body === 'string') pull.body = body.body;
      if (body.state === 'open' || body.state === 'closed') pull.state = body.state;
      return { status: 200, body: json(pull) };
    }
    // Labels live on the issue of a pull request; adding keeps the ones it has.
    const labels = /^\/issues\/(\d+)\/labels$/.exec(rest);
    if (req.method === 'POST' && labels) {
      const pull = pulls.find((p) => p.owner === owner && p.repo === name && p.number === Number(labels[1]));
      if (!pull) return { status: 404, body: { message: 'Not Found' } };
      for (const l of (body.labels as string[] | undefined) ?? [])
        if (!pull.labels.includes(l)) pull.labels.push(l);
      return { status: 200, body: pull.labels.map((l) => ({ name: l })) };
    }
    const reviewers = /^\/pulls\/(\d+)\/requested_reviewers$/.exec(rest);
    if (req.method === 'POST' && reviewers) {
      const pull = pulls.find(
        (p) => p.owner === owner && p.repo === name && p.number === Number(reviewers[1]),
      );
      if (!pull) return { status: 404, body: { message: 'Not Found' } };
      for (const r of (body.reviewers as string[] | undefined) ?? [])
        if (!pull.reviewers.includes(r)) pull.reviewers.push(r);
      for (const t of (body.team_reviewers as string[] | undefined) ?? [])
        if (!pull.teamReviewers.includes(t)) pull.teamReviewers.push(t);
      return { status: 201, body: json(pull) };
    }
    return { status: 404, body: { message: 'Not Found' } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      // Octokit sends a ref like heads/main as heads%2Fmain; GitHub decodes it.
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: text ? JSON.parse(text) : undefined,
      status: 0,
    };
    requests.push(recorded);
    const auth = req.headers.authorization ?? '';
    let reply: FakeReply;
    if (auth !== `token ${token}` && auth !== `Bearer ${token}`) {
      reply = { status: 401, body: { message: 'Bad credentials' } };
    } else {
      const custom = overrides
        .filter((o) => o.method === recorded.method && matches(o.path, recorded.path))
        .map((o) => o.handler(recorded))
        .find((r) => r !== undefined);
      reply = custom ?? route(recorded);
    }
    recorded.status = reply.status;
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(reply.body === undefined || reply.status === 204 ? '' : JSON.stringify(reply.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: err.message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    pulls,
    override(method, path, handler) {
      overrides.push({ method, path, handler });
    },
    calls(method, path) {
      return requests.filter((r) => r.method === method && matches(path, r.path));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
