// Embedded sub-processes and transactions: the sub-process parser needs exactly one start event and an end
// event before it parses what is inside (the walk enters only those); an ad hoc sub-process may have neither.
import type { Rule } from '../../rule.js';
import { NS, childrenNamed } from '../../../models/xml.js';
import { reachedOf } from '../util.js';

export const subprocessStructure: Rule = {
  id: 'subprocess-structure',
  severity: 'error',
  scope: 'walk',
  description: 'an embedded sub-process or transaction lacks exactly one start event or any end event',
  fix: 'Give the sub-process one start event and at least one end event.',
  check({ analysis, report }) {
    for (const { node, doc } of reachedOf(analysis, 'subProcess', 'transaction')) {
      const id = node.attrs.id ?? '';
      const starts = childrenNamed(node, NS.bpmn, 'startEvent').length;
      if (starts !== 1)
        report({
          file: doc.file,
          node,
          message: `Exactly one start event is required in a SubWorkflow Task: sub-process '${id}' has ${starts}`,
        });
      else if (childrenNamed(node, NS.bpmn, 'endEvent').length === 0)
        report({
          file: doc.file,
          node,
          message: `A SubWorkflow Must contain an End event: sub-process '${id}' has none`,
        });
    }
  },
};

export const adhocSubprocess: Rule = {
  id: 'adhoc-subprocess',
  severity: 'error',
  scope: 'walk',
  description: 'an ad hoc sub-process contains a start or end event (the parser refuses them)',
  fix: 'Remove the start and end events from the ad hoc sub-process: its tasks without incoming flows start it.',
  check({ analysis, report }) {
    for (const { node, doc } of reachedOf(analysis, 'adHocSubProcess')) {
      const event = node.children.find(
        (c) => c.ns === NS.bpmn && (c.name === 'startEvent' || c.name === 'endEvent'),
      );
      if (event)
        report({
          file: doc.file,
          node: event,
          message: `Ad hoc subprocesses may not contain start or end events: remove ${event.name} '${event.attrs.id ?? ''}' from '${node.attrs.id ?? ''}' (its tasks without incoming flows are where it starts)`,
        });
    }
  },
};
