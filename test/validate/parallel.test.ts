// Worker threads and the cache change how fast a report comes, never what it says: the JSON reports of
// dist/cli.js on the fixture repositories are byte for byte the same with workers forced on, off, and from
// a cold and a warm cache.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  baseTree,
  chain,
  cleanTrees,
  definitions,
  flow,
  modelJson,
  processXml,
  writeTree,
  type Tree,
} from '../helpers/bpmn.js';
import { REPO_ROOT, runCliBundle } from '../helpers/runner.js';
import {
  workerCount,
  workerResourceLimits,
  MIN_FILES_FOR_WORKERS,
  MIN_FILES_ON_2_CORES,
  WORKER_YOUNG_GENERATION_MB,
} from '../../src/models/parallel.js';
import { MAX_AHEAD } from '../../src/models/parse-worker.js';

afterAll(cleanTrees);

/** 150 models calling each other, with errors of every kind the loader and the rules find. */
function bigBrokenTree(): Tree {
  const tree: Tree = { ...baseTree() };
  for (let i = 0; i < 150; i++) {
    const dir = `gg/m${i}`;
    const body =
      i % 7 === 0
        ? chain([`    <bpmn:callActivity id="ca${i}" calledElement="proc_${(i * 13) % 160}" />`], [`ca${i}`])
        : i % 7 === 1
          ? chain(
              [`    <bpmn:scriptTask id="s${i}"><bpmn:script>x = (1 +</bpmn:script></bpmn:scriptTask>`],
              [`s${i}`],
            )
          : i % 7 === 2
            ? chain([`    <bpmn:serviceTask id="st${i}" />`], [`st${i}`])
            : i % 7 === 3
              ? [chain([], []), flow('dangling', 'start', 'nowhere')].join('\n')
              : chain([`    <bpmn:userTask id="u${i}" />`], [`u${i}`]);
    tree[`${dir}/process_model.json`] = modelJson(`m${i}.bpmn`, `proc_${i}`);
    tree[`${dir}/m${i}.bpmn`] =
      i % 31 === 5
        ? '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><unclosed>'
        : i % 37 === 6
          ? Buffer.from([0x3c, 0x61, 0xff, 0xfe, 0x3e])
          : definitions(processXml(`proc_${i}`, body));
    if (i % 11 === 0) tree[`${dir}/extra.bpmn`] = definitions(processXml(`proc_${i}`, chain([], [])));
  }
  return tree;
}

/** The broken tree with what the loader reads specially: a FIFO named .bpmn (never opened) and UTF-16. */
function bigBrokenRoot(): string {
  const root = writeTree({
    ...bigBrokenTree(),
    'gg/m8/utf16.bpmn': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a/>', 'utf16le')]),
  });
  execFileSync('mkfifo', [path.join(root, 'gg/m9/pipe.bpmn')]);
  return root;
}

/** More BPMN files than the threads may parse ahead of the loader (MAX_AHEAD), so they wait for it. */
function manyModelsRoot(): string {
  const tree: Tree = { ...baseTree() };
  for (let i = 0; i < 3 * MAX_AHEAD; i++) {
    tree[`gg/n${i}/process_model.json`] = modelJson('n.bpmn', `n_${i}`);
    tree[`gg/n${i}/n.bpmn`] = definitions(
      processXml(`n_${i}`, chain([`    <bpmn:userTask id="u${i}" />`], [`u${i}`])),
    );
  }
  return writeTree(tree);
}

const fixtures: [string, () => string][] = [
  ['the example models', () => path.join(REPO_ROOT, 'examples/process-models')],
  ['150 broken models', bigBrokenRoot],
  [`${3 * MAX_AHEAD} models`, manyModelsRoot],
];

