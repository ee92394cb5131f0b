// XML parsing for BPMN/DMN: one strict pass (well-formedness checked the way lxml judges it) straight into a
// small namespace-aware tree that keeps each element's source offset, so findings point at file:line:column.
// Entities are never expanded and a DOCTYPE is never followed (the backend's lxml runs with
// resolve_entities=False, no_network, no DTD loading). Diagram interchange (DI) subtrees are checked for
// well-formedness but not kept: no rule reads them. A hand-written scanner, because fast-xml-parser's
// validate + parse passes ran at 20 MB/s on real diagrams, below the throughput target (see bench/validate);
// fast-xml-parser stays as the test oracle that this scanner agrees with.

export const NS = {
  bpmn: 'http://www.omg.org/spec/BPMN/20100524/MODEL',
  bpmndi: 'http://www.omg.org/spec/BPMN/20100524/DI',
  spiff: 'http://spiffworkflow.org/bpmn/schema/1.0/core',
} as const;

/** DMN namespaces of the versions the engine reads (1.1 to 1.3). */
export const DMN_NAMESPACES = new Set([
  'http://www.omg.org/spec/DMN/20151101/dmn.xsd',
  'https://www.omg.org/spec/DMN/20191111/MODEL/',
  'http://www.omg.org/spec/DMN/20180521/MODEL/',
]);

/** Subtrees checked but not kept (diagram layout). */
const DISCARDED = new Set([
  'http://www.omg.org/spec/BPMN/20100524/DI BPMNDiagram',
  'https://www.omg.org/spec/DMN/20191111/DMNDI/ DMNDI',
  'http://www.omg.org/spec/DMN/20180521/DMNDI/ DMNDI',
]);

export interface XNode {
  /** Local name, e.g. "process". */
  name: string;
  /** Namespace URI ('' when none). */
  ns: string;
  /** Attributes by their name as written (prefix included for qualified ones), values normalized. */
  attrs: Record<string, string>;
  children: XNode[];
  parent: XNode | null;
  /** Offset of the element's '<' in the decoded file text. */
  offset: number;
  /** Character data directly inside the element (entities decoded), and where it starts. */
  text: string;
  textOffset: number;
}

export interface XmlParseResult {
  root?: XNode;
  error?: { message: string; line: number; column: number };
  hasDoctype: boolean;
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; anything else stays as written. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(
    ENTITY,
    (m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (named) return NAMED[named];
      const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex as string, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    },
  );
}

class XmlError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const REFERENCE = /&(?:#[0-9]+|#x[0-9a-fA-F]+|([A-Za-z_:\u0080-\uffff][\w.:\-\u0080-\uffff]*));/y;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Name characters (simplified XML Name production: ASCII rules, anything non-ASCII allowed). */
function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 58 ||
    c === 45 ||
    c === 46 ||
    c >= 0x80
  );
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 0x80;
}

export function parseXml(text: string): XmlParseResult {
  const hasDoctype = text.includes('<!DOCTYPE');
  try {
    return { root: scan(text), hasDoctype };
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    const { line, column } = new LineIndex(text).position(Math.min(err.at, text.length));
    return { hasDoctype, error: { message: err.message, line, column } };
  }
}

