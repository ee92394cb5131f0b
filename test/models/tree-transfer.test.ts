// The compact form a parse worker sends its trees in: the loader must build the very tree a parse on the
// main thread gives (names, namespaces, attributes in order, texts, offsets, parent links, shared empties).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { SymbolsOut, TreeReader, TreeWriter } from '../../src/models/tree-transfer.js';
import { NO_ATTRS, NO_CHILDREN, parseXml, type XNode } from '../../src/models/xml.js';
import { REPO_ROOT } from '../helpers/runner.js';

/** Everything of a tree the interface promises, parent links as the parent's offset. */
function shape(node: XNode): unknown {
  return {
    name: node.name,
    ns: node.ns,
    attrs: Object.entries(node.attrs),
    offset: node.offset,
    text: node.text,
    textOffset: node.textOffset,
    parent: node.parent?.offset ?? null,
    sharedAttrs: node.attrs === NO_ATTRS,
    sharedChildren: node.children === NO_CHILDREN,
    children: node.children.map(shape),
  };
}

function parse(xml: string): XNode {
  const r = parseXml(xml);
  if (!r.root) throw new Error(JSON.stringify(r.error));
  return r.root;
}

/** Sends `docs` through one writer and reader, `perMessage` trees a message, as a worker would. */
function roundTrip(docs: XNode[], perMessage: number): XNode[] {
  const writer = new TreeWriter(new SymbolsOut());
  const reader = new TreeReader();
  const out: XNode[] = [];
  for (let k = 0; k < docs.length; k += perMessage) {
    for (const d of docs.slice(k, k + perMessage)) writer.add(d);
    const msg = structuredClone(writer.take());
    reader.load(msg);
    for (let m = 0; m < msg.count; m++) out.push(reader.next());
  }
  return out;
}

const tricky = [
  '<a/>',
  '<a x="1"/>',
  '<r xmlns="urn:d" xmlns:p="urn:p"><p:b k="v" p:k="w">t&amp;u</p:b><c><![CDATA[<x> & y]]></c>tail</r>',
  '<a>x<b/>y<!-- c -->z<c>é€😀</c></a>',
  `<d a="${'long value '.repeat(20)}" b="" c="&#x1F600;&lt;">${'text '.repeat(1000)}</d>`,
  '<a><b><c><d><e/></d></c></b><f/></a>',
  `<a>${'<b x="y"/>'.repeat(3000)}</a>`,
];

describe('tree transfer', () => {
  it('gives back the same trees, one or many a message', () => {
    const docs = tricky.map(parse);
    for (const perMessage of [1, 3, docs.length]) {
      const back = roundTrip(docs, perMessage);
      expect(back.map(shape)).toEqual(docs.map(shape));
    }
  });

  it('gives back the example models as parsed', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(bpmn|dmn)$/.test(e.name)) files.push(p);
      }
    };
    walk(path.join(REPO_ROOT, 'examples'));
    expect(files.length).toBeGreaterThan(2);
    const docs = files.map((f) => parse(fs.readFileSync(f, 'utf8')));
    expect(roundTrip(docs, 2).map(shape)).toEqual(docs.map(shape));
  });

  it('sends each name once per worker', () => {
    const writer = new TreeWriter(new SymbolsOut());
    writer.add(parse('<a x="1"><b x="2"/></a>'));
    expect(writer.take().symbols).toEqual(['a', '', 'x', 'b']);
    writer.add(parse('<b x="3"><c/></b>'));
    expect(writer.take().symbols).toEqual(['c']);
  });
});
