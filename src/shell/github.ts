// The run's surroundings GitHub hands every command: the workspace directory and the event that started the
// run. One reader each, so the CLI and every action agree on where they are and what happened.
import { readFile } from 'node:fs/promises';

/** The checkout the workflow runs in (GITHUB_WORKSPACE), else the working directory. */
export function workspaceDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return env.GITHUB_WORKSPACE || cwd;
}

export interface GitHubEvent {
  name: string;
  payload: Record<string, unknown>;
}

/**
 * The event that started the workflow run (GITHUB_EVENT_PATH, GITHUB_EVENT_NAME); null outside a run or when
 * the file cannot be read: the event only adds detail, nothing depends on it being there.
 */
export async function readGitHubEvent(env: NodeJS.ProcessEnv): Promise<GitHubEvent | null> {
  if (!env.GITHUB_EVENT_PATH) return null;
  try {
    const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    return { name: env.GITHUB_EVENT_NAME ?? '', payload };
  } catch {
    return null;
  }
}