function scan(s: string): XNode {
  const n = s.length;
  let root: XNode | null = null;
  let rootClosed = false;
  const names: string[] = [];
  const nodes: (XNode | null)[] = [];
  const scopes: Map<string, string>[] = [new Map([['xml', XML_NS]])];
  let entities: Set<string> | null = null; // declared in a DOCTYPE (then any entity is accepted)
  let i = 0;
  if (s.startsWith('<?xml') && isSpace(s.charCodeAt(5))) {
    const e = s.indexOf('?>', 5);
    if (e < 0) throw new XmlError('unterminated XML declaration', 0);
    i = e + 2;
  }

  // Next '&' and ']]>' at or after a position, cached: searching from every text segment to the end of
  // the file would make a file without them quadratic.
  let nextAmp = -2;
  const findAmp = (from: number): number => {
    if (nextAmp !== -1 && nextAmp < from) nextAmp = s.indexOf('&', from);
    return nextAmp;
  };
  let nextCdEnd = -2;
  const findCdEnd = (from: number): number => {
    if (nextCdEnd !== -1 && nextCdEnd < from) nextCdEnd = s.indexOf(']]>', from);
    return nextCdEnd;
  };

  const checkReferences = (from: number, to: number, where: string) => {
    let a = findAmp(from);
    while (a >= 0 && a < to) {
      REFERENCE.lastIndex = a;
      const m = REFERENCE.exec(s);
      if (!m || a + m[0].length > to)
        throw new XmlError(`'&' in ${where} must start an entity reference such as &amp;`, a);
      const name = m[1];
      if (name && !(name in NAMED) && entities === null)
        throw new XmlError(`entity '&${name};' is not defined (only &lt; &gt; &amp; &quot; &apos; are)`, a);
      a = findAmp(a + m[0].length);
    }
  };

  while (i < n) {
    const lt = s.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const top = nodes.length ? nodes[nodes.length - 1] : undefined;
      if (names.length === 0) {
        for (let k = i; k < end; k++)
          if (!isSpace(s.charCodeAt(k))) throw new XmlError('text outside the root element', k);
      } else {
        checkReferences(i, end, 'text');
        const gt = findCdEnd(i);
        if (gt >= 0 && gt < end) throw new XmlError("']]>' is not allowed in text", gt);
        if (top) {
          if (top.textOffset < 0) {
            // Layout whitespace before any text is not kept: most elements have nothing else.
            let k = i;
            while (k < end && isSpace(s.charCodeAt(k))) k++;
            if (k < end) {
              top.textOffset = i;
              top.text = s.slice(i, end);
            }
          } else top.text += s.slice(i, end);
        }
      }
    }
    if (lt < 0) break;
    i = lt;
    const c = s.charCodeAt(i + 1);
    if (c === 47) {
      // end tag
      let j = i + 2;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      const name = s.slice(i + 2, j);
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 62) throw new XmlError(`malformed end tag </${name}`, i);
      const open = names.pop();
      if (open === undefined) throw new XmlError(`end tag </${name}> without a start tag`, i);
      if (open !== name) throw new XmlError(`end tag </${name}> does not match <${open}>`, i);
      const node = nodes.pop();
      scopes.pop();
      if (node && node.text.includes('&')) node.text = decodeEntities(node.text);
      if (names.length === 0) rootClosed = true;
      i = j + 1;
    } else if (c === 33) {
      if (s.startsWith('<!--', i)) {
        const e = s.indexOf('-->', i + 4);
        if (e < 0) throw new XmlError('unterminated comment', i);
        const dd = s.indexOf('--', i + 4);
        if (dd < e) throw new XmlError("'--' is not allowed inside a comment", dd);
        i = e + 3;
      } else if (s.startsWith('<![CDATA[', i)) {
        if (names.length === 0) throw new XmlError('CDATA section outside the root element', i);
        const e = s.indexOf(']]>', i + 9);
        if (e < 0) throw new XmlError('unterminated CDATA section', i);
        const top = nodes[nodes.length - 1];
        if (top) {
          if (top.textOffset < 0) top.textOffset = i + 9;
          // kept literally: escape '&' so the decode at the end tag leaves CDATA content as written
          top.text += s.slice(i + 9, e).replace(/&/g, '&amp;');
        }
        i = e + 3;
      } else if (s.startsWith('<!DOCTYPE', i)) {
        if (root) throw new XmlError('DOCTYPE after the root element', i);
        let j = i + 9;
        let depth = 0;
        let quote = 0;
        for (; j < n; j++) {
          const ch = s.charCodeAt(j);
          if (quote) {
            if (ch === quote) quote = 0;
          } else if (ch === 34 || ch === 39) quote = ch;
          else if (ch === 91) depth++;
          else if (ch === 93) depth--;
          else if (ch === 62 && depth <= 0) break;
        }
        if (j >= n) throw new XmlError('unterminated DOCTYPE', i);
        entities = new Set();
        for (const m of s.slice(i, j).matchAll(/<!ENTITY\s+(?:%\s+)?([^\s>]+)/g)) entities.add(m[1]);
        i = j + 1;
      } else throw new XmlError('malformed markup declaration', i);
    } else if (c === 63) {
      const e = s.indexOf('?>', i + 2);
      if (e < 0) throw new XmlError('unterminated processing instruction', i);
      if (/^xml(\s|$)/i.test(s.slice(i + 2, Math.min(e, i + 7))))
        throw new XmlError('the XML declaration is only allowed at the very start of the file', i);
      i = e + 2;
    } else {
      // start tag
      if (!isNameStart(c))
        throw new XmlError(
          c === c ? "'<' must start a tag (write &lt; in text)" : 'unexpected end of file',
          i,
        );
      if (rootClosed) throw new XmlError('more than one root element', i);
      let j = i + 1;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      const qname = s.slice(i + 1, j);
      // Inside a discarded (DI) subtree attributes are checked but not kept: no object, no value strings.
      const discarding = names.length > 0 && nodes[nodes.length - 1] === null;
      const attrs: Record<string, string> = {};
      let seen: string[] | undefined;
      let selfClosing = false;
      let scope = scopes[scopes.length - 1];
      let ownScope = false;
      for (;;) {
        const before = j;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        const ch = s.charCodeAt(j);
        if (ch === 62) {
          j++;
          break;
        }
        if (ch === 47 && s.charCodeAt(j + 1) === 62) {
          selfClosing = true;
          j += 2;
          break;
        }
        if (j >= n) throw new XmlError(`unterminated start tag <${qname}`, i);
        if (j === before || !isNameStart(ch)) throw new XmlError(`malformed attribute in <${qname}>`, j);
        const a = j;
        while (j < n && isNameChar(s.charCodeAt(j))) j++;
        const attr = s.slice(a, j);
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (s.charCodeAt(j) !== 61)
          throw new XmlError(`attribute ${attr} of <${qname}> needs a value (${attr}="...")`, a);
        j++;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        const q = s.charCodeAt(j);
        if (q !== 34 && q !== 39)
          throw new XmlError(`the value of attribute ${attr} of <${qname}> must be quoted`, j);
        const close = s.indexOf(q === 34 ? '"' : "'", j + 1);
        if (close < 0) throw new XmlError(`unterminated value of attribute ${attr}`, j);
        const lt2 = s.indexOf('<', j + 1);
        if (lt2 >= 0 && lt2 < close)
          throw new XmlError(`'<' is not allowed in the value of attribute ${attr}`, lt2);
        checkReferences(j + 1, close, `the value of attribute ${attr}`);
        const isNs = attr.charCodeAt(0) === 120 && (attr === 'xmlns' || attr.startsWith('xmlns:'));
        if (discarding && !isNs) {
          if (seen === undefined) seen = [attr];
          else if (seen.includes(attr)) throw new XmlError(`duplicate attribute ${attr} in <${qname}>`, a);
          else seen.push(attr);
          j = close + 1;
          continue;
        }
        if (attr in attrs) throw new XmlError(`duplicate attribute ${attr} in <${qname}>`, a);
        let value = s.slice(j + 1, close);
        if (value.includes('&')) value = decodeEntities(value);
        if (value.includes('\n') || value.includes('\t') || value.includes('\r'))
          value = value.replace(/\r\n|[\t\n\r]/g, ' ');
        attrs[attr] = value;
        if (isNs) {
          if (!ownScope) {
            scope = new Map(scope);
            ownScope = true;
          }
          scope.set(attr === 'xmlns' ? '' : attr.slice(6), value);
        }
        j = close + 1;
      }
      const colon = qname.indexOf(':');
      const prefix = colon >= 0 ? qname.slice(0, colon) : '';
      const ns = scope.get(prefix);
      if (ns === undefined && prefix)
        throw new XmlError(`namespace prefix '${prefix}' of <${qname}> is not declared`, i);
      for (const attr of seen ?? []) {
        const ac = attr.indexOf(':');
        if (ac > 0 && !scope.has(attr.slice(0, ac)))
          throw new XmlError(
            `namespace prefix '${attr.slice(0, ac)}' of attribute ${attr} is not declared`,
            i,
          );
      }
      for (const attr in attrs) {
        const ac = attr.indexOf(':');
        if (ac > 0) {
          const ap = attr.slice(0, ac);
          if (ap !== 'xmlns' && !scope.has(ap))
            throw new XmlError(`namespace prefix '${ap}' of attribute ${attr} is not declared`, i);
        }
      }
      const parent = nodes.length ? nodes[nodes.length - 1] : null;
      const name = colon >= 0 ? qname.slice(colon + 1) : qname;
      let node: XNode | null = null;
      const keep = names.length === 0 || (parent !== null && !DISCARDED.has(`${ns ?? ''} ${name}`));
      if (keep) {
        node = { name, ns: ns ?? '', attrs, children: [], parent, offset: i, text: '', textOffset: -1 };
        if (parent) parent.children.push(node);
        else root = node;
      }
      if (!selfClosing) {
        names.push(qname);
        nodes.push(node);
        scopes.push(scope);
      } else if (names.length === 0) rootClosed = true;
      i = j;
    }
  }
  if (names.length)
    throw new XmlError(`<${names[names.length - 1]}> is never closed (the file ends early)`, n);
  if (!root) throw new XmlError('no root element', 0);
  return root;
}

