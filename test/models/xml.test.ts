// The XML scanner against fast-xml-parser as an oracle: same verdict on well-formedness, same tree.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeEntities, parseXml, type XNode } from '../../src/models/xml.js';
import { REPO_ROOT } from '../helpers/runner.js';

function exampleFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(bpmn|dmn)$/.test(e.name)) out.push(p);
    }
  };
  walk(path.join(REPO_ROOT, 'examples'));
  return out;
}

type Ordered = Record<string, unknown>;
const oracle = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  processEntities: true,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
});

/** name(attrs)[text]{children} for comparison, skipping what the scanner does not keep (DI, incoming/outgoing). */
function fromOracle(e: Ordered): string {
  const tag = Object.keys(e).find((k) => k !== ':@' && k !== '#text') as string;
  // fast-xml-parser leaves character references in attribute values as written; XML decodes them.
  const attrs = Object.fromEntries(
    Object.entries((e[':@'] ?? {}) as Record<string, string>).map(([k, v]) => [
      k,
      v.replace(/&#(\d+);/g, (_m, d: string) => String.fromCharCode(Number(d))),
    ]),
  );
  const items = e[tag] as Ordered[];
  const text = items
    .filter((c) => '#text' in c)
    .map((c) => String(c['#text']))
    .join('');
  const kids = items
    .filter((c) => !('#text' in c))
    .filter(
      (c) =>
        !/(BPMNDiagram|DMNDI|bpmn:incoming|bpmn:outgoing)$/.test(
          Object.keys(c).find((k) => k !== ':@') as string,
        ),
    )
    .map(fromOracle);
  return `${tag.split(':').pop()}(${JSON.stringify(attrs)})[${text.trim()}]{${kids.join(',')}}`;
}

function fromScanner(n: XNode): string {
  return `${n.name}(${JSON.stringify(n.attrs)})[${n.text.trim()}]{${n.children.map(fromScanner).join(',')}}`;
}

describe('xml scanner', () => {
  it.each(exampleFiles().map((f) => [path.relative(REPO_ROOT, f), f]))(
    'builds the same tree as fast-xml-parser for %s',
    (_n, file) => {
      const text = fs.readFileSync(file, 'utf8');
      expect(XMLValidator.validate(text)).toBe(true);
      const ours = parseXml(text);
      expect(ours.error).toBeUndefined();
      const theirs = (oracle.parse(text) as Ordered[]).find(
        (e) => !Object.keys(e).some((k) => k.startsWith('?')),
      );
      expect(fromScanner(ours.root as XNode)).toBe(fromOracle(theirs as Ordered));
    },
  );

  it.each([
    ['mismatched end tag', '<a><b></a>', 1, 7],
    ['unclosed root', '<a>\n<b/>', 2, 5],
    ['unquoted attribute', '<a x=1/>', 1, 6],
    ['duplicate attribute', '<a x="1" x="2"/>', 1, 10],
    ["'<' in text", '<a>1 < 2</a>', 1, 6],
    ['attribute without value', '<a x/>', 1, 4],
    ['end tag without start', '</a>', 1, 1],
    ['unterminated comment', '<a><!-- x</a>', 1, 4],
  ])('rejects %s like fast-xml-parser does, at line:column', (_name, xml, line, column) => {
    expect(XMLValidator.validate(xml)).not.toBe(true);
    const r = parseXml(xml);
    expect(r.error).toMatchObject({ line, column });
  });

  it.each([
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['an entity named like an object property', '<a>&constructor;</a>'],
    ['an entity named __proto__', '<a x="&__proto__;"/>'],
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['an undeclared namespace prefix', '<x:a/>'],
    ["'--' inside a comment", '<a><!-- a -- b --></a>'],
    ['two roots (fast-xml-parser lets it pass)', '<a/><b/>'],
    ['text after the root (fast-xml-parser lets it pass)', '<a/>x'],
  ])('rejects %s, as lxml does', (_name, xml) => {
    expect(parseXml(xml).error).toBeDefined();
  });

  it('keeps CDATA and entity-decoded text, and where the text starts', () => {
    const xml = '<a>\n<b>x &lt; 1 &amp;&#65;</b><c><![CDATA[if a < b & c: pass]]></c></a>';
    const root = parseXml(xml).root as XNode;
    expect(root.children[0].text).toBe('x < 1 &A');
    expect(root.children[1].text).toBe('if a < b & c: pass');
    expect(root.children[0].textOffset).toBe(xml.indexOf('x &lt;'));
  });

  it('accepts entities a DOCTYPE declares without expanding them', () => {
    const r = parseXml('<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>');
    expect(r.error).toBeUndefined();
    expect(r.root?.text).toBe('&e;');
    expect(r.hasDoctype).toBe(true);
  });

  it('normalizes whitespace in attribute values', () => {
    expect(parseXml('<a x="1\n2\t3"/>').root?.attrs.x).toBe('1 2 3');
  });
});

describe('decodeEntities', () => {
  // The definition it implements, as a regular expression.
  const reference = (value: string) =>
    value.replace(
      /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g,
      (m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
        if (named)
          return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[named];
        const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex as string, 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      },
    );

  it.each([
    ['&lt;&gt;&amp;&quot;&apos;'],
    ['a &amp;lt; b'],
    ['&#65;&#x42;&#x1F600;&#00067;'],
    ['&#0; &#x0; &#x110000; &#1114112; &#99999999999999999999;'],
    ['&#X41; &#; &#x; &#12x; &#x1g; &lt &ltx; &LT; &constructor; &e;'],
    ['&&lt;& &;&#&#x'],
    ['no entity at all, and long enough to be a cons'],
  ])('decodes %j as the definition says', (value) => {
    expect(decodeEntities(value)).toBe(reference(value));
  });

  it('agrees with the definition on generated strings', () => {
    const parts = ['&', '#', 'x', ';', 'lt', 'amp', 'quot', 'apos', 'gt', '1', '6', '5', 'F', 'g', ' ', 'ab'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let t = 0; t < 5000; t++) {
      let value = '';
      const len = next() % 12;
      for (let k = 0; k < len; k++) value += parts[next() % parts.length];
      expect(decodeEntities(value)).toBe(reference(value));
    }
  });
});

describe('plain tags inside a discarded subtree', () => {
  // A discarded subtree's plain tags take a shorter path (plainDiscarded): the verdict on every such tag must
  // be the exact reading's. bpmn:incoming is discarded and bpmn:xncoming (as long) is kept, so the same tag at
  // the same offset is read once each way.
  const doc = (wrapper: string, tag: string) =>
    `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:dc="urn:dc">\n` +
    `<bpmn:process id="p"><bpmn:task id="t"><bpmn:${wrapper}>${tag}</bpmn:${wrapper}></bpmn:task>` +
    `</bpmn:process></bpmn:definitions>`;
  const names = ['dc:Bounds', 'Bounds', 'a.b-c', 'di:waypoint', 'dc:', '1x', 'x:y:z'];
  const attrNames = ['x', 'y', 'id', 'xmlns', 'xmlns:q', 'dc:x', 'q:y', 'x1', '_a', 'X', 'xmlnsx'];
  const spaces = [' ', '\n', '\t', '  ', '\r\n', ''];
  const equals = ['=', ' = ', '=\n', ''];
  const values = [
    '"1"',
    "'2'",
    '"a>b"',
    '"a&amp;b"',
    '"a&b"',
    '"a\nb"',
    '"a<b"',
    '""',
    `'"'`,
    `"'"`,
    '"x',
    '3',
  ];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const pick = <T>(list: T[]): T => list[next() % list.length];
  const tags: string[] = [
    '<dc:Bounds x="1" y="2" width="3" height="4" />',
    '<dc:Bounds x="1" y="2" x="3"/>',
    '<dc:Bounds x="1" y="2" width="3" height="4" a="5" b="6" c="7" d="8" e="9"/>',
    '<q:Bounds x="1"/>',
    '<dc:Bounds xmlns="urn:x" x="1"/>',
    // prefixes declared inside the subtree (by a tag read the exact way), used and out of scope again
    '<q:a xmlns:q="urn:q"><q:b x="1"/><q:c><q:d/></q:c></q:a>',
    '<q:a xmlns:q="urn:q"></q:a><q:b/>',
    '<dc:a><dc:b x="1" y="2"><dc:c/></dc:b></dc:a>',
    '<dc:a><dc:b></dc:a></dc:b>',
    '<dc:a x="1"\n y="2"/>',
  ];
  for (let t = 0; t < 3000; t++) {
    const name = pick(names);
    let attrs = '';
    for (let k = next() % 11; k > 0; k--)
      attrs += pick(spaces) + pick(attrNames) + pick(equals) + pick(values);
    const end = pick(['/>', ' />', '>', '\n>', '/ >']);
    tags.push(`<${name}${attrs}${end}${end.includes('/') ? '' : `</${name}>`}`);
  }

  it('gives the exact reading’s verdict on every tag, at the same line and column', () => {
    let accepted = 0;
    for (const tag of tags) {
      const fast = parseXml(doc('incoming', tag));
      const exact = parseXml(doc('xncoming', tag));
      expect([tag, fast.error]).toEqual([tag, exact.error]);
      if (!exact.error) accepted++;
    }
    // Both kinds are among the cases.
    expect(accepted).toBeGreaterThan(100);
    expect(tags.length - accepted).toBeGreaterThan(100);
  });
});
