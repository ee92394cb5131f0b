// Running the rules: one directory at a time while the loader reads the repository (so its trees can be let go
// directory by directory), then the repository-wide rules and the findings that waited for every file.
// See RuleScope (rule.ts) for what each kind of rule sees.
import type { BpmnDoc, DmnDoc, ModelsIndex, ProcessDef, RepoFile } from '../models/types.js';
import type { Finding } from '../models/finding.js';
import { LineIndex, attributeOffset, flat } from '../models/xml.js';
import { forgetText, letTreesGo } from '../models/load.js';
import type { RuleSetting } from './config.js';
import type { Report, RepoFacts, Rule } from './rule.js';
import { rules } from './rules/index.js';
import { failureOf, guarded, ruleError } from './guard.js';
import { DocWalker, analysisOf, loadOrder, resolver, type Analysis, type ProcessWalk } from './reach.js';
import { callableProcesses } from './callable.js';
import { loadPythonParser } from './rules/python.js';

/** Where a finding points, without the element (whose tree may be gone when it is placed). */
interface Place {
  file: RepoFile;
  /** The element's (or given) offset; with `attr`, the attribute of the start tag there. */
  offset?: number;
  attr?: string;
  line?: number;
  column?: number;
}

/**
 * A finding that waits for the whole repository: kept if its process loads and its `later` says so, and
 * only then placed at a line and column (most are dropped: every call activity waits for what it calls).
 */
interface Pending {
  finding: Omit<Finding, 'line' | 'column'>;
  place: Place;
  process?: ProcessDef;
  later?: Report['later'];
}

const NOTHING = (): void => undefined;

export class Judge {
  /** The findings so far (config severities applied, duplicates dropped). */
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  private readonly pending: Pending[] = [];
  /** Each walked process's calls (calledElement values in walk order): what the load order follows. */
  private readonly calls = new Map<ProcessDef, string[]>();
  private readonly shared = new Map<string, unknown>();
  private readonly lineIndexes = new Map<string, LineIndex>();
  private readonly active: Rule[];

  constructor(private readonly settings: Record<string, RuleSetting>) {
    this.active = rules.filter((r) => settings[r.id] !== 'off');
  }

