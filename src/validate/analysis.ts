// Walks processes the way SpiffWorkflow's parser does: from each runnable model's primary process, along
// sequence flows from the start events, into embedded sub-processes, boundary events and called processes.
// Each parse-time check of the engine (REFERENCE 6a) is one entry in a table keyed by element kind, applied
// only to elements the engine would reach. Rules read the resulting issues; nothing here reports directly.
import type { BpmnDoc, ModelsIndex, ProcessDef, RepoFile } from '../models/types.js';
import { NS, childrenNamed, descendants, firstChild } from '../models/xml.js';
import type { XNode } from '../models/xml.js';

export type EngineCheck =
  | 'process-not-executable'
  | 'no-start-event'
  | 'unsupported-element'
  | 'implicit-split'
  | 'dangling-sequence-flow'
  | 'gateway-flow-condition'
  | 'subprocess-structure'
  | 'call-activity'
  | 'business-rule-task'
  | 'service-task-operator'
  | 'timer-definition'
  | 'conditional-event'
  | 'event-reference'
  | 'loop-characteristics'
  | 'spiff-extension'
  | 'data-association'
  | 'cancel-event';

export interface EngineIssue {
  check: EngineCheck;
  file: RepoFile;
  node: XNode;
  attr?: string;
  message: string;
}

export interface Analysis {
  issues: EngineIssue[];
  /** Every flow node the engine would parse. */
  reachable: Set<XNode>;
  /** Processes the engine would load (primaries and everything they call). */
  loadedProcesses: Set<ProcessDef>;
}

/** Flow-node tags the engine has a parser for. */
const SUPPORTED = new Set([
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
]);

const MULTIPLE_OUTGOING = new Set([
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'startEvent',
]);

/** Event definitions the engine reads per event kind (others are ignored, like the engine does). */
const EVENT_DEFINITIONS: Record<string, string[]> = {
  startEvent: [
    'messageEventDefinition',
    'signalEventDefinition',
    'timerEventDefinition',
    'conditionalEventDefinition',
  ],
  endEvent: [
    'messageEventDefinition',
    'cancelEventDefinition',
    'errorEventDefinition',
    'escalationEventDefinition',
    'terminateEventDefinition',
  ],
  intermediateCatchEvent: [
    'messageEventDefinition',
    'signalEventDefinition',
    'timerEventDefinition',
    'conditionalEventDefinition',
  ],
  intermediateThrowEvent: ['messageEventDefinition', 'signalEventDefinition', 'escalationEventDefinition'],
  boundaryEvent: [
    'messageEventDefinition',
    'signalEventDefinition',
    'timerEventDefinition',
    'cancelEventDefinition',
    'errorEventDefinition',
    'escalationEventDefinition',
    'conditionalEventDefinition',
  ],
};

const EVENT_REFS: Record<string, [attr: string, target: string, label: string]> = {
  messageEventDefinition: ['messageRef', 'message', 'a Message'],
  signalEventDefinition: ['signalRef', 'signal', 'a Signal'],
  errorEventDefinition: ['errorRef', 'error', 'an Error'],
  escalationEventDefinition: ['escalationRef', 'escalation', 'an Escalation'],
};

export const KNOWN_DATA_STORES = new Set([
  'JSONDataStore',
  'JSONFileDataStore',
  'KKVDataStore',
  'TypeaheadDataStore',
]);

interface DocMaps {
  flowsBySource: Map<string, XNode[]>;
  boundaryByHost: Map<string, XNode[]>;
}

