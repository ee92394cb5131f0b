// What a CLI command may touch of its surroundings; tests pass their own to capture output.

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Colour and progress only on a terminal. */
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
    isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}
