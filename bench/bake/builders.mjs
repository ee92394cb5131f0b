// bench/bake/builders: the registry builder (every platform of a two-platform base, no engine) against the engine
// builder (its one native platform, built and pushed through the engine), both pushing to the same local
// docker-registry, in one run: cold (a new target repository, no build cache) and warm (one model changed and
// committed, same repository). Prints medians, the ratio and what each pushed. Usage:
//   node bench/bake/builders.mjs [models=400] [repeat=3]
// Needs a Docker Engine for the engine side (DOCKER_HOST or /var/run/docker.sock) and docker-registry/htpasswd.
/* global fetch */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bundleSource } from '../../scripts/esbuild-shared.mjs';
import { generate } from '../validate/generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const models = Number(process.argv[2] ?? 400);
const repeat = Number(process.argv[3] ?? 3);
const work = path.join(root, 'bench/.work');
fs.mkdirSync(work, { recursive: true });

const bundle = path.join(work, `builders-bench-${process.pid}.mjs`);
await bundleSource(
  [
    "export { bake } from './src/image/bake.ts';",
    "export { connectEngine, removeImage } from './src/image/engine.ts';",
    "export { buildTestBaseImage, startRegistry, freePort } from './test/helpers/docker.ts';",
    "export { pushTwoPlatformBase, basic } from './test/helpers/oci.ts';",
  ].join('\n'),
  bundle,
);
const {
  bake,
  connectEngine,
  removeImage,
  buildTestBaseImage,
  startRegistry,
  freePort,
  pushTwoPlatformBase,
  basic,
} = await import(bundle);

// --- the repository: generated models with 21 commits, cloned as actions/checkout does with fetch-depth: 0 ------
const origin = fs.mkdtempSync(path.join(work, 'builders-origin-'));
const repo = fs.mkdtempSync(path.join(work, 'builders-repo-'));
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
generate(origin, models);
gitIn(origin)('init', '-q', '-b', 'main');
gitIn(origin)('add', '-A');
gitIn(origin)('commit', '-q', '-m', 'models');
const forms = execFileSync('git', ['ls-files', '*-schema.json'], { cwd: origin, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
for (let i = 0; i < 20; i++) {
  fs.appendFileSync(path.join(origin, forms[i % forms.length]), ' ');
  gitIn(origin)('commit', '-q', '-am', `edit ${i}`);
}
execFileSync('git', ['clone', '-q', '--no-local', origin, repo], { env: gitEnv });
const git = gitIn(repo);

// --- the registry, the two bases (local for the engine, pushed for the registry builder) ---------------------
const registry = await startRegistry({ user: 'bench', password: 'bench' });
const raw = { url: `http://${registry.host}`, authorization: basic('bench', 'bench') };
const [engineBase, registryBase] = await Promise.all([
  buildTestBaseImage(),
  pushTwoPlatformBase(raw, registry.host, 'base/backend', 'v1'),
]);
const engine = await connectEngine(process.env);
const noEngine = `tcp://127.0.0.1:${await freePort()}`;
const dockerConfig = fs.mkdtempSync(path.join(work, 'builders-docker-'));
const silent = { info() {}, warning() {}, group: (_t, fn) => fn(() => {}) };
const created = new Set();

async function run(builder, target, extra = {}) {
  const t0 = performance.now();
  const r = await bake({
    dir: repo,
    baseImage: builder === 'registry' ? registryBase.reference : engineBase,
    image: `${registry.host}/bench/${target}`,
    tags: [],
    labels: {},
    push: true,
    gitHistory: 'full',
    verify: false,
    dryRun: false,
    outputDir: null,
    template: null,
    imageModelsDir: '/app/process_models',
    validate: false,
    credentials: { username: 'bench', password: 'bench' },
    builder,
    // The registry builder runs with no engine reachable at all.
    env: {
      ...process.env,
      DOCKER_CONFIG: dockerConfig,
      ...(builder === 'registry' ? { DOCKER_HOST: noEngine } : {}),
    },
    log: silent,
    ...extra,
  });
  const ms = performance.now() - t0;
  if (builder === 'engine') {
    created.add(r.imageId);
    r.tags.forEach((t) => created.add(t));
  }
  return { ms, platforms: r.platforms.length || 1, bytes: r.contextBytes, layer: await modelsLayer(r) };
}

/** The last layer of the first platform's manifest, as the registry holds it. */
async function modelsLayer(r) {
  const accept = {
    Authorization: raw.authorization,
    Accept: [
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.v2+json',
    ].join(', '),
  };
  const repository = r.image.slice(registry.host.length + 1);
  const get = async (ref) =>
    (await fetch(`${raw.url}/v2/${repository}/manifests/${ref}`, { headers: accept })).json();
  let manifest = await get(r.digest);
  if (manifest.manifests) manifest = await get(manifest.manifests[0].digest);
  return manifest.layers[manifest.layers.length - 1].digest;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
async function scenario(name, prepare, engineRun, registryRun) {
  const e = [];
  const g = [];
  for (let i = 0; i < repeat; i++) {
    prepare(i);
    e.push(await engineRun(i));
    g.push(await registryRun(i));
  }
  rows.push({ name, engine: e, registry: g });
}

// cold: a new target repository each time, no build cache, no earlier image to reuse
await scenario(
  'cold',
  () => {},
  (i) => run('engine', `engine-cold-${i}`, { noCache: true }),
  (i) => run('registry', `registry-cold-${i}`),
);
// warm: one model's form changed and committed; the same repositories (base layers already there)
await scenario(
  'one model changed',
  (i) => {
    fs.appendFileSync(path.join(repo, forms[i % forms.length]), '\n');
    git('commit', '-q', '-am', `change ${i}`);
  },
  () => run('engine', 'engine-cold-0'),
  () => run('registry', 'registry-cold-0'),
);

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const files = execFileSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' }).split('\n').length;
console.log(
  `bench/bake/builders: ${models} models (${files} files, 22 commits, full history); registry ${registry.host}; ` +
    `engine ${engine.address}; median of ${repeat}`,
);
console.log(
  'scenario           | engine, 1 platform | registry, 2 platforms | engine/registry | layer / context',
);
console.log(
  '-------------------|--------------------|-----------------------|-----------------|----------------',
);
for (const r of rows) {
  const e = median(r.engine.map((x) => x.ms));
  const g = median(r.registry.map((x) => x.ms));
  console.log(
    `${r.name.padEnd(19)}| ${s(e).padEnd(19)}| ${s(g).padEnd(22)}| ${(e / g).toFixed(1).padStart(14)}x | ` +
      `${mb(r.registry[0].bytes)} / ${mb(r.engine[0].bytes)}`,
  );
}
console.log(
  'all runs (s): ' +
    rows
      .map(
        (r) =>
          `${r.name}: engine ${r.engine.map((x) => (x.ms / 1000).toFixed(2)).join('/')}, ` +
          `registry ${r.registry.map((x) => (x.ms / 1000).toFixed(2)).join('/')}`,
      )
      .join('; '),
);
const same = (xs) => (new Set(xs.map((x) => x.layer)).size === 1 ? 'the same' : 'different');
console.log(
  `models layer blob of the ${repeat} cold runs: registry builder ${same(rows[0].registry)}, ` +
    `engine builder ${same(rows[0].engine)}`,
);

for (const id of created) await removeImage(engine, id);
await registry.close();
for (const d of [repo, origin, dockerConfig]) fs.rmSync(d, { recursive: true, force: true });
fs.rmSync(bundle, { force: true });
