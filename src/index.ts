// Entry point of dist/index.js: the GitHub Action.
import { run } from './action/main.js';

await run();
