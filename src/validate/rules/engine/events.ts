// Events: the event definitions each event parser reads, the elements they refer to, and where a cancel
// event may sit.
import type { Rule } from '../../rule.js';
import type { BpmnDoc } from '../../../models/types.js';
import { NS, descendants, firstChild } from '../../../models/xml.js';
import type { XNode } from '../../../models/xml.js';
import type { Analysis, Reached } from '../../reach.js';

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

/**
 * The event definitions of a reached event that its parser reads, with the event. Only the event kinds' own
 * lists are scanned (never every reached node); the report is sorted afterwards, so the order here is free.
 */
function* eventDefinitions(analysis: Analysis, names?: string[]): Generator<{ r: Reached; def: XNode }> {
  for (const kind in EVENT_DEFINITIONS) {
    const defs = EVENT_DEFINITIONS[kind];
    if (names && !names.some((n) => defs.includes(n))) continue;
    for (const r of analysis.byKind.get(kind) ?? [])
      for (const def of r.node.children)
        if (def.ns === NS.bpmn && defs.includes(def.name) && (!names || names.includes(def.name)))
          yield { r, def };
  }
}

function hasDescendant(node: XNode, names: string[]): boolean {
  for (const d of descendants(node)) if (d.ns === NS.bpmn && names.includes(d.name)) return true;
  return false;
}

export const timerDefinition: Rule = {
  id: 'timer-definition',
  severity: 'error',
  scope: 'walk',
  description: 'a timer event has none of timeDate, timeDuration, timeCycle',
  fix: 'Set the timer type and expression in the modeler.',
  check({ analysis, report }) {
    for (const { r, def } of eventDefinitions(analysis, ['timerEventDefinition']))
      if (!hasDescendant(def, ['timeDate', 'timeDuration', 'timeCycle']))
        report({
          file: r.doc.file,
          node: def,
          message: `Unknown Time Specification: timer of '${r.node.attrs.id}' needs a timeDate, timeDuration or timeCycle`,
        });
  },
};

export const conditionalEvent: Rule = {
  id: 'conditional-event',
  severity: 'error',
  scope: 'walk',
  description: 'a conditional event has no condition',
  fix: 'Add the condition expression.',
  check({ analysis, report }) {
    for (const { r, def } of eventDefinitions(analysis, ['conditionalEventDefinition']))
      if (!hasDescendant(def, ['condition']))
        report({
          file: r.doc.file,
          node: def,
          message: `Conditional event definition with missing condition on '${r.node.attrs.id}'`,
        });
  },
};

export const eventReference: Rule = {
  id: 'event-reference',
  severity: 'error',
  scope: 'walk',
  description: 'a messageRef / signalRef / errorRef / escalationRef names no element of that kind',
  fix: 'Select an existing message, signal, error or escalation, or define it.',
  check({ analysis, report }) {
    const check = (doc: BpmnDoc, node: XNode, [attr, target, label]: [string, string, string]) => {
      const value = node.attrs[attr];
      // The spiff message parser skips an empty messageRef (`if message_ref:`); the base parser checks any
      // signalRef/errorRef/escalationRef that is present (`is not None`).
      if (value === undefined || (attr === 'messageRef' && value === '')) return;
      const matches = (doc.byId.get(value) ?? []).filter((n) => n.name === target);
      if (matches.length !== 1)
        report({
          file: doc.file,
          node,
          attr,
          message:
            matches.length === 0
              ? `Expected ${label} node: ${attr}="${value}" names no bpmn:${target} in this file`
              : `Expected ${label} node: ${matches.length} bpmn:${target} elements have id '${value}'`,
        });
    };
    for (const { r, def } of eventDefinitions(analysis)) {
      const ref = EVENT_REFS[def.name];
      if (ref) check(r.doc, def, ref);
    }
    for (const kind of ['sendTask', 'receiveTask'])
      for (const r of analysis.byKind.get(kind) ?? [])
        if (r.node.attrs.messageRef) check(r.doc, r.node, EVENT_REFS.messageEventDefinition);
  },
};

export const cancelEvent: Rule = {
  id: 'cancel-event',
  severity: 'error',
  scope: 'walk',
  description: 'a cancel boundary event is attached to something other than a transaction',
  fix: 'Attach cancel events only to transaction sub-processes.',
  check({ analysis, report }) {
    for (const [doc, reached] of analysis.reachedByDoc) {
      // Only a file with a cancel boundary event has anything to report: its hosts are among its nodes.
      const isCancel = (b: XNode) => firstChild(b, NS.bpmn, 'cancelEventDefinition') !== undefined;
      if (!(doc.elements.get('boundaryEvent') ?? []).some(isCancel)) continue;
      for (const r of reached) {
        if (!r.supported || r.node.name === 'transaction') continue;
        for (const b of analysis.boundaryEvents(r))
          if (isCancel(b))
            report({
              file: doc.file,
              node: r.node,
              message: `Cancel Events may only be used with transactions: boundary event '${b.attrs.id}' is attached to a ${r.node.name}`,
            });
      }
    }
  },
};

export const boundaryEventDefinition: Rule = {
  id: 'boundary-event-definition',
  severity: 'error',
  scope: 'walk',
  description:
    'a boundary event has no event definition the engine reads (BoundaryEventParser: "Unsupported Catch Event")',
  fix: 'Give the boundary event a timer, message, signal, error, escalation, conditional or cancel definition, or remove it.',
  check({ analysis, report }) {
    const known = EVENT_DEFINITIONS.boundaryEvent;
    for (const { node, doc } of analysis.byKind.get('boundaryEvent') ?? []) {
      let found = false;
      for (const d of descendants(node)) if (d.ns === NS.bpmn && known.includes(d.name)) found = true;
      if (!found)
        report({
          file: doc.file,
          node,
          message: `Unsupported Catch Event: boundary event '${node.attrs.id ?? ''}' has no event definition the engine reads, and parsing fails`,
        });
    }
  },
};
