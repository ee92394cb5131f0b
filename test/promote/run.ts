// Runs a CLI command the way src/cli/main.ts does, capturing output; git gets the test identity.
import type { CliCommand } from '../../src/shell/cli-io.js';
import { runCli as run, type CliRun } from '../helpers/cli.js';
import { gitTestEnv } from '../helpers/git-fixtures.js';

export type { CliRun };

export async function runCli(
  command: CliCommand,
  argv: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliRun> {
  const base = gitTestEnv();
  // The machine's own GitHub settings must not leak into a test.
  for (const key of ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_API_URL']) delete base[key];
  return run(argv, { cwd, env: { ...base, ...env }, command });
}
