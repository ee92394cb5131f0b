// Test helpers for a real Docker Engine and a real registry: availability checks (under CI=true a missing
// engine or registry FAILS the suite; elsewhere it skips with a message), a small base image with /bin/sh and
// git imported from host binaries (built once per machine, cached by a content tag), and a throwaway
// docker-registry on 127.0.0.1 with htpasswd auth.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, rmdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import tar from 'tar-stream';

const inCI = () => process.env.CI === 'true' || process.env.CI === '1';

/** A client for assertions; no keep-alive, so finished suites exit at once. */
export function dockerClient(): Docker {
  const agent = new http.Agent({ keepAlive: false });
  const host = process.env.DOCKER_HOST;
  return host && !host.startsWith('unix://')
    ? new Docker()
    : new Docker({
        socketPath: host ? host.slice('unix://'.length) : '/var/run/docker.sock',
        agent,
      } as Docker.DockerOptions);
}

function run(cmd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${cmd} ${args.join(' ')}: ${stderr || err.message}`)) : resolve(String(stdout)),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

function which(binary: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin', '/sbin', '/bin'])) {
    const p = path.join(dir, binary);
    if (dir && existsSync(p)) return p;
  }
  return null;
}

/** Missing tools: fail under CI, otherwise report and let the caller skip. */
function unavailable(what: string): false {
  const message = `${what}; .ci/run installs and starts it.`;
  if (inCI()) throw new Error(`CI=true but ${message}`);
  console.warn(`skipping Docker tests: ${message}`);
  return false;
}

let dockerChecked: Promise<boolean> | null = null;

/** True when an engine answers; false (after a message) outside CI; throws under CI. */
export function requireDocker(): Promise<boolean> {
  dockerChecked ??= dockerClient()
    .ping()
    .then(
      () => true,
      (err: unknown) =>
        unavailable(
          `no Docker Engine answers at ${process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock'} ` +
            `(${err instanceof Error ? err.message : String(err)})`,
        ),
    );
  return dockerChecked;
}

/** Docker and the registry tooling (docker-registry, htpasswd). */
export async function requireRegistry(): Promise<boolean> {
  if (!(await requireDocker())) return false;
  if (!which('docker-registry'))
    return unavailable('docker-registry is not installed (Debian package docker-registry)');
  if (!which('htpasswd')) return unavailable('htpasswd is not installed (Debian package apache2-utils)');
  return true;
}

// --- base image -------------------------------------------------------------------------------------------

