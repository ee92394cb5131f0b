// bench/validate: how close `validate` (dist/cli.js, the shipped code) comes to the floor, measured in one
// run so every ratio compares figures taken under the same machine load:
//   - the floor: node reading every file of a repository and finding every '<' in it;
//   - start-up: validate of an empty root against `node -e 0`;
//   - a repository shaped like a real one (~200 models) against the floor;
//   - a large generated corpus (3,000+ diagrams, 100+ MB) against the floor and bpmnlint (recommended
//     preset, the same .bpmn files), with peak memory;
//   - a warm --cache run against the cold one; worker threads on against off.
// Usage: node bench/validate/run.mjs [small-models=200] [large-models=3000]
// Env: BENCH_RUNS (default 3, best of; the large corpus's configurations interleaved round by round),
// BENCH_BPMNLINT=0 skips bpmnlint (it takes a minute on the corpus), BENCH_TRACE=1 prints every round's figures.
// Every measurement is its own child process, so its time and peak memory (maxRSS) are its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { bundleSource } from '../../scripts/esbuild-shared.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const cli = path.join(root, 'dist/cli.js');
const smallModels = Number(process.argv[2] ?? 200);
const largeModels = Number(process.argv[3] ?? 3000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const work = path.join(root, 'bench/.work');
fs.mkdirSync(work, { recursive: true });

function repo(models) {
  const dir = path.join(work, `validate-repo-${models}`);
  if (!fs.existsSync(path.join(dir, '.complete'))) {
    generate(dir, models);
    fs.writeFileSync(path.join(dir, '.complete'), '');
  }
  return dir;
}

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!e.name.startsWith('.')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const usage = path.join(here, 'usage.mjs');

/** Runs `node ...args` as a user would (stdout dropped): wall time from spawn to exit, CPU time, peak RSS. */
function measure(args, env = {}) {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', usage, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const ms = performance.now() - started;
  const m = /BENCH-USAGE (\{.*\})/.exec(r.stderr ?? '');
  if (r.status > 2 || r.status === null || !m)
    throw new Error(`node ${args.join(' ')}: exit ${r.status ?? r.signal}: ${r.stderr}`);
  const w = /parsed \d+ files in (\d+) worker threads/.exec(r.stderr ?? '');
  return { ms, ...JSON.parse(m[1]), workers: w ? Number(w[1]) : 0 };
}

const floorRun = (dir) => measure([path.join(here, 'floor.mjs'), dir]);
const cliRun = (args, env) => measure([cli, ...args], env);

/** Best of n by wall time, with the lowest CPU time seen (both as low as this machine allowed). */
const best = (f, n = runs) => {
  let b;
  for (let i = 0; i < n; i++) {
    const r = f();
    if (!b) b = { ...r };
    else {
      if (r.ms < b.ms) b.ms = r.ms;
      if (r.cpu < b.cpu) b.cpu = r.cpu;
      b.maxRSS = Math.max(b.maxRSS, r.maxRSS);
    }
  }
  return b;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const MB = 1024 * 1024;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const x = (a, b) => `${(a / b).toFixed(2)}x`;

if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run bundle` first');
const small = repo(smallModels);
const large = repo(largeModels);
const smallFiles = listFiles(small);
const largeFiles = listFiles(large);
const bytes = (list) => list.reduce((n, f) => n + fs.statSync(f).size, 0);
const largeBpmn = largeFiles.filter((f) => f.endsWith('.bpmn'));
const largeBytes = bytes(largeFiles);
const largeBpmnBytes = bytes(largeBpmn);
const load = os.loadavg()[0];
const cores = os.availableParallelism?.() ?? os.cpus().length;

// 1. Start-up: interleaved, median of 15 each (a run takes tens of ms: noise dominates single runs).
const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-bench-empty-'));
const startNode = [];
const startEmpty = [];
for (let i = 0; i < 15; i++) {
  startNode.push(measure(['-e', '0']));
  startEmpty.push(measure([cli, 'validate', empty]));
}
const mid = (list) => ({ ms: median(list.map((r) => r.ms)), cpu: median(list.map((r) => r.cpu)) });
const node0 = mid(startNode);
const emptyRoot = mid(startEmpty);

// 2. The ~200-model repository against the floor, both as whole processes (median of 7, interleaved).
const smallFloorRuns = [];
const smallRuns = [];
for (let i = 0; i < 7; i++) {
  smallFloorRuns.push(floorRun(small));
  smallRuns.push(cliRun(['validate', small, '--format', 'json']));
}
const smallFloor = mid(smallFloorRuns);
const smallOurs = mid(smallRuns);

// 3. The large corpus: floor, ours without and with workers, cold and warm cache, bpmnlint.
const json = ['validate', large, '--format', 'json'];
const cacheFile = path.join(work, 'bench-validate-cache');
const cacheArgs = [...json, '--cache', '--cache-location', cacheFile];
// Interleaved: each round runs every configuration once, so a busy spell of the machine falls on all of them
// rather than on whichever ran during it; each keeps its best round.
const configs = {
  floor: () => floorRun(large),
  noWorkers: () => cliRun(json, { SPIFF_MODELS_WORKERS: '0' }),
  // The debug trace says how many workers the loader chose (it prints nothing else to stderr).
  byDefault: () => cliRun(json, { SPIFF_MODELS_DEBUG: '1' }),
  ...(cores < 4 ? { forced: () => cliRun(json, { SPIFF_MODELS_WORKERS: '2' }) } : {}),
  cold: () => {
    fs.rmSync(cacheFile, { force: true });
    return cliRun(cacheArgs);
  },
  // Right after a cold run, so the cache file is there.
  warm: () => cliRun(cacheArgs),
};
const rounds = Object.fromEntries(Object.keys(configs).map((k) => [k, []]));
for (let i = 0; i < runs; i++)
  for (const [k, f] of Object.entries(configs)) {
    const r = f();
    if (process.env.BENCH_TRACE) console.error(k, JSON.stringify(r));
    rounds[k].push(r);
  }
const bestOf = (list) => best(() => list.shift(), list.length);
const largeFloor = bestOf(rounds.floor);
const noWorkers = bestOf(rounds.noWorkers);
const byDefault = bestOf(rounds.byDefault);
const forced = rounds.forced ? bestOf(rounds.forced) : undefined;
const cold = bestOf(rounds.cold);
const warm = bestOf(rounds.warm);
let lint;
if (process.env.BENCH_BPMNLINT !== '0') {
  const listFile = path.join(work, 'bpmn-files.json');
  fs.writeFileSync(listFile, JSON.stringify(largeBpmn));
  lint = measure([path.join(here, 'bpmnlint.mjs'), listFile]); // once: it takes a minute or more
}
const ours = byDefault.ms <= noWorkers.ms ? byDefault : noWorkers;

// 4. The code warm: each repository validated several times in one process, no workers (warm.mjs). The fastest
// later run is the work alone, compiled and optimised: with start-up added, the least a process could take.
const warmBundle = await bundleSource(
  `export { validateRepo } from './src/validate/validate.ts';`,
  path.join(work, 'validate-warm.mjs'),
);
const warmRun = (dir, n) => {
  const r = spawnSync(process.execPath, [path.join(here, 'warm.mjs'), warmBundle, dir, String(n)], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`warm.mjs ${dir}: exit ${r.status ?? r.signal}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};
const warmSmall = warmRun(small, 8);
const warmLarge = warmRun(large, 4);

const rss = (r) => `${(r.maxRSS / 1024).toFixed(0)} MB`;
const row = (name, r) => [name, s(r.ms), x(r.ms, largeFloor.ms), s(r.cpu), x(r.cpu, largeFloor.cpu), rss(r)];
const rows = [
  [
    'floor: read every file, find every `<`',
    s(largeFloor.ms),
    '1x',
    s(largeFloor.cpu),
    '1x',
    rss(largeFloor),
  ],
  row('validate, no worker threads', noWorkers),
  row(
    byDefault.workers > 0
      ? `validate, default (${byDefault.workers} worker thread${byDefault.workers > 1 ? 's' : ''} + the main thread on ${cores} cores)`
      : `validate, default (no workers on ${cores} cores: a second run of the line above)`,
    byDefault,
  ),
];
if (forced) rows.push(row('validate, 2 worker threads forced', forced));
rows.push(
  row('validate --cache, cold (no cache file)', cold),
  row('validate --cache, warm (nothing changed)', warm),
);
if (lint) rows.push(row('bpmnlint, recommended preset (the .bpmn files only)', lint));

console.log(
  `machine: ${cores} cores, load average ${load.toFixed(1)} at the start, Node ${process.version}. ` +
    `Whole processes (spawn to exit); wall time and CPU time (user + system, all threads); best of ${runs} unless said.\n`,
);
console.log(
  `start-up (median of 15): node -e 0 ${node0.ms.toFixed(0)} ms wall / ${node0.cpu.toFixed(0)} ms CPU; ` +
    `validate of an empty root ${emptyRoot.ms.toFixed(0)} ms / ${emptyRoot.cpu.toFixed(0)} ms: ` +
    `${x(emptyRoot.ms, node0.ms)} wall, ${x(emptyRoot.cpu, node0.cpu)} CPU (target 1.5x)\n`,
);
console.log(
  `~${smallModels}-model repository (${smallFiles.length} files, ${(bytes(smallFiles) / MB).toFixed(1)} MB, median of 7): ` +
    `validate ${smallOurs.ms.toFixed(0)} ms wall / ${smallOurs.cpu.toFixed(0)} ms CPU, ` +
    `floor ${smallFloor.ms.toFixed(0)} ms / ${smallFloor.cpu.toFixed(0)} ms: ` +
    `${x(smallOurs.ms, smallFloor.ms)} wall, ${x(smallOurs.cpu, smallFloor.cpu)} CPU (target 2x)\n`,
);
console.log(
  `large corpus: ${largeModels} models, ${largeFiles.length} files, ${(largeBytes / MB).toFixed(1)} MB ` +
    `(${largeBpmn.length} .bpmn, ${(largeBpmnBytes / MB).toFixed(1)} MB)\n`,
);
console.log('| run | wall | vs floor | CPU | vs floor | peak RSS |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('');
console.log(
  `floor ratio (best of no workers / default): ${x(ours.ms, largeFloor.ms)} wall, ` +
    `${x(Math.min(noWorkers.cpu, byDefault.cpu), largeFloor.cpu)} CPU (target 2.5x); ` +
    `peak memory ${rss(ours)} (target 250 MB)`,
);
console.log(
  `warm cache: ${((warm.ms / cold.ms) * 100).toFixed(0)}% of the cold run's wall time (target 20%)`,
);
console.log(
  `worker threads: ${x(noWorkers.ms, byDefault.ms)} speed-up by default` +
    (forced ? `, ${x(noWorkers.ms, forced.ms)} with 2 forced` : '') +
    ` (wall time; ${cores} cores shared with whatever else runs)`,
);
if (lint) {
  const oursMBs = largeBytes / MB / (ours.ms / 1000);
  const lintMBs = largeBpmnBytes / MB / (lint.ms / 1000);
  console.log(
    `bpmnlint: ${(oursMBs / lintMBs).toFixed(1)}x its throughput (MB/s wall: ours over all ${largeFiles.length} files, ` +
      `bpmnlint over the .bpmn files; target 30x); ${(lint.cpu / Math.min(noWorkers.cpu, byDefault.cpu)).toFixed(1)}x in CPU time`,
  );
}
// What each target leaves for the work once the process has started (start-up: the empty root's run).
const leftSmall = 2 * smallFloor.ms - emptyRoot.ms;
const leftLarge = 2.5 * largeFloor.ms - emptyRoot.ms;
console.log(
  `\ncode warm (one process, no workers; the first run, then the fastest of the later ones): ` +
    `~${smallModels}-model repository ${warmSmall.first.toFixed(0)} ms, then ${warmSmall.warm.toFixed(0)} ms ` +
    `(the 2x target leaves ${leftSmall.toFixed(0)} ms after start-up); ` +
    `large corpus ${s(warmLarge.first)}, then ${s(warmLarge.warm)} ` +
    `(the 2.5x target leaves ${s(leftLarge)} of wall time after start-up; this is one thread)`,
);
console.log(`load average at the end: ${os.loadavg()[0].toFixed(1)}`);
fs.rmSync(empty, { recursive: true, force: true });
