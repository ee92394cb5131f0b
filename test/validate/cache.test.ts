// --cache: an unchanged repository gets its last report back, and every change that can alter a finding
// (a file, a model another one calls, the config, the tool's build) gives the fresh result instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  chain,
  cleanTrees,
  definitions,
  modelJson,
  processXml,
  withProcess,
  writeTree,
} from '../helpers/bpmn.js';
import { formatJson } from '../../src/validate/reporters/json.js';
import { callGraph, formatMarkdown } from '../../src/validate/reporters/markdown.js';
import { dozensOfErrors } from '../helpers/summary-repos.js';
import { validateRepo, type ValidateOptions } from '../../src/validate/validate.js';

afterAll(cleanTrees);

const caller = () =>
  writeTree(
    withProcess(chain(['    <bpmn:callActivity id="ca" calledElement="q" />'], ['ca']), {
      'gg/lib/process_model.json': modelJson('lib.bpmn', 'q'),
      'gg/lib/lib.bpmn': definitions(processXml('q', chain([], []))),
    }),
  );

const cacheFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-cache-')), 'cache.json');

/** The report with the cache, which must equal the report of a validation without it. */
async function check(root: string, cache: string, options: ValidateOptions = {}) {
  const cached = await validateRepo(root, { ...options, cache, toolKey: options.toolKey ?? 'build-1' });
  const fresh = await validateRepo(root, { ...options, cache: undefined });
  expect(formatJson(cached)).toBe(formatJson(fresh));
  return { status: cached.cache, json: JSON.parse(formatJson(cached)) as { findings: { ruleId: string }[] } };
}

