import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  MAX_PARSE_BYTES,
  NO_ATTRS,
  NO_CHILDREN,
  parseXml,
  readText
} from "./chunk-QFASGRCW.js";
import {
  scratchReader
} from "./chunk-G3P6OGWQ.js";

// src/models/tree-transfer.ts
var NODE_INTS = 7;
var SymbolsOut = class {
  ids = /* @__PURE__ */ new Map();
  fresh = [];
  id(s) {
    let id = this.ids.get(s);
    if (id === void 0) {
      id = this.ids.size;
      this.ids.set(s, id);
      this.fresh.push(s);
    }
    return id;
  }
  /** The symbols numbered since the last call, in order. */
  take() {
    const f = this.fresh;
    this.fresh = [];
    return f;
  }
};
var TreeWriter = class {
  constructor(symbols) {
    this.symbols = symbols;
  }
  symbols;
  ints = new Int32Array(1 << 14);
  n = 0;
  chars = "";
  count = 0;
  get trees() {
    return this.count;
  }
  room(k) {
    if (this.n + k <= this.ints.length) return;
    const bigger = new Int32Array(Math.max(this.n + k, this.ints.length * 2));
    bigger.set(this.ints.subarray(0, this.n));
    this.ints = bigger;
  }
  add(root) {
    const sym = this.symbols;
    this.count++;
    const stack = [root];
    while (stack.length) {
      const node = stack.pop();
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
      this.chars = chars + node.text;
      this.n = n;
      for (let c = node.children.length - 1; c >= 0; c--) stack.push(node.children[c]);
    }
  }
  /** The message so far; the writer starts over. */
  take() {
    const out = {
      symbols: this.symbols.take(),
      ints: this.ints.slice(0, this.n),
      chars: this.chars,
      count: this.count
    };
    this.n = 0;
    this.chars = "";
    this.count = 0;
    return out;
  }
};
var TreeReader = class {
  symbols = [];
  ints = new Int32Array(0);
  chars = "";
  at = 0;
  charAt = 0;
  /** Starts on a message: its trees are then read with next(), in the order they were added. */
  load(msg) {
    for (const s of msg.symbols) this.symbols.push(s);
    this.ints = msg.ints;
    this.chars = msg.chars;
    this.at = 0;
    this.charAt = 0;
  }
  str(len) {
    if (len === 0) return "";
    const from = this.charAt;
    this.charAt = from + len;
    return this.chars.slice(from, from + len);
  }
  next() {
    const ints = this.ints;
    const sym = this.symbols;
    let root = null;
    const open = [];
    const left = [];
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
      const node = {
        name: sym[ints[at]],
        ns: sym[ints[at + 1]],
        attrs,
        children: NO_CHILDREN,
        parent,
        offset: ints[at + 3],
        text: textLen ? this.str(textLen) : "",
        textOffset: ints[at + 4]
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
    return root;
  }
};

// src/models/parse-worker.ts
var NEXT = 0;
var TAKEN = 1;
var MAX_AHEAD = 256;
function farAhead(counters) {
  return Atomics.load(counters, NEXT) - Atomics.load(counters, TAKEN) >= MAX_AHEAD;
}
var FILES_PER_MESSAGE = 8;
var read = scratchReader(MAX_PARSE_BYTES);
function parseFile(item) {
  const got = readText({ ...item, size: -1 }, () => read(item.abs));
  const parsed = got.text === void 0 ? { hasDoctype: false } : parseXml(got.text);
  return {
    size: got.size,
    bom: got.bom,
    special: got.special,
    finding: got.finding,
    parsed,
    hadText: got.text !== void 0
  };
}
function work(port, start) {
  const { items } = start;
  const next = new Int32Array(start.next);
  const writer = new TreeWriter(new SymbolsOut());
  let files = [];
  const post = () => {
    const trees = writer.take();
    const msg = { files, trees };
    port.postMessage(msg, [trees.ints.buffer]);
    files = [];
  };
  const take = () => {
    for (; ; ) {
      const taken = Atomics.load(next, TAKEN);
      if (!farAhead(next)) return Atomics.add(next, NEXT, 1);
      if (files.length) post();
      Atomics.wait(next, TAKEN, taken, 100);
    }
  };
  for (let i = take(); i < items.length; i = take()) {
    if (process.env.SPIFF_MODELS_DEBUG === "worker-crash") throw new Error("parse worker crash (debug)");
    const got = parseFile(items[i]);
    const { root, error, hasDoctype } = got.parsed;
    if (root) writer.add(root);
    files.push({
      i,
      size: got.size,
      bom: got.bom,
      special: got.special,
      finding: got.finding,
      hadText: got.hadText,
      parsed: { error, hasDoctype },
      hasRoot: root !== void 0
    });
    if (files.length >= FILES_PER_MESSAGE) post();
  }
  if (files.length) post();
  const done = { done: true };
  port.postMessage(done);
}

export {
  TreeReader,
  NEXT,
  TAKEN,
  MAX_AHEAD,
  farAhead,
  parseFile,
  work
};
