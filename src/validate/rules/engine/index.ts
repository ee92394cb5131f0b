// The engine's parse-time checks (SpiffWorkflow's ValidationExceptions and the crashes its parsers hit), one
// rule each, judged on what the walk (../../reach.ts) reached. A new engine check is a rule in the module of
// its element kind and one entry here.
import type { Rule } from '../../rule.js';
import { noStartEvent, processNotExecutable, unsupportedElement } from './processes.js';
import { danglingSequenceFlow, implicitSplit } from './flows.js';
import { eventGatewayTarget, gatewayFlowCondition } from './gateways.js';
import { adhocSubprocess, subprocessStructure } from './sub-processes.js';
import { businessRuleTask, callActivity, serviceTaskOperator, spiffExtension } from './activities.js';
import {
  boundaryEventDefinition,
  cancelEvent,
  conditionalEvent,
  eventReference,
  timerDefinition,
} from './events.js';
import { loopCharacteristics } from './loops.js';
import { dataAssociation } from './data.js';

export const engineRules: Rule[] = [
  processNotExecutable,
  noStartEvent,
  unsupportedElement,
  implicitSplit,
  danglingSequenceFlow,
  gatewayFlowCondition,
  eventGatewayTarget,
  subprocessStructure,
  adhocSubprocess,
  callActivity,
  businessRuleTask,
  serviceTaskOperator,
  spiffExtension,
  timerDefinition,
  conditionalEvent,
  eventReference,
  loopCharacteristics,
  dataAssociation,
  cancelEvent,
  boundaryEventDefinition,
];