describe('validate --cache', () => {
  it('gives an unchanged repository its last report back, call graph included', async () => {
    const root = caller();
    const cache = cacheFile();
    expect((await check(root, cache)).status).toBe('miss');
    const warm = await validateRepo(root, { cache, toolKey: 'build-1' });
    expect(warm.cache).toBe('hit');
    expect(warm.index.modelCalls).toEqual(new Map([['gg/mmm', new Set(['gg/lib'])]]));
    expect([...warm.index.models.keys()]).toEqual([...(await validateRepo(root)).index.models.keys()]);
    expect((await check(root, cache)).status).toBe('hit');
  });

  it('gives the markdown summary (call graph, groups, missing processes) the same from the cache', async () => {
    const root = writeTree(dozensOfErrors());
    const cache = cacheFile();
    const md = (r: Awaited<ReturnType<typeof validateRepo>>) =>
      formatMarkdown(r, { index: r.index, changedModels: ['finance/invoice-3'] });
    const cold = await validateRepo(root, { cache, toolKey: 'b' });
    const warm = await validateRepo(root, { cache, toolKey: 'b' });
    expect(warm.cache).toBe('hit');
    const graph = callGraph(cold.index, cold, [])!;
    expect(graph.nodes).toContain('missing:nope_process');
    expect(graph.mermaid).toContain('subgraph g0["finance"]');
    expect(callGraph(warm.index, warm, [])).toEqual(graph);
    expect(md(warm)).toBe(md(cold));
  });

  it('validates a changed file again', async () => {
    const root = caller();
    const cache = cacheFile();
    await check(root, cache);
    fs.writeFileSync(
      path.join(root, 'gg/mmm/m.bpmn'),
      definitions(processXml('p', chain(['    <bpmn:serviceTask id="st" />'], ['st']))),
    );
    const after = await check(root, cache);
    expect(after.status).toBe('miss');
    expect(after.json.findings.map((f) => f.ruleId)).toContain('service-task-operator');
  });

  it('notices an edit of the same size with the old mtime put back', async () => {
    const root = caller();
    const cache = cacheFile();
    const file = path.join(root, 'gg/lib/lib.bpmn');
    await check(root, cache);
    const { atime, mtime } = fs.statSync(file);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('id="q"', 'id="r"'));
    fs.utimesSync(file, atime, mtime);
    expect((await check(root, cache)).status).toBe('miss');
  });

  it('gives a caller the fresh result when the model it calls changes', async () => {
    const root = caller();
    const cache = cacheFile();
    const before = await check(root, cache);
    expect(before.json.findings).toEqual([]);
    // The caller's file is untouched: its finding comes from the called model's change.
    fs.writeFileSync(path.join(root, 'gg/lib/lib.bpmn'), definitions(processXml('q2', chain([], []))));
    const after = await check(root, cache);
    expect(after.status).toBe('miss');
    expect(after.json.findings.some((f) => JSON.stringify(f).includes("'q'"))).toBe(true);
  });

  it('applies a changed config, in the models root or outside it', async () => {
    const root = writeTree({ ...withProcess(chain([], [])), 'gg/lib/process_model.json': modelJson('', '') });
    const cache = cacheFile();
    const before = await check(root, cache);
    expect(before.json.findings).toEqual([
      expect.objectContaining({ ruleId: 'primary-empty', severity: 'warning' }),
    ]);
    fs.writeFileSync(path.join(root, '.spiff-models.yml'), 'rules:\n  primary-empty: error\n');
    const after = await check(root, cache);
    expect(after.status).toBe('miss');
    expect(after.json.findings).toEqual([
      expect.objectContaining({ ruleId: 'primary-empty', severity: 'error' }),
    ]);
    // --config FILE outside the root: no file of the root changes, the settings do.
    const configFile = path.join(path.dirname(cache), 'config.yml');
    fs.writeFileSync(configFile, 'rules:\n  primary-empty: off\n');
    expect((await check(root, cache, { configFile })).json.findings).toEqual([]);
    expect((await check(root, cache, { configFile })).status).toBe('hit');
    fs.writeFileSync(configFile, 'rules:\n  primary-empty: info\n');
    const info = await check(root, cache, { configFile });
    expect(info.status).toBe('miss');
    expect(info.json.findings).toEqual([expect.objectContaining({ severity: 'info' })]);
  });

  it('is not used by another build of the tool', async () => {
    const root = caller();
    const cache = cacheFile();
    await check(root, cache);
    expect((await check(root, cache, { toolKey: 'build-2' })).status).toBe('miss');
    expect((await check(root, cache, { toolKey: 'build-2' })).status).toBe('hit');
  });

  it('notices added and removed files', async () => {
    const root = caller();
    const cache = cacheFile();
    await check(root, cache);
    fs.writeFileSync(path.join(root, 'gg/mmm/notes.exe'), '');
    const added = await check(root, cache);
    expect(added.status).toBe('miss');
    expect(added.json.findings.map((f) => f.ruleId)).toEqual(['file-extension']);
    fs.rmSync(path.join(root, 'gg/mmm/notes.exe'));
    expect((await check(root, cache)).json.findings).toEqual([]);
  });

  it('ignores a corrupt cache file and stays warm when the cache lies inside the models root', async () => {
    const root = caller();
    const cache = path.join(root, '.spiff-models-cache');
    fs.writeFileSync(cache, '{"format": 1, "files": ');
    expect((await check(root, cache)).status).toBe('miss');
    expect((await check(root, cache)).status).toBe('hit');
  });

  it('reads no stored entry when no stat changed, and writes the new stats of a file touched but not changed', async () => {
    const root = caller();
    const cache = cacheFile();
    await check(root, cache);
    const lines = () => fs.readFileSync(cache, 'utf8').split('\n');
    const [header, report] = lines();
    // The files' entries spoilt: a warm run whose stats all match does not read them.
    fs.writeFileSync(cache, `${header}\n${report}\n{"spoilt": \n`);
    expect((await check(root, cache)).status).toBe('hit');
    // Touched: the same content with another mtime is still a hit (by content), and the cache now holds
    // the new stats, so the next run matches them without reading the file.
    await check(root, cache); // entries back in place
    const before = JSON.parse(lines()[0]) as { statKey: string; key: string };
    const file = path.join(root, 'gg/lib/lib.bpmn');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later);
    expect((await check(root, cache)).status).toBe('hit');
    const after = JSON.parse(lines()[0]) as { statKey: string; key: string };
    expect(after.key).toBe(before.key);
    expect(after.statKey).not.toBe(before.statKey);
    // A spoilt report is no report: validated again.
    const [h, , files] = lines();
    fs.writeFileSync(cache, `${h}\n{"findings": \n${files}\n`);
    expect((await check(root, cache)).status).toBe('miss');
    expect((await check(root, cache)).status).toBe('hit');
  });

  it('reports a cache it cannot write as a warning and still validates', async () => {
    const root = caller();
    const blocker = writeTree({ file: 'x' });
    const r = await validateRepo(root, { cache: path.join(blocker, 'file/cache.json'), toolKey: 'b' });
    expect(r.summary.errors).toBe(0);
    expect(r.cacheWarning).toMatch(/cannot write the cache file .*file\/cache\.json/);
  });
});
