// Checks on the processes the engine loads and the kinds of node it meets: a process must be executable and
// have a start event, and every node the walk reaches needs a parser.
import type { Rule } from '../../rule.js';
import { NS, childrenNamed } from '../../../models/xml.js';

export const processNotExecutable: Rule = {
  id: 'process-not-executable',
  severity: 'error',
  scope: 'walk',
  description: 'a primary or called process has isExecutable="false"',
  fix: 'Set isExecutable="true" on the process (or remove the attribute).',
  check({ analysis, report }) {
    for (const def of analysis.loadedProcesses)
      if (!def.executable)
        report({
          file: def.file,
          node: def.node,
          attr: 'isExecutable',
          message: `Process ${def.id} is not executable: set isExecutable="true" (or remove the attribute) to run or call it`,
        });
  },
};

export const noStartEvent: Rule = {
  id: 'no-start-event',
  severity: 'error',
  scope: 'walk',
  description: 'an executable process has no top-level start event',
  fix: 'Add a start event to the process.',
  check({ analysis, report }) {
    for (const def of analysis.loadedProcesses)
      if (def.executable && childrenNamed(def.node, NS.bpmn, 'startEvent').length === 0)
        report({ file: def.file, node: def.node, message: `No start event found in process '${def.id}'` });
  },
};

export const unsupportedElement: Rule = {
  id: 'unsupported-element',
  severity: 'error',
  scope: 'walk',
  description: 'a reachable flow node is of a kind the engine has no parser for (e.g. complexGateway)',
  fix: 'Replace the element with a supported task, event or gateway.',
  check({ analysis, report }) {
    for (const { node, doc, supported } of analysis.reached)
      if (!supported)
        report({
          file: doc.file,
          node,
          message: `There is no support implemented for this task type: '${node.name}' ('${node.attrs.id ?? ''}') cannot be run by SpiffWorkflow`,
        });
  },
};
