// Runs a CLI command the way src/cli/main.ts does, capturing output; git gets the test identity.
import type { CliCommand, CliIO } from '../../src/shell/cli-io.js';
import { gitTestEnv } from '../helpers/git-fixtures.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  command: CliCommand,
  argv: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliRun> {
  const base = gitTestEnv();
  // The machine's own GitHub settings must not leak into a test.
  for (const key of ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_API_URL']) delete base[key];
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
    env: { ...base, ...env },
    isTTY: false,
  };
  const code = await command.run(argv, io);
  return { code, stdout, stderr };
}
