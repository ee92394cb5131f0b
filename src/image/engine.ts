// The Docker Engine, through dockerode: connection from DOCKER_HOST / DOCKER_TLS_VERIFY / DOCKER_CERT_PATH,
// builds whose JSON stream is scanned for errors (the API answers 200 even when a build fails), pulls, tags,
// pushes with credentials, and one-shot containers for --verify.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import Docker from 'dockerode';
import { SetupError, errorMessage } from '../util/errors.js';
import type { RegistryAuth } from './auth.js';
import { parseReference, printable } from './reference.js';

/** A failure of the operation itself (build, push, verify): exit code 1. */
export class BakeFailure extends Error {
  override name = 'BakeFailure';
}

export class BuildError extends BakeFailure {
  override name = 'BuildError';
  constructor(
    message: string,
    readonly step: string | null,
  ) {
    super(message);
  }
}

export class PushError extends BakeFailure {
  override name = 'PushError';
}

export interface Engine {
  docker: Docker;
  /** Where the engine is, for messages: unix:///var/run/docker.sock, tcp://host:2376. */
  address: string;
}

/** Build, pull and push output, line by line. */
export type LogLine = (line: string) => void;

/** Idle keep-alive sockets would hold the CLI open for seconds after the work is done. */
function noKeepAlive(): http.Agent {
  return new http.Agent({ keepAlive: false });
}

/** Mirrors the Docker CLI: DOCKER_HOST (unix://, tcp://, ssh://), TLS when DOCKER_TLS_VERIFY is set. */
type EngineOptions = Docker.DockerOptions & { agent?: http.Agent };

export function engineOptions(env: NodeJS.ProcessEnv): { options: EngineOptions; address: string } {
  const host = env.DOCKER_HOST;
  // Every key is set so that dockerode's own reading of process.env cannot override ours.
  const base: EngineOptions = {
    socketPath: undefined,
    host: undefined,
    port: undefined,
    protocol: undefined,
    ca: undefined,
    cert: undefined,
    key: undefined,
  };
  if (!host || host.startsWith('unix://')) {
    const socketPath = host ? host.slice('unix://'.length) || '/var/run/docker.sock' : '/var/run/docker.sock';
    return { options: { ...base, socketPath, agent: noKeepAlive() }, address: `unix://${socketPath}` };
  }
  let url: URL;
  try {
    url = new URL(host.includes('://') ? host : `tcp://${host}`);
  } catch {
    throw new SetupError(
      `DOCKER_HOST='${printable(host)}' is not a URL; use unix:///path, tcp://host:port or ssh://user@host.`,
    );
  }
  if (url.protocol === 'ssh:') {
    return {
      options: {
        ...base,
        protocol: 'ssh',
        host: url.hostname,
        port: url.port || 22,
        username: decodeURIComponent(url.username) || undefined,
        sshOptions: { agent: env.SSH_AUTH_SOCK },
      },
      address: host,
    };
  }
  const tls = Boolean(env.DOCKER_TLS_VERIFY) && env.DOCKER_TLS_VERIFY !== '0';
  const options: EngineOptions = {
    ...base,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port || (tls ? 2376 : 2375),
    protocol: tls ? 'https' : 'http',
    agent: tls ? new https.Agent({ keepAlive: false }) : noKeepAlive(),
  };
  if (tls) {
    const certDir = env.DOCKER_CERT_PATH || path.join(env.HOME || os.homedir(), '.docker');
    try {
      options.ca = readFileSync(path.join(certDir, 'ca.pem'));
      options.cert = readFileSync(path.join(certDir, 'cert.pem'));
      options.key = readFileSync(path.join(certDir, 'key.pem'));
    } catch (err) {
      throw new SetupError(
        `DOCKER_TLS_VERIFY is set but the TLS files are not readable in ${certDir} (${errorMessage(err)}); ` +
          `set DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem.`,
      );
    }
  }
  return { options, address: host };
}

