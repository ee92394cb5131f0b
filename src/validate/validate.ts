// validate: load (running the rules on each directory as it is read, judge.ts) -> the repository-wide rules ->
// report. The one entry point other commands call.
import fs from 'node:fs';
import path from 'node:path';
import type { CallRef, Model, ModelsIndex, ProcessDef } from '../models/types.js';
import { byDirectory, letTreesGo, loadModels } from '../models/load.js';
import { noModelsError } from '../models/empty.js';
import { loadConfig } from './config.js';
import type { Finding, ModelStatus, Report, Severity } from '../models/finding.js';
import { compareFindings } from '../models/finding.js';
import { loaderRules, rules } from './rules/index.js';
import { Judge } from './judge.js';
import type { CachedReport, Fingerprint } from './cache.js';
import type { SourceTree } from '../models/tree.js';

export interface ValidateOptions {
  configFile?: string;
  /** A git ref to compare with: warn about models and process ids that disappeared. */
  base?: string;
  /**
   * An index already loaded for this root, so nothing is read twice: bake passes the one it loaded from the
   * committed tree (src/image/plan.ts), and then packs exactly the listing that was judged. Promote and publish
   * have none to pass: they validate a merge result checked out in their work area, which no index was loaded
   * for (publish's index is of the source, a different tree). Its trees are let go once judged, as a loaded
   * one's are (models/load.ts letTreesGo): what the other commands read of it (files, listing, models, calls)
   * stays.
   */
  index?: ModelsIndex;
  /** Accept a root without process models (else a SetupError: a wrong path must not pass as clean). */
  allowEmpty?: boolean;
  /** Cache file (--cache): an unchanged repository gets its last report back (see cache.ts); not with --base. */
  cache?: string;
  /** The tool identity the cache is keyed by (tests stand in a new build); default: this build's. */
  toolKey?: string;
  /** Worker threads for parsing: 0 none, N forces N; default: decided by the repository's size. */
  workers?: number;
}

export interface ValidateResult extends Report {
  index: ModelsIndex;
  /** Model ids whose files differ from --base (empty without it). */
  changedModels: string[];
  /** With a cache: 'hit' when the report came from it (then `index` holds only the call graph). */
  cache?: 'hit' | 'miss';
  /** A problem with the cache that did not stop validation (the cache file could not be written). */
  cacheWarning?: string;
}

export const allRuleIds = new Set([...rules.map((r) => r.id), ...loaderRules.map((r) => r.id)]);

