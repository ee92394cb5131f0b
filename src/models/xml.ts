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

/**
 * Subtrees checked but not kept: diagram layout, and a flow node's incoming/outgoing lists, which repeat
 * what the sequence flows say (the engine reads only sourceRef/targetRef).
 */
const DISCARDED = new Map([
  ['incoming', ['http://www.omg.org/spec/BPMN/20100524/MODEL']],
  ['outgoing', ['http://www.omg.org/spec/BPMN/20100524/MODEL']],
  ['BPMNDiagram', ['http://www.omg.org/spec/BPMN/20100524/DI']],
  ['DMNDI', ['https://www.omg.org/spec/DMN/20191111/DMNDI/', 'http://www.omg.org/spec/DMN/20180521/DMNDI/']],
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

/** Shared by every leaf element (most of a diagram): frozen, replaced on the first child. */
export const NO_CHILDREN: XNode[] = Object.freeze([]) as unknown as XNode[];

/** The predefined entities (a map: `&constructor;` is no entity, whatever an object's prototype says). */
const NAMED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/**
 * Decodes the five predefined entities and character references; anything else stays as written.
 * A cons string flattened before it is returned, so the result holds no chain of pieces.
 */
export function decodeEntities(value: string): string {
  let a = value.indexOf('&');
  if (a < 0) return value;
  let out = '';
  let from = 0;
  while (a >= 0) {
    let end = -1;
    let replacement = '';
    const c = value.charCodeAt(a + 1);
    if (c === 35) {
      const hex = value.charCodeAt(a + 2) === 120;
      const digits = hex ? a + 3 : a + 2;
      let k = digits;
      while (k < value.length && (hex ? isHexDigit(value.charCodeAt(k)) : isDigit(value.charCodeAt(k)))) k++;
      if (k > digits && value.charCodeAt(k) === 59) {
        const code = Number.parseInt(value.slice(digits, k), hex ? 16 : 10);
        if (code > 0 && code <= 0x10ffff) {
          end = k + 1;
          replacement = String.fromCodePoint(code);
        }
      }
    } else {
      const semi = value.indexOf(';', a + 2);
      if (semi > a + 1 && semi <= a + 5) {
        const known = NAMED.get(value.slice(a + 1, semi));
        if (known !== undefined) {
          end = semi + 1;
          replacement = known;
        }
      }
    }
    if (end < 0) a = value.indexOf('&', a + 1);
    else {
      out += value.slice(from, a) + replacement;
      from = end;
      a = value.indexOf('&', end);
    }
  }
  if (from === 0) return value;
  out += value.slice(from);
  out.charCodeAt(0);
  return out;
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

/** ASCII name characters: 1 = may start a name, 2 = may only continue one (digits, '-', '.'). */
const NAME_TABLE = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  NAME_TABLE[c] =
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58
      ? 1
      : (c >= 48 && c <= 57) || c === 45 || c === 46
        ? 2
        : 0;

/** Name characters (simplified XML Name production: ASCII rules, anything non-ASCII allowed). */
function isNameChar(c: number): boolean {
  return c >= 0x80 || NAME_TABLE[c] !== 0;
}

function isNameStart(c: number): boolean {
  return c >= 0x80 || NAME_TABLE[c] === 1;
}

/**
 * The attributes of a discarded element, and of every kept element that has none (text-only elements such as
 * a script or a condition): shared and frozen, so a tag without attributes allocates no object.
 */
export const NO_ATTRS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Characters an attribute value's scan stops at: the quotes, '<', '&', and tab, newline, return. */
const VALUE_TABLE = new Uint8Array(64);
for (const c of [34, 39, 60, 38, 9, 10, 13]) VALUE_TABLE[c] = 1;

/**
 * Namespace declarations of one element (the element's own, not copied from its ancestors): lookups walk
 * to the parent, so a child declaring one prefix below a root declaring thousands copies nothing. A scope
 * with many declarations gets a map on its first lookup, so each lookup stays cheap however many there are.
 */
interface Scope {
  prefixes: string[];
  uris: string[];
  parent: Scope | null;
  byPrefix?: Map<string, string>;
}

/**
 * A plain start tag: ASCII names, at most one prefix on the element and none on its (at most eight)
 * attributes, values without '&', '<', tabs or line breaks. What it accepts is well-formed apart from
 * repeated attribute names and undeclared prefixes, which `plainDiscarded` checks.
 */
const PLAIN_TAG =
  /<(?:[A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*(?:[ \t\r\n]+[A-Za-z_][\w.-]*[ \t\r\n]*=[ \t\r\n]*(?:"[^"<&\t\r\n]*"|'[^'<&\t\r\n]*')){0,8}[ \t\r\n]*\/?>/y;

/** Whether the `len` characters of `s` at `a` and at `b` are the same. */
function sameAt(s: string, a: number, b: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (s.charCodeAt(a + k) !== s.charCodeAt(b + k)) return false;
  return true;
}

/** Declarations a scope scans before it builds a map (a diagram's root declares about ten). */
const SCAN_LIMIT = 32;
/** Attributes compared pairwise before the duplicate check switches to a set of names. */
const PAIRWISE_LIMIT = 16;

function duplicate(s: string, tag: number, tagEnd: number, a: number, aLen: number): XmlError {
  return new XmlError(`duplicate attribute ${s.substr(a, aLen)} in <${s.slice(tag + 1, tagEnd)}>`, a);
}

function lookup(scope: Scope | null, s: string, start: number, len: number): string | undefined {
  let key: string | undefined;
  for (let sc = scope; sc !== null; sc = sc.parent) {
    const { prefixes, uris } = sc;
    if (prefixes.length > SCAN_LIMIT) {
      if (!sc.byPrefix) {
        sc.byPrefix = new Map();
        for (let k = 0; k < prefixes.length; k++) sc.byPrefix.set(prefixes[k], uris[k]);
      }
      const uri = sc.byPrefix.get((key ??= s.substr(start, len)));
      if (uri !== undefined) return uri;
      continue;
    }
    for (let k = prefixes.length - 1; k >= 0; k--) {
      const p = prefixes[k];
      if (p.length === len && (len === 0 || s.startsWith(p, start))) return uris[k];
    }
  }
  return undefined;
}

/**
 * A copy of a string that does not hold on to the file text: V8 makes substrings of 13+ characters views
 * into their parent, so one attribute value kept would keep the whole file in memory. Joining the first
 * character to the rest makes a pair that reading a character flattens into one new string, and the next
 * young-generation collection points every reference to the pair at that string: no view and no pair stay.
 */
export function flat(value: string): string {
  return value.length < 13 ? value : flatSlice(value, 0, value.length);
}

/** `flat` of a substring of `s`, without making the view first. */
function flatSlice(s: string, start: number, end: number): string {
  if (end - start < 13) return s.slice(start, end);
  const copy = s[start] + s.slice(start + 1, end);
  copy.charCodeAt(0);
  return copy;
}

/** The hash `Strings` looks names and values up by: one step per character code. */
function step(h: number, c: number): number {
  return (Math.imul(h, 31) + c) | 0;
}

/** Slots a lookup reads at most before it makes a new string without keeping it. */
const MAX_PROBES = 32;

/**
 * Strings looked up by their characters in the text and a hash of them, so a name or value seen before
 * costs no new string. Open addressing; a slot counts only if its stamp is the table's current one, so
 * `reset` empties the table without touching its slots.
 */
class Strings {
  private keys: string[] = [];
  private hashes = new Int32Array(0);
  private stamps = new Int32Array(0);
  private stamp = 1;
  private mask = 0;
  private count = 0;

  /**
   * `limit`: entries kept at most (past it, new strings are made but not kept). `internalize`: make each
   * kept string a property key's string (attribute names become keys, element names are compared with
   * literals), so stores and comparisons with it need no lookup in V8's table of such strings.
   */
  constructor(
    private readonly limit: number,
    private readonly internalize: boolean,
  ) {
    this.alloc(256);
  }

  private alloc(size: number): void {
    this.keys = new Array<string>(size).fill('');
    this.hashes = new Int32Array(size);
    this.stamps = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
  }

  /** Forgets every entry; a table grown large for one file is given back. */
  reset(): void {
    if (this.keys.length > 1 << 16) this.alloc(256);
    else if (++this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    this.count = 0;
  }

  /** The string of `s` from `start` to `end`, whose `step` hash is `h`. */
  get(s: string, start: number, end: number, h: number): string {
    const len = end - start;
    const { keys, hashes, stamps, stamp, mask } = this;
    let k = h & mask;
    let probes = 0;
    for (; stamps[k] === stamp; k = (k + 1) & mask) {
      if (hashes[k] === h) {
        const key = keys[k];
        if (key.length === len && s.startsWith(key, start)) return key;
      }
      // Strings made to share a hash would otherwise each be compared with all the earlier ones.
      if (++probes === MAX_PROBES) return flatSlice(s, start, end);
    }
    let str = flatSlice(s, start, end);
    if (this.count >= this.limit) return str;
    if (this.internalize) str = internalized(str);
    keys[k] = str;
    hashes[k] = h;
    stamps[k] = stamp;
    if (++this.count * 2 > keys.length) this.grow();
    return str;
  }

  private grow(): void {
    const { keys, hashes, stamps, stamp } = this;
    this.alloc(keys.length * 2);
    for (let k = 0; k < keys.length; k++) {
      if (stamps[k] !== stamp) continue;
      let m = hashes[k] & this.mask;
      while (this.stamps[m] === this.stamp) m = (m + 1) & this.mask;
      this.keys[m] = keys[k];
      this.hashes[m] = hashes[k];
      this.stamps[m] = this.stamp;
      this.count++;
    }
  }
}

/** V8's own copy of `name` as a property key. */
function internalized(name: string): string {
  const o: Record<string, number> = {};
  o[name] = 0;
  for (const key in o) return key;
  return name;
}

/** Element and attribute names, and namespace URIs: one string for each, whatever the file. */
const NAMES = new Strings(10000, true);
/** Attribute values of the file being read: an id and the references to it share one string. */
const VALUES = new Strings(Infinity, false);

/** A namespace URI or name that needed decoding: one string for each. */
const DECODED = new Map<string, string>();
function intern(name: string): string {
  const known = DECODED.get(name);
  if (known !== undefined) return known;
  const copy = flat(name);
  if (DECODED.size < 10000) DECODED.set(copy, copy);
  return copy;
}

export function parseXml(text: string): XmlParseResult {
  VALUES.reset();
  const scanner = new Scanner(text);
  try {
    return { root: scanner.run(), hasDoctype: scanner.doctype };
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    const { line, column } = new LineIndex(text).position(Math.min(err.at, text.length));
    return {
      hasDoctype: scanner.doctype || text.includes('<!DOCTYPE'),
      error: { message: err.message, line, column },
    };
  }
}

/**
 * One pass over one file. Split into a method per construct (text, end tag, start tag, attribute, markup)
 * whose state lives in fields of fixed types: one large function took TurboFan hundreds of milliseconds to
 * compile (and it sometimes gave up), so a small repository was parsed mostly by unoptimised code.
 */
class Scanner {
  readonly s: string;
  readonly n: number;
  doctype = false;
  root: XNode | null = null;
  rootClosed = false;
  // Open element names as offsets into the text: no string is made for what the tree does not keep.
  readonly nameStart: number[] = [];
  readonly nameLen: number[] = [];
  readonly nodes: (XNode | null)[] = [];
  /**
   * Kept children of the open elements (the first `nKids`), the innermost element's last; `kidsFrom` says
   * where each element's start.
   */
  readonly kids: XNode[] = [];
  nKids = 0;
  readonly kidsFrom: number[] = [];
  readonly scopes: Scope[] = [{ prefixes: ['xml'], uris: [XML_NS], parent: null }];
  /** Entities declared in a DOCTYPE (then any entity is accepted). */
  entities: Set<string> | null = null;
  // Next '&' and ']]>' at or after a position, cached: searching from every text segment to the end
  // of the file would make a file without them quadratic.
  nextAmp = -2;
  nextCdEnd = -2;
  // The start tag being read: its attributes, namespace scope, and qualified attribute names (start,
  // length pairs, checked once the tag's own declarations are known).
  attrs: Record<string, string> = {};
  scope: Scope;
  ownScope = false;
  nAttr = 0;
  /** Names of the tag's first attributes, for the duplicate check. */
  readonly attrNames: string[] = [];
  seen: Set<string> | null = null;
  readonly prefixed: number[] = [];
  nPrefixed = 0;
  /** Where the attribute names of a plain discarded tag start, and their lengths. */
  readonly plainStarts: number[] = [];
  readonly plainLens: number[] = [];

  constructor(s: string) {
    this.s = s;
    this.n = s.length;
    this.scope = this.scopes[0];
  }

  findAmp(from: number): number {
    if (this.nextAmp !== -1 && this.nextAmp < from) this.nextAmp = this.s.indexOf('&', from);
    return this.nextAmp;
  }

  findCdEnd(from: number): number {
    if (this.nextCdEnd !== -1 && this.nextCdEnd < from) this.nextCdEnd = this.s.indexOf(']]>', from);
    return this.nextCdEnd;
  }

  openName(k: number): string {
    return this.s.substr(this.nameStart[k], this.nameLen[k]);
  }

  checkReferences(from: number, to: number, where: string): void {
    const s = this.s;
    let a = this.findAmp(from);
    while (a >= 0 && a < to) {
      REFERENCE.lastIndex = a;
      const m = REFERENCE.exec(s);
      if (!m || a + m[0].length > to)
        throw new XmlError(`'&' in ${where} must start an entity reference such as &amp;`, a);
      const name = m[1];
      if (name && !NAMED.has(name) && this.entities === null)
        throw new XmlError(`entity '&${name};' is not defined (only &lt; &gt; &amp; &quot; &apos; are)`, a);
      a = this.findAmp(a + m[0].length);
    }
  }

  run(): XNode {
    const s = this.s;
    const n = this.n;
    let i = 0;
    if (s.startsWith('<?xml') && isSpace(s.charCodeAt(5))) {
      const e = s.indexOf('?>', 5);
      if (e < 0) throw new XmlError('unterminated XML declaration', 0);
      i = e + 2;
    }
    while (i < n) {
      const lt = s.indexOf('<', i);
      const end = lt < 0 ? n : lt;
      if (end > i) this.text(i, end);
      if (lt < 0) break;
      const c = s.charCodeAt(lt + 1);
      if (c === 47) i = this.endTag(lt);
      else if (c === 33) i = this.markup(lt);
      else if (c === 63) i = this.instruction(lt);
      else i = this.startTag(lt, c);
    }
    if (this.nameStart.length)
      throw new XmlError(
        `<${this.openName(this.nameStart.length - 1)}> is never closed (the file ends early)`,
        n,
      );
    if (!this.root) throw new XmlError('no root element', 0);
    return this.root;
  }

  /** Character data between `i` and the next '<' (`end`). */
  text(i: number, end: number): void {
    const s = this.s;
    if (this.nameStart.length === 0) {
      for (let k = i; k < end; k++)
        if (!isSpace(s.charCodeAt(k))) throw new XmlError('text outside the root element', k);
      return;
    }
    this.checkReferences(i, end, 'text');
    const gt = this.findCdEnd(i);
    if (gt >= 0 && gt < end) throw new XmlError("']]>' is not allowed in text", gt);
    const top = this.nodes[this.nodes.length - 1];
    if (top) {
      if (top.textOffset < 0) {
        // Layout whitespace before any text is not kept: most elements have nothing else.
        let k = i;
        while (k < end && isSpace(s.charCodeAt(k))) k++;
        if (k < end) {
          top.textOffset = i;
          top.text = flatSlice(s, i, end);
        }
      } else top.text = flat(top.text + s.slice(i, end));
    }
  }

  /** The end tag at `i`; returns the offset after it. */
  endTag(i: number): number {
    const s = this.s;
    const n = this.n;
    const top = this.nameStart.length - 1;
    // Compared with the open element's name while read: a name character never equals the character
    // after that name (a space, '>' or '/'), so a longer name differs too.
    const open = top >= 0 ? this.nameStart[top] - i - 2 : 0;
    let same = top >= 0;
    let j = i + 2;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (!isNameChar(c)) break;
      if (same && s.charCodeAt(open + j) !== c) same = false;
    }
    const len = j - i - 2;
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    if (s.charCodeAt(j) !== 62) throw new XmlError(`malformed end tag </${s.substr(i + 2, len)}`, i);
    if (top < 0) throw new XmlError(`end tag </${s.substr(i + 2, len)}> without a start tag`, i);
    if (!same || this.nameLen[top] !== len)
      throw new XmlError(`end tag </${s.substr(i + 2, len)}> does not match <${this.openName(top)}>`, i);
    this.nameStart.pop();
    this.nameLen.pop();
    const node = this.nodes.pop();
    this.scopes.pop();
    const from = this.kidsFrom.pop() as number;
    if (this.nKids > from) {
      // An array of exactly its children (pushing one by one would leave room for 16 more in each).
      if (node) node.children = this.kids.slice(from, this.nKids);
      this.nKids = from;
    }
    if (node && node.text.includes('&')) node.text = decodeEntities(node.text);
    if (this.nameStart.length === 0) this.rootClosed = true;
    return j + 1;
  }

  /** A comment, CDATA section or DOCTYPE at `i` ('<!'); returns the offset after it. */
  markup(i: number): number {
    const s = this.s;
    const n = this.n;
    if (s.startsWith('<!--', i)) {
      const e = s.indexOf('-->', i + 4);
      if (e < 0) throw new XmlError('unterminated comment', i);
      const dd = s.indexOf('--', i + 4);
      if (dd < e) throw new XmlError("'--' is not allowed inside a comment", dd);
      return e + 3;
    }
    if (s.startsWith('<![CDATA[', i)) {
      if (this.nameStart.length === 0) throw new XmlError('CDATA section outside the root element', i);
      const e = s.indexOf(']]>', i + 9);
      if (e < 0) throw new XmlError('unterminated CDATA section', i);
      const top = this.nodes[this.nodes.length - 1];
      if (top) {
        if (top.textOffset < 0) top.textOffset = i + 9;
        // kept literally: escape '&' so the decode at the end tag leaves CDATA content as written
        top.text = flat(top.text + s.slice(i + 9, e).replace(/&/g, '&amp;'));
      }
      return e + 3;
    }
    if (s.startsWith('<!DOCTYPE', i)) {
      if (this.root) throw new XmlError('DOCTYPE after the root element', i);
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
      this.doctype = true;
      const entities = new Set<string>();
      for (const m of s.slice(i, j).matchAll(/<!ENTITY\s+(?:%\s+)?([^\s>]+)/g)) entities.add(m[1]);
      this.entities = entities;
      return j + 1;
    }
    throw new XmlError('malformed markup declaration', i);
  }

  /** A processing instruction at `i`; returns the offset after it. */
  instruction(i: number): number {
    const s = this.s;
    const e = s.indexOf('?>', i + 2);
    if (e < 0) throw new XmlError('unterminated processing instruction', i);
    if (/^xml(\s|$)/i.test(s.slice(i + 2, Math.min(e, i + 7))))
      throw new XmlError('the XML declaration is only allowed at the very start of the file', i);
    return e + 2;
  }

  /** The start tag at `i` (`c` is the character after '<'); returns the offset after it. */
  startTag(i: number, c: number): number {
    const s = this.s;
    const n = this.n;
    if (this.nameStart.length > 0 && this.nodes[this.nodes.length - 1] === null) {
      const end = this.plainDiscarded(i);
      if (end >= 0) return end;
    }
    if (!isNameStart(c))
      throw new XmlError(c === c ? "'<' must start a tag (write &lt; in text)" : 'unexpected end of file', i);
    if (this.rootClosed) throw new XmlError('more than one root element', i);
    let j = i + 1;
    // The local name's hash (the part after the first ':'), for looking the name up without a string.
    let colon = -1;
    let h = 0;
    for (; j < n; j++) {
      const cc = s.charCodeAt(j);
      if (cc === 58 && colon < 0) {
        colon = j - i - 1;
        h = 0;
      } else if (isNameChar(cc)) h = step(h, cc);
      else break;
    }
    const qEnd = j;
    const nodes = this.nodes;
    // Inside a discarded (DI) subtree attributes are checked but not kept: no object, no value strings.
    const discarding = this.nameStart.length > 0 && nodes[nodes.length - 1] === null;
    this.attrs = NO_ATTRS;
    this.scope = this.scopes[this.scopes.length - 1];
    this.ownScope = false;
    this.nAttr = 0;
    this.seen = null;
    this.nPrefixed = 0;
    let selfClosing = false;
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
      if (j >= n) throw new XmlError(`unterminated start tag <${s.slice(i + 1, qEnd)}`, i);
      if (j === before || !isNameStart(ch))
        throw new XmlError(`malformed attribute in <${s.slice(i + 1, qEnd)}>`, j);
      j = this.attribute(i, qEnd, j, discarding);
    }
    const scope = this.scope;
    const ns = lookup(scope, s, i + 1, colon >= 0 ? colon : 0);
    if (ns === undefined && colon >= 0)
      throw new XmlError(
        `namespace prefix '${s.substr(i + 1, colon)}' of <${s.slice(i + 1, qEnd)}> is not declared`,
        i,
      );
    const prefixed = this.prefixed;
    for (let m = 0; m < this.nPrefixed; m += 2) {
      const at = prefixed[m];
      const len = prefixed[m + 1];
      if (len === 5 && s.startsWith('xmlns', at)) continue;
      if (lookup(scope, s, at, len) === undefined)
        throw new XmlError(
          `namespace prefix '${s.substr(at, len)}' of an attribute of <${s.slice(i + 1, qEnd)}> is not declared`,
          at,
        );
    }
    const parent = nodes.length ? nodes[nodes.length - 1] : null;
    let node: XNode | null = null;
    let keep = this.nameStart.length === 0;
    let name = '';
    if (keep || parent !== null) {
      name = NAMES.get(s, colon >= 0 ? i + 2 + colon : i + 1, qEnd, h);
      keep ||= DISCARDED.get(name)?.includes(ns ?? '') !== true;
    }
    if (keep) {
      node = {
        name,
        ns: ns ?? '',
        attrs: this.attrs,
        children: NO_CHILDREN,
        parent,
        offset: i,
        text: '',
        textOffset: -1,
      };
      if (parent) this.kids[this.nKids++] = node;
      else this.root = node;
    }
    if (!selfClosing) this.open(i, qEnd, node, scope);
    else if (this.nameStart.length === 0) this.rootClosed = true;
    return j;
  }

  /** Opens the element whose start tag at `i` names it up to `qEnd` (`node` null when it is not kept). */
  open(i: number, qEnd: number, node: XNode | null, scope: Scope): void {
    this.nameStart.push(i + 1);
    this.nameLen.push(qEnd - i - 1);
    this.nodes.push(node);
    this.kidsFrom.push(this.nKids);
    this.scopes.push(scope);
  }

  /**
   * A start tag inside a discarded subtree, when it is plain (the common case: diagram shapes, bounds and
   * waypoints): one native pass of `PLAIN_TAG` checks its form, a short loop that no attribute name repeats
   * and that the element's prefix is declared. Returns the offset after it, or -1 for anything else (an
   * escape, a line break, a prefixed attribute, a repeated name, an undeclared prefix, more than
   * eight attributes): `startTag`'s exact reading then accepts it or says what is wrong, as before. An
   * `xmlns` attribute needs no scope here: nothing below a discarded element is kept, and only prefixed
   * names (declared with a prefixed attribute, which goes the exact way) are checked.
   */
  plainDiscarded(i: number): number {
    const s = this.s;
    PLAIN_TAG.lastIndex = i;
    if (!PLAIN_TAG.test(s)) return -1;
    const end = PLAIN_TAG.lastIndex;
    let j = i + 1;
    let colon = -1;
    for (; ; j++) {
      const c = s.charCodeAt(j);
      if (c === 58) colon = j;
      else if (!isNameChar(c)) break;
    }
    const qEnd = j;
    const starts = this.plainStarts;
    const lens = this.plainLens;
    let count = 0;
    for (;;) {
      while (isSpace(s.charCodeAt(j))) j++;
      const c = s.charCodeAt(j);
      if (c === 62 || c === 47) break;
      const a = j;
      while (isNameChar(s.charCodeAt(j))) j++;
      const len = j - a;
      for (let m = 0; m < count; m++) if (lens[m] === len && sameAt(s, starts[m], a, len)) return -1;
      starts[count] = a;
      lens[count++] = len;
      while (s.charCodeAt(j) !== 61) j++;
      j++;
      while (isSpace(s.charCodeAt(j))) j++;
      j = s.indexOf(s.charCodeAt(j) === 34 ? '"' : "'", j + 1) + 1;
    }
    const scope = this.scopes[this.scopes.length - 1];
    if (colon >= 0 && lookup(scope, s, i + 1, colon - i - 1) === undefined) return -1;
    if (s.charCodeAt(end - 2) !== 47) this.open(i, qEnd, null, scope);
    return end;
  }

  /**
   * The attribute at `a` of the start tag at `i` (its name ends at `qEnd`): checked, and kept in `attrs`
   * unless `discarding`. Returns the offset after its value.
   */
  attribute(i: number, qEnd: number, a: number, discarding: boolean): number {
    const s = this.s;
    const n = this.n;
    let j = a;
    let colonAt = -1;
    let h = 0;
    for (; j < n; j++) {
      const cc = s.charCodeAt(j);
      if (cc === 58) {
        if (colonAt < 0) colonAt = j;
      } else if (!isNameChar(cc)) break;
      h = step(h, cc);
    }
    const aLen = j - a;
    const attr = NAMES.get(s, a, j, h);
    // Few attributes: compare with each earlier one; many: a set of names, so the check stays linear.
    const nAttr = this.nAttr;
    const names = this.attrNames;
    if (this.seen !== null) {
      if (this.seen.has(attr)) throw duplicate(s, i, qEnd, a, aLen);
      this.seen.add(attr);
    } else {
      for (let m = 0; m < nAttr; m++) if (names[m] === attr) throw duplicate(s, i, qEnd, a, aLen);
      if (nAttr >= PAIRWISE_LIMIT) {
        const seen = new Set<string>();
        for (let m = 0; m < nAttr; m++) seen.add(names[m]);
        seen.add(attr);
        this.seen = seen;
      }
    }
    if (nAttr < PAIRWISE_LIMIT) names[nAttr] = attr;
    this.nAttr = nAttr + 1;
    const isNs = aLen >= 5 && s.startsWith('xmlns', a) && (aLen === 5 || colonAt === a + 5);
    if (colonAt >= 0 && !isNs) {
      this.prefixed[this.nPrefixed] = a;
      this.prefixed[this.nPrefixed + 1] = colonAt - a;
      this.nPrefixed += 2;
    }
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    if (s.charCodeAt(j) !== 61)
      throw new XmlError(`attribute ${s.substr(a, aLen)} needs a value (${s.substr(a, aLen)}="...")`, a);
    j++;
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    const q = s.charCodeAt(j);
    if (q !== 34 && q !== 39)
      throw new XmlError(`the value of attribute ${s.substr(a, aLen)} must be quoted`, j);
    // One pass over the value: its end, a '<' (not allowed), characters that need decoding, and its hash.
    let close = j + 1;
    let special = false;
    h = 0;
    for (; close < n; close++) {
      const c = s.charCodeAt(close);
      if (c < 64 && VALUE_TABLE[c] !== 0) {
        if (c === q) break;
        if (c === 60) {
          if (s.indexOf(q === 34 ? '"' : "'", close) < 0) break;
          throw new XmlError(`'<' is not allowed in the value of attribute ${s.substr(a, aLen)}`, close);
        }
        if (c !== 34 && c !== 39) special = true;
      }
      h = step(h, c);
    }
    if (close >= n || s.charCodeAt(close) !== q)
      throw new XmlError(`unterminated value of attribute ${s.substr(a, aLen)}`, j);
    if (special) this.checkReferences(j + 1, close, 'an attribute value');
    if (discarding && !isNs) return close + 1;
    let value: string;
    if (!special) value = isNs ? NAMES.get(s, j + 1, close, h) : VALUES.get(s, j + 1, close, h);
    else {
      value = s.slice(j + 1, close);
      if (value.includes('&')) value = decodeEntities(value);
      if (value.includes('\n') || value.includes('\t') || value.includes('\r'))
        value = value.replace(/\r\n|[\t\n\r]/g, ' ');
      value = isNs ? intern(value) : flat(value);
    }
    if (!discarding) {
      if (this.attrs === NO_ATTRS) this.attrs = {};
      this.attrs[attr] = value;
    }
    if (isNs) {
      if (!this.ownScope) {
        this.scope = { prefixes: [], uris: [], parent: this.scope };
        this.ownScope = true;
      }
      this.scope.prefixes.push(aLen === 5 ? '' : attr.slice(6));
      this.scope.uris.push(value);
    }
    return close + 1;
  }
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

/** Offset of attribute `name` inside the start tag at `tagOffset`, or the tag's offset when absent. */
export function attributeOffset(source: string, tagOffset: number, name: string): number {
  const end = findTagEnd(source, tagOffset);
  const tagText = source.slice(tagOffset, end);
  const re = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`);
  const m = re.exec(tagText);
  return m ? tagOffset + m.index + 1 : tagOffset;
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
