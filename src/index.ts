// Entry point of dist/index.js: the GitHub Action. Like dist/cli.js it switches on Node's compile cache
// (Node >= 22.1) first and loads the chosen command's code only when it runs.
import module from 'node:module';

(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { run } = await import('./action/main.js');

await run();
