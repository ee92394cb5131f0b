// bench/bake: our bake against the naive way from the backend docs (`docker build` of the whole repository as
// context with `ADD . /app/process_models`), both through the Engine API, in one run: cold (no cache), unchanged
// (same input again) and warm (one model changed and committed). Prints times, ratios, context bytes, and
// whether two cold builds give the same models layer. Usage:
//   node bench/bake/run.mjs [models=400] [junk-MB=40] [repeat=3]   (medians of `repeat` runs)
// Needs a Docker Engine (DOCKER_HOST or /var/run/docker.sock); builds its own base image (sh + git).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { bundleSource } from '../../scripts/esbuild-shared.mjs';
import { generate } from '../validate/generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const models = Number(process.argv[2] ?? 400);
const junkMB = Number(process.argv[3] ?? 40);
const repeat = Number(process.argv[4] ?? 3);
const work = path.join(root, 'bench/.work');
fs.mkdirSync(work, { recursive: true });

// Bundle the shipped code paths (bake, the engine module) and the test helper that makes the base image.
const bundle = path.join(work, `bake-bench-${process.pid}.mjs`);
await bundleSource(
  [
    "export { bake } from './src/image/bake.ts';",
    "export { connectEngine, buildImage, removeImage } from './src/image/engine.ts';",
    "export { buildTestBaseImage } from './test/helpers/docker.ts';",
    "export { default as tar } from 'tar-stream';",
  ].join('\n'),
  bundle,
);
const { bake, connectEngine, buildImage, removeImage, buildTestBaseImage, tar } = await import(bundle);

// --- the repository: generated models with some history, cloned the way actions/checkout does with
// fetch-depth: 0 (objects arrive packed), plus junk a checkout carries (exports, CI files) ----------------------
const origin = fs.mkdtempSync(path.join(work, 'bake-origin-'));
const repo = fs.mkdtempSync(path.join(work, 'bake-repo-'));
const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid',
  GIT_COMMITTER_NAME: 'Bench',
  GIT_COMMITTER_EMAIL: 'bench@example.invalid',
  GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
};
const gitIn =
  (cwd) =>
  (...args) =>
    execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' }).trim();
const gitOrigin = gitIn(origin);
const git = gitIn(repo);
generate(origin, models);
fs.mkdirSync(path.join(origin, '.github/workflows'), { recursive: true });
fs.writeFileSync(path.join(origin, '.github/workflows/ci.yml'), 'on: push\n');
fs.writeFileSync(path.join(origin, '.spiff-models-ignore'), 'exports/\n.github/\n');
gitOrigin('init', '-q', '-b', 'main');
gitOrigin('add', '-A');
gitOrigin('commit', '-q', '-m', 'models');
const forms = [];
const walk = (d, rel = '') => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    if (e.name === '.git') continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(path.join(d, e.name), r);
    else if (e.name.endsWith('-schema.json')) forms.push(r);
  }
};
walk(origin);
for (let i = 0; i < 20 && forms.length; i++) {
  fs.appendFileSync(path.join(origin, forms[i % forms.length]), ' ');
  gitOrigin('commit', '-q', '-am', `edit ${i}`);
}
execFileSync('git', ['clone', '-q', '--no-local', origin, repo], { env: gitEnv });
fs.mkdirSync(path.join(repo, 'exports'), { recursive: true });
for (let i = 0; i < junkMB; i++) {
  const chunk = Buffer.alloc(1024 * 1024);
  for (let j = 0; j < chunk.length; j += 4) chunk.writeUInt32LE((i * 2654435761 + j * 40503) >>> 0, j);
  fs.writeFileSync(path.join(repo, 'exports', `backup-${i}.zip`), chunk);
}

const engine = await connectEngine(process.env);
const base = await buildTestBaseImage();
const created = new Set();
const silent = { info() {}, warning() {}, group: (_t, fn) => fn(() => {}) };

async function ours(label, extra = {}) {
  const t0 = performance.now();
  const r = await bake({
    dir: repo,
    baseImage: base,
    image: 'spiff-models-bench/ours',
    tags: [],
    labels: {},
    push: false,
    gitHistory: 'full',
    verify: false,
    dryRun: false,
    outputDir: null,
    template: null,
    imageModelsDir: '/app/process_models',
    validate: false,
    credentials: null,
    env: process.env,
    log: silent,
    ...extra,
  });
  const ms = performance.now() - t0;
  created.add(r.imageId);
  const info = await engine.docker.getImage(r.imageId).inspect();
  return { label, ms, bytes: r.contextBytes, skipped: r.skipped, layers: info.RootFS.Layers };
}

