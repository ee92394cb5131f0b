// bench/validate/warm: the same validation several times in one process (no worker threads), so from the second
// on V8 has compiled and optimised the code; prints the first and the fastest later run as JSON. It shows what
// is left once start-up and compilation are paid: the least a whole `validate` process could take on this
// machine with this code. Usage: node bench/validate/warm.mjs BUNDLE DIR [runs=4]
// BUNDLE: validateRepo bundled from the sources (run.mjs makes it with scripts/esbuild-shared.mjs).
import { performance } from 'node:perf_hooks';

const [bundle, dir, n = '4'] = process.argv.slice(2);
const { validateRepo } = await import(bundle);
const times = [];
for (let i = 0; i < Number(n); i++) {
  const started = performance.now();
  await validateRepo(dir, { workers: 0 });
  times.push(performance.now() - started);
}
console.log(JSON.stringify({ first: times[0], warm: Math.min(...times.slice(1)) }));
