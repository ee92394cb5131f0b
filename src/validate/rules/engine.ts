// The engine's own parse-time checks (SpiffWorkflow's ValidationExceptions), one rule per check, applied by
// the analysis to what the engine reaches from the start events of the processes it loads.
import type { EngineCheck } from '../analysis.js';
import type { Rule } from '../rule.js';

function engineRule(check: EngineCheck, description: string, fix: string): Rule {
  return {
    id: check,
    severity: 'error',
    description,
    fix,
    check({ analysis, report }) {
      for (const issue of analysis.issues)
        if (issue.check === check)
          report({ file: issue.file, node: issue.node, attr: issue.attr, message: issue.message });
    },
  };
}

export const engineRules: Rule[] = [
  engineRule(
    'process-not-executable',
    'a primary or called process has isExecutable="false"',
    'Set isExecutable="true" on the process (or remove the attribute).',
  ),
  engineRule(
    'no-start-event',
    'an executable process has no top-level start event',
    'Add a start event to the process.',
  ),
  engineRule(
    'unsupported-element',
    'a reachable flow node is of a kind the engine has no parser for (e.g. complexGateway)',
    'Replace the element with a supported task, event or gateway.',
  ),
  engineRule(
    'implicit-split',
    'a task or event other than a gateway or start event has more than one outgoing sequence flow',
    'Add a parallel or exclusive gateway to split the flow.',
  ),
  engineRule(
    'dangling-sequence-flow',
    'a sequence flow targets an id that no element (or more than one) of the file has',
    'Reconnect the flow in the modeler or fix its targetRef.',
  ),
  engineRule(
    'gateway-flow-condition',
    'an outgoing flow of an exclusive or inclusive gateway is neither the default nor conditioned',
    'Add a condition expression to the flow, or mark it as the default flow of the gateway.',
  ),
  engineRule(
    'subprocess-structure',
    'an embedded sub-process or transaction lacks exactly one start event or any end event',
    'Give the sub-process one start event and at least one end event.',
  ),
  engineRule(
    'call-activity',
    'a call activity has no calledElement, or calls a process id no BPMN file of the repo defines',
    'Choose the called process in the modeler; check the called model was not renamed or removed.',
  ),
  engineRule(
    'business-rule-task',
    'a business rule task has no calledDecisionId, or its decision is not the first decision of a .dmn in the same folder',
    'Pick the decision in the modeler and keep the .dmn file beside the .bpmn file.',
  ),
  engineRule(
    'service-task-operator',
    'a service task has no spiffworkflow:serviceTaskOperator with an id, or a parameter with a value lacks its id or type (the parser crashes)',
    'Select an operator for the service task in the modeler.',
  ),
  engineRule(
    'spiff-extension',
    'a spiffworkflow:property lacks its name or value, or a script unit test its id, inputJson or expectedOutputJson (the parser crashes)',
    'Re-save the task in the modeler, or add the missing attribute or element.',
  ),
  engineRule(
    'timer-definition',
    'a timer event has none of timeDate, timeDuration, timeCycle',
    'Set the timer type and expression in the modeler.',
  ),
  engineRule('conditional-event', 'a conditional event has no condition', 'Add the condition expression.'),
  engineRule(
    'event-reference',
    'a messageRef / signalRef / errorRef / escalationRef names no element of that kind',
    'Select an existing message, signal, error or escalation, or define it.',
  ),
  engineRule(
    'loop-characteristics',
    'multi-instance without exactly one of cardinality / input collection, or a loop without maximum or condition',
    'Complete the loop settings of the task.',
  ),
  engineRule(
    'data-association',
    'a data input/output association names no data object reference or data store reference',
    'Reconnect the association to an existing data object or data store.',
  ),
  engineRule(
    'cancel-event',
    'a cancel boundary event is attached to something other than a transaction',
    'Attach cancel events only to transaction sub-processes.',
  ),
];