export async function validateRepo(root: string, options: ValidateOptions = {}): Promise<ValidateResult> {
  const config = await loadConfig(root, options.configFile, allRuleIds);
  const abs = path.resolve(root);
  const cacheFile =
    options.cache && !options.index && !options.base && isDir(abs) ? options.cache : undefined;
  let print: Fingerprint | undefined;
  let walked: SourceTree | undefined;
  // Imported only with --cache: it hashes (node:crypto), which a plain run never loads.
  const cache = cacheFile ? await import('./cache.js') : undefined;
  const tool = cache ? (options.toolKey ?? cache.toolKey()) : '';
  if (cacheFile && cache) {
    const { fingerprint, readCache, repoStats, writeCache } = cache;
    const data = readCache(cacheFile, abs, tool);
    const inside = path.relative(abs, cacheFile).split(path.sep).join('/');
    // allowEmpty is part of the key: an empty root is an error without it, a report with it.
    const settings = { rules: config.rules, allowEmpty: options.allowEmpty === true };
    const stats = repoStats(abs, settings, tool, inside);
    walked = stats.tree;
    // No file's stat changed: no file is read (the stored entries are not even parsed).
    const same = data && data.statKey === stats.statKey ? data.report() : undefined;
    if (same) return fromCache(abs, same);
    print = fingerprint(stats, data?.files());
    const report = data && data.key === print.key ? data.report() : undefined;
    if (report) {
      // The same contents with other stats (touched, checked out again): the stats are written down, so the
      // next run need not hash those files again.
      const cacheWarning = writeCache(cacheFile, abs, tool, print, report);
      return { ...fromCache(abs, report), ...(cacheWarning ? { cacheWarning } : {}) };
    }
  }
  const judge = new Judge(config.rules);
  let index: ModelsIndex;
  if (options.index) {
    // Loaded by the caller with every tree: judged one directory at a time all the same.
    index = options.index;
    const docs = [...index.bpmn.values(), ...index.dmn.values()];
    for (const inDir of byDirectory(docs, (d) => d.file.dir)) await judge.directory(index, inDir);
    // Each directory's own letting go finds its calls at the end of index.calls only when it was just
    // indexed: here all of them are the documents' calls.
    letTreesGo(index, docs);
  } else
    index = await loadModels(root, {
      // With --cache, the walk the stats were taken from: the same listing, not walked twice.
      tree: walked,
      workers: options.workers,
      onShard: (docs, idx) => judge.directory(idx, docs),
    });
  if (index.models.size === 0 && !options.allowEmpty)
    throw noModelsError(`the models root ${index.root}`, 'Check the path (DIR, or the action input path)');
  const findings = judge.finish(index);

  let changedModels: string[] = [];
  if (options.base) {
    // Imported only for --base: it runs git (child_process), which nothing else here needs.
    const { baseFindings } = await import('./base.js');
    const base = await baseFindings(index, options.base);
    for (const f of base.findings) judge.add(f);
    changedModels = base.changedModels;
  }

  findings.sort(compareFindings);
  const report = summarize(index, findings);
  if (cacheFile && cache && print) {
    const cacheWarning = cache.writeCache(cacheFile, abs, tool, print, { ...report, graph: graphOf(index) });
    return { ...report, index, changedModels, cache: 'miss', cacheWarning };
  }
  return { ...report, index, changedModels };
}

function isDir(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function graphOf(index: ModelsIndex): CachedReport['graph'] {
  return {
    models: [...index.models.values()].map((m): [string, string, string | null] => [m.id, m.dir, m.groupId]),
    modelCalls: [...index.modelCalls].map(([from, to]): [string, string[]] => [from, [...to]]),
    calls: index.calls.flatMap((c): [string, string][] => (c.modelId ? [[c.modelId, c.processId]] : [])),
    processIds: [...index.processes.keys()].filter((id) => index.processes.get(id)?.length),
  };
}

/**
 * The cached report, with an index that holds only what the reporters read of it: models (id, dir, group),
 * the calls between them and which process ids exist. Its files, documents and trees are empty.
 */
function fromCache(root: string, report: CachedReport): ValidateResult {
  const { graph } = report;
  const models = new Map(
    graph.models.map(([id, dir, groupId]) => [id, { id, dir, groupId, files: [] } as unknown as Model]),
  );
  const processes = new Map(graph.processIds.map((id) => [id, [{ id } as ProcessDef]]));
  const index: ModelsIndex = {
    root,
    files: [],
    filesByPath: new Map(),
    groups: new Map(),
    models,
    bpmn: new Map(),
    dmn: new Map(),
    processes,
    decisionsByDir: new Map(),
    calls: graph.calls.map(([modelId, processId]) => ({ modelId, processId }) as CallRef),
    modelCalls: new Map(graph.modelCalls.map(([from, to]) => [from, new Set(to)])),
    loadFindings: [],
  };
  const { findings, models: statuses, summary } = report;
  return { findings, models: statuses, summary, index, changedModels: [], cache: 'hit' };
}

export function summarize(index: ModelsIndex, findings: Finding[]): Report {
  const worst = new Map<string, Severity>();
  for (const f of findings) {
    if (!f.modelId || f.severity === 'info') continue;
    if (f.severity === 'error' || !worst.has(f.modelId)) worst.set(f.modelId, f.severity);
  }
  const models: ModelStatus[] = [...index.models.keys()].sort().map((id) => {
    const w = worst.get(id);
    return { id, status: w === 'error' ? 'error' : w === 'warning' ? 'warning' : 'ok' };
  });
  return {
    findings,
    models,
    summary: {
      models: index.models.size,
      files: index.files.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    },
  };
}