describe.each(fixtures)('%s', (_name, make) => {
  it('gives the same JSON report with workers on or off and from a cold or warm cache', async () => {
    const root = make();
    const cache = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-par-')), 'cache');
    const run = async (env: Record<string, string>, ...extra: string[]) => {
      const r = await runCliBundle(['validate', root, '--format', 'json', ...extra], REPO_ROOT, {
        SPIFF_MODELS_DEBUG: '1',
        ...env,
      });
      expect(r.code).toBeLessThan(2);
      return r;
    };
    const plain = await run({ SPIFF_MODELS_WORKERS: '0' });
    expect(plain.stderr).not.toMatch(/worker threads/);
    const workers = await run({ SPIFF_MODELS_WORKERS: '3' });
    expect(workers.stderr).toMatch(/parsed \d+ files in [1-3] worker threads/);
    // Every tree sent by a worker, none parsed on the main thread.
    const onlyWorkers = await run({ SPIFF_MODELS_WORKERS: '2', SPIFF_MODELS_DEBUG: 'workers' });
    expect(onlyWorkers.stderr).toMatch(
      /parsed \d+ files in [12] worker threads and the main thread \(0 here\)/,
    );
    const cold = await run({ SPIFF_MODELS_WORKERS: '2' }, '--cache', '--cache-location', cache);
    const warm = await run({ SPIFF_MODELS_WORKERS: '2' }, '--cache', '--cache-location', cache);
    expect(warm.stderr).not.toMatch(/worker threads/);
    expect(workers.stdout).toBe(plain.stdout);
    expect(onlyWorkers.stdout).toBe(plain.stdout);
    expect(cold.stdout).toBe(plain.stdout);
    expect(warm.stdout).toBe(plain.stdout);
    expect(JSON.parse(plain.stdout).summary.files).toBeGreaterThan(5);
  });
});

it('fails, and reports nothing, when a worker dies while the loader waits for its files', async () => {
  const r = await runCliBundle(['validate', bigBrokenRoot(), '--format', 'json'], REPO_ROOT, {
    SPIFF_MODELS_WORKERS: '2',
    SPIFF_MODELS_DEBUG: 'worker-crash',
  });
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/parse worker crash/);
});

it('finds every kind of problem in the broken fixture (the comparison above compares something)', async () => {
  const r = await runCliBundle(['validate', bigBrokenRoot(), '--format', 'json'], REPO_ROOT);
  const ids = new Set(JSON.parse(r.stdout).findings.map((f: { ruleId: string }) => f.ruleId));
  for (const id of [
    'special-file',
    'xml-malformed',
    'invalid-encoding',
    'python-syntax',
    'call-activity',
    'duplicate-process-id',
  ])
    expect(ids).toContain(id);
  expect(ids.size).toBeGreaterThan(5);
});

describe('workerCount', () => {
  it.each([
    [10, undefined, {}, 4, 0],
    [MIN_FILES_FOR_WORKERS, undefined, {}, 4, 3],
    [MIN_FILES_FOR_WORKERS, undefined, {}, 1, 0],
    [MIN_FILES_FOR_WORKERS, undefined, {}, 2, 0],
    [MIN_FILES_FOR_WORKERS - 1, undefined, {}, 4, 0],
    [MIN_FILES_ON_2_CORES, undefined, {}, 2, 1],
    [MIN_FILES_ON_2_CORES, undefined, {}, 3, 2],
    [MIN_FILES_ON_2_CORES - 1, undefined, {}, 2, 0],
    [100_000, undefined, {}, 1, 0],
    [100_000, undefined, {}, 64, 8],
    [10, undefined, { SPIFF_MODELS_WORKERS: '2' }, 1, 1],
    [1000, undefined, { SPIFF_MODELS_WORKERS: '2' }, 1, 2],
    [1000, undefined, { SPIFF_MODELS_WORKERS: '0' }, 8, 0],
    [1000, 0, { SPIFF_MODELS_WORKERS: '4' }, 8, 0],
  ])('%d files, option %p, env %j, %d cores: %d workers', (files, option, env, cores, expected) => {
    expect(workerCount(files, option, env, cores)).toBe(expected);
  });

  it('refuses a malformed SPIFF_MODELS_WORKERS', () => {
    expect(() => workerCount(10, undefined, { SPIFF_MODELS_WORKERS: 'many' }, 2)).toThrow(
      /SPIFF_MODELS_WORKERS must be a whole number/,
    );
  });
});

describe('workerResourceLimits', () => {
  const GiB = 2 ** 30;
  it.each([
    [24 * GiB, { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB }],
    [4 * GiB, { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB }],
    [4 * GiB - 1, undefined],
    [2 * GiB, undefined],
  ])('%d bytes of memory: %j', (memory, expected) => {
    expect(workerResourceLimits(memory)).toEqual(expected);
  });
});
