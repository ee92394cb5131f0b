// Settings shared by the CLI and the action: GitHub API access and the checks on enumerated values.
import { git } from '../util/git.js';
import { UsageError } from '../util/errors.js';
import { parseRepository, type GitHubRepo } from './github.js';

export const DEFAULT_API_URL = 'https://api.github.com';

export interface GitHubSettings {
  token?: string;
  apiUrl?: string;
  repository?: string;
}

/**
 * The GitHub repository to call, or undefined without a token (promote via git needs none). The repository
 * comes from the setting, else from the remote's URL.
 */
export async function gitHubRepo(
  s: GitHubSettings,
  remote: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<GitHubRepo | undefined> {
  if (!s.token) return undefined;
  let remoteUrl: string | undefined;
  if (!s.repository) {
    remoteUrl = /[/:\\]/.test(remote)
      ? remote
      : (await git(['remote', 'get-url', remote], { cwd, env }).catch(() => '')).trim() || undefined;
  }
  const { owner, repo } = parseRepository(s.repository, remoteUrl);
  return { token: s.token, apiUrl: s.apiUrl || DEFAULT_API_URL, owner, repo };
}

export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${name} must be one of ${allowed.join(', ')}; got '${value}'.`);
}

export function author(
  name: string | undefined,
  email: string | undefined,
): { name: string; email: string } | undefined {
  if (!name && !email) return undefined;
  if (!name || !email) throw new UsageError('Give both the author name and the author email, or neither.');
  return { name, email };
}
