// Bad input gives findings, never a crash or a hang.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, describe, expect, it } from '@jest/globals';
import { validateRepo } from '../../src/validate/validate.js';
import { loadModels } from '../../src/models/load.js';
import { baseTree, cleanTrees, definitions, processXml, chain, writeTree } from '../helpers/bpmn.js';

afterAll(cleanTrees);

async function findingsOf(tree: Record<string, string | Buffer>) {
  const report = await validateRepo(writeTree({ ...baseTree(), ...tree }));
  return report.findings;
}

describe('bad input', () => {
  it('reports an empty BPMN file', async () => {
    const f = await findingsOf({ 'gg/mmm/m.bpmn': '' });
    expect(f.map((x) => x.ruleId)).toContain('xml-malformed');
  });

  it('reports a truncated BPMN file at the end', async () => {
    const full = definitions(processXml('p', chain([], [])));
    const f = await findingsOf({ 'gg/mmm/m.bpmn': full.slice(0, full.length / 2) });
    const x = f.find((y) => y.ruleId === 'xml-malformed');
    expect(x).toBeDefined();
  });

  it('reports non-UTF-8 JSON and BPMN without crashing', async () => {
    const f = await findingsOf({
      'gg/mmm/form-schema.json': Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      'gg/mmm/m.bpmn': Buffer.concat([
        Buffer.from('<?xml version="1.0"?><a>'),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('</a>'),
      ]),
    });
    expect(
      f
        .filter((x) => x.ruleId === 'invalid-encoding')
        .map((x) => x.file)
        .sort(),
    ).toEqual(['gg/mmm/form-schema.json', 'gg/mmm/m.bpmn']);
  });

  it('decodes XML that declares ISO-8859-1', async () => {
    const xml = definitions(
      processXml('p', chain(['    <bpmn:task id="t" name="Caf\u00e9" />'], ['t'])),
    ).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const f = await findingsOf({ 'gg/mmm/m.bpmn': Buffer.from(xml, 'latin1') });
    expect(f).toEqual([]);
  });

  const utf16Model = () =>
    definitions(processXml('p', chain(['    <bpmn:task id="t" name="Caf\u00e9" />'], ['t']))).replace(
      'encoding="UTF-8"',
      'encoding="UTF-16"',
    );
  const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

  it.each([
    [
      'UTF-16LE with a byte-order mark',
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16Model(), 'utf16le')]),
    ],
    [
      'UTF-16BE with a byte-order mark',
      () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(utf16Model())]),
    ],
    ['UTF-16LE without one', () => Buffer.from(utf16Model(), 'utf16le')],
  ])('reads XML in %s that declares UTF-16, as the backend (lxml) does', async (_name, bytes) => {
    const f = await findingsOf({ 'gg/mmm/m.bpmn': bytes() });
    expect(f).toEqual([]);
  });

  it('says which encoding an XML file claims when its bytes are not that either', async () => {
    const xml = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><a>'),
      Buffer.from([0x82, 0xff, 0xff]),
      Buffer.from('</a>'),
    ]);
    const f = await findingsOf({ 'gg/mmm/m.bpmn': xml });
    const x = f.find((y) => y.ruleId === 'invalid-encoding');
    expect(x?.message).toBe(
      'neither valid UTF-8 nor valid Shift_JIS (what its XML declaration says): save the file as UTF-8',
    );
  });

  it('a JSON file in UTF-16 is refused as the backend refuses it (json.load reads UTF-8)', async () => {
    const json = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a": 1}', 'utf16le')]);
    const f = await findingsOf({ 'gg/mmm/form-schema.json': json });
    expect(f.find((y) => y.ruleId === 'invalid-encoding')?.message).toBe(
      'UTF-16 text: JSON files must be UTF-8 (the backend reads them as UTF-8): save the file as UTF-8',
    );
  });

  it('never expands an entity bomb and never follows external entities', async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:scriptTask id="s"><bpmn:script>x = "&lol9;&xxe;"</bpmn:script></bpmn:scriptTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="s" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
    const started = Date.now();
    const root = writeTree({ ...baseTree(), 'gg/mmm/m.bpmn': bomb });
    const report = await validateRepo(root);
    expect(report.findings.map((x) => x.ruleId)).toEqual(['xml-doctype']);
    // (validate lets the trees go once judged: the loader's own tree shows the text as parsed)
    const index = await loadModels(root, { workers: 0 });
    const script = index.bpmn.get('gg/mmm/m.bpmn')?.processes[0].node.children[1].children[0];
    expect(script?.text).toBe('x = "&lol9;&xxe;"');
    expect(Date.now() - started).toBeLessThan(20000); // a generous bound: an expanded bomb would not finish
  });

  it('handles a huge BPMN file (many elements) without trouble', async () => {
    const tasks = Array.from({ length: 20000 }, (_, i) => `    <bpmn:task id="t${i}" />`);
    const ids = tasks.map((_, i) => `t${i}`);
    const root = writeTree({
      ...baseTree(),
      'gg/mmm/m.bpmn': definitions(processXml('p', chain(tasks, ids))),
    });
    const report = await validateRepo(root);
    expect(report.findings).toEqual([]);
    const index = await loadModels(root, { workers: 0 });
    expect(index.bpmn.get('gg/mmm/m.bpmn')?.byId.size).toBeGreaterThan(40000);
  });

  it('walks 3,000 nested reachable sub-processes without overflowing the stack', async () => {
    // Innermost: a service task without an operator, which only a walk that reaches the bottom reports.
    let body = [
      '<bpmn:startEvent id="s_deep" /><bpmn:serviceTask id="deep" /><bpmn:endEvent id="e_deep" />',
      '<bpmn:sequenceFlow id="a_deep" sourceRef="s_deep" targetRef="deep" />',
      '<bpmn:sequenceFlow id="b_deep" sourceRef="deep" targetRef="e_deep" />',
    ].join('');
    for (let i = 3000; i >= 1; i--)
      body = [
        `<bpmn:startEvent id="s${i}" /><bpmn:subProcess id="sp${i}">${body}</bpmn:subProcess><bpmn:endEvent id="e${i}" />`,
        `<bpmn:sequenceFlow id="a${i}" sourceRef="s${i}" targetRef="sp${i}" />`,
        `<bpmn:sequenceFlow id="b${i}" sourceRef="sp${i}" targetRef="e${i}" />`,
      ].join('');
    const report = await validateRepo(
      writeTree({ ...baseTree(), 'gg/mmm/m.bpmn': definitions(processXml('p', body)) }),
    );
    expect(report.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([
      expect.stringMatching(/^service-task-operator: service task 'deep' /),
    ]);
  });

  it('reports symlinks that leave the models root and does not follow them', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.bpmn'), '<not-xml');
    const root = writeTree(baseTree());
    fs.symlinkSync(path.join(outside, 'secret.bpmn'), path.join(root, 'gg/mmm/linked.bpmn'));
    fs.symlinkSync(outside, path.join(root, 'gg/linked-dir'));
    fs.symlinkSync(path.join(root, 'gg'), path.join(root, 'gg/mmm/loop'));
    const report = await validateRepo(root);
    expect(report.findings.map((f) => `${f.ruleId}:${f.file}`).sort()).toEqual([
      'symlink-outside-root:gg/linked-dir',
      'symlink-outside-root:gg/mmm/linked.bpmn',
    ]);
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('fails clearly when the root does not exist', async () => {
    await expect(validateRepo('/no/such/models/root')).rejects.toThrow(/does not exist/);
  });
});