/** Offset of the '>' closing the start tag at `offset`, skipping quoted attribute values. */
function findTagEnd(source: string, offset: number): number {
  let quote = '';
  for (let i = offset; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return source.length - 1;
}

/** Offset of attribute `name` inside the start tag of `node`, or the element's offset when absent. */
export function attributeOffset(source: string, node: XNode, name: string): number {
  const end = findTagEnd(source, node.offset);
  const tagText = source.slice(node.offset, end);
  const re = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`);
  const m = re.exec(tagText);
  return m ? node.offset + m.index + 1 : node.offset;
}

export function childrenNamed(node: XNode, ns: string, name: string): XNode[] {
  return node.children.filter((c) => c.name === name && c.ns === ns);
}

export function firstChild(node: XNode, ns: string, name: string): XNode | undefined {
  return node.children.find((c) => c.name === name && c.ns === ns);
}

/** Depth-first walk over all descendants (not the node itself). */
export function* descendants(node: XNode): Generator<XNode> {
  const stack = [...node.children].reverse();
  while (stack.length) {
    const n = stack.pop() as XNode;
    yield n;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}

/** Line starts of a text, for offset -> line/column. */
export class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  position(offset: number): { line: number; column: number } {
    if (!this.starts) {
      const starts = [0];
      const t = this.text;
      for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo] + 1 };
  }
}
