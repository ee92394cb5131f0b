// The `spiff-models` command line: picks the sub-command and maps errors to exit codes (2 = usage or I/O).
import { SetupError, UsageError, errorMessage } from '../util/errors.js';
import type { CliCommand, CliIO } from '../shell/cli-io.js';
import { VERSION } from '../util/version.js';
import { CommandGuard } from '../util/safe-text.js';
import { suggestion } from '../util/options.js';

/**
 * Each command's module, imported only when that command runs: `notify` never loads dockerode, `validate`
 * never loads the GitHub client (help imports them all, for their summaries).
 */
const loaders: Record<string, () => Promise<CliCommand>> = {
  init: async () => (await import('../init/cli.js')).initCli,
  validate: async () => (await import('../validate/cli.js')).validateCli,
  bake: async () => (await import('../image/cli.js')).bakeCli,
  promote: async () => (await import('../promote/cli.js')).promoteCli,
  publish: async () => (await import('../promote/cli.js')).publishCli,
  notify: async () => (await import('../notify/cli.js')).notifyCli,
};

async function help(): Promise<string> {
  const commands = await Promise.all(Object.values(loaders).map((load) => load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `spiff-models ${VERSION}: validate, bake, promote and notify SpiffWorkflow process-model repositories`,
    '',
    'Usage: spiff-models <command> [options]   (spiff-models <command> --help for its options)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

export async function main(argv: string[], raw: CliIO): Promise<number> {
  // A CLI run inside a workflow step is read by the runner like the action's log: nothing printed may start a
  // workflow command, whatever a file name or a server answer holds.
  const out = new CommandGuard();
  const err = new CommandGuard();
  const io: CliIO = {
    ...raw,
    stdout: (t) => raw.stdout(out.write(t)),
    stderr: (t) => raw.stderr(err.write(t)),
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await help());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const load = Object.hasOwn(loaders, name) ? loaders[name] : undefined;
  if (!load) {
    const hint = name.startsWith('-')
      ? `unknown option ${name}${suggestion(name, ['--help', '--version'])}`
      : `unknown command '${name}'${suggestion(name, Object.keys(loaders))}`;
    io.stderr(`spiff-models: ${hint} (spiff-models --help lists the commands)\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    // One line that says what is wrong (and the likely flag), not the whole usage text.
    if (err instanceof UsageError) {
      io.stderr(`spiff-models ${name}: ${err.message} (spiff-models ${name} --help for its options)\n`);
      return 2;
    }
    if (err instanceof SetupError) {
      io.stderr(`spiff-models ${name}: ${err.message}\n`);
      return 2;
    }
    io.stderr(`spiff-models ${name}: ${errorMessage(err)}\n`);
    if (io.env.SPIFF_MODELS_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    return 2;
  }
}
