// Entry point of dist/cli.js. Node's compile cache (Node >= 22.1) is switched on before anything else is
// loaded, so the chunks imported next start from cached code; the dispatcher then imports only the command run.
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import('./cli/main.js');
const { processIO } = await import('./shell/cli-io.js');

process.exitCode = await main(process.argv.slice(2), processIO());
