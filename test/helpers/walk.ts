// The engine walk of a whole repository, composed from validate's pieces the way validate/judge.ts uses them
// (each process walked on its own, the load order from the primaries and each walk's calls), for tests that
// look at the walk itself rather than at findings.
import type { BpmnDoc, ModelsIndex, ProcessDef } from '../../src/models/types.js';
import type { XNode } from '../../src/models/xml.js';
import { callableProcesses, type CallableProcesses } from '../../src/validate/callable.js';
import {
  DocWalker,
  analysisOf,
  loadOrder,
  resolver,
  type Analysis,
  type ProcessWalk,
} from '../../src/validate/reach.js';

/** The walk of a whole repository, with how its call activities resolve. */
export interface RepoAnalysis extends Analysis {
  called(calledElement: string): ProcessDef | undefined;
  callable: CallableProcesses;
}

/** What the processes the engine loads reach, in load order, each process's records in walk order. */
export function analyze(index: ModelsIndex): RepoAnalysis {
  const callable = callableProcesses(index);
  const called = resolver(callable);
  const walkers = new Map<BpmnDoc, DocWalker>();
  const walks = new Map<ProcessDef, ProcessWalk>();
  const walkOf = (def: ProcessDef): ProcessWalk => {
    let walk = walks.get(def);
    if (walk) return walk;
    const doc = index.bpmn.get(def.file.path) as BpmnDoc;
    let walker = walkers.get(doc);
    if (!walker) walkers.set(doc, (walker = new DocWalker(doc)));
    walks.set(def, (walk = walker.walk(def)));
    return walk;
  };
  const order = loadOrder(index, (def) => walkOf(def).calls, called);
  const analysis = analysisOf(order.filter((def) => def.executable).map(walkOf), new Set(order));
  return Object.assign(analysis, { called, callable });
}

/** The supported nodes an analysis reached. */
export function reachableNodes(analysis: Analysis): Set<XNode> {
  return new Set(analysis.reached.filter((r) => r.supported).map((r) => r.node));
}
