// What the engine reaches: SpiffWorkflow parses a model by walking its primary process from the start events
// (and its event sub-processes) along sequence flows, into boundary events, embedded sub-processes and called
// processes. The engine's checks
// (rules/engine/) read this walk and judge only what it reached. Every loop here is iterative: nesting depth
// must never become stack depth.
import type { BpmnDoc, ModelsIndex, ProcessDef } from '../models/types.js';
import { NS, childrenNamed } from '../models/xml.js';
import type { XNode } from '../models/xml.js';
import type { CallableProcesses } from './callable.js';

/** A flow node the engine parses, with the parser that parses it. */
export interface Reached {
  node: XNode;
  doc: BpmnDoc;
  /** The process or embedded sub-process whose parser parses the node. */
  container: XNode;
  /** The top-level process the container belongs to. */
  process: ProcessDef;
  /** The engine has a parser for this element kind (an unsupported one stops the walk there). */
  supported: boolean;
}

export interface Analysis {
  /** Every flow node the engine parses, supported or not, in walk order. */
  reached: Reached[];
  /**
   * The same records by file, each list in walk order: a rule whose findings need something a file does not
   * hold (its element lists say so) skips the file's nodes.
   */
  reachedByDoc: Map<BpmnDoc, Reached[]>;
  /** Supported reached nodes by local name ('userTask'). */
  byKind: Map<string, Reached[]>;
  /** Processes the engine would load (primaries and everything they call), executable or not. */
  loadedProcesses: Set<ProcessDef>;
  /** The outgoing sequence flows of a reached node, as its parser finds them. */
  outgoing(r: Reached): XNode[];
  /** How many there are (no list is built: most nodes have one, and the walk keeps that one as it is). */
  outgoingCount(r: Reached): number;
  /** The boundary events attached to a reached node, as its parser finds them. */
  boundaryEvents(r: Reached): XNode[];
  /**
   * The element a sequence flow of `r` leads to, as its parser finds it (the last one when several share the
   * id), or undefined when the parser finds none.
   */
  target(r: Reached, flow: XNode): XNode | undefined;
  /** The outgoing flows of supported reached nodes whose parser finds no target, in walk order. */
  unresolved: { r: Reached; flow: XNode }[];
}

/** Flow-node tags the engine has a parser for. */
export const ENGINE_TAGS = new Set([
  'startEvent',
  'endEvent',
  'userTask',
  'task',
  'subProcess',
  'manualTask',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'callActivity',
  'transaction',
  'scriptTask',
  'serviceTask',
  'intermediateCatchEvent',
  'intermediateThrowEvent',
  'boundaryEvent',
  'receiveTask',
  'sendTask',
  'eventBasedGateway',
  'businessRuleTask',
  'adHocSubProcess',
]);

/**
 * Where the parser of an ad hoc sub-process starts (AdHocParser.add_tasks): every flow node inside without
 * an incoming flow; it refuses start and end events inside (then undefined: the walk does not enter).
 */
export function adHocStarts(node: XNode, flows: XNode[]): XNode[] | undefined {
  const inner = node.children.filter((c) => c.ns === NS.bpmn && ENGINE_TAGS.has(c.name));
  if (inner.some((c) => c.name === 'startEvent' || c.name === 'endEvent')) return undefined;
  const targeted = new Set(flows.map((f) => f.attrs.targetRef));
  return inner.filter((c) => !targeted.has(c.attrs.id));
}

/** The engine parses an embedded sub-process only with exactly one start event and an end event. */
export function entersSubprocess(node: XNode): boolean {
  return (
    childrenNamed(node, NS.bpmn, 'startEvent').length === 1 &&
    childrenNamed(node, NS.bpmn, 'endEvent').length > 0
  );
}

/**
 * Where the parser of a process or embedded sub-process starts (ProcessParser.add_tasks): its start events, then
 * every direct child event sub-process (`./bpmn:subProcess[@triggeredByEvent='true']`), which no sequence flow
 * reaches but the engine parses all the same.
 */
export function containerStarts(container: XNode): XNode[] {
  return [
    ...childrenNamed(container, NS.bpmn, 'startEvent'),
    ...childrenNamed(container, NS.bpmn, 'subProcess').filter((c) => c.attrs.triggeredByEvent === 'true'),
  ];
}

