// The loader on its own: what loadModels makes of a models tree (groups, models, files, processes, calls,
// decisions, load findings), without any rule in between.
import { afterAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { loadModels } from '../../src/models/load.js';
import {
  baseTree,
  chain,
  cleanTrees,
  definitions,
  groupJson,
  modelJson,
  processXml,
  writeTree,
  type Tree,
} from '../helpers/bpmn.js';

afterAll(cleanTrees);

const dmn = (ids: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="D" namespace="x">
${ids.map((id) => `  <decision id="${id}" name="${id}"><decisionTable id="${id}_t" /></decision>`).join('\n')}
</definitions>
`;

const callerTree = (): Tree => ({
  ...baseTree(),
  'gg/caller/process_model.json': modelJson('c.bpmn', 'c'),
  'gg/caller/c.bpmn': definitions(
    processXml('c', chain(['    <bpmn:callActivity id="call" calledElement="p" />'], ['call'])),
  ),
  'gg/caller/rules.dmn': dmn(['first_decision', 'second_decision']),
  'gg/sub/process_group.json': groupJson('Nested'),
  'gg/sub/inner/process_model.json': modelJson(null, null),
  'README.md': '# not a model file\n',
});

describe('loadModels', () => {
  it.each([0, 2])('indexes groups, models and the files they hold (workers: %i)', async (workers) => {
    const index = await loadModels(writeTree(callerTree()), { workers });
    expect([...index.groups.keys()].sort()).toEqual(['gg', 'gg/sub']);
    expect([...index.models.keys()].sort()).toEqual(['gg/caller', 'gg/mmm', 'gg/sub/inner']);
    expect(index.models.get('gg/sub/inner')?.groupId).toBe('gg/sub');
    expect(index.models.get('gg/mmm')?.info?.primary_process_id).toBe('p');
    expect(
      index.models
        .get('gg/caller')
        ?.files.map((f) => f.name)
        .sort(),
    ).toEqual(['c.bpmn', 'process_model.json', 'rules.dmn']);
    expect(index.filesByPath.get('README.md')?.modelId).toBeNull();
    expect(index.filesByPath.get('gg/mmm/m.bpmn')).toMatchObject({
      dir: 'gg/mmm',
      ext: 'bpmn',
      modelId: 'gg/mmm',
    });
    expect(index.loadFindings).toEqual([]);
  });

  it.each([0, 2])(
    'indexes processes, call activities, model calls and decisions (workers: %i)',
    async (workers) => {
      const index = await loadModels(writeTree(callerTree()), { workers });
      expect([...index.processes.keys()].sort()).toEqual(['c', 'p']);
      expect(index.processes.get('p')?.map((d) => [d.modelId, d.file.path, d.executable])).toEqual([
        ['gg/mmm', 'gg/mmm/m.bpmn', true],
      ]);
      expect(index.calls.map((c) => [c.modelId, c.processId, c.node.attrs.id])).toEqual([
        ['gg/caller', 'p', 'call'],
      ]);
      expect([...(index.modelCalls.get('gg/caller') ?? [])]).toEqual(['gg/mmm']);
      expect(index.decisionsByDir.get('gg/caller')?.map((d) => [d.id, d.first])).toEqual([
        ['first_decision', true],
        ['second_decision', false],
      ]);
      const doc = index.bpmn.get('gg/mmm/m.bpmn');
      expect(doc?.elements.get('task')?.map((n) => n.attrs.id)).toEqual(['t']);
      expect(doc?.byId.get('start')).toHaveLength(1);
    },
  );

  it('keeps a JSON syntax error on the document, with its line, instead of a value', async () => {
    const index = await loadModels(
      writeTree({ ...baseTree(), 'gg/mmm/process_model.json': '{\n  "display_name": "x",\n  oops\n}\n' }),
    );
    const json = index.models.get('gg/mmm')?.json;
    expect(json?.value).toBeUndefined();
    expect(json?.error?.line).toBe(3);
    expect(index.models.get('gg/mmm')?.info).toBeUndefined();
  });

  it('records a UTF-8 byte-order mark and refuses the JSON as json.load in the backend does', async () => {
    const index = await loadModels(
      writeTree({ ...baseTree(), 'gg/process_group.json': Buffer.from('\ufeff' + groupJson('Bom'), 'utf8') }),
    );
    const file = index.filesByPath.get('gg/process_group.json');
    expect(file?.bom).toBe(true);
    expect(file?.text?.startsWith('{')).toBe(true);
    expect(index.groups.get('gg')?.json.error?.message).toMatch(/Unexpected UTF-8 BOM/);
    expect(index.groups.get('gg')?.displayName).toBeUndefined();
  });

  it.each([0, 2])(
    "lets go of a parsed XML file's text and reads it again on demand, per file (workers: %i)",
    async (workers) => {
      const root = writeTree({
        ...callerTree(),
        'gg/caller/other.bpmn': definitions(processXml('o', chain([], []))),
      });
      const index = await loadModels(root, { workers });
      const c = index.filesByPath.get('gg/caller/c.bpmn');
      const other = index.filesByPath.get('gg/caller/other.bpmn');
      const rules = index.filesByPath.get('gg/caller/rules.dmn');
      expect(Object.keys(c ?? {})).toEqual(['path', 'abs', 'dir', 'name', 'ext', 'size', 'modelId', 'text']);
      fs.writeFileSync(path.join(root, 'gg/caller/other.bpmn'), '<changed/>');
      expect(c?.text).toBe(fs.readFileSync(path.join(root, 'gg/caller/c.bpmn'), 'utf8'));
      expect(rules?.text).toContain('first_decision');
      // Read again from disk, once: what the file holds when it is first asked for, then kept.
      expect(other?.text).toBe('<changed/>');
      fs.writeFileSync(path.join(root, 'gg/caller/other.bpmn'), '<again/>');
      expect(other?.text).toBe('<changed/>');
      (other as { text?: string }).text = 'set';
      expect(other?.text).toBe('set');
      expect(c?.text?.startsWith('<?xml')).toBe(true);
    },
  );

  it('keeps a BPMN file that is not well-formed as a document with an error and no processes', async () => {
    const index = await loadModels(writeTree({ ...baseTree(), 'gg/mmm/m.bpmn': '<bpmn:definitions>' }));
    const doc = index.bpmn.get('gg/mmm/m.bpmn');
    expect(doc?.root).toBeUndefined();
    expect(doc?.error?.message).toBeTruthy();
    expect(doc?.processes).toEqual([]);
    expect(index.processes.has('p')).toBe(false);
  });

  it('loads an empty root as an empty index (the caller decides whether that is an error)', async () => {
    const index = await loadModels(writeTree({}));
    expect(index.models.size).toBe(0);
    expect(index.files).toEqual([]);
  });
});
