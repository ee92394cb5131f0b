// Runs a CLI command in-process, as `node dist/cli.js` would but with a captured CliIO: tests see the exit code
// and what was printed, and choose the working directory and the environment (nothing else leaks in).
import type { CliCommand, CliIO } from '../../src/shell/cli-io.js';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `argv` (the command name first) through the CLI's main(), or straight through `command` when given
 * (then `argv` is the command's own arguments), with exactly the environment `env`.
 */
export async function runCli(
  argv: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; command?: CliCommand },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: options.cwd,
    env: options.env,
    isTTY: false,
  };
  const code = options.command ? await options.command.run(argv, io) : await main(argv, io);
  return { code, stdout, stderr };
}
