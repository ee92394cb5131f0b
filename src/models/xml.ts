// XML parsing for BPMN/DMN: one pass with fast-xml-parser into a small namespace-aware tree that keeps each
// element's source offset, so findings can point at file:line:column. Entities are never expanded and a
// DOCTYPE is never followed (the backend's lxml runs with resolve_entities=False, no_network, no DTD).
import { XMLParser, XMLValidator } from 'fast-xml-parser';

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

export interface XNode {
  /** Local name, e.g. "process". */
  name: string;
  /** Namespace URI ('' when none). */
  ns: string;
  /** Attributes by their name as written (prefix included for qualified ones). */
  attrs: Record<string, string>;
  children: XNode[];
  parent: XNode | null;
  /** Offset of the element's '<' in the decoded file text. */
  offset: number;
  /** Concatenated character data directly inside the element (entities decoded), and where it starts. */
  text: string;
  textOffset: number;
}

export interface XmlParseResult {
  root?: XNode;
  error?: { message: string; line: number; column: number };
  hasDoctype: boolean;
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  captureMetaData: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

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

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

export function parseXml(text: string): XmlParseResult {
  const hasDoctype = text.includes('<!DOCTYPE');
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    return {
      hasDoctype,
      error: { message: valid.err.msg, line: valid.err.line, column: valid.err.col },
    };
  }
  let ordered: Ordered[];
  try {
    ordered = parser.parse(hasDoctype ? blankDoctype(text) : text) as Ordered[];
  } catch (err) {
    return { hasDoctype, error: { message: (err as Error).message, line: 1, column: 1 } };
  }
  const top = ordered.filter((e) => elementTag(e) !== undefined);
  if (top.length !== 1) {
    return {
      hasDoctype,
      error: {
        message: top.length === 0 ? 'no root element' : 'more than one root element',
        line: 1,
        column: 1,
      },
    };
  }
  const root = build(top[0], null, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), text);
  return { root, hasDoctype };
}

/**
 * The DOCTYPE blanked out with spaces (newlines kept, so offsets stay true): its declarations are never
 * used, exactly as the backend's parser ignores them with resolve_entities=False and no DTD loading.
 */
export function blankDoctype(text: string): string {
  const start = text.indexOf('<!DOCTYPE');
  if (start < 0) return text;
  let i = start + 9;
  let depth = 0;
  let quote = '';
  for (; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) break;
  }
  const blank = text.slice(start, i + 1).replace(/[^\n]/g, ' ');
  return text.slice(0, start) + blank + text.slice(i + 1);
}

function elementTag(e: Ordered): string | undefined {
  for (const key of Object.keys(e)) {
    if (key !== ':@' && key !== '#text' && key !== '#comment' && !key.startsWith('?')) return key;
  }
  return undefined;
}

function build(e: Ordered, parent: XNode | null, scope: Map<string, string>, source: string): XNode {
  const tag = elementTag(e) as string;
  const attrs = (e[':@'] ?? {}) as Record<string, string>;
  let nsScope = scope;
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (nsScope === scope) nsScope = new Map(scope);
      nsScope.set(key === 'xmlns' ? '' : key.slice(6), value);
    }
  }
  const colon = tag.indexOf(':');
  const prefix = colon >= 0 ? tag.slice(0, colon) : '';
  const meta = (e as unknown as Record<symbol, { startIndex?: number }>)[META];
  const node: XNode = {
    name: colon >= 0 ? tag.slice(colon + 1) : tag,
    ns: nsScope.get(prefix) ?? '',
    attrs,
    children: [],
    parent,
    offset: meta?.startIndex ?? 0,
    text: '',
    textOffset: -1,
  };
  const items = e[tag] as Ordered[];
  let text = '';
  for (const child of items) {
    if ('#text' in child) {
      text += String(child['#text']);
      continue;
    }
    const childTag = elementTag(child);
    if (childTag === undefined) continue;
    node.children.push(build(child, node, nsScope, source));
  }
  if (text) {
    node.text = decodeEntities(text);
    // Character data begins right after the start tag's '>'.
    node.textOffset = findTagEnd(source, node.offset) + 1;
  }
  return node;
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
