// Registry credentials: from the inputs, else from the Docker CLI's config.json (what docker/login-action
// writes: `auths` with base64 `user:password`, or a credential helper).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SetupError } from '../util/errors.js';
import { DOCKER_HUB } from './reference.js';

/** The engine's AuthConfig (sent base64-encoded in X-Registry-Auth). */
export interface RegistryAuth {
  username?: string;
  password?: string;
  identitytoken?: string;
  serveraddress: string;
}

export interface Credentials {
  username: string;
  password: string;
}

const HUB_KEYS = ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];

/** The server address the engine expects for a registry host. */
export function serverAddress(registry: string): string {
  return registry === DOCKER_HUB ? 'https://index.docker.io/v1/' : registry;
}

/** `https://ghcr.io/v2/` -> `ghcr.io`: config.json keys come in several shapes. */
function normalizeKey(key: string): string {
  const host = key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  return HUB_KEYS.includes(host) || HUB_KEYS.includes(key) ? DOCKER_HUB : host.toLowerCase();
}

export function dockerConfigPath(env: NodeJS.ProcessEnv): string {
  const dir = env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker');
  return path.join(dir, 'config.json');
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

function runHelper(helper: string, server: string, env: NodeJS.ProcessEnv): Promise<Credentials | null> {
  return new Promise((resolve) => {
    const child = execFile(
      `docker-credential-${helper}`,
      ['get'],
      { env, timeout: 30_000 },
      (err, stdout) => {
        if (err) {
          resolve(null);
          return;
        }
        try {
          const data = JSON.parse(String(stdout)) as { Username?: string; Secret?: string };
          resolve(data.Secret ? { username: data.Username ?? '', password: data.Secret } : null);
        } catch {
          resolve(null);
        }
      },
    );
    child.stdin?.end(server);
  });
}

/**
 * Credentials for `registry`: the explicit ones when given, else config.json's, else null (anonymous).
 * A broken config.json is an error: silently pushing anonymously would only fail later, less clearly.
 */
export async function resolveAuth(
  registry: string,
  explicit: Credentials | null,
  env: NodeJS.ProcessEnv,
): Promise<RegistryAuth | null> {
  const server = serverAddress(registry);
  if (explicit && (explicit.username || explicit.password)) {
    return { username: explicit.username, password: explicit.password, serveraddress: server };
  }
  const file = dockerConfigPath(env);
  let config: DockerConfig;
  try {
    config = JSON.parse(await readFile(file, 'utf8')) as DockerConfig;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SetupError(
      `cannot read Docker credentials from ${file}: ${(err as Error).message}. Fix or remove it.`,
    );
  }
  const wanted = normalizeKey(registry);
  const helper =
    Object.entries(config.credHelpers ?? {}).find(([k]) => normalizeKey(k) === wanted)?.[1] ??
    config.credsStore;
  const entry = Object.entries(config.auths ?? {}).find(([k]) => normalizeKey(k) === wanted)?.[1];
  if (entry?.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new SetupError(
        `the auth entry for ${registry} in ${file} is not base64 of user:password; log in again.`,
      );
    }
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), serveraddress: server };
  }
  if (entry?.identitytoken) return { identitytoken: entry.identitytoken, serveraddress: server };
  if (entry?.username && entry.password) {
    return { username: entry.username, password: entry.password, serveraddress: server };
  }
  if (helper) {
    const creds = await runHelper(helper, server, env);
    if (creds) {
      return creds.username === '<token>'
        ? { identitytoken: creds.password, serveraddress: server }
        : { username: creds.username, password: creds.password, serveraddress: server };
    }
  }
  return null;
}