/** One parser (of a process or an embedded sub-process): shared by the records of every node it parses. */
interface Scope {
  doc: BpmnDoc;
  container: XNode;
  process: ProcessDef;
  walker: DocWalker;
}

/** No flows or no boundary events (most nodes have none of the latter): one shared, frozen list. */
const NONE: XNode[] = Object.freeze([]) as unknown as XNode[];

/**
 * A reached node's record, with what its parser found (supported nodes only; the walk needs it anyway):
 * kept small, there is one per reached node. One outgoing flow (most nodes) is kept as itself, not in a
 * list, and so is its target; `tgt` holds the targets of `out` by position (null where the parser finds none).
 */
class Walked implements Reached {
  constructor(
    readonly node: XNode,
    readonly scope: Scope,
    readonly supported: boolean,
    readonly out: Flows | undefined,
    readonly bnd: XNode[] | undefined,
    readonly tgt: XNode | null | (XNode | null)[],
  ) {}
  get doc(): BpmnDoc {
    return this.scope.doc;
  }
  get container(): XNode {
    return this.scope.container;
  }
  get process(): ProcessDef {
    return this.scope.process;
  }
}

/** Sequence flows: one as itself, several in a list. */
type Flows = XNode | XNode[];

/** What the walk of one process found: its records in walk order, and what it calls. */
export interface ProcessWalk {
  process: ProcessDef;
  reached: Reached[];
  unresolved: Analysis['unresolved'];
  /** The calledElement of every supported call activity the walk met, in walk order. */
  calls: string[];
}

/**
 * Walks the processes of one file, each on its own, as the engine's parser of that process would (a called
 * process is another process's walk: see loadOrder). Holds the file's flow and boundary-event maps while the
 * file's processes are walked.
 */
export class DocWalker {
  private maps?: { flowsBySource: Map<string, Flows>; boundaryByHost: Map<string, XNode[]> };

  constructor(readonly doc: BpmnDoc) {}

  private mapsFor() {
    if (this.maps) return this.maps;
    const maps = { flowsBySource: new Map<string, Flows>(), boundaryByHost: new Map<string, XNode[]>() };
    for (const n of this.doc.elements.get('sequenceFlow') ?? [])
      if (n.attrs.sourceRef !== undefined) addFlow(maps.flowsBySource, n.attrs.sourceRef, n);
    for (const n of this.doc.elements.get('boundaryEvent') ?? [])
      if (n.attrs.attachedToRef !== undefined) append(maps.boundaryByHost, n.attrs.attachedToRef, n);
    return (this.maps = maps);
  }

  // Each process parser (one per process and per embedded sub-process) indexes only the elements inside its
  // own node, last one wins for a shared id (ProcessParser._index_process_nodes, SpiffWorkflow since
  // 2026-04-24): flows, boundary events and targets outside the container are not found.
  outgoingOf(node: XNode, container: XNode): Flows {
    const flows = this.mapsFor().flowsBySource.get(node.attrs.id ?? '');
    if (flows === undefined || Array.isArray(flows)) return within(container, flows);
    return isInside(flows, container) ? flows : NONE;
  }

  boundaryOf(node: XNode, container: XNode): XNode[] {
    return within(container, this.mapsFor().boundaryByHost.get(node.attrs.id ?? ''));
  }

  targetOf(flow: XNode, container: XNode): XNode | null {
    return this.doc.byId.findLast(flow.attrs.targetRef ?? '', (n) => isInside(n, container)) ?? null;
  }

