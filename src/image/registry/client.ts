// An OCI distribution client for one registry, as the Docker CLI talks to it: plain HTTP on 127.0.0.0/8, ::1 and
// listed insecure registries, HTTPS elsewhere; Bearer tokens from the WWW-Authenticate realm (anonymous when
// there are no credentials, Basic or a refresh token when there are), Basic realms; retries with backoff on 5xx,
// 429 and network errors. Manifests, blob HEAD/GET, cross-repository mount, monolithic or chunked upload.
import { createHash } from 'node:crypto';
import { errorMessage } from '../../util/errors.js';
import type { RegistryAuth } from '../auth.js';
import { BakeFailure } from '../engine.js';
import { DOCKER_HUB, printable } from '../reference.js';
import { parseChallenges, type Challenge } from './challenge.js';
import { MANIFEST_ACCEPT } from './media-types.js';

/** A registry said no, or could not be reached after the retries: exit code 1, nothing tagged. */
export class RegistryError extends BakeFailure {
  override name = 'RegistryError';
  constructor(
    message: string,
    readonly status: number | null,
    /** The registry's error code (`MANIFEST_UNKNOWN`, `DENIED`, ...), when it sent one. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** The registry (or its token realm) refused the credentials, or needs some and there are none. */
export class RegistryAuthError extends RegistryError {
  override name = 'RegistryAuthError';
}

export interface RetryPolicy {
  /** Tries in all (the first included). */
  attempts: number;
  /** Delay before the second try; doubles after each. */
  delayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, delayMs: 250 };

/** Blobs up to this size go in one PUT; larger ones in PATCH chunks of this size. */
export const CHUNK_SIZE = 16 * 1024 * 1024;

export interface ClientOptions {
  /** The registry host as a reference names it (`ghcr.io`, `127.0.0.1:5000`, `docker.io`). */
  registry: string;
  /** Credentials (from the inputs or config.json); null: anonymous. */
  auth: RegistryAuth | null;
  /** Hosts spoken to over plain HTTP besides loopback. */
  insecure?: string[];
  retry?: RetryPolicy;
  /** Upload chunk size (tests make it small to exercise PATCH). */
  chunkSize?: number;
  /** Retries and auth steps, for the log. */
  log?: (line: string) => void;
}

export interface Manifest {
  mediaType: string;
  digest: string;
  bytes: Buffer;
}

/** Where a blob's bytes come from: opened again for each try. */
export type BlobSource = () => AsyncIterable<Uint8Array>;

interface RequestOptions {
  headers?: Record<string, string>;
  body?: Buffer;
  /** Statuses that are answers (the caller looks at them); anything else is an error. */
  ok: number[];
  /** What the request was for, in error messages: "reading the manifest of x:y". */
  what: string;
  /** Not retried here (the caller retries a larger unit, e.g. a whole upload). */
  once?: boolean;
}

export function sha256Digest(data: Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/** Docker's rule: loopback registries speak plain HTTP. */
export function isLoopback(registry: string): boolean {
  const host = registry.startsWith('[')
    ? registry.slice(1, registry.indexOf(']'))
    : registry.replace(/:\d+$/, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** `https://ghcr.io`, `http://127.0.0.1:5000`; Docker Hub's API lives on registry-1.docker.io. */
export function registryBaseUrl(registry: string, insecure: string[] = []): string {
  const host = registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
  const plain = isLoopback(registry) || insecure.some((h) => h.toLowerCase() === registry.toLowerCase());
  return `${plain ? 'http' : 'https'}://${host}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The registry's own words from an error body (`{"errors":[{"code","message"}]}`), else the text. */
function registryWords(text: string): { code: string | null; message: string } {
  try {
    const body = JSON.parse(text) as { errors?: Array<{ code?: string; message?: string }> };
    const first = body.errors?.[0];
    if (first) {
      return {
        code: first.code ?? null,
        message: [first.code, first.message].filter(Boolean).join(': '),
      };
    }
  } catch {
    // not JSON
  }
  return { code: null, message: text.trim().slice(0, 300) };
}

function retriable(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

export class RegistryClient {
  readonly registry: string;
  readonly baseUrl: string;
  private readonly auth: RegistryAuth | null;
  private readonly retry: RetryPolicy;
  readonly chunkSize: number;
  private readonly log: (line: string) => void;
  /** `repository:<name>:<actions>` for every repository this run touches: one token covers them all. */
  private readonly scopes = new Map<string, Set<string>>();
  private authorization: string | null = null;
  private authorizedFor = '';

  constructor(options: ClientOptions) {
    this.registry = options.registry;
    this.baseUrl = registryBaseUrl(options.registry, options.insecure);
    this.auth = options.auth;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.chunkSize = options.chunkSize ?? CHUNK_SIZE;
    this.log = options.log ?? (() => undefined);
  }

  /** Declares what this run does in `repository` (pull; pull,push), before the first request. */
  need(repository: string, ...actions: Array<'pull' | 'push'>): void {
    const set = this.scopes.get(repository) ?? new Set<string>();
    actions.forEach((a) => set.add(a));
    this.scopes.set(repository, set);
  }

  private scopeList(extra: string | undefined): string[] {
    const scopes = [...this.scopes].map(
      ([repo, actions]) => `repository:${repo}:${[...actions].sort().join(',')}`,
    );
    // Push scopes first: a few registries only look at the first scope.
    scopes.sort((a, b) => Number(b.endsWith('push')) - Number(a.endsWith('push')));
    for (const s of (extra ?? '').split(' ').filter(Boolean)) if (!scopes.includes(s)) scopes.push(s);
    return scopes;
  }

  private who(): string {
    return this.auth?.username ? ` of user '${this.auth.username}'` : '';
  }

  private howToLogIn(): string {
    return (
      `Log in to ${this.registry} (docker login, docker/login-action, or the registry-username/` +
      `registry-password inputs; CLI: --registry-username with $SPIFF_MODELS_REGISTRY_PASSWORD)`
    );
  }

  /** Answers a 401: a token from the Bearer realm, or Basic credentials. */
  private async authenticate(challenges: Challenge[], what: string): Promise<void> {
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    const basic = challenges.find((c) => c.scheme === 'basic');
    if (bearer) {
      const realm = bearer.params.realm;
      if (!realm) {
        throw new RegistryAuthError(
          `${this.registry} asked for a Bearer token without naming a realm while ${what}.`,
          401,
        );
      }
      const scopes = this.scopeList(bearer.params.scope);
      const key = `bearer ${scopes.join(' ')}`;
      this.authorization = `Bearer ${await this.fetchToken(realm, bearer.params.service, scopes, what)}`;
      this.authorizedFor = key;
      return;
    }
    if (basic) {
      if (!this.auth?.username && !this.auth?.password) {
        throw new RegistryAuthError(
          `${this.registry} needs credentials (Basic realm "${basic.params.realm ?? ''}") while ${what}. ` +
            `${this.howToLogIn()}.`,
          401,
        );
      }
      this.authorization = `Basic ${Buffer.from(`${this.auth.username ?? ''}:${this.auth.password ?? ''}`).toString('base64')}`;
      this.authorizedFor = 'basic';
      return;
    }
    const schemes = challenges.map((c) => c.scheme).join(', ') || 'none';
    throw new RegistryAuthError(
      `${this.registry} answered 401 with an authentication scheme this tool does not speak (${schemes}) ` +
        `while ${what}; only Bearer and Basic are supported.`,
      401,
    );
  }

  /** The token flow: GET the realm (Basic when there are credentials), or POST a refresh token (identitytoken). */
  private async fetchToken(
    realm: string,
    service: string | undefined,
    scopes: string[],
    what: string,
  ): Promise<string> {
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new RegistryAuthError(
        `${this.registry} named a token realm that is not a URL: '${printable(realm)}'.`,
        401,
      );
    }
    let response: Response;
    try {
      if (this.auth?.identitytoken) {
        const form = new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: this.auth.identitytoken,
          client_id: 'spiff-models',
          ...(service ? { service } : {}),
        });
        if (scopes.length) form.set('scope', scopes.join(' '));
        response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        });
      } else {
        if (service) url.searchParams.set('service', service);
        for (const s of scopes) url.searchParams.append('scope', s);
        const headers: Record<string, string> = {};
        if (this.auth?.username || this.auth?.password) {
          headers.Authorization = `Basic ${Buffer.from(`${this.auth.username ?? ''}:${this.auth.password ?? ''}`).toString('base64')}`;
        }
        response = await this.withRetry(`getting a token from ${url.origin}${url.pathname}`, () =>
          fetch(url, { headers }),
        );
      }
    } catch (err) {
      if (err instanceof RegistryError) throw err;
      throw new RegistryAuthError(
        `cannot reach the token realm ${url.origin}${url.pathname} of ${this.registry}: ${errorMessage(err)}.`,
        null,
      );
    }
    const text = await response.text();
    if (response.status === 401 || response.status === 403) {
      throw new RegistryAuthError(
        `the registry ${this.registry} refused the credentials${this.who()} (token realm ${url.origin}${url.pathname} ` +
          `answered ${response.status}: ${registryWords(text).message || response.statusText}) while ${what}. ` +
          `Nothing was pushed. ${this.howToLogIn()}, and check that the token may read the base and write the image.`,
        response.status,
      );
    }
    if (!response.ok) {
      throw new RegistryAuthError(
        `the token realm ${url.origin}${url.pathname} of ${this.registry} answered ${response.status} while ${what}: ` +
          `${registryWords(text).message}`,
        response.status,
      );
    }
    let body: { token?: string; access_token?: string };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new RegistryAuthError(
        `the token realm of ${this.registry} answered something that is not JSON.`,
        200,
      );
    }
    const token = body.token ?? body.access_token;
    if (!token)
      throw new RegistryAuthError(`the token realm of ${this.registry} answered without a token.`, 200);
    this.log(`${this.registry}: token for ${scopes.join(' ') || 'no scope'}`);
    return token;
  }

  /** Runs `attempt` until it answers something that is not 5xx/429, or the tries are used up. */
  private async withRetry(what: string, attempt: () => Promise<Response>): Promise<Response> {
    let delay = this.retry.delayMs;
    for (let n = 1; ; n++) {
      let failure: string;
      try {
        const response = await attempt();
        if (!retriable(response.status) || n >= this.retry.attempts) return response;
        failure = `${response.status} ${registryWords(await response.text()).message || response.statusText}`;
      } catch (err) {
        if (err instanceof RegistryError) throw err;
        const cause = (err as { cause?: unknown }).cause;
        failure = `${errorMessage(err)}${cause ? ` (${errorMessage(cause)})` : ''}`;
        if (n >= this.retry.attempts) {
          throw new RegistryError(
            `cannot reach the registry ${this.registry} (${this.baseUrl}) while ${what}: ${failure}, after ` +
              `${n} tries. Check the registry name and that it is up${this.baseUrl.startsWith('https') && !isLoopback(this.registry) ? '' : ' (plain HTTP for loopback and --insecure-registry)'}.`,
            null,
          );
        }
      }
      this.log(
        `${this.registry}: ${what}: ${failure}; try ${n + 1} of ${this.retry.attempts} in ${delay} ms`,
      );
      await sleep(delay);
      delay *= 2;
    }
  }

  /** One request with auth: a 401 is answered once (token or Basic), then the request is sent again. */
  async request(method: string, pathOrUrl: string, options: RequestOptions): Promise<Response> {
    const url = new URL(pathOrUrl, this.baseUrl);
    const send = () => {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (this.authorization) headers.Authorization = this.authorization;
      return fetch(url, {
        method,
        headers,
        body: options.body,
        redirect: 'follow',
      });
    };
    const sendWithRetry = () => (options.once ? send() : this.withRetry(options.what, send));
    let response = await sendWithRetry().catch((err: unknown) => {
      if (err instanceof RegistryError) throw err;
      throw new RegistryError(
        `cannot reach the registry ${this.registry} (${this.baseUrl}) while ${options.what}: ${errorMessage(err)}.`,
        null,
      );
    });
    if (response.status === 401) {
      const challenges = parseChallenges(response.headers.get('www-authenticate'));
      await response.arrayBuffer();
      const before = this.authorizedFor;
      await this.authenticate(challenges, options.what);
      response = await sendWithRetry();
      if (response.status === 401) {
        const text = await response.text();
        const retryChallenges = parseChallenges(response.headers.get('www-authenticate'));
        // A token for fewer scopes than this request needs: ask once more with the challenge's scope.
        if (this.authorizedFor !== before && retryChallenges.some((c) => c.scheme === 'bearer')) {
          await this.authenticate(retryChallenges, options.what);
          response = await sendWithRetry();
        }
        if (response.status === 401) {
          const refused = this.auth
            ? `the registry ${this.registry} refused the credentials${this.who()}`
            : `the registry ${this.registry} refused anonymous access (no credentials found)`;
          throw new RegistryAuthError(
            `${refused} while ${options.what}: ${registryWords(text).message || 'unauthorized'}. Nothing was ` +
              `tagged. ${this.howToLogIn()}.`,
            401,
          );
        }
      }
    }
    if (!options.ok.includes(response.status)) {
      const text = await response.text().catch(() => '');
      const words = registryWords(text);
      const Kind = response.status === 403 ? RegistryAuthError : RegistryError;
      throw new Kind(
        `the registry ${this.registry} answered ${response.status} while ${options.what}` +
          `${words.message ? `: ${words.message}` : ''}` +
          (response.status === 403
            ? `. The credentials${this.who()} may not do this; check the token's permissions (GHCR: packages: write).`
            : retriable(response.status) && !options.once
              ? ` (after ${this.retry.attempts} tries).`
              : '.'),
        response.status,
        words.code,
      );
    }
    return response;
  }

  /** The manifest or index at `reference` (tag or digest), checked against its digest. Null when unknown. */
  async getManifest(repository: string, reference: string): Promise<Manifest | null> {
    const what = `reading the manifest ${repository}${reference.includes(':') ? '@' : ':'}${reference}`;
    const response = await this.request('GET', `/v2/${repository}/manifests/${reference}`, {
      headers: { Accept: MANIFEST_ACCEPT },
      ok: [200, 404],
      what,
    });
    if (response.status === 404) {
      await response.arrayBuffer();
      return null;
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    const digest = sha256Digest(bytes);
    if (reference.startsWith('sha256:') && reference !== digest) {
      throw new RegistryError(`${what}: the registry sent content with digest ${digest}.`, 200);
    }
    let mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
    try {
      const parsed = JSON.parse(bytes.toString('utf8')) as { mediaType?: string };
      if (parsed.mediaType) mediaType = parsed.mediaType;
    } catch {
      throw new RegistryError(`${what}: the registry sent a manifest that is not JSON.`, 200);
    }
    return { mediaType, digest, bytes };
  }

  /** The digest a tag points at, or null when the tag (or repository) does not exist. */
  async manifestDigest(repository: string, reference: string): Promise<string | null> {
    const response = await this.request('HEAD', `/v2/${repository}/manifests/${reference}`, {
      headers: { Accept: MANIFEST_ACCEPT },
      ok: [200, 404],
      what: `looking up ${repository}:${reference}`,
    });
    return response.status === 200 ? response.headers.get('docker-content-digest') : null;
  }

  async hasBlob(repository: string, digest: string): Promise<boolean> {
    const response = await this.request('HEAD', `/v2/${repository}/blobs/${digest}`, {
      ok: [200, 404],
      what: `checking blob ${digest.slice(0, 19)} in ${repository}`,
    });
    return response.status === 200;
  }

  /** A small blob (a config), whole and checked against its digest. */
  async getBlob(repository: string, digest: string): Promise<Buffer> {
    const what = `reading blob ${digest.slice(0, 19)} of ${repository}`;
    const response = await this.request('GET', `/v2/${repository}/blobs/${digest}`, { ok: [200], what });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (sha256Digest(bytes) !== digest) {
      throw new RegistryError(`${what}: the registry sent content with digest ${sha256Digest(bytes)}.`, 200);
    }
    return bytes;
  }

  /** A blob's bytes as they arrive (base layers copied between registries). */
  blobSource(repository: string, digest: string): BlobSource {
    return async function* (this: RegistryClient) {
      const response = await this.request('GET', `/v2/${repository}/blobs/${digest}`, {
        ok: [200],
        what: `reading blob ${digest.slice(0, 19)} of ${repository}`,
      });
      if (!response.body) return;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) yield chunk;
    }.bind(this);
  }

  /**
   * Cross-repository mount: true when the registry linked the blob (201); false when it wants an upload (202,
   * it then opened one, which is left to expire).
   */
  async mountBlob(repository: string, digest: string, from: string): Promise<boolean> {
    const query = new URLSearchParams({ mount: digest, from });
    const response = await this.request('POST', `/v2/${repository}/blobs/uploads/?${query}`, {
      ok: [201, 202],
      what: `mounting blob ${digest.slice(0, 19)} from ${from} into ${repository}`,
    });
    await response.arrayBuffer();
    return response.status === 201;
  }

  private location(response: Response, what: string): URL {
    const location = response.headers.get('location');
    if (!location)
      throw new RegistryError(`${what}: the registry sent no Location for the upload.`, response.status);
    return new URL(location, this.baseUrl);
  }

  /**
   * Uploads a blob of `size` bytes: one PUT when it fits a chunk, else PATCH chunks and a closing PUT. A failure
   * anywhere restarts the upload (a half-sent session cannot be trusted), with backoff.
   */
  async uploadBlob(repository: string, digest: string, size: number, source: BlobSource): Promise<void> {
    const what = `uploading blob ${digest.slice(0, 19)} (${size} bytes) to ${repository}`;
    let delay = this.retry.delayMs;
    for (let n = 1; ; n++) {
      try {
        await this.uploadOnce(repository, digest, size, source, what);
        return;
      } catch (err) {
        const transient =
          !(err instanceof RegistryAuthError) &&
          (!(err instanceof RegistryError) || err.status === null || retriable(err.status));
        if (!transient) throw err;
        if (n >= this.retry.attempts) {
          const e = err as RegistryError;
          throw new RegistryError(
            `${errorMessage(err).replace(/\.$/, '')} (the whole upload tried ${n} times). Nothing was tagged; ` +
              `run bake again (blobs already in the registry are not sent again).`,
            e.status ?? null,
            e.code ?? null,
          );
        }
        this.log(
          `${this.registry}: ${what}: ${errorMessage(err)}; try ${n + 1} of ${this.retry.attempts} in ${delay} ms`,
        );
        await sleep(delay);
        delay *= 2;
      }
    }
  }

  private async uploadOnce(
    repository: string,
    digest: string,
    size: number,
    source: BlobSource,
    what: string,
  ): Promise<void> {
    const started = await this.request('POST', `/v2/${repository}/blobs/uploads/`, {
      ok: [202],
      what,
      once: true,
    });
    await started.arrayBuffer();
    let location = this.location(started, what);
    const hash = createHash('sha256');
    let sent = 0;
    const octets = { 'Content-Type': 'application/octet-stream' };
    const close = async (body: Buffer) => {
      location.searchParams.set('digest', digest);
      const done = await this.request('PUT', location.toString(), {
        headers: octets,
        body,
        ok: [201, 204],
        what,
        once: true,
      });
      await done.arrayBuffer();
    };
    const check = () => {
      const got = `sha256:${hash.digest('hex')}`;
      if (sent !== size || got !== digest) {
        throw new RegistryError(
          `${what}: the source gave ${sent} bytes with digest ${got}; expected ${size} bytes, ${digest}.`,
          null,
        );
      }
    };
    if (size <= this.chunkSize) {
      const parts: Buffer[] = [];
      for await (const chunk of source()) {
        const b = Buffer.from(chunk);
        hash.update(b);
        sent += b.length;
        parts.push(b);
      }
      check();
      await close(Buffer.concat(parts));
      return;
    }
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const patch = async () => {
      const body = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      const response = await this.request('PATCH', location.toString(), {
        headers: {
          ...octets,
          'Content-Range': `${sent - body.length}-${sent - 1}`,
        },
        body,
        ok: [202, 204],
        what,
        once: true,
      });
      await response.arrayBuffer();
      location = this.location(response, what);
    };
    for await (const chunk of source()) {
      let b = Buffer.from(chunk);
      while (b.length) {
        const take = Math.min(b.length, this.chunkSize - pendingBytes);
        const part = b.subarray(0, take);
        hash.update(part);
        sent += part.length;
        pending.push(part);
        pendingBytes += part.length;
        b = b.subarray(take);
        if (pendingBytes === this.chunkSize) await patch();
      }
    }
    if (pendingBytes) await patch();
    check();
    await close(Buffer.alloc(0));
  }

  /** PUT a manifest or index at a tag or its digest; returns the digest (Docker-Content-Digest, else computed). */
  async putManifest(
    repository: string,
    reference: string,
    mediaType: string,
    bytes: Buffer,
  ): Promise<string> {
    const response = await this.request('PUT', `/v2/${repository}/manifests/${reference}`, {
      headers: { 'Content-Type': mediaType },
      body: bytes,
      ok: [200, 201, 202],
      what: `writing ${repository}${reference.startsWith('sha256:') ? '@' : ':'}${reference}`,
    });
    await response.arrayBuffer();
    const digest = sha256Digest(bytes);
    const said = response.headers.get('docker-content-digest');
    if (said && said !== digest) {
      throw new RegistryError(
        `writing ${repository}:${reference}: the registry stored digest ${said}, but the manifest sent has ${digest}.`,
        response.status,
      );
    }
    return digest;
  }
}
