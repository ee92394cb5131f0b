// Sequence flows as the task parser follows them: only gateways and start events may split, and every flow
// must lead to an element the parser can find.
import type { Rule } from '../../rule.js';
import { NS } from '../../../models/xml.js';
import type { XNode } from '../../../models/xml.js';

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
  scope: 'walk',
  description: 'a task or event other than a gateway or start event has more than one outgoing sequence flow',
  fix: 'Add a parallel or exclusive gateway to split the flow.',
  check({ analysis, report }) {
    for (const r of analysis.reached) {
      if (!r.supported || analysis.outgoingCount(r) < 2 || MULTIPLE_OUTGOING.has(r.node.name)) continue;
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
  scope: 'walk',
  description:
    'a sequence flow targets an id that no element of its own process (or sub-process) has: another pool, or nowhere',
  fix: 'Reconnect the flow in the modeler or fix its targetRef; between pools use a message flow.',
  check({ analysis, report }) {
    for (const { r, flow } of analysis.unresolved) {
      const targetRef = flow.attrs.targetRef ?? '';
      const elsewhere = r.doc.byId.first(targetRef);
      const scope =
        r.container === r.process.node
          ? `process '${r.process.id}'`
          : `sub-process '${r.container.attrs.id ?? ''}'`;
      report({
        file: r.doc.file,
        node: flow,
        attr: 'targetRef',
        message: elsewhere
          ? `sequence flow '${flow.attrs.id}' targets '${targetRef}', which lies outside ${scope} (${where(elsewhere)}): each process parser finds only its own elements, so parsing fails ("When looking for a task spec, we found two items"); connect pools with a message flow`
          : `sequence flow '${flow.attrs.id}' targets '${targetRef}', which is not an element of this file`,
      });
    }
  },
};

/** Where an element lives, in the user's words: its innermost sub-process or its process. */
function where(node: XNode): string {
  for (let p = node.parent; p; p = p.parent) {
    if (p.ns !== NS.bpmn) continue;
    if (p.name === 'process') return `in process '${p.attrs.id ?? ''}'`;
    if (p.name === 'subProcess' || p.name === 'transaction') return `in sub-process '${p.attrs.id ?? ''}'`;
  }
  return 'outside every process';
}
