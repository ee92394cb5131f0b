// Defects found by auditing the validator against public process-model repositories (spiff-arena's backend
// test data, sartography/sample-process-models, SpiffWorkflow's test diagrams, jbirddog/process-models):
// each case is a minimal synthetic fixture of a construct seen there, judged as SpiffWorkflow main and
// spiffworkflow-backend judge it.
import { afterAll, describe, expect, it } from '@jest/globals';
import { validateRepo } from '../../src/validate/validate.js';
import {
  baseTree,
  chain,
  cleanTrees,
  definitions,
  flow,
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

const start = '    <bpmn:startEvent id="start" />';
const end = '    <bpmn:endEvent id="end" />';

/**
 * start -> task -> end, plus an event sub-process (triggeredByEvent) whose body is given. ProcessParser.add_tasks
 * parses every `./bpmn:subProcess[@triggeredByEvent='true']` of a process after its start events, so the engine
 * checks what is inside, although no sequence flow leads there.
 */
const withEventSubprocess = (inner: string, attrs = 'triggeredByEvent="true"') =>
  [
    chain(['    <bpmn:task id="t" />'], ['t']),
    `    <bpmn:subProcess id="esp" ${attrs}>`,
    inner,
    '    </bpmn:subProcess>',
  ].join('\n');

/** Inside an event sub-process: a signal start, a task with two outgoing flows (no implicit splits), ends. */
const splitInside = [
  '      <bpmn:startEvent id="es"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:startEvent>',
  '      <bpmn:task id="split" />',
  '      <bpmn:endEvent id="ee1" />',
  '      <bpmn:endEvent id="ee2" />',
  flow('g0', 'es', 'split'),
  flow('g1', 'split', 'ee1'),
  flow('g2', 'split', 'ee2'),
].join('\n');

const signal = '  <bpmn:signal id="sig" name="go" />';

const messageStart = (ref: string | null) =>
  `    <bpmn:startEvent id="start"><bpmn:messageEventDefinition id="med"${ref === null ? '' : ` messageRef="${ref}"`} /></bpmn:startEvent>`;

const cases: Case[] = [
  // Event sub-processes are parsed with their process (ProcessParser.add_tasks).
  {
    name: 'an event sub-process is parsed: a split inside it is an error',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(`${signal}\n${processXml('p', withEventSubprocess(splitInside))}`),
    },
    expect: ['implicit-split'],
  },
  {
    name: 'an event sub-process without a start event fails like any embedded sub-process',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        processXml(
          'p',
          withEventSubprocess(
            [
              '      <bpmn:task id="lonely" />',
              '      <bpmn:endEvent id="ee" />',
              flow('g', 'lonely', 'ee'),
            ].join('\n'),
          ),
        ),
      ),
    },
    expect: ['subprocess-structure'],
  },
  {
    name: 'an event sub-process nested in an embedded sub-process is parsed by that sub-process',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        `${signal}\n${processXml(
          'p',
          [
            start,
            '    <bpmn:subProcess id="sp">',
            '      <bpmn:startEvent id="s2" />',
            '      <bpmn:endEvent id="e2" />',
            flow('h', 's2', 'e2'),
            '      <bpmn:subProcess id="esp" triggeredByEvent="true">',
            splitInside,
            '      </bpmn:subProcess>',
            '    </bpmn:subProcess>',
            end,
            flow('f0', 'start', 'sp'),
            flow('f1', 'sp', 'end'),
          ].join('\n'),
        )}`,
      ),
    },
    expect: ['implicit-split'],
  },
  {
    name: 'a plain sub-process without flows into it is still never parsed',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(`${signal}\n${processXml('p', withEventSubprocess(splitInside, ''))}`),
    },
    not: ['implicit-split'],
  },
  {
    name: 'a well-formed event sub-process is fine',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        `${signal}\n${processXml(
          'p',
          withEventSubprocess(
            [
              '      <bpmn:startEvent id="es"><bpmn:signalEventDefinition signalRef="sig" /></bpmn:startEvent>',
              '      <bpmn:endEvent id="ee" />',
              flow('g0', 'es', 'ee'),
            ].join('\n'),
          ),
        )}`,
      ),
    },
    expect: [],
  },
  // The backend lists the messages that start each process when it indexes a file
  // (SpecFileService.get_references_for_file_contents -> ProcessParser.start_messages): every
  // //bpmn:startEvent/bpmn:messageEventDefinition of the document, reached or not.
  {
    name: 'a message start event without messageRef fails indexing the file',
    tree: withProcess([messageStart(null), end, flow('f', 'start', 'end')].join('\n')),
    expect: ['message-start-ref'],
  },
  {
    name: 'a message start event naming no bpmn:message crashes indexing, even in a process nothing runs',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        [
          processXml('p', chain(['    <bpmn:task id="t" />'], ['t'])),
          processXml('idle', [messageStart('ghost'), end, flow('f', 'start', 'end')].join('\n')),
        ].join('\n'),
      ),
    },
    expect: ['message-start-ref'],
  },
  {
    name: 'a message start event with a resolved messageRef is fine',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        `  <bpmn:message id="msg" name="go" />\n${processXml('p', [messageStart('msg'), end, flow('f', 'start', 'end')].join('\n'))}`,
      ),
    },
    expect: [],
  },
  {
    name: 'message start events inside event sub-processes also claim their message name',
    tree: {
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        `  <bpmn:message id="msg" name="order_placed" />\n${processXml(
          'p',
          withEventSubprocess(
            [
              '      <bpmn:startEvent id="es"><bpmn:messageEventDefinition messageRef="msg" /></bpmn:startEvent>',
              '      <bpmn:endEvent id="ee" />',
              flow('g0', 'es', 'ee'),
            ].join('\n'),
          ),
        )}`,
      ),
      'gg/nnn/process_model.json': modelJson('n.bpmn', 'q'),
      'gg/nnn/n.bpmn': definitions(
        `  <bpmn:message id="other" name="order_placed" />\n${processXml('q', [messageStart('other'), end, flow('f', 'start', 'end')].join('\n'))}`,
      ),
    },
    expect: ['message-start-conflict@gg/mmm/m.bpmn', 'message-start-conflict@gg/nnn/n.bpmn'],
  },
];

describe('engine audit', () => {
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
