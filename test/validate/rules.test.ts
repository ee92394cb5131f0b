// Each rule against fixtures that must trigger it and fixtures that must not.
import { afterAll, describe, expect, it } from '@jest/globals';
import { validateRepo } from '../../src/validate/validate.js';
import {
  baseTree,
  chain,
  cleanTrees,
  definitions,
  flow,
  groupJson,
  modelJson,
  processXml,
  withProcess,
  writeTree,
  type Tree,
} from '../helpers/bpmn.js';

afterAll(cleanTrees);

interface Case {
  name: string;
  tree: Tree;
  /** Rule ids that must be reported (optionally `id@file:line`). */
  expect?: string[];
  /** Rule ids that must not be reported. */
  not?: string[];
}

/** A UTF-8 byte-order mark (written as UTF-8 it is the bytes EF BB BF). */
const BOM = '\ufeff';

const task = (id: string) => `    <bpmn:task id="${id}" />`;
const start = '    <bpmn:startEvent id="start" />';
const end = '    <bpmn:endEvent id="end" />';

const dmn = (...decisions: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
${decisions
  .map(
    (d) => `  <decision id="${d}" name="${d}">
    <decisionTable id="table_${d}"><output id="o_${d}" name="x" typeRef="string" /></decisionTable>
  </decision>`,
  )
  .join('\n')}
</definitions>
`;

const businessRule = (decision?: string) =>
  `    <bpmn:businessRuleTask id="br">${decision === undefined ? '' : `<bpmn:extensionElements><spiffworkflow:calledDecisionId>${decision}</spiffworkflow:calledDecisionId></bpmn:extensionElements>`}</bpmn:businessRuleTask>`;

const userTask = (props: string) =>
  `    <bpmn:userTask id="ut"><bpmn:extensionElements><spiffworkflow:properties>${props}</spiffworkflow:properties></bpmn:extensionElements></bpmn:userTask>`;

const prop = (name: string, value: string) => `<spiffworkflow:property name="${name}" value="${value}" />`;

const gateway = (attrs: string, flows: string[]) =>
  [
    start,
    `    <bpmn:exclusiveGateway id="gw" ${attrs} />`,
    task('a'),
    task('b'),
    end,
    flow('f0', 'start', 'gw'),
    ...flows,
    flow('fa', 'a', 'end'),
    flow('fb', 'b', 'end'),
  ].join('\n');

/** start -> event-based gateway -> each of the three targets a, b, c -> end */
const eventGateway = (targets: string[]) =>
  [
    start,
    '    <bpmn:eventBasedGateway id="gw" />',
    ...targets,
    end,
    flow('f0', 'start', 'gw'),
    flow('fa', 'gw', 'a'),
    flow('fb', 'gw', 'b'),
    flow('fc', 'gw', 'c'),
    flow('fa1', 'a', 'end'),
    flow('fb1', 'b', 'end'),
    flow('fc1', 'c', 'end'),
  ].join('\n');

const secondModel = (id: string, body: string, processId = 'q'): Tree => ({
  [`gg/${id}/process_model.json`]: modelJson(`${id}.bpmn`, processId),
  [`gg/${id}/${id}.bpmn`]: definitions(processXml(processId, body)),
});

const cases: Case[] = [
  { name: 'a valid repo has no findings', tree: baseTree(), expect: [] },
  // process_model.json
  {
    name: 'invalid JSON in process_model.json',
    tree: { ...baseTree(), 'gg/mmm/process_model.json': '{\n  "display_name": "x",\n}' },
    expect: ['model-json-invalid@gg/mmm/process_model.json:3'],
  },
  {
    name: 'unknown key in process_model.json',
    tree: { ...baseTree(), 'gg/mmm/process_model.json': modelJson('m.bpmn', 'p', { owner: 'me' }) },
    expect: ['model-json-unknown-key'],
  },
  {
    name: 'legacy keys are tolerated',
    tree: {
      ...baseTree(),
      'gg/mmm/process_model.json': modelJson('m.bpmn', 'p', {
        display_order: 1,
        files: [],
        is_executable: true,
      }),
    },
    not: ['model-json-unknown-key'],
  },
  {
    name: 'missing description',
    tree: {
      ...baseTree(),
      'gg/mmm/process_model.json': JSON.stringify(
        { display_name: 'x', primary_file_name: 'm.bpmn', primary_process_id: 'p' },
        null,
        4,
      ),
    },
    expect: ['model-json-required'],
  },
  {
    name: 'bad fault_or_suspend_on_exception',
    tree: {
      ...baseTree(),
      'gg/mmm/process_model.json': modelJson('m.bpmn', 'p', { fault_or_suspend_on_exception: 'explode' }),
    },
    expect: ['model-json-required'],
  },
  {
    name: 'a byte-order mark in process_model.json (json.load fails: process_model_json_file_corrupted)',
    tree: { ...baseTree(), 'gg/mmm/process_model.json': BOM + modelJson('m.bpmn', 'p') },
    expect: ['model-json-invalid@gg/mmm/process_model.json:1'],
  },
  {
    name: 'a byte-order mark in process_group.json',
    tree: { ...baseTree(), 'gg/process_group.json': BOM + groupJson() },
    expect: ['group-json@gg/process_group.json:1'],
  },
  {
    name: 'a byte-order mark in a form',
    tree: {
      ...withProcess(chain([userTask(prop('formJsonSchemaFilename', 'a-schema.json'))], ['ut'])),
      'gg/mmm/a-schema.json': BOM + '{}',
    },
    expect: ['form-json@gg/mmm/a-schema.json:1'],
  },
  {
    name: 'a byte-order mark in a .bpmn file is fine (lxml reads it)',
    tree: { ...baseTree(), 'gg/mmm/m.bpmn': BOM + definitions(processXml('p', chain([task('t')], ['t']))) },
    expect: [],
  },
  // process_group.json
  {
    name: 'invalid JSON in process_group.json',
    tree: { ...baseTree(), 'gg/process_group.json': '{"display_name": ' },
    expect: ['group-json'],
  },
  {
    name: 'group without display_name',
    tree: { ...baseTree(), 'gg/process_group.json': '{"description": ""}' },
    expect: ['group-json'],
  },
  {
    name: 'correlation property without retrieval expression',
    tree: {
      ...baseTree(),
      'gg/process_group.json': groupJson('G', {
        messages: { m1: { correlation_properties: { order: {} }, schema: {} } },
      }),
    },
    expect: ['group-messages'],
  },
  {
    name: 'well-formed group messages',
    tree: {
      ...baseTree(),
      'gg/process_group.json': groupJson('G', {
        messages: {
          m1: { correlation_properties: { order: { retrieval_expression: 'order_id' } }, schema: {} },
        },
      }),
    },
    not: ['group-messages'],
  },
  // files
  {
    name: 'disallowed extension in a model dir',
    tree: { ...baseTree(), 'gg/mmm/run.sh': 'echo' },
    expect: ['file-extension@gg/mmm/run.sh:1'],
  },
  {
    name: 'hidden files, sub-folders and upper-case extensions are fine',
    tree: { ...baseTree(), 'gg/mmm/.DS_Store': 'x', 'gg/mmm/sub/run.sh': 'x', 'gg/mmm/Diagram.PNG': 'x' },
    not: ['file-extension'],
  },
  {
    name: 'test file without its BPMN file',
    tree: { ...baseTree(), 'gg/mmm/test_other.json': '{}' },
    expect: ['unit-test-orphan'],
  },
  {
    name: 'test file beside its BPMN file',
    tree: { ...baseTree(), 'gg/mmm/test_m.json': '{}' },
    not: ['unit-test-orphan'],
  },
  {
    name: 'broken form JSON',
    tree: { ...baseTree(), 'gg/mmm/form-schema.json': '{"type": "object",,}' },
    expect: ['form-json@gg/mmm/form-schema.json:1'],
  },
  {
    name: 'Jinja-templated form is not judged as JSON',
    tree: { ...baseTree(), 'gg/mmm/form-schema.json': '{"enum": {{ options }} }' },
    not: ['form-json'],
  },
  // XML
  {
    name: 'malformed BPMN',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn':
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">\n<bpmn:process id="p">\n</bpmn:definitions>',
    },
    expect: ['xml-malformed@gg/mmm/m.bpmn:3'],
  },
  {
    name: 'an SVG export saved as .bpmn beside the model only warns (the backend finds nothing in it)',
    tree: { ...baseTree(), 'gg/mmm/diagram.bpmn': '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>' },
    expect: ['bpmn-not-definitions'],
    not: ['xml-malformed', 'primary-process'],
  },
  {
    name: 'a .dmn that is not DMN fails to load',
    tree: { ...baseTree(), 'gg/mmm/d.dmn': '<svg xmlns="http://www.w3.org/2000/svg"/>' },
    expect: ['xml-malformed'],
  },
  {
    name: 'an empty correlation retrieval expression is ignored by the engine: a warning',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        `  <bpmn:message id="msg" name="order" />\n  <bpmn:correlationProperty id="cp" name="order_id"><bpmn:correlationPropertyRetrievalExpression messageRef="msg"><bpmn:formalExpression /></bpmn:correlationPropertyRetrievalExpression></bpmn:correlationProperty>\n${processXml('p', chain([], []))}`,
      ),
    },
    expect: ['correlation-expression-empty'],
    not: ['message-definition'],
  },
  {
    name: 'BPMN root in the wrong namespace',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': '<definitions xmlns="urn:other"><process id="p"/></definitions>',
    },
    expect: ['bpmn-not-definitions'],
    not: ['xml-malformed'],
  },
  {
    name: 'DMN with two decisions',
    tree: { ...baseTree(), 'gg/mmm/d.dmn': dmn('one', 'two') },
    expect: ['dmn-structure'],
  },
  {
    name: 'DMN without decisions',
    tree: { ...baseTree(), 'gg/mmm/d.dmn': dmn() },
    expect: ['dmn-structure'],
  },
  // primary
  {
    name: 'primary file missing',
    tree: { ...baseTree(), 'gg/mmm/process_model.json': modelJson('nope.bpmn', 'p') },
    expect: ['primary-process'],
  },
  {
    name: 'primary process not in the file',
    tree: { ...baseTree(), 'gg/mmm/process_model.json': modelJson('m.bpmn', 'other') },
    expect: ['primary-process'],
  },
  {
    name: 'primary file set but process empty',
    tree: { ...baseTree(), 'gg/mmm/process_model.json': modelJson('m.bpmn', '') },
    expect: ['primary-process'],
  },
  {
    name: 'the primary process may live in another .bpmn of the model (one parser loads them all)',
    tree: {
      ...baseTree(),
      'gg/mmm/process_model.json': modelJson('m.bpmn', 'called'),
      'gg/mmm/other.bpmn': definitions(
        processXml('called', chain(['    <bpmn:callActivity id="ca" calledElement="nowhere" />'], ['ca'])),
      ),
    },
    // no primary-process error, and the walk starts from the sibling file's process
    expect: ['call-activity@gg/mmm/other.bpmn:5'],
    not: ['primary-process'],
  },
  {
    name: 'library model without primary',
    tree: { ...baseTree(), 'gg/mmm/process_model.json': modelJson('', '') },
    expect: ['primary-empty'],
    not: ['primary-process'],
  },
  {
    name: 'non-executable primary',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(processXml('p', chain([task('t')], ['t']), 'isExecutable="false"')),
    },
    expect: ['process-not-executable'],
  },
  {
    name: 'missing isExecutable is executable',
    tree: { ...baseTree(), 'gg/mmm/m.bpmn': definitions(processXml('p', chain([task('t')], ['t']), '')) },
    expect: [],
  },
  // duplicates
  {
    name: 'duplicate process id inside a model',
    tree: { ...baseTree(), 'gg/mmm/other.bpmn': definitions(processXml('p', chain([], []))) },
    expect: ['duplicate-process-id@gg/mmm/other.bpmn:3', 'duplicate-process-id@gg/mmm/m.bpmn:3'],
  },
  {
    name: 'duplicate process id across models',
    tree: { ...baseTree(), ...secondModel('nnn', chain([], []), 'p') },
    expect: ['duplicate-process-id'],
  },
  // engine walk
  {
    name: 'no start event',
    tree: withProcess([task('t'), end, flow('f', 't', 'end')].join('\n')),
    expect: ['no-start-event'],
  },
  {
    name: 'reachable complex gateway is unsupported',
    tree: withProcess(
      [
        start,
        '    <bpmn:complexGateway id="cg" />',
        end,
        flow('f0', 'start', 'cg'),
        flow('f1', 'cg', 'end'),
      ].join('\n'),
    ),
    expect: ['unsupported-element'],
  },
  {
    name: 'unreachable elements are never checked',
    tree: withProcess(
      [
        chain([task('t')], ['t']),
        '    <bpmn:complexGateway id="cg" />',
        '    <bpmn:task id="lonely" />',
        flow('x1', 'lonely', 'cg'),
        flow('x2', 'lonely', 'end'),
      ].join('\n'),
    ),
    expect: [],
  },
  {
    name: 'task with two outgoing flows',
    tree: withProcess(
      [
        start,
        task('t'),
        task('a'),
        end,
        flow('f0', 'start', 't'),
        flow('f1', 't', 'a'),
        flow('f2', 't', 'end'),
        flow('f3', 'a', 'end'),
      ].join('\n'),
    ),
    expect: ['implicit-split'],
  },
  {
    name: 'start event and parallel gateway may split',
    tree: withProcess(
      [
        start,
        '    <bpmn:parallelGateway id="pg" />',
        task('a'),
        task('b'),
        '    <bpmn:parallelGateway id="join" />',
        end,
        flow('f0', 'start', 'pg'),
        flow('f1', 'pg', 'a'),
        flow('f2', 'pg', 'b'),
        flow('f3', 'a', 'join'),
        flow('f4', 'b', 'join'),
        flow('f5', 'join', 'end'),
      ].join('\n'),
    ),
    expect: [],
  },
  {
    name: 'sequence flow to nowhere',
    tree: withProcess([start, end, flow('f0', 'start', 'ghost')].join('\n')),
    expect: ['dangling-sequence-flow'],
  },
  {
    name: 'sequence flow into another pool (each process parser finds only its own elements)',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        [
          processXml(
            'p',
            [start, task('t'), end, flow('f0', 'start', 't'), flow('f1', 't', 'other_task')].join('\n'),
          ),
          processXml(
            'q',
            chain([task('other_task')], ['other_task'])
              .replace(/id="(start|end|f\d)"/g, 'id="q_$1"')
              .replace(/Ref="(start|end)"/g, 'Ref="q_$1"'),
          ),
        ].join('\n'),
      ),
    },
    expect: ['dangling-sequence-flow@gg/mmm/m.bpmn:8'],
  },
  {
    name: 'sequence flow from inside a sub-process to its parent process',
    tree: withProcess(
      [
        start,
        `    <bpmn:subProcess id="sp"><bpmn:startEvent id="sps" /><bpmn:task id="inner" /><bpmn:endEvent id="spe" />${flow('s1', 'sps', 'inner')}${flow('s2', 'inner', 'after')}</bpmn:subProcess>`,
        task('after'),
        end,
        flow('f0', 'start', 'sp'),
        flow('f1', 'sp', 'after'),
        flow('f2', 'after', 'end'),
      ].join('\n'),
    ),
    expect: ['dangling-sequence-flow'],
  },
  {
    name: 'an id shared with an element of another pool resolves inside the own process',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        [
          processXml('p', chain([task('t')], ['t'])),
          processXml(
            'q',
            chain([task('t')], ['t'])
              .replace(/id="(start|end|f\d)"/g, 'id="q_$1"')
              .replace(/Ref="(start|end)"/g, 'Ref="q_$1"'),
          ),
        ].join('\n'),
      ),
    },
    expect: [],
  },
  {
    name: 'gateway flow without condition and not default',
    tree: withProcess(gateway('', [flow('fa0', 'gw', 'a', 'x > 1'), flow('fb0', 'gw', 'b')])),
    expect: ['gateway-flow-condition'],
  },
  {
    name: 'gateway with a default flow',
    tree: withProcess(gateway('default="fb0"', [flow('fa0', 'gw', 'a', 'x > 1'), flow('fb0', 'gw', 'b')])),
    expect: [],
  },
  {
    name: 'gateway with a single unconditioned flow',
    tree: withProcess(
      [
        start,
        '    <bpmn:exclusiveGateway id="gw" />',
        end,
        flow('f0', 'start', 'gw'),
        flow('f1', 'gw', 'end'),
      ].join('\n'),
    ),
    expect: [],
  },
  {
    name: 'event-based gateway leading to a task, a gateway and a bare intermediate event',
    tree: withProcess(
      eventGateway([
        task('a'),
        '    <bpmn:exclusiveGateway id="b" />',
        '    <bpmn:intermediateCatchEvent id="c" />',
      ]),
    ),
    expect: [
      'event-gateway-target@gg/mmm/m.bpmn:11',
      'event-gateway-target@gg/mmm/m.bpmn:12',
      'event-gateway-target@gg/mmm/m.bpmn:13',
    ],
  },
  {
    name: 'event-based gateway leading to catching events and a receive task',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        `  <bpmn:message id="msg" name="hello" />\n${processXml(
          'p',
          eventGateway([
            '    <bpmn:intermediateCatchEvent id="a"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:intermediateCatchEvent>',
            '    <bpmn:intermediateCatchEvent id="b"><bpmn:timerEventDefinition><bpmn:timeDuration>"PT1H"</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
            '    <bpmn:receiveTask id="c" messageRef="msg" />',
          ]),
        )}`,
      ),
    },
    expect: [],
  },
  {
    name: 'sub-process without start event',
    tree: withProcess(
      chain([`    <bpmn:subProcess id="sp">${'<bpmn:endEvent id="spe" />'}</bpmn:subProcess>`], ['sp']),
    ),
    expect: ['subprocess-structure'],
  },
  {
    name: 'sub-process checked inside',
    tree: withProcess(
      chain(
        [
          `    <bpmn:subProcess id="sp"><bpmn:startEvent id="sps" /><bpmn:serviceTask id="st" /><bpmn:endEvent id="spe" />${flow('s1', 'sps', 'st')}${flow('s2', 'st', 'spe')}</bpmn:subProcess>`,
        ],
        ['sp'],
      ),
    ),
    expect: ['service-task-operator'],
  },
  {
    name: 'call activity without calledElement',
    tree: withProcess(chain(['    <bpmn:callActivity id="ca" />'], ['ca'])),
    expect: ['call-activity'],
  },
  {
    name: 'call activity to an unknown process',
    tree: withProcess(chain(['    <bpmn:callActivity id="ca" calledElement="nowhere" />'], ['ca'])),
    expect: ['call-activity'],
  },
  {
    name: 'call activity into another model is checked there',
    tree: {
      ...withProcess(chain(['    <bpmn:callActivity id="ca" calledElement="q" />'], ['ca'])),
      'gg/lib/process_model.json': modelJson('', ''),
      'gg/lib/lib.bpmn': definitions(
        processXml(
          'q',
          [
            start,
            '    <bpmn:serviceTask id="st" />',
            end,
            flow('f0', 'start', 'st'),
            flow('f1', 'st', 'end'),
          ].join('\n'),
        ),
      ),
    },
    expect: ['service-task-operator@gg/lib/lib.bpmn:5'],
  },
  {
    name: 'a process defined only outside every model directory is not callable',
    tree: {
      ...withProcess(chain(['    <bpmn:callActivity id="ca" calledElement="q" />'], ['ca'])),
      'shared/lib.bpmn': definitions(processXml('q', chain([], []))),
    },
    expect: ['call-activity@gg/mmm/m.bpmn:5'],
  },
  {
    name: 'a process in a model with a broken .dmn is not callable',
    tree: {
      ...withProcess(chain(['    <bpmn:callActivity id="ca" calledElement="q" />'], ['ca'])),
      ...secondModel('nnn', chain([], []), 'q'),
      'gg/nnn/broken.dmn': '<definitions',
    },
    expect: ['call-activity@gg/mmm/m.bpmn:5', 'xml-malformed'],
  },
  {
    name: 'a process in a model whose listing fails (a file with a refused extension) is not callable',
    tree: {
      ...withProcess(chain(['    <bpmn:callActivity id="ca" calledElement="q" />'], ['ca'])),
      ...secondModel('nnn', chain([], []), 'q'),
      'gg/nnn/notes.sh': 'echo',
    },
    expect: ['call-activity@gg/mmm/m.bpmn:5', 'file-extension'],
  },
  {
    name: 'a process in a healthy library model is callable (hidden files and sub-folders do not matter)',
    tree: {
      ...withProcess(chain(['    <bpmn:callActivity id="ca" calledElement="q" />'], ['ca'])),
      'gg/lib/process_model.json': modelJson('', ''),
      'gg/lib/lib.bpmn': definitions(processXml('q', chain([], []))),
      'gg/lib/.hidden.sh': 'x',
      'gg/lib/sub/broken.bpmn': '<nope',
    },
    not: ['call-activity'],
  },
  {
    name: 'calling a non-executable process',
    tree: {
      ...withProcess(chain(['    <bpmn:callActivity id="ca" calledElement="q" />'], ['ca'])),
      ...secondModel('nnn', chain([], []), 'q'),
      'gg/nnn/nnn.bpmn': definitions(processXml('q', chain([], []), 'isExecutable="false"')),
    },
    expect: ['process-not-executable@gg/nnn/nnn.bpmn:3'],
  },
  {
    name: 'business rule task without decision id',
    tree: withProcess(chain([businessRule()], ['br'])),
    expect: ['business-rule-task'],
  },
  {
    name: 'business rule task with a decision elsewhere',
    tree: { ...withProcess(chain([businessRule('dec')], ['br'])), 'gg/other/d.dmn': dmn('dec') },
    expect: ['business-rule-task'],
  },
  {
    name: 'business rule task with a second decision',
    tree: { ...withProcess(chain([businessRule('two')], ['br'])), 'gg/mmm/d.dmn': dmn('one', 'two') },
    expect: ['business-rule-task', 'dmn-structure'],
  },
  {
    name: 'business rule task with its DMN beside it',
    tree: { ...withProcess(chain([businessRule('dec')], ['br'])), 'gg/mmm/d.dmn': dmn('dec') },
    expect: [],
  },
  {
    name: 'service task without operator',
    tree: withProcess(chain(['    <bpmn:serviceTask id="st" />'], ['st'])),
    expect: ['service-task-operator'],
  },
  {
    name: 'service task operator without parameters (the spiff parser reads none: fine)',
    tree: withProcess(
      chain(
        [
          '    <bpmn:serviceTask id="st"><bpmn:extensionElements><spiffworkflow:serviceTaskOperator id="http/GetRequestV2" /></bpmn:extensionElements></bpmn:serviceTask>',
        ],
        ['st'],
      ),
    ),
    expect: [],
  },
  {
    name: 'service task parameter with a value but no type',
    tree: withProcess(
      chain(
        [
          '    <bpmn:serviceTask id="st"><bpmn:extensionElements><spiffworkflow:serviceTaskOperator id="http/GetRequestV2"><spiffworkflow:parameters><spiffworkflow:parameter id="url" value="1" /></spiffworkflow:parameters></spiffworkflow:serviceTaskOperator></bpmn:extensionElements></bpmn:serviceTask>',
        ],
        ['st'],
      ),
    ),
    expect: ['service-task-operator'],
  },
  {
    name: 'spiffworkflow property without a value',
    tree: withProcess(
      chain(
        [
          '    <bpmn:manualTask id="mt"><bpmn:extensionElements><spiffworkflow:properties><spiffworkflow:property name="x" /></spiffworkflow:properties></bpmn:extensionElements></bpmn:manualTask>',
        ],
        ['mt'],
      ),
    ),
    expect: ['spiff-extension'],
  },
  {
    name: 'script unit test without expected output',
    tree: withProcess(
      chain(
        [
          '    <bpmn:scriptTask id="sc"><bpmn:extensionElements><spiffworkflow:unitTests><spiffworkflow:unitTest id="t1"><spiffworkflow:inputJson>{}</spiffworkflow:inputJson></spiffworkflow:unitTest></spiffworkflow:unitTests></bpmn:extensionElements><bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>',
        ],
        ['sc'],
      ),
    ),
    expect: ['spiff-extension'],
  },
  {
    name: 'service task with operator and parameters',
    tree: withProcess(
      chain(
        [
          '    <bpmn:serviceTask id="st"><bpmn:extensionElements><spiffworkflow:serviceTaskOperator id="http/GetRequestV2"><spiffworkflow:parameters /></spiffworkflow:serviceTaskOperator></bpmn:extensionElements></bpmn:serviceTask>',
        ],
        ['st'],
      ),
    ),
    expect: [],
  },
  {
    name: 'script task without script: the spiff parser accepts it (it does nothing)',
    tree: withProcess(chain(['    <bpmn:scriptTask id="sc" />'], ['sc'])),
    expect: ['script-empty'],
  },
  {
    name: 'script task with empty script',
    tree: withProcess(chain(['    <bpmn:scriptTask id="sc"><bpmn:script /></bpmn:scriptTask>'], ['sc'])),
    expect: ['script-empty'],
    not: ['xml-malformed'],
  },
  {
    name: 'timer without time specification',
    tree: withProcess(
      chain(
        [
          '    <bpmn:intermediateCatchEvent id="tm"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>',
        ],
        ['tm'],
      ),
    ),
    expect: ['timer-definition'],
  },
  {
    name: 'timer with a duration',
    tree: withProcess(
      chain(
        [
          '    <bpmn:intermediateCatchEvent id="tm"><bpmn:timerEventDefinition><bpmn:timeDuration>"PT1H"</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
        ],
        ['tm'],
      ),
    ),
    expect: [],
  },
  {
    name: 'conditional event without condition',
    tree: withProcess(
      chain(
        [
          '    <bpmn:intermediateCatchEvent id="ce"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>',
        ],
        ['ce'],
      ),
    ),
    expect: ['conditional-event'],
  },
  {
    name: 'dangling messageRef',
    tree: withProcess(
      chain(
        [
          '    <bpmn:intermediateThrowEvent id="me"><bpmn:messageEventDefinition messageRef="ghost" /></bpmn:intermediateThrowEvent>',
        ],
        ['me'],
      ),
    ),
    expect: ['event-reference'],
  },
  {
    name: 'an empty messageRef is skipped by the spiff message parser',
    tree: withProcess(
      chain(
        [
          '    <bpmn:intermediateThrowEvent id="me"><bpmn:messageEventDefinition messageRef="" /></bpmn:intermediateThrowEvent>',
        ],
        ['me'],
      ),
    ),
    expect: [],
  },
  {
    name: 'dangling signalRef on a boundary event',
    tree: withProcess(
      [
        chain([task('t')], ['t']),
        '    <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:signalEventDefinition signalRef="ghost" /></bpmn:boundaryEvent>',
      ].join('\n'),
    ),
    expect: ['event-reference'],
  },
  {
    name: 'resolved messageRef',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        `  <bpmn:message id="msg" name="hello" />\n${processXml('p', chain(['    <bpmn:intermediateThrowEvent id="me"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:intermediateThrowEvent>'], ['me']))}`,
      ),
    },
    expect: [],
  },
  {
    name: 'multi-instance without cardinality or input',
    tree: withProcess(
      chain(['    <bpmn:task id="mi"><bpmn:multiInstanceLoopCharacteristics /></bpmn:task>'], ['mi']),
    ),
    expect: ['loop-characteristics'],
  },
  {
    name: 'standard loop without maximum or condition',
    tree: withProcess(
      chain(['    <bpmn:task id="lp"><bpmn:standardLoopCharacteristics /></bpmn:task>'], ['lp']),
    ),
    expect: ['loop-characteristics'],
  },
  {
    name: 'multi-instance loop input that the task io specification does not declare',
    tree: withProcess(
      chain(
        [
          '    <bpmn:task id="mi"><bpmn:ioSpecification><bpmn:dataInput id="in_items" name="items" /><bpmn:dataOutput id="out_results" name="results" /></bpmn:ioSpecification><bpmn:multiInstanceLoopCharacteristics><bpmn:loopDataInputRef>things</bpmn:loopDataInputRef><bpmn:loopDataOutputRef>results</bpmn:loopDataOutputRef></bpmn:multiInstanceLoopCharacteristics></bpmn:task>',
        ],
        ['mi'],
      ),
    ),
    expect: ['loop-characteristics'],
  },
  {
    name: 'multi-instance loop references found in the io specification, or no io specification at all',
    tree: withProcess(
      chain(
        [
          '    <bpmn:task id="mi"><bpmn:ioSpecification><bpmn:dataInput id="in_items" name="items" /><bpmn:dataOutput id="out_results" name="results" /></bpmn:ioSpecification><bpmn:multiInstanceLoopCharacteristics><bpmn:loopDataInputRef>items</bpmn:loopDataInputRef><bpmn:loopDataOutputRef>results</bpmn:loopDataOutputRef></bpmn:multiInstanceLoopCharacteristics></bpmn:task>',
          '    <bpmn:task id="mi2"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopDataInputRef>anything</bpmn:loopDataInputRef></bpmn:multiInstanceLoopCharacteristics></bpmn:task>',
        ],
        ['mi', 'mi2'],
      ),
    ),
    expect: [],
  },
  {
    name: 'standard loop with an empty loop condition',
    tree: withProcess(
      chain(
        [
          '    <bpmn:task id="lp"><bpmn:standardLoopCharacteristics><bpmn:loopCondition /></bpmn:standardLoopCharacteristics></bpmn:task>',
        ],
        ['lp'],
      ),
    ),
    expect: ['loop-characteristics'],
  },
  {
    name: 'standard loop with a condition',
    tree: withProcess(
      chain(
        [
          '    <bpmn:task id="lp"><bpmn:standardLoopCharacteristics><bpmn:loopCondition>done</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:task>',
        ],
        ['lp'],
      ),
    ),
    expect: [],
  },
  {
    name: 'boundary event without an event definition (Unsupported Catch Event)',
    tree: withProcess(
      [chain([task('t')], ['t']), '    <bpmn:boundaryEvent id="b" attachedToRef="t" />'].join('\n'),
    ),
    expect: ['boundary-event-definition@gg/mmm/m.bpmn:9'],
  },
  {
    name: 'boundary events with timer and error definitions',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        `  <bpmn:error id="err" errorCode="E1" />\n${processXml(
          'p',
          [
            chain([task('t')], ['t']),
            '    <bpmn:boundaryEvent id="b1" attachedToRef="t"><bpmn:timerEventDefinition><bpmn:timeDuration>"PT1H"</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>',
            '    <bpmn:boundaryEvent id="b2" attachedToRef="t"><bpmn:errorEventDefinition errorRef="err" /></bpmn:boundaryEvent>',
          ].join('\n'),
        )}`,
      ),
    },
    expect: [],
  },
  {
    name: 'standard loop whose loopMaximum is no whole number (int() fails)',
    tree: withProcess(
      chain(
        ['    <bpmn:task id="lp"><bpmn:standardLoopCharacteristics loopMaximum="2.5" /></bpmn:task>'],
        ['lp'],
      ),
    ),
    expect: ['loop-characteristics@gg/mmm/m.bpmn:5'],
  },
  {
    name: 'standard loop with a whole loopMaximum',
    tree: withProcess(
      chain(
        ['    <bpmn:task id="lp"><bpmn:standardLoopCharacteristics loopMaximum=" 3" /></bpmn:task>'],
        ['lp'],
      ),
    ),
    expect: [],
  },
  {
    name: 'an ad hoc sub-process is supported and checked inside from its tasks without incoming flows',
    tree: withProcess(
      chain(
        [
          `    <bpmn:adHocSubProcess id="ah"><bpmn:task id="first" /><bpmn:serviceTask id="second" />${flow('s1', 'first', 'second')}</bpmn:adHocSubProcess>`,
        ],
        ['ah'],
      ),
    ),
    expect: ['service-task-operator'],
    not: ['unsupported-element', 'subprocess-structure', 'adhoc-subprocess'],
  },
  {
    name: 'an ad hoc sub-process with a start event',
    tree: withProcess(
      chain(
        [
          `    <bpmn:adHocSubProcess id="ah"><bpmn:startEvent id="ahs" /><bpmn:task id="first" />${flow('s1', 'ahs', 'first')}</bpmn:adHocSubProcess>`,
        ],
        ['ah'],
      ),
    ),
    expect: ['adhoc-subprocess'],
  },
  {
    name: 'data input association to nothing',
    tree: withProcess(
      chain(
        [
          '    <bpmn:task id="da"><bpmn:dataInputAssociation id="dia"><bpmn:sourceRef>ghost</bpmn:sourceRef></bpmn:dataInputAssociation></bpmn:task>',
        ],
        ['da'],
      ),
    ),
    expect: ['data-association'],
  },
  {
    name: 'data input association to a data object',
    tree: withProcess(
      [
        chain(
          [
            '    <bpmn:task id="da"><bpmn:dataInputAssociation id="dia"><bpmn:sourceRef>ref</bpmn:sourceRef></bpmn:dataInputAssociation></bpmn:task>',
          ],
          ['da'],
        ),
        '    <bpmn:dataObject id="obj" />',
        '    <bpmn:dataObjectReference id="ref" dataObjectRef="obj" />',
      ].join('\n'),
    ),
    expect: [],
  },
  {
    name: 'cancel boundary event on a task',
    tree: withProcess(
      [
        chain([task('t')], ['t']),
        '    <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:cancelEventDefinition /></bpmn:boundaryEvent>',
      ].join('\n'),
    ),
    expect: ['cancel-event'],
  },
  // messages and data stores
  {
    name: 'correlation property without retrieval expression in BPMN',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        `  <bpmn:correlationProperty id="cp" name="order" />\n${processXml('p', chain([], []))}`,
      ),
    },
    expect: ['message-definition'],
  },
  {
    name: 'two models start on the same message',
    tree: {
      ...withProcess(
        '    <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:startEvent>\n    <bpmn:endEvent id="end" />\n' +
          flow('f', 'start', 'end'),
      ),
      'gg/mmm/m.bpmn': definitions(
        `  <bpmn:message id="msg" name="order_placed" />\n${processXml('p', '    <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:startEvent>\n    <bpmn:endEvent id="end" />\n' + flow('f', 'start', 'end'))}`,
      ),
      'gg/nnn/process_model.json': modelJson('n.bpmn', 'q'),
      'gg/nnn/n.bpmn': definitions(
        `  <bpmn:message id="other_id" name="order_placed" />\n${processXml('q', '    <bpmn:startEvent id="start"><bpmn:messageEventDefinition messageRef="other_id" /></bpmn:startEvent>\n    <bpmn:endEvent id="end" />\n' + flow('f', 'start', 'end'))}`,
      ),
    },
    expect: ['message-start-conflict@gg/mmm/m.bpmn:5', 'message-start-conflict@gg/nnn/n.bpmn:5'],
  },
  {
    name: 'unknown data store implementation',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        `  <bpmn:dataStore id="ds" name="RedisDataStore" />\n${processXml('p', chain([], []))}`,
      ),
    },
    expect: ['data-store-name'],
  },
  {
    name: 'JSONFileDataStore on read-only images',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        `  <bpmn:dataStore id="ds" name="JSONFileDataStore" />\n${processXml('p', chain([], []))}`,
      ),
    },
    expect: ['data-store-file'],
    not: ['data-store-name'],
  },
  // user tasks
  {
    name: 'user task form file missing',
    tree: withProcess(chain([userTask(prop('formJsonSchemaFilename', 'nope-schema.json'))], ['ut'])),
    expect: ['user-task-form'],
  },
  {
    name: 'user task form reference empty',
    tree: withProcess(chain([userTask(prop('formJsonSchemaFilename', ''))], ['ut'])),
    expect: ['user-task-form'],
  },
  {
    name: 'user task ui schema missing',
    tree: {
      ...withProcess(
        chain(
          [
            userTask(
              prop('formJsonSchemaFilename', 'a-schema.json') +
                prop('formUiSchemaFilename', 'a-uischema.json'),
            ),
          ],
          ['ut'],
        ),
      ),
      'gg/mmm/a-schema.json': '{}',
    },
    expect: ['user-task-form'],
  },
  {
    name: 'user task with its form',
    tree: {
      ...withProcess(chain([userTask(prop('formJsonSchemaFilename', 'a-schema.json'))], ['ut'])),
      'gg/mmm/a-schema.json': '{}',
    },
    expect: [],
  },
  {
    name: 'user task without form',
    tree: withProcess(chain(['    <bpmn:userTask id="ut" />'], ['ut'])),
    expect: ['user-task-no-form'],
  },
  // python
  {
    name: 'syntax error in a script at its line',
    tree: withProcess(
      chain(
        ['    <bpmn:scriptTask id="sc"><bpmn:script>x = 1\nif x\n    y = 2</bpmn:script></bpmn:scriptTask>'],
        ['sc'],
      ),
    ),
    expect: ['python-syntax@gg/mmm/m.bpmn:6'],
  },
  {
    // Texts that differ only in digits 2-9 share one parse (python.ts, shapeOf); not binary or octal ones.
    name: 'a binary or octal literal is judged by its own digits, not by a valid text that differs only in them',
    tree: withProcess(
      chain(
        [
          '    <bpmn:scriptTask id="b1"><bpmn:script>x = 0b1 + 0o7</bpmn:script></bpmn:scriptTask>',
          '    <bpmn:scriptTask id="b2"><bpmn:script>x = 0b1 + 0o9</bpmn:script></bpmn:scriptTask>',
          '    <bpmn:scriptTask id="b3"><bpmn:script>x = 0b2 + 0o7</bpmn:script></bpmn:scriptTask>',
          '    <bpmn:scriptTask id="n1"><bpmn:script>y = a1 + 10</bpmn:script></bpmn:scriptTask>',
          '    <bpmn:scriptTask id="n2"><bpmn:script>y = a2 + 29</bpmn:script></bpmn:scriptTask>',
        ],
        ['b1', 'b2', 'b3', 'n1', 'n2'],
      ),
    ),
    expect: ['python-syntax@gg/mmm/m.bpmn:6', 'python-syntax@gg/mmm/m.bpmn:7'],
  },
  {
    name: 'syntax error in a pre-script',
    tree: withProcess(
      chain(
        [
          '    <bpmn:task id="ps"><bpmn:extensionElements><spiffworkflow:preScript>x = = 1</spiffworkflow:preScript></bpmn:extensionElements></bpmn:task>',
        ],
        ['ps'],
      ),
    ),
    expect: ['python-syntax'],
  },
  {
    name: 'assignment is not a condition',
    tree: withProcess(gateway('default="fb0"', [flow('fa0', 'gw', 'a', 'x = 1'), flow('fb0', 'gw', 'b')])),
    expect: ['python-syntax'],
  },
  {
    name: 'a condition is one Python expression: a line break outside brackets ends it',
    tree: withProcess(
      gateway('default="fb0"', [flow('fa0', 'gw', 'a', 'art == Sonder-\nversand'), flow('fb0', 'gw', 'b')]),
    ),
    expect: ['python-syntax@gg/mmm/m.bpmn:11'],
  },
  {
    name: 'a condition that goes on after a line break (eval reads one logical line)',
    tree: withProcess(
      gateway('default="fb0"', [flow('fa0', 'gw', 'a', 'x > 1\nand y'), flow('fb0', 'gw', 'b')]),
    ),
    expect: ['python-syntax@gg/mmm/m.bpmn:11'],
  },
  {
    name: 'line breaks inside brackets, strings and after a backslash are fine in a condition',
    tree: withProcess(
      gateway('default="fb0"', [
        flow('fa0', 'gw', 'a', '(x > 1\n and y)\n# why\n'),
        flow('fb0', 'gw', 'b', "x in [\n 1,\n 2] and z \\\n == '''a\nb'''"),
      ]),
    ),
    not: ['python-syntax'],
  },
  {
    name: 'an unquoted ISO duration as a timer expression is a NameError at run time',
    tree: withProcess(
      chain(
        [
          '    <bpmn:intermediateCatchEvent id="tm"><bpmn:timerEventDefinition><bpmn:timeDuration>PT5M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
        ],
        ['tm'],
      ),
    ),
    expect: ['timer-iso-unquoted@gg/mmm/m.bpmn:5'],
    not: ['python-syntax'],
  },
  {
    name: 'quoted ISO durations and Python timer values are fine',
    tree: withProcess(
      chain(
        [
          '    <bpmn:intermediateCatchEvent id="tm"><bpmn:timerEventDefinition><bpmn:timeDuration>"PT5M"</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
          '    <bpmn:intermediateCatchEvent id="tm2"><bpmn:timerEventDefinition><bpmn:timeCycle>timedelta(minutes=5)</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
          '    <bpmn:intermediateCatchEvent id="tm3"><bpmn:timerEventDefinition><bpmn:timeDate>PERIOD</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>',
        ],
        ['tm', 'tm2', 'tm3'],
      ),
    ),
    expect: [],
  },
  {
    name: 'valid Python with entities and comparisons',
    tree: withProcess(
      chain(
        [
          '    <bpmn:scriptTask id="sc"><bpmn:script>if a &lt; 3 and b &gt; 1:\n    c = [i for i in range(3)]\nelse:\n    c = {"k": f"{a!r}"}</bpmn:script></bpmn:scriptTask>',
        ],
        ['sc'],
      ),
    ),
    expect: [],
  },
  // layout
  {
    name: 'colon in a model directory name',
    tree: { ...baseTree(), 'gg/a:b/process_model.json': modelJson('', '') },
    expect: ['id-invalid'],
  },
  {
    name: 'upper-case model directory',
    tree: { ...baseTree(), 'gg/MyModel/process_model.json': modelJson('', '') },
    expect: ['id-pattern'],
  },
  {
    name: 'model outside any group',
    tree: {
      'loose/process_model.json': modelJson('l.bpmn', 'p'),
      'loose/l.bpmn': definitions(processXml('p', chain([], []))),
    },
    expect: ['model-outside-group'],
  },
  {
    name: 'non-canonical JSON formatting',
    tree: { ...baseTree(), 'gg/process_group.json': '{"display_name": "G", "description": ""}' },
    expect: ['json-format'],
  },
  // never an error for what the backend runs happily
  {
    name: 'modeler quirks and unknown extension elements are fine',
    tree: withProcess(
      chain(
        [
          '    <bpmn:task id="t" customAttr="1"><bpmn:extensionElements><spiffworkflow:somethingNew>x</spiffworkflow:somethingNew><camunda:foo xmlns:camunda="http://camunda.org/schema/1.0/bpmn" /></bpmn:extensionElements><bpmn:outgoing>f2</bpmn:outgoing><bpmn:incoming>f1</bpmn:incoming></bpmn:task>',
        ],
        ['t'],
      ),
    ),
    expect: [],
  },
];

describe('rules', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const root = writeTree(c.tree);
    const report = await validateRepo(root);
    const got = report.findings.map((f) => `${f.ruleId}@${f.file}:${f.line}`);
    const ids = report.findings.map((f) => f.ruleId);
    if (c.expect && c.expect.length === 0) expect(got).toEqual([]);
    for (const e of c.expect ?? []) {
      if (e.includes('@')) expect(got).toContainEqual(expect.stringContaining(e));
      else expect(ids).toContain(e);
    }
    for (const n of c.not ?? []) expect(ids).not.toContain(n);
  });
});

describe('severity configuration', () => {
  it('switches rules off and changes severities from .spiff-models.json', async () => {
    const root = writeTree({
      ...baseTree(),
      'gg/mmm/process_model.json': modelJson('', ''),
      '.spiff-models.json': JSON.stringify({ rules: { 'primary-empty': 'off', 'json-format': 'error' } }),
      'gg/process_group.json': '{"display_name": "G", "description": ""}',
    });
    const report = await validateRepo(root);
    expect(report.findings.map((f) => [f.ruleId, f.severity])).toEqual([['json-format', 'error']]);
  });

  it('rejects unknown rule ids with the file name', async () => {
    const root = writeTree({ ...baseTree(), '.spiff-models.yml': 'rules:\n  no-such-rule: off\n' });
    await expect(validateRepo(root)).rejects.toThrow(
      /\.spiff-models\.yml:2: unknown rule "no-such-rule" at rules\.no-such-rule \(see the rule reference/,
    );
  });
});

describe('report shape', () => {
  it('gives model statuses and a summary', async () => {
    const root = writeTree({
      ...baseTree(),
      'gg/bad/process_model.json': '{',
      'gg/lib/process_model.json': modelJson('', ''),
    });
    const report = await validateRepo(root);
    expect(report.models).toEqual([
      { id: 'gg/bad', status: 'error' },
      { id: 'gg/lib', status: 'warning' },
      { id: 'gg/mmm', status: 'ok' },
    ]);
    expect(report.summary).toEqual({ models: 3, files: 5, errors: 1, warnings: 1 });
  });
});

describe('user tasks without a form (issue 16)', () => {
  const severities = async (tree: Tree) =>
    (await validateRepo(writeTree(tree))).findings.map((f) => `${f.ruleId}:${f.severity}@${f.line}`);

  it('is an error where the engine reaches the task, naming it and saying what to do', async () => {
    const report = await validateRepo(
      writeTree(withProcess(chain(['    <bpmn:userTask id="approve" />'], ['approve']))),
    );
    expect(report.findings).toMatchObject([
      {
        ruleId: 'user-task-no-form',
        severity: 'error',
        line: 5,
        message: expect.stringMatching(
          /'approve'.*missing_form_file.*add a form in the modeler.*manual task/,
        ),
      },
    ]);
  });

  it('is an error in a process the primary calls from another model', async () => {
    const tree = {
      ...withProcess(chain(['    <bpmn:callActivity id="ca" calledElement="q" />'], ['ca'])),
      'gg/lib/process_model.json': modelJson('', ''),
      'gg/lib/lib.bpmn': definitions(processXml('q', chain(['    <bpmn:userTask id="ut" />'], ['ut']))),
    };
    expect(await severities(tree)).toEqual(['user-task-no-form:error@5', 'primary-empty:warning@1']);
  });

  it('stays a warning in a branch the engine never reaches', async () => {
    const tree = withProcess(
      [chain([task('t')], ['t']), '    <bpmn:userTask id="orphan" />', flow('x', 'orphan', 'end')].join('\n'),
    );
    expect(await severities(tree)).toEqual(['user-task-no-form:warning@9']);
  });

  it('an empty formJsonSchemaFilename is an error (user-task-form), not reported twice', async () => {
    const tree = withProcess(chain([userTask(prop('formJsonSchemaFilename', ''))], ['ut']));
    expect(await severities(tree)).toEqual(['user-task-form:error@5']);
  });

  it('leaves manual tasks and tasks with only instructions alone', async () => {
    const instructions =
      '<bpmn:extensionElements><spiffworkflow:instructionsForEndUser>Read this</spiffworkflow:instructionsForEndUser></bpmn:extensionElements>';
    const tree = withProcess(
      chain(
        [
          `    <bpmn:manualTask id="mt">${instructions}</bpmn:manualTask>`,
          '    <bpmn:manualTask id="mt2" />',
        ],
        ['mt', 'mt2'],
      ),
    );
    expect(await severities(tree)).toEqual([]);
  });

  it('a configured severity still applies to both cases', async () => {
    const tree = {
      ...withProcess(
        [
          chain(['    <bpmn:userTask id="ut" />'], ['ut']),
          '    <bpmn:userTask id="orphan" />',
          flow('x', 'orphan', 'end'),
        ].join('\n'),
      ),
      '.spiff-models.yml': 'rules:\n  user-task-no-form: warning\n',
    };
    expect(await severities(tree)).toEqual(['user-task-no-form:warning@5', 'user-task-no-form:warning@9']);
  });
});