export async function connectEngine(env: NodeJS.ProcessEnv): Promise<Engine> {
  const { options, address } = engineOptions(env);
  const docker = new Docker(options);
  try {
    await docker.ping();
  } catch (err) {
    throw new SetupError(
      `cannot reach the Docker Engine at ${address} (${errorMessage(err)}). Start Docker, or point DOCKER_HOST ` +
        `at a running engine; --dry-run renders the Dockerfile and the context without one.`,
    );
  }
  return { docker, address };
}

function statusOf(err: unknown): number | undefined {
  return (err as { statusCode?: number }).statusCode;
}

/** The engine's message from a dockerode rejection (it wraps the JSON body). */
export function engineMessage(err: unknown): string {
  let json = (err as { json?: unknown }).json;
  if (typeof json === 'string') {
    const text = json;
    try {
      json = JSON.parse(text);
    } catch {
      return text.trim() || errorMessage(err);
    }
  }
  const message = json && typeof json === 'object' ? (json as { message?: unknown }).message : undefined;
  return typeof message === 'string' && message ? message.trim() : errorMessage(err);
}

export async function inspectImage(engine: Engine, ref: string): Promise<Docker.ImageInspectInfo | null> {
  try {
    return await engine.docker.getImage(ref).inspect();
  } catch (err) {
    if (statusOf(err) === 404) return null;
    throw new SetupError(`cannot inspect image ${ref} on ${engine.address}: ${engineMessage(err)}`);
  }
}

interface StreamMessage {
  stream?: string;
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string; code?: number };
  aux?: { ID?: string; Digest?: string; Tag?: string; Size?: number };
}

/** Reads a JSON-lines progress stream; `onMessage` sees every message. Resolves when the stream ends. */
export function readJsonStream(
  stream: NodeJS.ReadableStream,
  onMessage: (m: StreamMessage) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const handle = (line: string) => {
      const text = line.trim();
      if (!text) return;
      try {
        onMessage(JSON.parse(text) as StreamMessage);
      } catch (err) {
        if (err instanceof SyntaxError) onMessage({ stream: `${text}\n` });
        else throw err;
      }
    };
    stream.on('data', (chunk: Buffer | string) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        handle(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
      }
    });
    stream.on('end', () => {
      handle(buffer);
      resolve();
    });
    stream.on('error', reject);
  });
}

/** Layer-by-layer progress without the progress bars: one line per status change. */
function progressLogger(log: LogLine): (m: StreamMessage) => void {
  const last = new Map<string, string>();
  return (m) => {
    if (!m.status) return;
    const key = m.id ?? '';
    if (last.get(key) === m.status) return;
    last.set(key, m.status);
    log(m.id ? `${m.id}: ${m.status}` : m.status);
  };
}

/** Pulls `ref`; a failure is a SetupError saying what to do. */
export async function pullImage(
  engine: Engine,
  ref: string,
  auth: RegistryAuth | null,
  log: LogLine,
): Promise<void> {
  const parsed = parseReference(ref, 'base image');
  const fromImage = parsed.registry === 'docker.io' ? parsed.path : `${parsed.registry}/${parsed.path}`;
  let failure: string | null = null;
  try {
    const stream = (await engine.docker.createImage({
      fromImage,
      tag: parsed.digest ?? parsed.tag ?? 'latest',
      ...(auth ? { authconfig: auth } : {}),
    })) as NodeJS.ReadableStream;
    const logProgress = progressLogger(log);
    await readJsonStream(stream, (m) => {
      if (m.error || m.errorDetail) failure = m.errorDetail?.message || m.error || 'unknown error';
      else logProgress(m);
    });
  } catch (err) {
    failure = engineMessage(err);
  }
  if (failure) {
    throw new SetupError(
      `the base image ${ref} is not on the engine and pulling it failed: ${failure}. ` +
        `Check the name and tag, log in to ${parsed.registry} (docker login, or the registry-username/` +
        `registry-password inputs) or load the image (docker pull / docker load) before baking.`,
    );
  }
}

