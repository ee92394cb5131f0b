// A small HTTP proxy in front of a test docker-registry: it can play a Bearer token realm (401 challenge with
// realm/service/scope, /token checking Basic credentials, anonymous tokens pull-only, scope checked on every
// request), inject failures (a 5xx for chosen requests, to prove retries), and answer chosen requests itself
// (e.g. a manifest of a media type nobody knows). Everything else is forwarded unchanged.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';

export interface ProxyRequest {
  method: string;
  /** Path and query. */
  url: string;
}

export interface ProxyOptions {
  /** 127.0.0.1:<port> of the registry behind. */
  upstream: string;
  /** Play a Bearer realm with these credentials (the registry behind has no auth); `refreshToken`: the identity
   * token a POST to the realm (OAuth2 grant_type=refresh_token, as docker sends it) must carry. */
  token?: { user: string; password: string; refreshToken?: string };
  /** A status to answer instead of forwarding, or null to forward. */
  fault?: (req: ProxyRequest) => number | null;
  /** A whole answer instead of forwarding. */
  override?: (req: ProxyRequest) => { status: number; headers: Record<string, string>; body: Buffer } | null;
}

export interface TestProxy {
  host: string;
  /** Every request seen, with the status answered. */
  log: Array<ProxyRequest & { status: number }>;
  /** Scopes of every token issued, in order. */
  issued: Array<{ user: string | null; scopes: string[] }>;
  close(): Promise<void>;
}

/** The repository a /v2/ path is about, and the action it needs. */
function needs(method: string, url: URL): Array<[string, string]> {
  const m = /^\/v2\/(.+?)\/(manifests|blobs|tags)\//.exec(url.pathname);
  if (!m) return [];
  const out: Array<[string, string]> = [[m[1], method === 'GET' || method === 'HEAD' ? 'pull' : 'push']];
  const from = url.searchParams.get('from');
  if (from) out.push([from, 'pull']);
  return out;
}

export async function startProxy(options: ProxyOptions): Promise<TestProxy> {
  const log: TestProxy['log'] = [];
  const issued: TestProxy['issued'] = [];
  const tokens = new Map<string, Set<string>>();
  let host = '';
  const sockets = new Set<net.Socket>();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    const answer = (status: number, headers: Record<string, string>, body: string | Buffer) => {
      log.push({ method: req.method ?? '', url: req.url ?? '', status });
      req.resume();
      res.writeHead(status, headers);
      res.end(body);
    };
    const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
      answer(
        status,
        { 'Content-Type': 'application/json', ...headers },
        JSON.stringify({ errors: [{ code, message }] }),
      );

    if (options.token && url.pathname === '/token' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const form = new URLSearchParams(Buffer.concat(chunks).toString());
        if (
          form.get('grant_type') !== 'refresh_token' ||
          form.get('refresh_token') !== options.token?.refreshToken
        ) {
          error(401, 'UNAUTHORIZED', 'invalid refresh token');
          return;
        }
        const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
        const granted = new Set(
          scopes.flatMap((scope) => {
            const [, repo, actions] = /^repository:(.+):([a-z,*]+)$/.exec(scope) ?? [];
            return repo ? actions.split(',').map((a) => `${repo}:${a}`) : [];
          }),
        );
        const token = randomBytes(16).toString('hex');
        tokens.set(token, granted);
        issued.push({ user: `refresh:${form.get('client_id') ?? ''}`, scopes });
        answer(
          200,
          { 'Content-Type': 'application/json' },
          JSON.stringify({ access_token: token, expires_in: 300 }),
        );
      });
      return;
    }
    if (options.token && url.pathname === '/token') {
      const auth = req.headers.authorization;
      let user: string | null = null;
      if (auth) {
        const [u, p] = Buffer.from(auth.replace(/^Basic /, ''), 'base64')
          .toString()
          .split(':');
        if (u !== options.token.user || p !== options.token.password) {
          error(401, 'UNAUTHORIZED', 'invalid username or password');
          return;
        }
        user = u;
      }
      const scopes = url.searchParams.getAll('scope').flatMap((s) => s.split(' '));
      const granted = new Set<string>();
      for (const scope of scopes) {
        const [, repo, actions] = /^repository:(.+):([a-z,*]+)$/.exec(scope) ?? [];
        if (!repo) continue;
        for (const a of actions.split(',')) if (user || a === 'pull') granted.add(`${repo}:${a}`);
      }
      const token = randomBytes(16).toString('hex');
      tokens.set(token, granted);
      issued.push({ user, scopes });
      answer(200, { 'Content-Type': 'application/json' }, JSON.stringify({ token, expires_in: 300 }));
      return;
    }

    const request = { method: req.method ?? '', url: req.url ?? '' };
    if (options.token) {
      const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      const granted = bearer ? tokens.get(bearer) : undefined;
      const wanted = needs(request.method, url);
      const missing = wanted.filter(([repo, action]) => !granted?.has(`${repo}:${action}`));
      if (!granted || missing.length) {
        const scope = (missing.length ? missing : wanted)
          .map(([repo, action]) => `repository:${repo}:${action === 'push' ? 'pull,push' : 'pull'}`)
          .join(' ');
        const challenge =
          `Bearer realm="http://${host}/token",service="spiff-models-test"` +
          (scope ? `,scope="${scope}"` : '') +
          (granted ? ',error="insufficient_scope"' : '');
        error(401, 'UNAUTHORIZED', 'authentication required', { 'WWW-Authenticate': challenge });
        return;
      }
    }
    const fault = options.fault?.(request);
    if (fault) {
      error(fault, 'UNAVAILABLE', 'injected failure');
      return;
    }
    const own = options.override?.(request);
    if (own) {
      answer(own.status, own.headers, own.body);
      return;
    }
    const headers = { ...req.headers };
    if (options.token) delete headers.authorization;
    const [upHost, upPort] = options.upstream.split(':');
    const up = http.request(
      { host: upHost, port: Number(upPort), method: req.method, path: req.url, headers, agent: false },
      (upRes) => {
        log.push({ ...request, status: upRes.statusCode ?? 0 });
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
    );
    up.on('error', (err) => {
      if (!res.headersSent) error(502, 'UPSTREAM', err.message);
    });
    req.pipe(up);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    host,
    log,
    issued,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