  /** The walk of one process of this file (nothing for a process that is not executable). */
  walk(def: ProcessDef): ProcessWalk {
    const reached: Walked[] = [];
    const unresolved: Analysis['unresolved'] = [];
    const calls: string[] = [];
    const result: ProcessWalk = { process: def, reached, unresolved, calls };
    if (!def.executable) return result;
    const doc = this.doc;
    // Containers (the process and its embedded sub-processes) still to walk; each has its own parser and
    // its own set of parsed nodes, like the engine's per-process task specs.
    const containers: { scope: Scope; starts: XNode[] }[] = [
      { scope: { doc, container: def.node, process: def, walker: this }, starts: containerStarts(def.node) },
    ];
    while (containers.length) {
      const { scope, starts } = containers.pop() as (typeof containers)[number];
      const { container } = scope;
      const parsed = new Set<string>();
      const stack: XNode[] = [];
      for (let j = starts.length - 1; j >= 0; j--) stack.push(starts[j]);
      while (stack.length) {
        const node = stack.pop() as XNode;
        const id = node.attrs.id ?? '';
        if (parsed.has(id)) continue;
        parsed.add(id);
        if (node.ns !== NS.bpmn || !ENGINE_TAGS.has(node.name)) {
          reached.push(new Walked(node, scope, false, undefined, undefined, null));
          continue;
        }
        const bnd = this.boundaryOf(node, container);
        const out = this.outgoingOf(node, container);
        let tgt: Walked['tgt'] = null;
        if (!Array.isArray(out)) tgt = this.targetOf(out, container);
        else if (out.length === 1) tgt = this.targetOf(out[0], container);
        else if (out.length > 1) tgt = out.map((f) => this.targetOf(f, container));
        const w = new Walked(node, scope, true, out, bnd, tgt);
        reached.push(w);

        // Next: the boundary events, then the flows' targets, in document order.
        if (Array.isArray(tgt)) {
          for (let j = 0; j < tgt.length; j++)
            if (!tgt[j]) unresolved.push({ r: w, flow: (out as XNode[])[j] });
          for (let j = tgt.length - 1; j >= 0; j--) {
            const t = tgt[j];
            if (t) stack.push(t);
          }
        } else if (tgt) stack.push(tgt);
        else if (!Array.isArray(out)) unresolved.push({ r: w, flow: out });
        else if (out.length === 1) unresolved.push({ r: w, flow: out[0] });
        for (let j = bnd.length - 1; j >= 0; j--) stack.push(bnd[j]);

        if ((node.name === 'subProcess' || node.name === 'transaction') && entersSubprocess(node))
          containers.push({ scope: { ...scope, container: node }, starts: containerStarts(node) });
        else if (node.name === 'adHocSubProcess') {
          const flows = (doc.elements.get('sequenceFlow') ?? []).filter((f) => isInside(f, node));
          const inner = adHocStarts(node, flows);
          if (inner) containers.push({ scope: { ...scope, container: node }, starts: inner });
        } else if (node.name === 'callActivity' && node.attrs.calledElement)
          calls.push(node.attrs.calledElement);
      }
    }
    return result;
  }
}

function within(container: XNode, nodes: XNode[] | undefined): XNode[] {
  if (!nodes) return NONE;
  for (const n of nodes) if (!isInside(n, container)) return nodes.filter((m) => isInside(m, container));
  return nodes;
}

function outOf(r: Reached): Flows {
  const w = r as Walked;
  return w.out ?? w.scope.walker.outgoingOf(w.node, w.scope.container);
}

const outgoing = (r: Reached): XNode[] => {
  const out = outOf(r);
  return Array.isArray(out) ? out : [out];
};
const outgoingCount = (r: Reached): number => {
  const out = outOf(r);
  return Array.isArray(out) ? out.length : 1;
};
const boundaryEvents = (r: Reached): XNode[] => {
  const w = r as Walked;
  return w.bnd ?? w.scope.walker.boundaryOf(w.node, w.scope.container);
};
const target = (r: Reached, flow: XNode): XNode | undefined => {
  const w = r as Walked;
  const k = w.out === undefined ? -1 : Array.isArray(w.out) ? w.out.indexOf(flow) : w.out === flow ? 0 : -1;
  const t =
    k < 0 ? w.scope.walker.targetOf(flow, w.scope.container) : Array.isArray(w.tgt) ? w.tgt[k] : w.tgt;
  return t ?? undefined;
};