/** Ids of images carrying label `key=value`, newest first. */
export async function findImagesByLabel(engine: Engine, key: string, value: string): Promise<string[]> {
  const images = await engine.docker.listImages({ filters: JSON.stringify({ label: [`${key}=${value}`] }) });
  return images.sort((a, b) => b.Created - a.Created).map((i) => i.Id);
}

export interface BuildRequest {
  context: Readable;
  /** Labels set by the engine on the final image (not part of the Dockerfile). */
  labels: Record<string, string>;
  noCache?: boolean;
}

const STEP = /^Step (\d+\/\d+) : (.*)$/;

/**
 * Builds with the classic builder (the API default), no network. Returns the image id. A build error in the
 * stream becomes a BuildError naming the step that failed.
 */
export async function buildImage(engine: Engine, request: BuildRequest, log: LogLine): Promise<string> {
  let step: string | null = null;
  let imageId: string | null = null;
  let failure: string | null = null;
  let stream: NodeJS.ReadableStream;
  try {
    stream = await engine.docker.buildImage(request.context, {
      networkmode: 'none',
      labels: request.labels,
      rm: true,
      forcerm: true,
      pull: false,
      nocache: request.noCache ?? false,
    } as Docker.ImageBuildOptions);
  } catch (err) {
    const message = engineMessage(err);
    throw new BuildError(`the engine refused the build: ${message}${hintFor(message)}`, null);
  }
  let partial = '';
  await readJsonStream(stream, (m) => {
    if (m.error || m.errorDetail) {
      failure = (m.errorDetail?.message || m.error || 'unknown error').trim();
      return;
    }
    if (m.aux?.ID) imageId = m.aux.ID;
    if (m.stream) {
      partial += m.stream;
      let nl: number;
      while ((nl = partial.indexOf('\n')) >= 0) {
        const line = partial.slice(0, nl).replace(/\r$/, '');
        partial = partial.slice(nl + 1);
        const s = STEP.exec(line);
        if (s) step = `step ${s[1]} (${s[2]})`;
        const built = /^Successfully built ([0-9a-f]+)$/.exec(line);
        if (built && !imageId) imageId = built[1];
        if (line.trim()) log(line);
      }
    }
  });
  if (partial.trim()) log(partial.trim());
  if (failure) {
    throw new BuildError(
      `the build failed${step ? ` at ${step}` : ''}: ${failure}${hintFor(failure as string)}`,
      step,
    );
  }
  if (!imageId)
    throw new BuildError('the build stream ended without an image id (see the build log above).', step);
  return imageId;
}

function hintFor(message: string): string {
  if (/pull access denied|manifest unknown|not found|No such image/i.test(message)) {
    return '. Check the base image name and that it is on the engine (bake pulls it first when it can).';
  }
  if (/unknown instruction|dockerfile parse error/i.test(message)) {
    return '. Fix the Dockerfile template (--template).';
  }
  return '';
}

export async function tagImage(engine: Engine, imageId: string, reference: string): Promise<void> {
  const colon = reference.lastIndexOf(':');
  await engine.docker
    .getImage(imageId)
    .tag({ repo: reference.slice(0, colon), tag: reference.slice(colon + 1) });
}

/** Asks the engine to log in (POST /auth): refused credentials fail here, before anything is pushed. */
export async function checkAuth(engine: Engine, auth: RegistryAuth, registry: string): Promise<void> {
  try {
    await engine.docker.checkAuth(auth);
  } catch (err) {
    throw new PushError(
      `the registry ${registry} refused the credentials${auth.username ? ` of user '${auth.username}'` : ''}: ` +
        `${engineMessage(err)}. Nothing was pushed. Check registry-username/registry-password (or docker login), ` +
        `and that the token may write packages.`,
    );
  }
}

