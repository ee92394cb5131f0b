// What a CLI command may touch of its surroundings; tests pass their own to capture output.

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Colour and progress: on a terminal, or when FORCE_COLOR asks; never with NO_COLOR. */
  isTTY: boolean;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(argv: string[], io: CliIO): Promise<number>;
}

export function processIO(): CliIO {
  return {
    // The raw streams: main() wraps them in the command guard before any command prints.
    /* eslint-disable no-restricted-syntax */
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    /* eslint-enable no-restricted-syntax */
    cwd: process.cwd(),
    env: process.env,
    isTTY: colorWanted(Boolean(process.stdout.isTTY), process.env),
  };
}

/**
 * Colour on a terminal, unless NO_COLOR is set; FORCE_COLOR (other than 0/false) turns it on anywhere, e.g.
 * in CI logs that render ANSI colours. NO_COLOR wins when both are set (https://no-color.org).
 */
export function colorWanted(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !['0', 'false'].includes(force.toLowerCase());
  return isTTY;
}
