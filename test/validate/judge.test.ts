// Validation judges the repository one directory at a time as the loader reads it and lets each directory's
// trees go once judged: what depends on other directories (what a call resolves to, which processes the
// engine loads) is decided once every file is read, whichever directory comes first.
import { afterAll, describe, expect, it } from '@jest/globals';
import { validateRepo } from '../../src/validate/validate.js';
import { loadModels } from '../../src/models/load.js';
import type { BpmnDoc, DmnDoc } from '../../src/models/types.js';
import {
  baseTree,
  chain,
  cleanTrees,
  definitions,
  flow,
  modelJson,
  processXml,
  writeTree,
  type Tree,
} from '../helpers/bpmn.js';

afterAll(cleanTrees);

/** A DMN file with one decision. */
const DMN =
  '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs"><decision id="dec">' +
  '<decisionTable id="dt" /></decision></definitions>';

/** A task with two outgoing flows: an engine error ("implicit-split") wherever the engine parses it. */
const split = [
  '    <bpmn:startEvent id="start" />',
  '    <bpmn:task id="t" />',
  '    <bpmn:endEvent id="end" />',
  '    <bpmn:endEvent id="end2" />',
  flow('f0', 'start', 't'),
  flow('f1', 't', 'end'),
  flow('f2', 't', 'end2'),
].join('\n');

/** A library model `gg/aaa` (read first) whose process `lib` has the split, and a model `gg/zzz` (read last). */
function repo(zzzCalls: string | null): Tree {
  const call = zzzCalls
    ? chain([`    <bpmn:callActivity id="ca" calledElement="${zzzCalls}" />`], ['ca'])
    : chain([], []);
  return {
    ...baseTree(),
    'gg/aaa/process_model.json': modelJson(null, null),
    'gg/aaa/lib.bpmn': definitions(processXml('lib', split)),
    'gg/zzz/process_model.json': modelJson('z.bpmn', 'z'),
    'gg/zzz/z.bpmn': definitions(processXml('z', call)),
  };
}

const ids = (findings: { ruleId: string; file: string }[]) =>
  findings.filter((f) => f.ruleId !== 'primary-empty').map((f) => `${f.ruleId} ${f.file}`);

describe('judging one directory at a time', () => {
  it('reports an engine error in a process a later directory calls, and none when nothing calls it', async () => {
    const called = await validateRepo(writeTree(repo('lib')));
    expect(ids(called.findings)).toEqual(['implicit-split gg/aaa/lib.bpmn']);
    const alone = await validateRepo(writeTree(repo(null)));
    expect(ids(alone.findings)).toEqual([]);
  });

  it('resolves a call to a process of a directory read later, and reports one that resolves nowhere', async () => {
    const tree: Tree = {
      ...repo(null),
      'gg/aaa/process_model.json': modelJson('a.bpmn', 'a'),
      'gg/aaa/a.bpmn': definitions(
        processXml('a', chain(['    <bpmn:callActivity id="ca" calledElement="z" />'], ['ca'])),
      ),
      'gg/aaa/lib.bpmn': definitions(processXml('lib', chain([], []))),
    };
    expect(ids((await validateRepo(writeTree(tree))).findings)).toEqual([]);
    tree['gg/aaa/a.bpmn'] = definitions(
      processXml('a', chain(['    <bpmn:callActivity id="ca" calledElement="nowhere" />'], ['ca'])),
    );
    expect(ids((await validateRepo(writeTree(tree))).findings)).toEqual(['call-activity gg/aaa/a.bpmn']);
  });

  it('lets every tree go: each document keeps its root, processes and decisions without children', async () => {
    const tree: Tree = {
      ...repo('lib'),
      'gg/zzz/d.dmn': DMN,
    };
    const { index } = await validateRepo(writeTree(tree));
    const docs: (BpmnDoc | DmnDoc)[] = [...index.bpmn.values(), ...index.dmn.values()];
    expect(docs.length).toBe(4);
    for (const doc of docs) {
      expect(doc.root?.children).toEqual([]);
      expect(doc.root?.parent).toBeNull();
    }
    for (const doc of index.bpmn.values()) {
      expect(doc.elements.size).toBe(0);
      expect(doc.byId.size).toBe(0);
      for (const def of doc.processes) expect(def.node.children).toEqual([]);
    }
    for (const def of index.dmn.get('gg/zzz/d.dmn')?.decisions ?? []) expect(def.node.children).toEqual([]);
    for (const call of index.calls) expect(call.node.parent).toBeNull();
    // What the reporters and the other commands read stays.
    expect([...index.processes.keys()].sort()).toEqual(['lib', 'p', 'z']);
    expect(index.modelCalls.get('gg/zzz')).toEqual(new Set(['gg/aaa']));
  });
});