/** Pushes `repository:tag`; returns the manifest digest the registry reported. */
export async function pushImage(
  engine: Engine,
  reference: string,
  auth: RegistryAuth | null,
  log: LogLine,
): Promise<string> {
  const colon = reference.lastIndexOf(':');
  const repository = reference.slice(0, colon);
  const tag = reference.slice(colon + 1);
  let digest: string | null = null;
  let failure: string | null = null;
  try {
    const stream = await engine.docker.getImage(repository).push({
      tag,
      // The engine wants an auth header even for anonymous pushes.
      authconfig: auth ?? { serveraddress: parseReference(reference, 'image').registry },
    } as Docker.ImagePushOptions);
    const logProgress = progressLogger(log);
    await readJsonStream(stream, (m) => {
      if (m.error || m.errorDetail) failure = (m.errorDetail?.message || m.error || 'unknown error').trim();
      else if (m.aux?.Digest) digest = m.aux.Digest;
      else logProgress(m);
    });
  } catch (err) {
    failure = engineMessage(err);
  }
  if (failure || !digest) {
    throw new PushError(
      `pushing ${reference} failed: ${failure ?? 'the registry reported no digest'}. ` +
        `Check that you are logged in to the registry (docker login, or registry-username/registry-password) ` +
        `and may push to ${repository}.`,
    );
  }
  return digest;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Paths asked for in `statPaths`: true when they exist in the container. */
  exists: Record<string, boolean>;
}

/** Splits the engine's multiplexed log stream (8-byte frame headers) into stdout and stderr. */
function demux(buffer: Buffer): { stdout: string; stderr: string } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let i = 0;
  while (i + 8 <= buffer.length) {
    const kind = buffer[i];
    const size = buffer.readUInt32BE(i + 4);
    const frame = buffer.subarray(i + 8, i + 8 + size);
    (kind === 2 ? err : out).push(frame);
    i += 8 + size;
  }
  return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/**
 * Runs `entrypoint` in a fresh container of `image` with no network, as `user`, then checks which of
 * `statPaths` exist. The container is removed afterwards. `entrypoint` null: create only, do not start.
 */
export async function runOnce(
  engine: Engine,
  image: string,
  entrypoint: string[] | null,
  user: string,
  statPaths: string[],
): Promise<RunResult> {
  const container = await engine.docker.createContainer({
    Image: image,
    Entrypoint: entrypoint ?? ['/nonexistent'],
    Cmd: [],
    User: user,
    Tty: false,
    NetworkDisabled: true,
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    let exitCode = 0;
    let stdout = '';
    let stderr = '';
    if (entrypoint) {
      await container.start();
      const result = (await container.wait()) as { StatusCode: number };
      exitCode = result.StatusCode;
      const logs = (await container.logs({ stdout: true, stderr: true, follow: false })) as unknown as Buffer;
      ({ stdout, stderr } = demux(Buffer.isBuffer(logs) ? logs : Buffer.from(String(logs))));
    }
    const exists: Record<string, boolean> = {};
    for (const p of statPaths) {
      try {
        // A HEAD request answered as a stream: drain it or its socket keeps the process alive.
        const res = (await container.infoArchive({ path: p })) as NodeJS.ReadableStream;
        res.resume();
        exists[p] = true;
      } catch {
        exists[p] = false;
      }
    }
    return { exitCode, stdout, stderr, exists };
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

export async function removeImage(engine: Engine, imageId: string): Promise<void> {
  await engine.docker
    .getImage(imageId)
    .remove({ force: true, noprune: false })
    .catch(() => undefined);
}

/**
 * The files under `dir` in `image`, as the engine archives them (a tar whose names start with the folder's own
 * name), from a container that is created, never started, and removed afterwards.
 */
export async function readImagePath<T>(
  engine: Engine,
  image: string,
  dir: string,
  read: (tar: NodeJS.ReadableStream) => Promise<T>,
): Promise<T | null> {
  const container = await engine.docker.createContainer({
    Image: image,
    Entrypoint: ['/nonexistent'],
    Cmd: [],
    NetworkDisabled: true,
    HostConfig: { NetworkMode: 'none' },
  });
  try {
    let archive: NodeJS.ReadableStream;
    try {
      archive = (await container.getArchive({ path: dir })) as NodeJS.ReadableStream;
    } catch (err) {
      if (statusOf(err) === 404) return null;
      throw err;
    }
    return await read(archive);
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}
