// Many attributes on one element: the scanner's duplicate and namespace checks stay linear, so a file with
// 100,000 attributes gets its verdict at once (it took over a minute when every attribute was compared with
// every earlier one). No timing assertions: linearity is proven by counting the character reads the scanner
// makes on N and on 2N attributes, and the verdicts on 100,000 must be right.
// `node bench/validate/attributes.mjs` prints the times.
import { describe, expect, it } from '@jest/globals';
import { parseXml } from '../../src/models/xml.js';

const N = 100_000;

function doc(attrs: string, decls = ''): string {
  return (
    '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ' +
    `xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core"${decls} id="d">` +
    `<bpmn:process id="p"><bpmn:task id="t"${attrs}/></bpmn:process></bpmn:definitions>`
  );
}

function attributes(n: number, make: (i: number) => string): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(make(i));
  return parts.join('');
}

/** The `i`th of 2^15 strings of "Aa" and "BB" pairs. */
const collide = (i: number) =>
  Array.from({ length: 15 }, (_, bit) => ((i >> bit) & 1 ? 'Aa' : 'BB')).join('');

const task = (xml: string) => parseXml(xml).root?.children[0]?.children[0];

/** Character reads (charCodeAt, startsWith) made while `fn` runs: a count, not a time. */
function reads(fn: () => void): number {
  const proto = String.prototype;
  const { charCodeAt, startsWith } = proto;
  let count = 0;
  proto.charCodeAt = function (this: string, i: number) {
    count++;
    return charCodeAt.call(this, i);
  };
  proto.startsWith = function (this: string, search: string, at?: number) {
    count += search.length;
    return startsWith.call(this, search, at);
  };
  try {
    fn();
  } finally {
    proto.charCodeAt = charCodeAt;
    proto.startsWith = startsWith;
  }
  return count;
}

describe('the scanner reads each attribute a bounded number of times', () => {
  // Same-length names sharing a prefix: the worst case for comparing names with each other.
  const cases: [string, (n: number) => string][] = [
    ['plain names', (n) => doc(attributes(n, (i) => ` a${String(i).padStart(6, '0')}="v"`))],
    ['prefixed names', (n) => doc(attributes(n, (i) => ` spiffworkflow:a${String(i).padStart(6, '0')}="v"`))],
    [
      'namespace declarations and their uses',
      (n) =>
        doc(
          attributes(n, (i) => ` p${String(i).padStart(6, '0')}:a="v"`),
          attributes(n, (i) => ` xmlns:p${String(i).padStart(6, '0')}="urn:x${i}"`),
        ),
    ],
    [
      // "Aa" and "BB" have one hash, so every string of such pairs has the same: the tables a scanner
      // looks names and values up in must not compare each with all the earlier ones.
      'values whose hashes collide',
      (n) => doc(attributes(n, (i) => ` a${String(i).padStart(6, '0')}="${collide(i)}"`)),
    ],
    [
      'elements below many declarations',
      (n) =>
        `<r${attributes(n, (i) => ` xmlns:p${String(i).padStart(6, '0')}="urn:x${i}"`)}>` +
        `${attributes(n, (i) => `<p${String(i).padStart(6, '0')}:x/>`)}</r>`,
    ],
  ];
  it.each(cases)('%s: twice the attributes, about twice the reads', (_, make) => {
    const small = make(2000);
    const large = make(4000);
    // Names are looked up in a table that outlives a parse: fill it first, so both counts see it alike.
    parseXml(large);
    const a = reads(() => parseXml(small));
    const b = reads(() => parseXml(large));
    expect(b / a).toBeLessThan(2.3);
  });
});

describe('an element with 100,000 attributes', () => {
  it('keeps every distinct plain attribute', () => {
    const t = task(doc(attributes(N, (i) => ` a${i}="v${i}"`)));
    expect(Object.keys(t?.attrs ?? {})).toHaveLength(N + 1);
    expect(t?.attrs[`a${N - 1}`]).toBe(`v${N - 1}`);
  });

  it('finds a duplicate as the last attribute, at its position', () => {
    const r = parseXml(doc(attributes(N, (i) => ` a${i}="v"`) + ' a7="again"'));
    expect(r.error?.message).toBe('duplicate attribute a7 in <bpmn:task>');
    expect(r.error?.column).toBeGreaterThan(N * 5);
  });

  it('keeps prefixed attributes and still rejects their duplicates', () => {
    const many = attributes(N, (i) => ` spiffworkflow:a${i}="v"`);
    expect(Object.keys(task(doc(many))?.attrs ?? {})).toHaveLength(N + 1);
    expect(parseXml(doc(many + ' spiffworkflow:a42="v"')).error?.message).toBe(
      'duplicate attribute spiffworkflow:a42 in <bpmn:task>',
    );
  });

  it('resolves each of 100,000 namespace declarations, and rejects an undeclared prefix', () => {
    const decls = attributes(N, (i) => ` xmlns:p${i}="urn:x${i}"`);
    const uses = attributes(N, (i) => ` p${i}:a="v"`);
    expect(parseXml(doc(uses, decls)).error).toBeUndefined();
    // declared on the element itself, used by its own attributes
    expect(task(doc(attributes(N, (i) => ` xmlns:q${i}="urn:y${i}" q${i}:a="v"`)))?.attrs['q9:a']).toBe('v');
    expect(parseXml(doc(`${uses} nope:a="v"`, decls)).error?.message).toBe(
      "namespace prefix 'nope' of an attribute of <bpmn:task> is not declared",
    );
  });

  it('resolves element prefixes below a root with 100,000 declarations', () => {
    const decls = attributes(N, (i) => ` xmlns:p${i}="urn:x${i}"`);
    const inner = attributes(1000, (i) => `<p${i * 97}:x/>`);
    const xml =
      `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"${decls} ` +
      `id="d"><bpmn:process id="p">${inner}</bpmn:process></bpmn:definitions>`;
    const r = parseXml(xml);
    expect(r.error).toBeUndefined();
    expect(r.root?.children[0].children[5].ns).toBe(`urn:x${5 * 97}`);
  });
});