export function analyze(index: ModelsIndex): Analysis {
  const issues: EngineIssue[] = [];
  const reachable = new Set<XNode>();
  const loadedProcesses = new Set<ProcessDef>();
  const docMaps = new Map<BpmnDoc, DocMaps>();
  const dataStoreIds = new Set<string>();
  for (const doc of index.bpmn.values())
    for (const n of doc.elements.get('dataStore') ?? []) if (n.attrs.id) dataStoreIds.add(n.attrs.id);

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

  const issue = (check: EngineCheck, file: RepoFile, node: XNode, message: string, attr?: string) =>
    issues.push({ check, file, node, message, attr });

  const queue: ProcessDef[] = [];
  const enqueue = (def: ProcessDef) => {
    if (loadedProcesses.has(def)) return;
    loadedProcesses.add(def);
    queue.push(def);
  };

  for (const model of index.models.values()) {
    const info = model.info;
    if (!info) continue;
    const primaryFile = typeof info.primary_file_name === 'string' ? info.primary_file_name : '';
    const primaryId = typeof info.primary_process_id === 'string' ? info.primary_process_id : '';
    if (!primaryFile || !primaryId) continue;
    const def = primaryProcessOf(index, model.id, model.dir, primaryFile, primaryId);
    if (def) enqueue(def);
  }

  while (queue.length) {
    const def = queue.shift() as ProcessDef;
    const doc = index.bpmn.get(def.file.path) as BpmnDoc;
    if (!def.executable) {
      issue(
        'process-not-executable',
        def.file,
        def.node,
        `Process ${def.id} is not executable: set isExecutable="true" (or remove the attribute) to run or call it`,
        'isExecutable',
      );
      continue;
    }
    walkContainer(doc, def.node, true);
  }

  function walkContainer(doc: BpmnDoc, container: XNode, isProcess: boolean): void {
    const file = doc.file;
    const starts = childrenNamed(container, NS.bpmn, 'startEvent');
    if (isProcess && starts.length === 0) {
      issue('no-start-event', file, container, `No start event found in process '${container.attrs.id}'`);
      return;
    }
    const maps = mapsFor(doc);
    const parsed = new Set<string>();
    // Iterative (the engine recurses; a long chain must not overflow our stack).
    const stack: XNode[] = [...starts].reverse();
    while (stack.length) {
      const node = stack.pop() as XNode;
      const id = node.attrs.id ?? '';
      if (parsed.has(id)) continue;
      parsed.add(id);
      if (node.ns !== NS.bpmn || !SUPPORTED.has(node.name)) {
        issue(
          'unsupported-element',
          file,
          node,
          `There is no support implemented for this task type: '${node.name}' ('${id}') cannot be run by SpiffWorkflow`,
        );
        continue;
      }
      reachable.add(node);
      checkNode(doc, node);

      const next: XNode[] = [];
      for (const b of maps.boundaryByHost.get(id) ?? []) {
        next.push(b);
        if (firstChild(b, NS.bpmn, 'cancelEventDefinition') && node.name !== 'transaction') {
          issue(
            'cancel-event',
            file,
            node,
            `Cancel Events may only be used with transactions: boundary event '${b.attrs.id}' is attached to a ${node.name}`,
          );
        }
      }

      const outgoing = maps.flowsBySource.get(id) ?? [];
      if (outgoing.length > 1 && !MULTIPLE_OUTGOING.has(node.name)) {
        issue(
          'implicit-split',
          file,
          node,
          `Multiple outgoing flows are not supported for tasks of type ${node.name} ('${id}'): add a parallel or exclusive gateway after it`,
        );
      }
      const connected: XNode[] = [];
      for (const flow of outgoing) {
        const targetRef = flow.attrs.targetRef ?? '';
        const targets = doc.byId.get(targetRef) ?? [];
        if (targets.length !== 1) {
          issue(
            'dangling-sequence-flow',
            file,
            flow,
            targets.length === 0
              ? `sequence flow '${flow.attrs.id}' targets '${targetRef}', which is not an element of this file`
              : `sequence flow '${flow.attrs.id}' targets '${targetRef}', an id that ${targets.length} elements share`,
            'targetRef',
          );
          continue;
        }
        connected.push(flow);
        next.push(targets[0]);
      }
      if ((node.name === 'exclusiveGateway' || node.name === 'inclusiveGateway') && connected.length) {
        let def = node.attrs.default;
        if (connected.length === 1 && conditionOf(connected[0]) === undefined) def = connected[0].attrs.id;
        for (const flow of connected) {
          if (flow.attrs.id !== def && conditionOf(flow) === undefined) {
            issue(
              'gateway-flow-condition',
              file,
              flow,
              `Non-default exclusive outgoing sequence flow without condition: give '${flow.attrs.id}' a condition or make it the default flow of gateway '${id}'`,
            );
          }
        }
      }
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
    }
  }

  function checkNode(doc: BpmnDoc, node: XNode): void {
    const file = doc.file;
    const id = node.attrs.id ?? '';
    const defs = EVENT_DEFINITIONS[node.name];
    if (defs) {
      for (const child of node.children) {
        if (child.ns !== NS.bpmn || !defs.includes(child.name)) continue;
        checkEventDefinition(doc, node, child);
      }
    }
    if ((node.name === 'sendTask' || node.name === 'receiveTask') && node.attrs.messageRef) {
      checkRef(doc, node, 'messageRef', 'message', 'a Message');
    }
    switch (node.name) {
      case 'subProcess':
      case 'transaction': {
        const starts = childrenNamed(node, NS.bpmn, 'startEvent').length;
        const ends = childrenNamed(node, NS.bpmn, 'endEvent').length;
        if (starts !== 1)
          issue(
            'subprocess-structure',
            file,
            node,
            `Exactly one start event is required in a SubWorkflow Task: sub-process '${id}' has ${starts}`,
          );
        else if (ends === 0)
          issue(
            'subprocess-structure',
            file,
            node,
            `A SubWorkflow Must contain an End event: sub-process '${id}' has none`,
          );
        else walkContainer(doc, node, false);
        break;
      }
      case 'callActivity': {
        const called = node.attrs.calledElement;
        if (!called) {
          issue(
            'call-activity',
            file,
            node,
            `No "calledElement" attribute for Call Activity '${id}': choose the process to call`,
          );
          break;
        }
        const targets = index.processes.get(called);
        if (!targets?.length) {
          issue(
            'call-activity',
            file,
            node,
            `The process '${called}' was not found: call activity '${id}' calls a process id that no BPMN file in the repository defines`,
            'calledElement',
          );
          break;
        }
        enqueue(targets[0]);
        break;
      }
      case 'businessRuleTask':
        checkBusinessRule(file, node);
        break;
      case 'serviceTask': {
        const ext = firstChild(node, NS.bpmn, 'extensionElements');
        const op = ext && firstChild(ext, NS.spiff, 'serviceTaskOperator');
        if (!op || !op.attrs.id) {
          issue(
            'service-task-operator',
            file,
            node,
            `service task '${id}' has no spiffworkflow:serviceTaskOperator with an id: the parser crashes on it; pick an operator in the modeler`,
          );
        } else {
          // The spiff parser reads every spiffworkflow:parameter below the operator; one with a value needs
          // an id and a type (KeyError otherwise). No parameters at all is fine.
          for (const p of descendants(op)) {
            if (p.ns !== NS.spiff || p.name !== 'parameter' || p.attrs.value === undefined) continue;
            if (p.attrs.id === undefined || p.attrs.type === undefined)
              issue(
                'service-task-operator',
                file,
                p,
                `service task '${id}': a parameter of operator '${op.attrs.id}' has a value but no ${p.attrs.id === undefined ? 'id' : 'type'}: the parser crashes on it`,
              );
          }
        }
        break;
      }
      // scriptTask: the spiff parser takes the last bpmn:script child and never raises (script-empty warns).
    }
    checkSpiffExtensions(file, node);
    // One pass over the children for loop settings and data associations (most nodes have none).
    for (const child of node.children) {
      if (child.ns !== NS.bpmn) continue;
      switch (child.name) {
        case 'multiInstanceLoopCharacteristics':
          checkMultiInstance(file, node, child);
          break;
        case 'standardLoopCharacteristics':
          checkStandardLoop(file, node, child);
          break;
        case 'dataInputAssociation':
          checkDataAssociation(doc, node, child, 'sourceRef', 'dataInputAssociation');
          break;
        case 'dataOutputAssociation':
          checkDataAssociation(doc, node, child, 'targetRef', 'dataOutputAssociation');
          break;
      }
    }
  }

  function checkEventDefinition(doc: BpmnDoc, event: XNode, def: XNode): void {
    const file = doc.file;
    const ref = EVENT_REFS[def.name];
    if (ref) {
      checkRef(doc, def, ref[0], ref[1], ref[2]);
      return;
    }
    if (def.name === 'timerEventDefinition') {
      let found = false;
      for (const d of descendants(def)) {
        if (
          d.ns === NS.bpmn &&
          (d.name === 'timeDate' || d.name === 'timeDuration' || d.name === 'timeCycle')
        ) {
          found = true;
          break;
        }
      }
      if (!found)
        issue(
          'timer-definition',
          file,
          def,
          `Unknown Time Specification: timer of '${event.attrs.id}' needs a timeDate, timeDuration or timeCycle`,
        );
    } else if (def.name === 'conditionalEventDefinition') {
      let found = false;
      for (const d of descendants(def)) if (d.ns === NS.bpmn && d.name === 'condition') found = true;
      if (!found)
        issue(
          'conditional-event',
          file,
          def,
          `Conditional event definition with missing condition on '${event.attrs.id}'`,
        );
    }
  }

  function checkRef(doc: BpmnDoc, node: XNode, attr: string, target: string, label: string): void {
    const value = node.attrs[attr];
    // The spiff message parser skips an empty messageRef (`if message_ref:`); the base parser checks any
    // signalRef/errorRef/escalationRef that is present (`is not None`).
    if (value === undefined || (attr === 'messageRef' && value === '')) return;
    const matches = (doc.byId.get(value) ?? []).filter((n) => n.name === target);
    if (matches.length !== 1) {
      issue(
        'event-reference',
        doc.file,
        node,
        matches.length === 0
          ? `Expected ${label} node: ${attr}="${value}" names no bpmn:${target} in this file`
          : `Expected ${label} node: ${matches.length} bpmn:${target} elements have id '${value}'`,
        attr,
      );
    }
  }

  function checkBusinessRule(file: RepoFile, node: XNode): void {
    const id = node.attrs.id ?? '';
    const ext = firstChild(node, NS.bpmn, 'extensionElements');
    const decisionNode = ext && firstChild(ext, NS.spiff, 'calledDecisionId');
    const decisionId = decisionNode?.text.trim() ?? '';
    if (!decisionId) {
      issue(
        'business-rule-task',
        file,
        node,
        `business rule task '${id}' has no spiffworkflow:calledDecisionId: choose the DMN decision it evaluates`,
      );
      return;
    }
    const inDir = index.decisionsByDir.get(file.dir) ?? [];
    if (inDir.some((d) => d.first && d.id === decisionId)) return;
    const notFirst = inDir.find((d) => d.id === decisionId);
    issue(
      'business-rule-task',
      file,
      decisionNode ?? node,
      notFirst
        ? `decision '${decisionId}' is not the first decision of ${notFirst.file.name}: the engine only finds the first decision of a DMN file; move it to a file of its own`
        : `No DMN Diagram available with id "${decisionId}": no .dmn file in ${file.dir || 'the models root'} starts with that decision (business rule task '${id}')`,
    );
  }

  /** spiffworkflow extensions the spiff task parser reads with attrib[...] (a KeyError when missing). */
  function checkSpiffExtensions(file: RepoFile, node: XNode): void {
    // Gateways keep the base parser, which reads no spiffworkflow extensions.
    if (node.name.endsWith('Gateway')) return;
    const ext = firstChild(node, NS.bpmn, 'extensionElements');
    if (!ext) return;
    for (const e of ext.children) {
      if (e.ns !== NS.spiff) continue;
      if (e.name === 'properties') {
        for (const p of descendants(e)) {
          if (p.ns !== NS.spiff || p.name !== 'property') continue;
          const missing =
            p.attrs.name === undefined ? 'name' : p.attrs.value === undefined ? 'value' : undefined;
          if (missing)
            issue(
              'spiff-extension',
              file,
              p,
              `a spiffworkflow:property of '${node.attrs.id}' has no ${missing} attribute: the parser crashes on it`,
            );
        }
      } else if (e.name === 'unitTests') {
        for (const t of descendants(e)) {
          if (t.ns !== NS.spiff || t.name !== 'unitTest') continue;
          const has = (n: string) => [...descendants(t)].some((c) => c.ns === NS.spiff && c.name === n);
          const missing =
            t.attrs.id === undefined
              ? 'an id'
              : !has('inputJson')
                ? 'an inputJson'
                : !has('expectedOutputJson')
                  ? 'an expectedOutputJson'
                  : undefined;
          if (missing)
            issue(
              'spiff-extension',
              file,
              t,
              `a script unit test of '${node.attrs.id}' has no ${missing.replace(/^an? /, '')}: the parser crashes on it`,
            );
        }
      }
    }
  }

  function checkMultiInstance(file: RepoFile, node: XNode, mi: XNode): void {
    const card = firstChild(mi, NS.bpmn, 'loopCardinality');
    const input = firstChild(mi, NS.bpmn, 'loopDataInputRef');
    if (!card === !input)
      issue(
        'loop-characteristics',
        file,
        mi,
        `A multiinstance task must specify exactly one of cardinality or loop input data reference ('${node.attrs.id}' has ${card ? 'both' : 'neither'})`,
      );
    // With an ioSpecification on the task, the loop references must name its data inputs (outputs).
    const io = firstChild(node, NS.bpmn, 'ioSpecification');
    if (!io) return;
    const names = (kind: string) =>
      new Set(childrenNamed(io, NS.bpmn, kind).flatMap((d) => [d.attrs.id, d.attrs.name].filter(Boolean)));
    const inputs = names('dataInput');
    const outputs = names('dataOutput');
    const output = firstChild(mi, NS.bpmn, 'loopDataOutputRef');
    if (input && !inputs.has(input.text.trim()))
      issue(
        'loop-characteristics',
        file,
        input,
        `The loop input data reference is missing from the IO specification: '${input.text.trim()}' is no data input of '${node.attrs.id}'`,
      );
    if (output && !inputs.has(output.text.trim()) && !outputs.has(output.text.trim()))
      issue(
        'loop-characteristics',
        file,
        output,
        `The loop output data reference is missing from the IO specification: '${output.text.trim()}' is no data input or output of '${node.attrs.id}'`,
      );
  }

  function checkStandardLoop(file: RepoFile, node: XNode, std: XNode): void {
    // An empty loopCondition is no condition for the engine (its text is None).
    const condition = firstChild(std, NS.bpmn, 'loopCondition');
    if (std.attrs.loopMaximum === undefined && !condition?.text.trim())
      issue(
        'loop-characteristics',
        file,
        std,
        `A loopMaximum or loopCondition must be specified for Loop Tasks ('${node.attrs.id}')`,
      );
  }

  function checkDataAssociation(
    doc: BpmnDoc,
    node: XNode,
    assoc: XNode,
    refName: string,
    label: string,
  ): void {
    for (const ref of childrenNamed(assoc, NS.bpmn, refName)) {
      const target = ref.text.trim();
      const found = (doc.byId.get(target) ?? []).some((n) => {
        if (n.name === 'dataObjectReference')
          return (doc.byId.get(n.attrs.dataObjectRef ?? '') ?? []).some((o) => o.name === 'dataObject');
        if (n.name === 'dataStoreReference') return dataStoreIds.has(n.attrs.dataStoreRef ?? '');
        return false;
      });
      if (!found)
        issue(
          'data-association',
          doc.file,
          ref,
          `Cannot resolve ${label} '${target}' of '${node.attrs.id}': it names no data object reference (with a data object) or data store reference`,
        );
    }
  }

  return { issues, reachable, loadedProcesses };
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

/** The condition of a sequence flow, undefined when it has none (an empty expression counts as none). */
export function conditionOf(flow: XNode): string | undefined {
  const expr = firstChild(flow, NS.bpmn, 'conditionExpression');
  const text = expr?.text;
  return text && text.trim() ? text : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
