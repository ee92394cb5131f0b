// Sequence flows as the task parser follows them: only gateways and start events may split, and every flow
// must lead to an element the parser can find.
import type { Rule } from '../../rule.js';

/** Kinds whose parser handles more than one outgoing flow (handles_multiple_outgoing). */
const MULTIPLE_OUTGOING = new Set([
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
  'eventBasedGateway',
  'startEvent',
]);

export const implicitSplit: Rule = {
  id: 'implicit-split',
  severity: 'error',
  description: 'a task or event other than a gateway or start event has more than one outgoing sequence flow',
  fix: 'Add a parallel or exclusive gateway to split the flow.',
  check({ analysis, report }) {
    for (const r of analysis.reached) {
      if (!r.supported || MULTIPLE_OUTGOING.has(r.node.name) || analysis.outgoing(r).length < 2) continue;
      report({
        file: r.doc.file,
        node: r.node,
        message: `Multiple outgoing flows are not supported for tasks of type ${r.node.name} ('${r.node.attrs.id}'): add a parallel or exclusive gateway after it`,
      });
    }
  },
};

export const danglingSequenceFlow: Rule = {
  id: 'dangling-sequence-flow',
  severity: 'error',
  description: 'a sequence flow targets an id that no element (or more than one) of the file has',
  fix: 'Reconnect the flow in the modeler or fix its targetRef.',
  check({ analysis, report }) {
    for (const r of analysis.reached) {
      if (!r.supported) continue;
      for (const flow of analysis.outgoing(r)) {
        const { node, count } = analysis.target(r, flow);
        if (node) continue;
        const targetRef = flow.attrs.targetRef ?? '';
        report({
          file: r.doc.file,
          node: flow,
          attr: 'targetRef',
          message:
            count === 0
              ? `sequence flow '${flow.attrs.id}' targets '${targetRef}', which is not an element of this file`
              : `sequence flow '${flow.attrs.id}' targets '${targetRef}', an id that ${count} elements share`,
        });
      }
    }
  },
};