describe('loadModels onShard', () => {
  it('hands over each directory once, with all its BPMN and DMN files, before reading the next', async () => {
    const root = writeTree({
      ...repo('lib'),
      'gg/aaa/sub/x.bpmn': definitions(processXml('x', chain([], []))),
      'gg/aaa/zz.dmn': DMN,
    });
    const seen: string[][] = [];
    const index = await loadModels(root, {
      workers: 0,
      onShard: (docs, idx) => {
        seen.push(docs.map((d) => d.file.path));
        // Nothing of a directory after this one has been read yet.
        expect([...idx.bpmn.keys(), ...idx.dmn.keys()].length).toBe(seen.flat().length);
        // Each directory's trees are whole when handed over.
        for (const d of docs) expect(d.root?.children.length).toBeGreaterThan(0);
      },
    });
    // 'gg/aaa/sub/x.bpmn' sorts between the files of gg/aaa, yet gg/aaa comes whole.
    expect(seen).toEqual([
      ['gg/aaa/lib.bpmn', 'gg/aaa/zz.dmn'],
      ['gg/aaa/sub/x.bpmn'],
      ['gg/mmm/m.bpmn'],
      ['gg/zzz/z.bpmn'],
    ]);
    // The index comes out in the order of the paths, as a load without onShard gives it.
    const plain = await loadModels(root, { workers: 0 });
    expect([...index.bpmn.keys()]).toEqual([...plain.bpmn.keys()]);
    expect(index.calls.map((c) => c.file.path)).toEqual(plain.calls.map((c) => c.file.path));
  });

  it("reads a directory's JSON files with its BPMN/DMN files, and every other model's at the end, once", async () => {
    const notUtf8 = Buffer.from([0x7b, 0xff, 0x7d]);
    const root = writeTree({
      ...repo('lib'),
      'gg/aaa/form-schema.json': '{"type": "object"}',
      'gg/zzz/form-schema.json': '{"type": "object"}',
      'gg/zzz/bad.json': notUtf8,
      // A model with JSON files and no BPMN/DMN file at all, and a file that cannot be decoded there.
      'gg/nox/process_model.json': modelJson(null, null),
      'gg/nox/data.json': '[1, 2]',
      'gg/nox/bad.json': notUtf8,
    });
    const textOf = (idx: { filesByPath: Map<string, { text?: string }> }, p: string) =>
      idx.filesByPath.get(p)?.text;
    const index = await loadModels(root, {
      workers: 0,
      onShard: (docs, idx) => {
        const dir = docs[0].file.dir;
        if (dir === 'gg/aaa') {
          expect(textOf(idx, 'gg/aaa/form-schema.json')).toBe('{"type": "object"}');
          // Not yet: a later directory's forms, a model without BPMN/DMN files.
          expect(textOf(idx, 'gg/zzz/form-schema.json')).toBeUndefined();
          expect(textOf(idx, 'gg/nox/data.json')).toBeUndefined();
        }
        if (dir === 'gg/zzz') expect(textOf(idx, 'gg/zzz/form-schema.json')).toBe('{"type": "object"}');
        // process_model.json files are all read before any directory.
        expect(textOf(idx, 'gg/zzz/process_model.json')).toBeDefined();
      },
    });
    expect(textOf(index, 'gg/nox/data.json')).toBe('[1, 2]');
    const plain = await loadModels(root, { workers: 0 });
    // The same findings (one per undecodable file; the report sorts them by file), and the same texts, as a
    // load without onShard.
    const bad = (i: typeof index) =>
      i.loadFindings
        .filter((f) => f.ruleId === 'invalid-encoding')
        .map((f) => f.file)
        .sort();
    expect(bad(index)).toEqual(['gg/nox/bad.json', 'gg/zzz/bad.json']);
    expect(bad(plain)).toEqual(bad(index));
    for (const f of plain.files) expect([f.path, textOf(index, f.path)]).toEqual([f.path, f.text]);
  });
});