/** The shared libraries a binary loads, from ldd (real paths). */
async function sharedLibraries(binary: string): Promise<string[]> {
  const out = await run('ldd', [binary]);
  const libs: string[] = [];
  for (const line of out.split('\n')) {
    const m = /=>\s*(\/\S+)/.exec(line) ?? /^\s*(\/\S+)\s+\(/.exec(line);
    if (m) libs.push(m[1]);
  }
  return libs;
}

interface RootfsFile {
  name: string;
  mode: number;
  content: Buffer;
}

/**
 * The files of the test base image: /bin/sh, git and their libraries, a passwd with root and nobody, /tmp,
 * /app (the backend's WORKDIR).
 */
async function baseRootfs(): Promise<RootfsFile[]> {
  const binaries = ['/bin/sh', which('git') ?? '/usr/bin/git'];
  const files = new Map<string, RootfsFile>();
  const add = (name: string, source: string) => {
    const real = realpathSync(source);
    files.set(name.replace(/^\//, ''), {
      name: name.replace(/^\//, ''),
      mode: statSync(real).mode & 0o777,
      content: readFileSync(real),
    });
  };
  for (const bin of binaries) {
    add(bin === binaries[1] ? '/usr/bin/git' : bin, bin);
    for (const lib of await sharedLibraries(bin)) add(lib, lib);
  }
  const text = (name: string, content: string) =>
    files.set(name, { name, mode: 0o644, content: Buffer.from(content) });
  text('etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/sh\n');
  text('etc/group', 'root:x:0:\nnogroup:x:65534:\n');
  return [...files.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The env the base image sets: a GIT_CONFIG_* entry of its own proves bake appends instead of clobbering. */
export const TEST_BASE_ENV = [
  'PATH=/usr/bin:/bin',
  'GIT_CONFIG_COUNT=1',
  'GIT_CONFIG_KEY_0=user.name',
  'GIT_CONFIG_VALUE_0=base-image',
];

function rootfsTar(files: RootfsFile[]): NodeJS.ReadableStream {
  const pack = tar.pack();
  const dirs = new Set<string>(['tmp', 'app', 'root']);
  for (const f of files) {
    const parts = f.name.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const mtime = new Date(0);
  for (const d of [...dirs].sort()) {
    pack.entry({ name: d, type: 'directory', mode: d === 'tmp' ? 0o1777 : 0o755, mtime, uid: 0, gid: 0 });
  }
  for (const f of files) pack.entry({ name: f.name, mode: f.mode, mtime, uid: 0, gid: 0 }, f.content);
  pack.finalize();
  return pack as unknown as NodeJS.ReadableStream;
}

async function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(os.tmpdir(), `${name}.lock`);
  for (let i = 0; ; i++) {
    try {
      await mkdir(lock);
      break;
    } catch {
      // A lock older than two minutes is left over from a killed run.
      if (i > 1200 || Date.now() - statSync(lock).mtimeMs > 120_000) {
        await rm(lock, { recursive: true, force: true });
      } else {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
  try {
    return await fn();
  } finally {
    await rmdir(lock).catch(() => undefined);
  }
}

/** The test base image's files as one uncompressed layer tar (for bases pushed straight to a registry). */
export async function testBaseLayerTar(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of rootfsTar(await baseRootfs()) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

let baseImage: Promise<string> | null = null;

/**
 * Imports (once per machine: the tag is a digest of the content) a tiny image holding /bin/sh and git, with
 * WORKDIR /app. Returns its reference.
 */
export function buildTestBaseImage(): Promise<string> {
  baseImage ??= (async () => {
    const files = await baseRootfs();
    const digest = createHash('sha256');
    for (const f of files) digest.update(`${f.name} ${f.mode} `).update(f.content);
    digest.update(TEST_BASE_ENV.join('\n'));
    const ref = `spiff-models-test/base:${digest.digest('hex').slice(0, 16)}`;
    const docker = dockerClient();
    const exists = () =>
      docker
        .getImage(ref)
        .inspect()
        .then(
          () => true,
          () => false,
        );
    if (await exists()) return ref;
    return withLock('spiff-models-test-base', async () => {
      if (await exists()) return ref;
      const [repo, tag] = ref.split(':');
      const stream = await docker.importImage(rootfsTar(files), {
        repo,
        tag,
        changes: ['WORKDIR /app', 'CMD ["/bin/sh"]', ...TEST_BASE_ENV.map((e) => `ENV ${e}`)],
      } as object);
      await new Promise<void>((resolve, reject) =>
        docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve())),
      );
      if (!(await exists())) throw new Error(`importing the test base image ${ref} failed`);
      return ref;
    });
  })();
  return baseImage;
}

// --- registry ----------------------------------------------------------------------------------------------

export interface TestRegistry {
  /** 127.0.0.1:<port> */
  host: string;
  user: string;
  password: string;
  /** Repositories the registry holds (asks with the right credentials). */
  catalog(): Promise<string[]>;
  /** Tags of a repository ([] when it does not exist). */
  tags(repository: string): Promise<string[]>;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForRegistry(base: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited (${child.exitCode}): ${log()}`);
    try {
      const res = await fetch(`${base}/v2/`);
      if (res.status === 401 || res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer on ${base}: ${log()}`);
}

/**
 * Starts docker-registry on 127.0.0.1:<free port> with filesystem storage in a temp dir and htpasswd auth
 * (`auth: false`: none, for a token proxy to stand in front).
 */
export async function startRegistry(options: {
  user: string;
  password: string;
  auth?: boolean;
}): Promise<TestRegistry> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'spiff-models-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const htpasswd = await run('htpasswd', ['-Bbn', options.user, options.password]);
  await writeFile(path.join(dir, 'htpasswd'), htpasswd);
  await writeFile(
    path.join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log:',
      '  level: error',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: ${host}`,
      `  secret: ${randomBytes(16).toString('hex')}`,
      ...(options.auth === false
        ? []
        : [
            'auth:',
            '  htpasswd:',
            '    realm: spiff-models-test',
            `    path: ${path.join(dir, 'htpasswd')}`,
          ]),
      '',
    ].join('\n'),
  );
  let output = '';
  const child = spawn(
    which('docker-registry') ?? 'docker-registry',
    ['serve', path.join(dir, 'config.yml')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d) => (output = (output + String(d)).slice(-4000)));
  child.stderr?.on('data', (d) => (output = (output + String(d)).slice(-4000)));
  const base = `http://${host}`;
  const authHeader = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
  try {
    await waitForRegistry(base, child, () => output);
  } catch (err) {
    child.kill();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const get = async (p: string) => {
    const res = await fetch(`${base}${p}`, { headers: { Authorization: authHeader } });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  };
  return {
    host,
    user: options.user,
    password: options.password,
    async catalog() {
      const { body } = await get('/v2/_catalog');
      return (body.repositories as string[] | undefined) ?? [];
    },
    async tags(repository) {
      const { status, body } = await get(`/v2/${repository}/tags/list`);
      return status === 200 ? ((body.tags as string[] | null) ?? []) : [];
    },
    async close() {
      if (child.exitCode === null) {
        let timer: NodeJS.Timeout | undefined;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 3000)))]);
        clearTimeout(timer);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Removes images (ids or references), ignoring those already gone. Several passes: an intermediate image can
 * only go once the images built on it are gone.
 */
export async function removeImages(refs: Iterable<string>): Promise<void> {
  const docker = dockerClient();
  let left = [...new Set(refs)].filter(Boolean);
  for (let pass = 0; pass < 4 && left.length; pass++) {
    const failed: string[] = [];
    for (const ref of left) {
      await docker
        .getImage(ref)
        .remove({ force: true })
        .catch((err: { statusCode?: number }) => {
          if (err.statusCode !== 404) failed.push(ref);
        });
    }
    left = failed;
  }
}

/** Every tag of the given repositories (e.g. images tagged before a push failed). */
export async function imagesOfRepositories(repositories: string[]): Promise<string[]> {
  const images = await dockerClient().listImages();
  return images.flatMap((i) =>
    (i.RepoTags ?? []).filter((t) => repositories.includes(t.slice(0, t.lastIndexOf(':')))),
  );
}

/**
 * Image ids a classic build printed (" ---> 1a2b3c4d5e6f") after its steps: the intermediate images a failed
 * build leaves. The id printed for a FROM step is the base image's, and is left alone.
 */
export function builtImageIds(buildLog: string[]): string[] {
  const ids: string[] = [];
  let fromStep = false;
  for (const line of buildLog) {
    const step = /^Step \d+\/\d+ : (\S+)/.exec(line);
    if (step) fromStep = step[1].toUpperCase() === 'FROM';
    const id = /^ ---> ([0-9a-f]{12})$/.exec(line)?.[1];
    if (id && !fromStep) ids.push(id);
  }
  return ids;
}