  add(f: Finding): void {
    const setting = this.settings[f.ruleId];
    if (setting === 'off') return;
    if (setting) f.severity = setting;
    const key = `${f.ruleId}\0${f.file}\0${f.line}\0${f.column}\0${f.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push(f);
  }

  /** The 'walk' and 'files' rules on one directory's documents; then their trees are let go. */
  async directory(index: ModelsIndex, docs: (BpmnDoc | DmnDoc)[]): Promise<void> {
    const view = directoryView(index, docs);
    if (this.settings['python-syntax'] !== 'off') await loadPythonParser(view);
    let walks: ProcessWalk[] = [];
    const walkFailure = guarded('engine checks (the reachability walk)', view, (idx) => {
      const found: ProcessWalk[] = [];
      for (const doc of idx.bpmn.values()) {
        const walker = new DocWalker(doc);
        for (const def of doc.processes) found.push(walker.walk(def));
      }
      if (idx === view) walks = found;
    });
    // When the walk fails, the engine rules get no walk here (they report nothing) and rule-error says why.
    if (walkFailure) this.add(walkFailure);
    // Flat copies: they outlive the trees (see models/xml.ts flat).
    for (const walk of walks) this.calls.set(walk.process, walk.calls.map(flat));
    const processes = new Set(walks.map((w) => w.process));
    let all: Analysis | undefined;
    const single = new Map<ProcessWalk, Analysis>();
    for (const rule of this.active) {
      if (rule.scope === 'repo') continue;
      if (rule.scope === 'files') {
        this.run(rule, view, (all ??= analysisOf(walks, processes)));
        continue;
      }
      for (const walk of walks) {
        let analysis = single.get(walk);
        if (!analysis) single.set(walk, (analysis = analysisOf([walk], new Set([walk.process]))));
        this.run(rule, view, analysis, walk.process);
      }
    }
    for (const doc of docs) this.lineIndexes.delete(doc.file.path);
    letTreesGo(index, docs);
  }

  /** The 'repo' rules, then the findings that waited: every finding, in no particular order. */
  finish(index: ModelsIndex): Finding[] {
    const callable = callableProcesses(index);
    const called = resolver(callable);
    const loaded = new Set(loadOrder(index, (def) => this.calls.get(def) ?? [], called));
    const repo: RepoFacts = { index, loaded, called, callable };
    const analysis = analysisOf([], loaded);
    for (const rule of this.active) if (rule.scope === 'repo') this.run(rule, index, analysis);
    // File by file, each text read again once and let go after its findings are placed.
    const pending = this.pending
      .map((p, i) => ({ p, i }))
      .sort((a, b) =>
        a.p.finding.file < b.p.finding.file ? -1 : a.p.finding.file > b.p.finding.file ? 1 : a.i - b.i,
      );
    let last: RepoFile | undefined;
    for (const { p } of pending) {
      const { finding, place, process, later } = p;
      if (last && last !== place.file) this.letFileGo(last);
      last = place.file;
      if (process && !loaded.has(process)) continue;
      if (later) {
        let verdict: ReturnType<NonNullable<Report['later']>>;
        try {
          verdict = later(repo);
        } catch (err) {
          // Undecided: a rule-error at the finding's file, never a finding dropped quietly.
          this.add(ruleError(finding.ruleId, err, finding.file, finding.modelId));
          continue;
        }
        if (!verdict) continue;
        if (verdict.message !== undefined) finding.message = verdict.message;
        if (verdict.severity !== undefined) finding.severity = verdict.severity;
      }
      this.add({ ...finding, ...this.position(place) });
    }
    if (last) this.letFileGo(last);
    this.pending.length = 0;
    for (const f of index.loadFindings) this.add({ ...f });
    return this.findings;
  }

  // The rule running now and the process it runs on: one report and one shared function for every run (a
  // pair of closures per rule, process and directory was a tenth of the main thread's allocations).
  private rule: Rule | undefined;
  private process: ProcessDef | undefined;
  private readonly reportHere = (r: Report) => this.report(this.rule as Rule, r, this.process);
  private readonly sharedHere = <T>(make: () => T): T => {
    const id = (this.rule as Rule).id;
    if (!this.shared.has(id)) this.shared.set(id, make());
    return this.shared.get(id) as T;
  };

  private run(rule: Rule, index: ModelsIndex, analysis: Analysis, process?: ProcessDef): void {
    this.rule = rule;
    this.process = process;
    try {
      rule.check({ index, analysis, report: this.reportHere, shared: this.sharedHere });
    } catch (err) {
      const again = (idx: ModelsIndex) =>
        rule.check({ index: idx, analysis, report: NOTHING, shared: this.sharedHere });
      this.add(failureOf(rule.id, index, err, again));
    }
  }

  private report(rule: Rule, r: Report, process: ProcessDef | undefined): void {
    const place: Place = {
      file: r.file,
      offset: r.offset ?? r.node?.offset,
      attr: r.offset === undefined ? r.attr : undefined,
      line: r.line,
      column: r.column,
    };
    const finding = {
      ruleId: rule.id,
      severity: r.severity ?? rule.severity,
      // A flat copy: a message made from an element's values would hold on to the text they were cut from
      // (a worker's whole message of values; see models/xml.ts flat) for as long as the finding lives.
      message: flat(r.message),
      file: r.file.path,
      modelId: r.modelId === undefined ? r.file.modelId : r.modelId,
    };
    if (process || r.later) this.pending.push({ finding, place, process, later: r.later });
    else this.add({ ...finding, ...this.position(place) });
  }

  private letFileGo(file: RepoFile): void {
    this.lineIndexes.delete(file.path);
    forgetText(file);
  }

  /** The line and column of a place (the file's text is read again for it, once per directory). */
  private position(place: Place): { line: number; column: number } {
    if (place.line !== undefined) return { line: place.line, column: place.column ?? 1 };
    const { file } = place;
    if (place.offset === undefined) return { line: 1, column: 1 };
    const text = file.text;
    if (text === undefined) return { line: 1, column: 1 };
    const offset = place.attr ? attributeOffset(text, place.offset, place.attr) : place.offset;
    let li = this.lineIndexes.get(file.path);
    if (!li) this.lineIndexes.set(file.path, (li = new LineIndex(text)));
    const { line, column } = li.position(offset);
    return { line, column: column ?? 1 };
  }
}

/** The index as a directory's rules see it: only that directory's documents, processes and decisions. */
function directoryView(index: ModelsIndex, docs: (BpmnDoc | DmnDoc)[]): ModelsIndex {
  const bpmn = new Map<string, BpmnDoc>();
  const dmn = new Map<string, DmnDoc>();
  const processes = new Map<string, ProcessDef[]>();
  const decisionsByDir: ModelsIndex['decisionsByDir'] = new Map();
  for (const doc of docs) {
    if ('processes' in doc) {
      bpmn.set(doc.file.path, doc);
      for (const def of doc.processes) {
        const list = processes.get(def.id);
        if (list) list.push(def);
        else processes.set(def.id, [def]);
      }
    } else {
      dmn.set(doc.file.path, doc);
      const list = decisionsByDir.get(doc.file.dir);
      if (list) list.push(...doc.decisions);
      else decisionsByDir.set(doc.file.dir, [...doc.decisions]);
    }
  }
  return { ...index, bpmn, dmn, processes, decisionsByDir, calls: [], modelCalls: new Map() };
}
