// Gateways: an exclusive or inclusive gateway connects each non-default outgoing flow through its condition;
// an event-based gateway collects the event definitions of the events it leads to.
import type { Rule } from '../../rule.js';
import { NS, firstChild } from '../../../models/xml.js';
import type { XNode } from '../../../models/xml.js';
import { reachedOf } from '../util.js';

/** The condition of a sequence flow, undefined when it has none (an empty expression counts as none). */
export function conditionOf(flow: XNode): string | undefined {
  const expr = firstChild(flow, NS.bpmn, 'conditionExpression');
  const text = expr?.text;
  return text && text.trim() ? text : undefined;
}

export const gatewayFlowCondition: Rule = {
  id: 'gateway-flow-condition',
  severity: 'error',
  scope: 'walk',
  description: 'an outgoing flow of an exclusive or inclusive gateway is neither the default nor conditioned',
  fix: 'Add a condition expression to the flow, or mark it as the default flow of the gateway.',
  check({ analysis, report }) {
    for (const r of reachedOf(analysis, 'exclusiveGateway', 'inclusiveGateway')) {
      // One flow is never reported (unconditioned, it becomes the default), nor flows that are all the
      // default or conditioned.
      if (analysis.outgoingCount(r) < 2) continue;
      const out = analysis.outgoing(r);
      const dflt = r.node.attrs.default;
      if (out.every((f) => f.attrs.id === dflt || conditionOf(f) !== undefined)) continue;
      const connected = out.filter((f) => analysis.target(r, f));
      if (!connected.length) continue;
      // A single unconditioned flow becomes the default (TaskParser.parse_node).
      let def = r.node.attrs.default;
      if (connected.length === 1 && conditionOf(connected[0]) === undefined) def = connected[0].attrs.id;
      for (const flow of connected)
        if (flow.attrs.id !== def && conditionOf(flow) === undefined)
          report({
            file: r.doc.file,
            node: flow,
            message: `Non-default exclusive outgoing sequence flow without condition: give '${flow.attrs.id}' a condition or make it the default flow of gateway '${r.node.attrs.id ?? ''}'`,
          });
    }
  },
};

/** Event definitions an intermediate catch event's parser turns into an event_definition. */
const CATCH_DEFINITIONS = new Set([
  'messageEventDefinition',
  'signalEventDefinition',
  'timerEventDefinition',
  'conditionalEventDefinition',
]);

export const eventGatewayTarget: Rule = {
  id: 'event-gateway-target',
  severity: 'error',
  scope: 'walk',
  description:
    'an event-based gateway leads to something other than a catching event with an event definition (the parser crashes)',
  fix: 'After an event-based gateway put only intermediate catch events (message, signal, timer, conditional) or receive tasks.',
  check({ analysis, report }) {
    for (const r of reachedOf(analysis, 'eventBasedGateway')) {
      for (const flow of analysis.outgoing(r)) {
        const t = analysis.target(r, flow);
        if (!t || t.ns !== NS.bpmn) continue;
        if (t.name === 'receiveTask') continue;
        if (
          t.name === 'intermediateCatchEvent' &&
          t.children.some((c) => c.ns === NS.bpmn && CATCH_DEFINITIONS.has(c.name))
        )
          continue;
        const what = t.name === 'intermediateCatchEvent' ? `${t.name} without an event definition` : t.name;
        report({
          file: r.doc.file,
          node: flow,
          attr: 'targetRef',
          message: `event-based gateway '${r.node.attrs.id ?? ''}' leads to ${what} '${t.attrs.id ?? ''}': the parser reads the event definition of every target (EventBasedGatewayParser.connect_outgoing) and crashes; put an intermediate catch event (message, signal, timer) or a receive task there`,
        });
      }
    }
  },
};
