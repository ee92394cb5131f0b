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

/** Where a sequence flow leads for the parser that follows it. */
export interface FlowTarget {
  /** The element the parser finds (the last one when several share the id). */
  node?: XNode;
  /** How many elements carry the target id where the parser looks. */
  count: number;
}

export interface Analysis {
  /** Every flow node the engine parses, supported or not, in walk order. */
  reached: Reached[];
  /** The supported nodes among them (built on first use: hashing every reached node costs more than the walk). */
  readonly reachable: Set<XNode>;
  /** Supported reached nodes by local name ('userTask'). */
  byKind: Map<string, Reached[]>;
  /** Processes the engine would load (primaries and everything they call), executable or not. */
  loadedProcesses: Set<ProcessDef>;
  /** The outgoing sequence flows of a reached node, as its parser finds them. */
  outgoing(r: Reached): XNode[];
  /** The boundary events attached to a reached node, as its parser finds them. */
  boundaryEvents(r: Reached): XNode[];
  /** The element a sequence flow of `r` leads to. */
  target(r: Reached, flow: XNode): FlowTarget;
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

/** A reached node's record as analyze keeps it: with what it has answered about the node. */
interface Walked extends Reached {
  outgoing: XNode[] | undefined;
  boundary: XNode[] | undefined;
  /** Targets of `outgoing`, by position. */
  targets: (FlowTarget | undefined)[] | undefined;
}

interface DocMaps {
  flowsBySource: Map<string, XNode[]>;
  boundaryByHost: Map<string, XNode[]>;
}

export function analyze(index: ModelsIndex): Analysis {
  const reached: Reached[] = [];
  const byKind = new Map<string, Reached[]>();
  const loadedProcesses = new Set<ProcessDef>();
  const docMaps = new Map<BpmnDoc, DocMaps>();

  const mapsFor = (doc: BpmnDoc): DocMaps => {
    let maps = docMaps.get(doc);
    if (maps) return maps;
    maps = { flowsBySource: new Map(), boundaryByHost: new Map() };
    for (const n of doc.elements.get('sequenceFlow') ?? [])
      if (n.attrs.sourceRef !== undefined) push(maps.flowsBySource, n.attrs.sourceRef, n);
    for (const n of doc.elements.get('boundaryEvent') ?? [])
      if (n.attrs.attachedToRef !== undefined) push(maps.boundaryByHost, n.attrs.attachedToRef, n);
    docMaps.set(doc, maps);
    return maps;
  };

  // Each process parser (one per process and per embedded sub-process) indexes only the elements inside its
  // own node, last one wins for a shared id (ProcessParser._index_process_nodes, SpiffWorkflow since
  // 2026-04-24): flows, boundary events and targets outside the container are not found.
  // Each answer is computed once per reached node (the walk and several rules ask for the same ones) and
  // kept on the node's record: a field read, not a map lookup.
  const within = (r: Reached, nodes: XNode[]): XNode[] => {
    let all = true;
    for (const n of nodes) if (!isInside(n, r.container)) all = false;
    return all ? nodes : nodes.filter((n) => isInside(n, r.container));
  };
  const outgoing = (r: Reached): XNode[] =>
    ((r as Walked).outgoing ??= within(r, mapsFor(r.doc).flowsBySource.get(r.node.attrs.id ?? '') ?? []));
  const boundaryEvents = (r: Reached): XNode[] =>
    ((r as Walked).boundary ??= within(r, mapsFor(r.doc).boundaryByHost.get(r.node.attrs.id ?? '') ?? []));
  const target = (r: Reached, flow: XNode): FlowTarget => {
    const w = r as Walked;
    const out = outgoing(r);
    const targets = (w.targets ??= new Array<FlowTarget | undefined>(out.length).fill(undefined));
    const k = out.indexOf(flow);
    if (k >= 0 && targets[k]) return targets[k];
    const found = within(r, r.doc.byId.get(flow.attrs.targetRef ?? '') ?? []);
    const t = { node: found[found.length - 1], count: found.length };
    if (k >= 0) targets[k] = t;
    return t;
  };
  const callable = callableProcesses(index);
  const called = (calledElement: string) => callable.resolve(calledElement);

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
  const containers: { doc: BpmnDoc; container: XNode; process: ProcessDef; starts: XNode[] }[] = [];
  for (let i = 0; i < processQueue.length || containers.length;) {
    if (!containers.length) {
      const def = processQueue[i++];
      if (!def.executable) continue;
      const starts = containerStarts(def.node);
      containers.push({
        doc: index.bpmn.get(def.file.path) as BpmnDoc,
        container: def.node,
        process: def,
        starts,
      });
      continue;
    }
    const { doc, container, process, starts } = containers.pop() as (typeof containers)[number];
    const parsed = new Set<string>();
    const stack: XNode[] = [...starts].reverse();
    while (stack.length) {
      const node = stack.pop() as XNode;
      const id = node.attrs.id ?? '';
      if (parsed.has(id)) continue;
      parsed.add(id);
      const supported = node.ns === NS.bpmn && ENGINE_TAGS.has(node.name);
      const r: Walked = {
        node,
        doc,
        container,
        process,
        supported,
        outgoing: undefined,
        boundary: undefined,
        targets: undefined,
      };
      reached.push(r);
      if (!supported) continue;
      push(byKind, node.name, r);

      const next: XNode[] = [...boundaryEvents(r)];
      for (const flow of outgoing(r)) {
        const t = target(r, flow).node;
        if (t) next.push(t);
      }
      for (let j = next.length - 1; j >= 0; j--) stack.push(next[j]);

      if ((node.name === 'subProcess' || node.name === 'transaction') && entersSubprocess(node))
        containers.push({
          doc,
          container: node,
          process,
          starts: containerStarts(node),
        });
      else if (node.name === 'adHocSubProcess') {
        const flows = (doc.elements.get('sequenceFlow') ?? []).filter((f) => isInside(f, node));
        const inner = adHocStarts(node, flows);
        if (inner) containers.push({ doc, container: node, process, starts: inner });
      } else if (node.name === 'callActivity' && node.attrs.calledElement) {
        const def = called(node.attrs.calledElement);
        if (def) load(def);
      }
    }
  }

  let reachable: Set<XNode> | undefined;
  return {
    reached,
    get reachable() {
      return (reachable ??= new Set(reached.filter((r) => r.supported).map((r) => r.node)));
    },
    byKind,
    loadedProcesses,
    outgoing,
    boundaryEvents,
    target,
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
