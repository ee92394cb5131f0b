// The XML trees a parse worker sends to the loader, in a compact form. A structured clone of the XNode
// objects themselves cost about as much as parsing the files: for the 5,888 BPMN/DMN files of the 3,000-model
// bench repository (parse 1.2-1.7 s of CPU in one thread), V8's serializer took 0.5-0.9 s and its
// deserializer, on the main thread, 0.8-1.0 s (it builds each object and string property by property).
// Instead the worker writes each tree's structure into one Int32Array (transferred, not copied) and the
// strings into one string per message: 0.13-0.19 s to write, and the loader builds the nodes from them with
// plain object literals in 0.20-0.26 s.
import { NO_ATTRS, NO_CHILDREN, type XNode } from './xml.js';

/** Integers per node: name, namespace, child count, offset, text offset, text length, attribute count. */
const NODE_INTS = 7;

/**
 * Element names, namespaces and attribute names (the few hundred strings every file repeats) get a number
 * the first time a worker sends one; later messages send the number. One table per worker, on both sides.
 */
export class SymbolsOut {
  private readonly ids = new Map<string, number>();
  private fresh: string[] = [];

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
      this.fresh.push(s);
    }
    return id;
  }

  /** The symbols numbered since the last call, in order. */
  take(): string[] {
    const f = this.fresh;
    this.fresh = [];
    return f;
  }
}

/** Some trees, encoded: what a worker posts (`ints.buffer` goes in the transfer list). */
export interface EncodedTrees {
  /** Symbols numbered since the worker's previous message (appended to the receiver's table). */
  symbols: string[];
  /** Per node, in document order (parents first): NODE_INTS integers, then 2 per attribute. */
  ints: Int32Array<ArrayBuffer>;
  /** The texts and attribute values, one after the other (their lengths are in `ints`). */
  chars: string;
  /** Number of trees. */
  count: number;
}

/** Collects trees into one message. */
export class TreeWriter {
  private ints = new Int32Array(1 << 14);
  private n = 0;
  private chars = '';
  private count = 0;

  constructor(private readonly symbols: SymbolsOut) {}

  get trees(): number {
    return this.count;
  }

  private room(k: number): void {
    if (this.n + k <= this.ints.length) return;
    const bigger = new Int32Array(Math.max(this.n + k, this.ints.length * 2));
    bigger.set(this.ints.subarray(0, this.n));
    this.ints = bigger;
  }

  add(root: XNode): void {
    const sym = this.symbols;
    this.count++;
    const stack: XNode[] = [root];
    while (stack.length) {
      const node = stack.pop() as XNode;
      this.room(NODE_INTS);
      let ints = this.ints;
      let n = this.n;
      ints[n++] = sym.id(node.name);
      ints[n++] = sym.id(node.ns);
      ints[n++] = node.children.length;
      ints[n++] = node.offset;
      ints[n++] = node.textOffset;
      ints[n++] = node.text.length;
      const countAt = n++;
      let count = 0;
      // Concatenated as it goes (V8 joins the pieces once, when the message is posted).
      let chars = this.chars;
      const attrs = node.attrs;
      for (const k in attrs) {
        const v = attrs[k];
        if (n + 2 > ints.length) {
          this.n = n;
          this.room(2);
          ints = this.ints;
        }
        ints[n++] = sym.id(k);
        ints[n++] = v.length;
        chars += v;
        count++;
      }
      ints[countAt] = count;
      // The reader takes the attribute values first, then the text.
      this.chars = chars + node.text;
      this.n = n;
      for (let c = node.children.length - 1; c >= 0; c--) stack.push(node.children[c]);
    }
  }

  /** The message so far; the writer starts over. */
  take(): EncodedTrees {
    const out: EncodedTrees = {
      symbols: this.symbols.take(),
      ints: this.ints.slice(0, this.n),
      chars: this.chars,
      count: this.count,
    };
    this.n = 0;
    this.chars = '';
    this.count = 0;
    return out;
  }
}

/** Reads the trees of the messages of one worker, in order. */
export class TreeReader {
  private readonly symbols: string[] = [];
  private ints = new Int32Array(0);
  private chars = '';
  private at = 0;
  private charAt = 0;

  /** Starts on a message: its trees are then read with next(), in the order they were added. */
  load(msg: EncodedTrees): void {
    for (const s of msg.symbols) this.symbols.push(s);
    this.ints = msg.ints;
    this.chars = msg.chars;
    this.at = 0;
    this.charAt = 0;
  }

  private str(len: number): string {
    if (len === 0) return '';
    const from = this.charAt;
    this.charAt = from + len;
    return this.chars.slice(from, from + len);
  }

  next(): XNode {
    const ints = this.ints;
    const sym = this.symbols;
    let root: XNode | null = null;
    // Open elements and how many children each still expects.
    const open: XNode[] = [];
    const left: number[] = [];
    do {
      const at = this.at;
      const nAttrs = ints[at + 6];
      let attrs = NO_ATTRS;
      if (nAttrs > 0) {
        attrs = {};
        for (let a = at + NODE_INTS, end = a + 2 * nAttrs; a < end; a += 2)
          attrs[sym[ints[a]]] = this.str(ints[a + 1]);
      }
      const parent = open.length ? open[open.length - 1] : null;
      const textLen = ints[at + 5];
      const node: XNode = {
        name: sym[ints[at]],
        ns: sym[ints[at + 1]],
        attrs,
        children: NO_CHILDREN,
        parent,
        offset: ints[at + 3],
        text: textLen ? this.str(textLen) : '',
        textOffset: ints[at + 4],
      };
      this.at = at + NODE_INTS + 2 * nAttrs;
      if (parent) {
        if (parent.children === NO_CHILDREN) parent.children = [node];
        else parent.children.push(node);
        if (--left[left.length - 1] === 0) {
          open.pop();
          left.pop();
        }
      } else root = node;
      const kids = ints[at + 2];
      if (kids > 0) {
        open.push(node);
        left.push(kids);
      }
    } while (open.length);
    return root as XNode;
  }
}
