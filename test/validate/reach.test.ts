// The engine walk on its own: which flow nodes analyze() reaches, in which container, and which processes it
// loads, the way SpiffWorkflow's parsers follow a process from its start events (the rules only read this).
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadModels } from '../../src/models/load.js';
import { analyze, reachableNodes, type RepoAnalysis } from '../helpers/walk.js';
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

async function walk(tree: Tree): Promise<RepoAnalysis> {
  return analyze(await loadModels(writeTree(tree), { workers: 0 }));
}

const ids = (a: RepoAnalysis) => a.reached.map((r) => r.node.attrs.id);

describe('analyze (the engine walk)', () => {
  it.each<[string, string, string[]]>([
    ['a chain, in walk order', chain(['    <bpmn:task id="t" />'], ['t']), ['start', 't', 'end']],
    [
      'a node no flow leads to is not reached',
      `${chain(['    <bpmn:task id="t" />'], ['t'])}\n    <bpmn:task id="island" />`,
      ['start', 't', 'end'],
    ],
    [
      'both branches of a gateway, the first flow first',
      [
        '    <bpmn:startEvent id="start" />',
        '    <bpmn:exclusiveGateway id="gw" />',
        '    <bpmn:task id="a" />',
        '    <bpmn:task id="b" />',
        '    <bpmn:endEvent id="end" />',
        flow('f0', 'start', 'gw'),
        flow('f1', 'gw', 'a', 'x'),
        flow('f2', 'gw', 'b'),
        flow('f3', 'a', 'end'),
        flow('f4', 'b', 'end'),
      ].join('\n'),
      ['start', 'gw', 'a', 'end', 'b'],
    ],
    [
      'a boundary event of a reached task, after the task',
      [
        '    <bpmn:startEvent id="start" />',
        '    <bpmn:userTask id="t" />',
        '    <bpmn:boundaryEvent id="timer" attachedToRef="t"><bpmn:timerEventDefinition /></bpmn:boundaryEvent>',
        '    <bpmn:endEvent id="end" />',
        flow('f0', 'start', 't'),
        flow('f1', 't', 'end'),
      ].join('\n'),
      ['start', 't', 'timer', 'end'],
    ],
  ])('reaches %s', async (_name, body, expected) => {
    expect(ids(await walk(withProcess(body)))).toEqual(expected);
  });

  it('stops at an element the engine has no parser for: reached, unsupported, not followed', async () => {
    const a = await walk(
      withProcess(chain(['    <bpmn:complexGateway id="cg" />', '    <bpmn:task id="t" />'], ['cg', 't'])),
    );
    expect(a.reached.map((r) => [r.node.attrs.id, r.supported])).toEqual([
      ['start', true],
      ['cg', false],
    ]);
    expect([...reachableNodes(a)].map((n) => n.attrs.id)).toEqual(['start']);
  });

  it('is a plain object: no accessor (V8 built one with an accessor in the old generation, keeping trees alive)', async () => {
    const a = await walk(withProcess(chain(['    <bpmn:task id="t" />'], ['t'])));
    const accessors = Object.entries(Object.getOwnPropertyDescriptors(a)).filter(([, d]) => d.get || d.set);
    expect(accessors.map(([k]) => k)).toEqual([]);
  });

  it('walks an embedded sub-process as its own container, after the process around it', async () => {
    const inner = [
      '    <bpmn:subProcess id="sub">',
      '      <bpmn:startEvent id="s_start" />',
      '      <bpmn:task id="s_task" />',
      '      <bpmn:endEvent id="s_end" />',
      flow('sf0', 's_start', 's_task'),
      flow('sf1', 's_task', 's_end'),
      '    </bpmn:subProcess>',
    ].join('\n');
    const a = await walk(withProcess(chain([inner], ['sub'])));
    expect(ids(a)).toEqual(['start', 'sub', 'end', 's_start', 's_task', 's_end']);
    const container = (id: string) => a.reached.find((r) => r.node.attrs.id === id)?.container.attrs.id;
    expect(container('s_task')).toBe('sub');
    expect(container('end')).toBe('p');
    expect(a.byKind.get('task')?.map((r) => r.node.attrs.id)).toEqual(['s_task']);
  });

  it('loads what a call activity calls, in another model, and walks it', async () => {
    const a = await walk({
      ...baseTree(),
      'gg/caller/process_model.json': modelJson('c.bpmn', 'c'),
      'gg/caller/c.bpmn': definitions(
        processXml('c', chain(['    <bpmn:callActivity id="call" calledElement="p" />'], ['call'])),
      ),
    });
    expect([...a.loadedProcesses].map((d) => d.id).sort()).toEqual(['c', 'p']);
    expect(a.called('p')?.modelId).toBe('gg/mmm');
    expect(a.reached.filter((r) => r.process.id === 'p').map((r) => r.node.attrs.id)).toEqual([
      'start',
      't',
      'end',
    ]);
  });

  it('groups the records by file, each in walk order, with what the parser found', async () => {
    const a = await walk({
      ...baseTree(),
      'gg/caller/process_model.json': modelJson('c.bpmn', 'c'),
      'gg/caller/c.bpmn': definitions(
        processXml('c', chain(['    <bpmn:callActivity id="call" calledElement="p" />'], ['call'])),
      ),
    });
    const byFile = [...a.reachedByDoc].map(([doc, rs]) => [doc.file.path, rs.map((r) => r.node.attrs.id)]);
    expect(byFile.sort()).toEqual([
      ['gg/caller/c.bpmn', ['start', 'call', 'end']],
      ['gg/mmm/m.bpmn', ['start', 't', 'end']],
    ]);
    for (const [doc, rs] of a.reachedByDoc) for (const r of rs) expect(r.doc).toBe(doc);
    const call = a.byKind.get('callActivity')![0];
    const [out] = a.outgoing(call);
    expect(out.attrs.targetRef).toBe('end');
    expect(a.target(call, out)?.attrs.id).toBe('end');
    expect(a.boundaryEvents(call)).toEqual([]);
  });

  it('lists the flows whose target the parser does not find, in walk order', async () => {
    const a = await walk(
      withProcess(
        [
          chain(['    <bpmn:task id="t" />'], ['t']),
          flow('d1', 't', 'nowhere'),
          flow('d0', 'start', 'gone'),
        ].join('\n'),
      ),
    );
    expect(a.unresolved.map(({ r, flow }) => [r.node.attrs.id, flow.attrs.id])).toEqual([
      ['start', 'd0'],
      ['t', 'd1'],
    ]);
  });

  it('loads a non-executable primary process but walks none of it', async () => {
    const a = await walk({
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(
        processXml('p', chain(['    <bpmn:task id="t" />'], ['t']), 'isExecutable="false"'),
      ),
    });
    expect([...a.loadedProcesses].map((d) => d.id)).toEqual(['p']);
    expect(a.reached).toEqual([]);
  });

  it('walks nothing for a model without a primary process', async () => {
    const a = await walk({ ...baseTree(), 'gg/mmm/process_model.json': modelJson(null, null) });
    expect(a.loadedProcesses.size).toBe(0);
    expect(a.reached).toEqual([]);
  });
});
