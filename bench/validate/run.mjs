// bench/validate: our validator vs bpmnlint (recommended preset) on the same synthetic repository, in the
// same run. Prints throughput (files/s, MB/s), peak memory and the ratio. Usage:
//   node bench/validate/run.mjs [models=2000] [bpmnlint-sample=all]
// Each tool runs in its own child process so its peak memory (maxRSS) is its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSource } from '../../scripts/esbuild-shared.mjs';
import { generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const models = Number(process.argv[2] ?? 2000);
const sample = process.argv[3] ? Number(process.argv[3]) : Infinity;
const work = path.join(root, 'bench/.work');
const repo = path.join(work, `validate-repo-${models}`);

if (!fs.existsSync(path.join(repo, '.complete'))) {
  generate(repo, models);
  fs.writeFileSync(path.join(repo, '.complete'), '');
}
const files = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (!e.name.startsWith('.')) files.push(p);
  }
};
walk(repo);
const bpmnFiles = files.filter((f) => f.endsWith('.bpmn')).slice(0, sample);
const bytes = (list) => list.reduce((n, f) => n + fs.statSync(f).size, 0);
const allBytes = bytes(files);
const bpmnBytes = bytes(bpmnFiles);

// Bundle our validator so the child runs exactly the shipped code path (load -> analyze -> rules).
const bundle = path.join(os.tmpdir(), `spiff-bench-validate-${process.pid}.mjs`);
await bundleSource(
  `import { validateRepo } from './src/validate/validate.ts'; export { validateRepo };`,
  bundle,
);

const ours = `
const { validateRepo } = await import(${JSON.stringify(bundle)});
const t0 = performance.now();
const r = await validateRepo(${JSON.stringify(repo)});
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, findings: r.findings.length, errors: r.summary.errors, maxRSS: process.resourceUsage().maxRSS }));
`;

const listFile = path.join(work, 'bpmn-files.json');
fs.writeFileSync(listFile, JSON.stringify(bpmnFiles));
const theirs = `
const { createRequire } = await import('node:module');
const require = createRequire(${JSON.stringify(path.join(root, 'package.json'))});
const fs = await import('node:fs');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { BpmnModdle } = await import(${JSON.stringify(path.join(root, 'node_modules/bpmn-moddle/dist/index.js'))});
const files = JSON.parse(fs.readFileSync(${JSON.stringify(listFile)}, 'utf8'));
const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
const moddle = new BpmnModdle();
const t0 = performance.now();
let reports = 0;
for (const f of files) {
  const { rootElement } = await moddle.fromXML(fs.readFileSync(f, 'utf8'));
  const results = await linter.lint(rootElement);
  for (const k of Object.keys(results)) reports += results[k].length;
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, findings: reports, maxRSS: process.resourceUsage().maxRSS }));
`;

function runChild(code) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0)
    throw new Error(`child failed (${r.signal ?? r.status} ${r.error?.message ?? ''}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const MB = 1024 * 1024;
const rows = [];
const runs = Number(process.env.BENCH_RUNS ?? 3);
let best = { ours: null, theirs: null };
for (let i = 0; i < runs; i++) {
  const a = runChild(ours);
  const b = runChild(theirs);
  if (!best.ours || a.ms < best.ours.ms) best.ours = a;
  if (!best.theirs || b.ms < best.theirs.ms) best.theirs = b;
}
const o = best.ours;
const t = best.theirs;
const oursBpmnMBs = bpmnBytes / MB / (o.ms / 1000);
rows.push([
  'spiff-models validate (all files)',
  files.length,
  (files.length / (o.ms / 1000)).toFixed(0),
  (allBytes / MB / (o.ms / 1000)).toFixed(1),
  (o.maxRSS / 1024).toFixed(0),
  o.ms.toFixed(0),
]);
rows.push([
  'bpmnlint recommended (.bpmn only)',
  bpmnFiles.length,
  (bpmnFiles.length / (t.ms / 1000)).toFixed(0),
  (bpmnBytes / MB / (t.ms / 1000)).toFixed(1),
  (t.maxRSS / 1024).toFixed(0),
  t.ms.toFixed(0),
]);

console.log(
  `repository: ${models} models, ${files.length} files, ${(allBytes / MB).toFixed(1)} MB (${bpmnFiles.length} .bpmn, ${(bpmnBytes / MB).toFixed(1)} MB); best of ${runs} runs each\n`,
);
console.log('| tool | files | files/s | MB/s | peak RSS MB | ms |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
const bpmnlintMBs = bpmnBytes / MB / (t.ms / 1000);
console.log(
  `\nthroughput ratio (MB/s, ours over all files vs bpmnlint over .bpmn files): ${(allBytes / MB / (o.ms / 1000) / bpmnlintMBs).toFixed(1)}x`,
);
console.log(
  `time ratio on the same .bpmn bytes (bpmnlint ms per MB / ours ms per MB, ours also checks JSON and DMN): ${(oursBpmnMBs / bpmnlintMBs).toFixed(1)}x`,
);
console.log(`findings: ours ${o.findings} (errors ${o.errors}), bpmnlint ${t.findings}`);
fs.rmSync(bundle, { force: true });