/** What the engine rules read: the given walks (in this order) of the given loaded processes. */
export function analysisOf(walks: ProcessWalk[], loadedProcesses: Set<ProcessDef>): Analysis {
  // One walk (a process's own, what most rules run on): its lists as they are.
  const one = walks.length === 1 ? walks[0] : undefined;
  const reached: Reached[] = one ? one.reached : [];
  const byDoc = new Map<BpmnDoc, Reached[]>();
  const byKind = new Map<string, Reached[]>();
  const unresolved: Analysis['unresolved'] = one ? one.unresolved : [];
  for (const walk of walks) {
    if (walk.reached.length === 0) continue;
    const doc = walk.reached[0].doc;
    let inDoc = byDoc.get(doc);
    if (!inDoc) byDoc.set(doc, (inDoc = one ? one.reached : []));
    for (const r of walk.reached) {
      if (!one) {
        reached.push(r);
        inDoc.push(r);
      }
      if (r.supported) push(byKind, r.node.name, r);
    }
    if (!one) for (const u of walk.unresolved) unresolved.push(u);
  }
  // A plain object: an accessor here made V8 build it in the old generation, whose pointers into the young
  // one kept every directory's walk and trees alive until the next full collection (70 MB more promoted on
  // the 3,000-model bench).
  return {
    reached,
    reachedByDoc: byDoc,
    byKind,
    loadedProcesses,
    outgoing,
    outgoingCount,
    boundaryEvents,
    target,
    unresolved,
  };
}

/**
 * The processes the engine loads, in the order it meets them: every model's primary (models in the index's
 * order), then what each loaded executable process calls, in the order its walk meets the call activities.
 * `callsOf` gives a process's walk (its calls), `called` what a calledElement resolves to.
 */
export function loadOrder(
  index: ModelsIndex,
  callsOf: (def: ProcessDef) => string[],
  called: (calledElement: string) => ProcessDef | undefined,
): ProcessDef[] {
  const loaded = new Set<ProcessDef>();
  const order: ProcessDef[] = [];
  const load = (def: ProcessDef) => {
    if (loaded.has(def)) return;
    loaded.add(def);
    order.push(def);
  };
  for (const model of index.models.values()) {
    const info = model.info;
    if (!info) continue;
    const primaryFile = typeof info.primary_file_name === 'string' ? info.primary_file_name : '';
    const primaryId = typeof info.primary_process_id === 'string' ? info.primary_process_id : '';
    if (!primaryFile || !primaryId) continue;
    const def = primaryProcessOf(index, model.id, model.dir, primaryFile, primaryId);
    if (def) load(def);
  }
  for (let i = 0; i < order.length; i++) {
    const def = order[i];
    if (!def.executable) continue;
    for (const calledElement of callsOf(def)) {
      const target = called(calledElement);
      if (target) load(target);
    }
  }
  return order;
}

/** The resolution of calledElement values, asked thousands of times for the same few ids. */
export function resolver(callable: CallableProcesses): (calledElement: string) => ProcessDef | undefined {
  const resolved = new Map<string, ProcessDef | null>();
  return (calledElement) => {
    let def = resolved.get(calledElement);
    if (def === undefined) resolved.set(calledElement, (def = callable.resolve(calledElement) ?? null));
    return def ?? undefined;
  };
}

/** `node` lies inside `container` (a descendant of it). */
export function isInside(node: XNode, container: XNode): boolean {
  for (let p = node.parent; p; p = p.parent) if (p === container) return true;
  return false;
}

/**
 * The definition of a model's primary process: in its primary file, else in another .bpmn of the model dir
 * (the backend loads every file of the directory into one parser and asks it for the id).
 */
export function primaryProcessOf(
  index: ModelsIndex,
  modelId: string,
  dir: string,
  primaryFile: string,
  primaryId: string,
): ProcessDef | undefined {
  const doc = index.bpmn.get(dir ? `${dir}/${primaryFile}` : primaryFile);
  return (
    doc?.processes.find((p) => p.id === primaryId) ??
    index.processes.get(primaryId)?.find((p) => p.modelId === modelId)
  );
}

/**
 * push for the short lists the walk keeps (one per reached node): a second element makes a list of exactly
 * two (push would reserve room for seventeen), a common case with gateways.
 */
function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list.length === 1) map.set(key, [list[0], value]);
  else list.push(value);
}

/** append for flows: the first is kept as itself (most nodes have one), a second makes a list of two. */
function addFlow(map: Map<string, Flows>, key: string, flow: XNode): void {
  const flows = map.get(key);
  if (flows === undefined) map.set(key, flow);
  else if (!Array.isArray(flows)) map.set(key, [flows, flow]);
  else flows.push(flow);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
