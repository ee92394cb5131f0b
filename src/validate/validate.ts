// validate: load -> analyze -> run rules -> report. The one entry point other commands call.
import fs from 'node:fs';
import path from 'node:path';
import type { CallRef, Model, ModelsIndex, ProcessDef, RepoFile } from '../models/types.js';
import { loadModels } from '../models/load.js';
import { LineIndex, attributeOffset } from '../models/xml.js';
import { analyze } from './reach.js';
import { loadConfig } from './config.js';
import type { Finding, ModelStatus, Report, Severity } from './finding.js';
import { compareFindings } from './finding.js';
import type { Report as RuleReport } from './rule.js';
import { loaderRules, rules } from './rules/index.js';
import { loadPythonParser } from './rules/python.js';
import { fingerprint, readCache, toolKey, writeCache, type CachedReport, type Fingerprint } from './cache.js';

export interface ValidateOptions {
  configFile?: string;
  /** A git ref to compare with: warn about models and process ids that disappeared. */
  base?: string;
  /** An index already loaded for this root (commands that loaded it pass it, nothing is read twice). */
  index?: ModelsIndex;
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
  const tool = cacheFile ? (options.toolKey ?? toolKey()) : '';
  if (cacheFile) {
    const data = readCache(cacheFile, abs, tool);
    const inside = path.relative(abs, cacheFile).split(path.sep).join('/');
    print = fingerprint(abs, config.rules, tool, data?.files, inside);
    if (data && data.key === print.key) return fromCache(abs, data.report);
  }
  const index = options.index ?? (await loadModels(root, { workers: options.workers }));
  if (index.bpmn.size > 0) await loadPythonParser();
  const analysis = analyze(index);
  const lineIndexes = new Map<string, LineIndex>();
  const position = (file: RepoFile, offset: number) => {
    let li = lineIndexes.get(file.path);
    if (!li) lineIndexes.set(file.path, (li = new LineIndex(file.text ?? '')));
    return li.position(offset);
  };

  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (f: Finding) => {
    const setting = config.rules[f.ruleId];
    if (setting === 'off') return;
    if (setting) f.severity = setting;
    const key = `${f.ruleId}\0${f.file}\0${f.line}\0${f.column}\0${f.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(f);
  };

  for (const rule of rules) {
    if (config.rules[rule.id] === 'off') continue;
    rule.check({
      index,
      analysis,
      report(r: RuleReport) {
        let line = r.line;
        let column = r.column;
        if (line === undefined) {
          let offset = r.offset;
          if (offset === undefined && r.node)
            offset = r.attr && r.file.text ? attributeOffset(r.file.text, r.node, r.attr) : r.node.offset;
          ({ line, column } =
            offset !== undefined && r.file.text !== undefined
              ? position(r.file, offset)
              : { line: 1, column: 1 });
        }
        add({
          ruleId: rule.id,
          severity: r.severity ?? rule.severity,
          message: r.message,
          file: r.file.path,
          line,
          column: column ?? 1,
          modelId: r.modelId === undefined ? r.file.modelId : r.modelId,
        });
      },
    });
  }
  for (const f of index.loadFindings) add({ ...f });

  let changedModels: string[] = [];
  if (options.base) {
    // Imported only for --base: it runs git (child_process), which nothing else here needs.
    const { baseFindings } = await import('./base.js');
    const base = await baseFindings(index, options.base);
    for (const f of base.findings) add(f);
    changedModels = base.changedModels;
  }

  findings.sort(compareFindings);
  const report = summarize(index, findings);
  if (cacheFile && print) {
    const cacheWarning = writeCache(cacheFile, abs, tool, print, { ...report, graph: graphOf(index) });
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
