// What the engine reaches: SpiffWorkflow parses a model by walking its primary process from the start events
// (and its event sub-processes) along sequence flows, into boundary events, embedded sub-processes and called
// processes. The engine's checks
// (rules/engine/) read this walk and judge only what it reached. Every loop here is iterative: nesting depth
// must never become stack depth.
import type { BpmnDoc, ModelsIndex, ProcessDef } from '../models/types.js';
import { NS, childrenNamed } from '../models/xml.js';
import type { XNode } from '../models/xml.js';
import { callableProcesses } from './callable.js';
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
  /** The supported nodes among them (built on first use: hashing every reached node costs more than the walk). */
  readonly reachable: Set<XNode>;
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
  /** The definition a call activity's calledElement resolves to, if any. */
  called(calledElement: string): ProcessDef | undefined;
  /** What call activities can reach: the backend's boot-time reference cache. */
  callable: CallableProcesses;
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

interface DocMaps {
  flowsBySource: Map<string, Flows>;
  boundaryByHost: Map<string, XNode[]>;
}

export function analyze(index: ModelsIndex): Analysis {
  const reached: Walked[] = [];
  const byDoc = new Map<BpmnDoc, Reached[]>();
  const byKind = new Map<string, Reached[]>();
  const unresolved: Analysis['unresolved'] = [];
  const loadedProcesses = new Set<ProcessDef>();
  const docMaps = new Map<BpmnDoc, DocMaps>();

  const mapsFor = (doc: BpmnDoc): DocMaps => {
    let maps = docMaps.get(doc);
    if (maps) return maps;
    maps = { flowsBySource: new Map(), boundaryByHost: new Map() };
    for (const n of doc.elements.get('sequenceFlow') ?? [])
      if (n.attrs.sourceRef !== undefined) addFlow(maps.flowsBySource, n.attrs.sourceRef, n);
    for (const n of doc.elements.get('boundaryEvent') ?? [])
      if (n.attrs.attachedToRef !== undefined) append(maps.boundaryByHost, n.attrs.attachedToRef, n);
    docMaps.set(doc, maps);
    return maps;
  };

  // Each process parser (one per process and per embedded sub-process) indexes only the elements inside its
  // own node, last one wins for a shared id (ProcessParser._index_process_nodes, SpiffWorkflow since
  // 2026-04-24): flows, boundary events and targets outside the container are not found.
  // The walk answers these once per supported node and keeps the answers on its record (several rules ask
  // for the same ones); an unsupported node's are computed when asked.
  const within = (container: XNode, nodes: XNode[] | undefined): XNode[] => {
    if (!nodes) return NONE;
    for (const n of nodes) if (!isInside(n, container)) return nodes.filter((m) => isInside(m, container));
    return nodes;
  };
  const outgoingOf = (node: XNode, scope: Scope): Flows => {
    const flows = mapsFor(scope.doc).flowsBySource.get(node.attrs.id ?? '');
    if (flows === undefined || Array.isArray(flows)) return within(scope.container, flows);
    return isInside(flows, scope.container) ? flows : NONE;
  };
  const outOf = (r: Reached): Flows => {
    const w = r as Walked;
    return w.out ?? outgoingOf(w.node, w.scope);
  };
  const boundaryOf = (node: XNode, scope: Scope): XNode[] =>
    within(scope.container, mapsFor(scope.doc).boundaryByHost.get(node.attrs.id ?? ''));
  const targetOf = (flow: XNode, scope: Scope): XNode | null => {
    return scope.doc.byId.findLast(flow.attrs.targetRef ?? '', (n) => isInside(n, scope.container)) ?? null;
  };
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
    return w.bnd ?? boundaryOf(w.node, w.scope);
  };
  const target = (r: Reached, flow: XNode): XNode | undefined => {
    const w = r as Walked;
    const k = w.out === undefined ? -1 : Array.isArray(w.out) ? w.out.indexOf(flow) : w.out === flow ? 0 : -1;
    const t = k < 0 ? targetOf(flow, w.scope) : Array.isArray(w.tgt) ? w.tgt[k] : w.tgt;
    return t ?? undefined;
  };
  const callable = callableProcesses(index);
  // The walk and call-activity ask for the same few ids thousands of times.
  const resolved = new Map<string, ProcessDef | null>();
  const called = (calledElement: string): ProcessDef | undefined => {
    let def = resolved.get(calledElement);
    if (def === undefined) resolved.set(calledElement, (def = callable.resolve(calledElement) ?? null));
    return def ?? undefined;
  };

  const processQueue: ProcessDef[] = [];
  const load = (def: ProcessDef) => {
    if (loadedProcesses.has(def)) return;
    loadedProcesses.add(def);
    processQueue.push(def);
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

  // Containers (processes and embedded sub-processes) still to walk; each has its own parser and its own
  // set of parsed nodes, like the engine's per-process task specs.
  const containers: { scope: Scope; starts: XNode[] }[] = [];
  for (let i = 0; i < processQueue.length || containers.length;) {
    if (!containers.length) {
      const def = processQueue[i++];
      if (!def.executable) continue;
      const doc = index.bpmn.get(def.file.path) as BpmnDoc;
      containers.push({
        scope: { doc, container: def.node, process: def },
        starts: containerStarts(def.node),
      });
      continue;
    }
    const { scope, starts } = containers.pop() as (typeof containers)[number];
    const { doc, process } = scope;
    let inDoc = byDoc.get(doc);
    if (!inDoc) byDoc.set(doc, (inDoc = []));
    const parsed = new Set<string>();
    const stack: XNode[] = [];
    for (let j = starts.length - 1; j >= 0; j--) stack.push(starts[j]);
    while (stack.length) {
      const node = stack.pop() as XNode;
      const id = node.attrs.id ?? '';
      if (parsed.has(id)) continue;
      parsed.add(id);
      if (node.ns !== NS.bpmn || !ENGINE_TAGS.has(node.name)) {
        const w = new Walked(node, scope, false, undefined, undefined, null);
        reached.push(w);
        inDoc.push(w);
        continue;
      }
      const bnd = boundaryOf(node, scope);
      const out = outgoingOf(node, scope);
      let tgt: Walked['tgt'] = null;
      if (!Array.isArray(out)) tgt = targetOf(out, scope);
      else if (out.length === 1) tgt = targetOf(out[0], scope);
      else if (out.length > 1) tgt = out.map((f) => targetOf(f, scope));
      const w = new Walked(node, scope, true, out, bnd, tgt);
      reached.push(w);
      inDoc.push(w);
      push(byKind, node.name, w);

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
        containers.push({ scope: { doc, container: node, process }, starts: containerStarts(node) });
      else if (node.name === 'adHocSubProcess') {
        const flows = (doc.elements.get('sequenceFlow') ?? []).filter((f) => isInside(f, node));
        const inner = adHocStarts(node, flows);
        if (inner) containers.push({ scope: { doc, container: node, process }, starts: inner });
      } else if (node.name === 'callActivity' && node.attrs.calledElement) {
        const def = called(node.attrs.calledElement);
        if (def) load(def);
      }
    }
  }
  // The records hold what the walk found; the maps are rebuilt only if an unsupported node is asked about.
  docMaps.clear();

  let reachable: Set<XNode> | undefined;
  return {
    reached,
    reachedByDoc: byDoc,
    get reachable() {
      return (reachable ??= new Set(reached.filter((r) => r.supported).map((r) => r.node)));
    },
    byKind,
    loadedProcesses,
    outgoing,
    outgoingCount,
    boundaryEvents,
    target,
    unresolved,
    called,
    callable,
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
