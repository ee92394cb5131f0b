// Errors a user can hit: they carry what went wrong, where, and what to do; the CLI maps them to exit code 2.

/** Bad command line or action input: the message says which argument and what is accepted. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The environment is not as needed (missing directory, unreachable engine, git failure): exit 2. */
export class SetupError extends Error {
  override name = 'SetupError';
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