/** The docs' way: the whole directory (with .git and junk, real times and owners) + ADD . /app/process_models. */
function naiveContext() {
  const pack = tar.pack();
  let bytes = 0;
  const files = [];
  const collect = (d, rel) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      const st = fs.lstatSync(p);
      files.push({ p, r, st, dir: e.isDirectory() });
      if (e.isDirectory()) collect(p, r);
    }
  };
  collect(repo, '');
  (async () => {
    const dockerfile = 'FROM ' + base + '\nADD . /app/process_models\n';
    pack.entry({ name: 'Dockerfile', mtime: new Date() }, dockerfile);
    for (const f of files) {
      const header = { name: f.r, mode: f.st.mode & 0o7777, mtime: f.st.mtime, uid: f.st.uid, gid: f.st.gid };
      if (f.dir) pack.entry({ ...header, type: 'directory' });
      else
        await new Promise((res, rej) =>
          pack.entry({ ...header, size: f.st.size }, fs.readFileSync(f.p), (e) => (e ? rej(e) : res())),
        );
    }
    pack.finalize();
  })();
  const stream = Readable.from(
    (async function* () {
      for await (const c of pack) {
        bytes += c.length;
        yield c;
      }
    })(),
  );
  return { stream, bytes: () => bytes };
}

async function naive(label, noCache) {
  const t0 = performance.now();
  const ctx = naiveContext();
  const id = await buildImage(engine, { context: ctx.stream, labels: {}, noCache }, () => {});
  const ms = performance.now() - t0;
  created.add(id);
  const info = await engine.docker.getImage(id).inspect();
  return { label, ms, bytes: ctx.bytes(), skipped: false, layers: info.RootFS.Layers };
}

const median = (runs) => {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  return { ...sorted[Math.floor(sorted.length / 2)], runs: runs.map((r) => r.ms) };
};
const results = [];
async function scenario(name, prepare, runOurs, runNaive) {
  const a = [];
  const b = [];
  for (let i = 0; i < repeat; i++) {
    prepare(i);
    a.push(await runOurs());
    b.push(await runNaive());
  }
  results.push({ name, ours: median(a), naive: median(b), firstTwo: [a.slice(0, 2), b.slice(0, 2)] });
}

// cold: nothing cached (no reuse of an earlier image, no layer cache)
await scenario(
  'cold',
  () => {},
  () => ours('cold', { noCache: true }),
  () => naive('cold', true),
);
// unchanged: the same input again
await scenario(
  'unchanged',
  () => {},
  () => ours('unchanged'),
  () => naive('unchanged', false),
);
// warm: one model's form changed and committed before each pair; caches allowed
await scenario(
  'warm (1 model changed)',
  (i) => {
    fs.appendFileSync(path.join(repo, forms[i % forms.length]), '\n');
    git('commit', '-q', '-am', `change ${i}`);
  },
  () => ours('warm'),
  () => naive('warm', false),
);

const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const modelFiles = execFileSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' }).split('\n').length;
console.log(
  `bench/bake: ${models} models (${modelFiles} files), 22 commits cloned like fetch-depth: 0, ${junkMB} MB junk; ` +
    `engine ${engine.address}`,
);
console.log(
  'scenario                 | ours            | naive           | naive/ours | context ours / naive',
);
console.log(
  '-------------------------|-----------------|-----------------|------------|---------------------',
);
for (const r of results) {
  const oursCell = `${s(r.ours.ms)}${r.ours.skipped ? ' (skipped)' : ''}`;
  console.log(
    `${r.name.padEnd(25)}| ${oursCell.padEnd(16)}| ${s(r.naive.ms).padEnd(16)}| ${(r.naive.ms / r.ours.ms).toFixed(1).padStart(9)}x | ${mb(r.ours.bytes)} / ${mb(r.naive.bytes)}`,
  );
}
const same = (a, b) => JSON.stringify(a.layers) === JSON.stringify(b.layers);
const [[ours1, ours2], [naive1, naive2]] = results[0].firstTwo;
console.log(
  `median of ${repeat} runs each; all runs (s): ` +
    results
      .map(
        (r) =>
          `${r.name}: ours ${r.ours.runs.map((ms) => (ms / 1000).toFixed(2)).join('/')}, naive ${r.naive.runs.map((ms) => (ms / 1000).toFixed(2)).join('/')}`,
      )
      .join('; '),
);
if (ours2 && naive2) {
  console.log(
    `reproducible models layer (two cold builds): ours ${same(ours1, ours2) ? 'yes' : 'no'}, ` +
      `naive ${same(naive1, naive2) ? 'yes' : 'no'}`,
  );
}

for (const id of created) await removeImage(engine, id);
fs.rmSync(repo, { recursive: true, force: true });
fs.rmSync(origin, { recursive: true, force: true });
fs.rmSync(bundle, { force: true });
