import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);

// src/models/xml.ts
var NS = {
  bpmn: "http://www.omg.org/spec/BPMN/20100524/MODEL",
  bpmndi: "http://www.omg.org/spec/BPMN/20100524/DI",
  spiff: "http://spiffworkflow.org/bpmn/schema/1.0/core"
};
var DMN_NAMESPACES = /* @__PURE__ */ new Set([
  "http://www.omg.org/spec/DMN/20151101/dmn.xsd",
  "https://www.omg.org/spec/DMN/20191111/MODEL/",
  "http://www.omg.org/spec/DMN/20180521/MODEL/"
]);
var DISCARDED = /* @__PURE__ */ new Set([
  "http://www.omg.org/spec/BPMN/20100524/MODEL incoming",
  "http://www.omg.org/spec/BPMN/20100524/MODEL outgoing",
  "http://www.omg.org/spec/BPMN/20100524/DI BPMNDiagram",
  "https://www.omg.org/spec/DMN/20191111/DMNDI/ DMNDI",
  "http://www.omg.org/spec/DMN/20180521/DMNDI/ DMNDI"
]);
var NO_CHILDREN = Object.freeze([]);
var ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
var NAMED = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
function decodeEntities(value) {
  if (!value.includes("&")) return value;
  return value.replace(
    ENTITY,
    (m, named, dec, hex) => {
      if (named) return NAMED[named];
      const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex, 16);
      return code > 0 && code <= 1114111 ? String.fromCodePoint(code) : m;
    }
  );
}
var XmlError = class extends Error {
  constructor(message, at) {
    super(message);
    this.at = at;
  }
  at;
};
var REFERENCE = /&(?:#[0-9]+|#x[0-9a-fA-F]+|([A-Za-z_:\u0080-\uffff][\w.:\-\u0080-\uffff]*));/y;
var XML_NS = "http://www.w3.org/XML/1998/namespace";
function isSpace(c) {
  return c === 32 || c === 10 || c === 9 || c === 13;
}
var NAME_TABLE = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  NAME_TABLE[c] = c >= 97 && c <= 122 || c >= 65 && c <= 90 || c === 95 || c === 58 ? 1 : c >= 48 && c <= 57 || c === 45 || c === 46 ? 2 : 0;
function isNameChar(c) {
  return c >= 128 || NAME_TABLE[c] !== 0;
}
function isNameStart(c) {
  return c >= 128 || NAME_TABLE[c] === 1;
}
var attrPos = new Int32Array(64);
function growTo(a, size) {
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}
function sameChars(s, x, y, len) {
  for (let m = 0; m < len; m++) if (s.charCodeAt(x + m) !== s.charCodeAt(y + m)) return false;
  return true;
}
function lookup(scope, s, start, len) {
  const { prefixes, uris } = scope;
  for (let k = prefixes.length - 1; k >= 0; k--) {
    const p = prefixes[k];
    if (p.length === len && (len === 0 || s.startsWith(p, start))) return uris[k];
  }
  return void 0;
}
function own(value) {
  return value.length < 13 ? value : (" " + value).slice(1);
}
var NAMES = /* @__PURE__ */ new Map();
function intern(name) {
  const known = NAMES.get(name);
  if (known !== void 0) return known;
  const copy = own(name);
  if (NAMES.size < 1e4) NAMES.set(copy, copy);
  return copy;
}
function parseXml(text) {
  const state = { doctype: false };
  try {
    return { root: scan(text, state), hasDoctype: state.doctype };
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    const { line, column } = new LineIndex(text).position(Math.min(err.at, text.length));
    return {
      hasDoctype: state.doctype || text.includes("<!DOCTYPE"),
      error: { message: err.message, line, column }
    };
  }
}
function scan(s, state) {
  const n = s.length;
  let root = null;
  let rootClosed = false;
  const nameStart = [];
  const nameLen = [];
  const openName = (k) => s.substr(nameStart[k], nameLen[k]);
  const sameName = (k, at, len) => {
    if (nameLen[k] !== len) return false;
    const a = nameStart[k];
    for (let m = 0; m < len; m++) if (s.charCodeAt(a + m) !== s.charCodeAt(at + m)) return false;
    return true;
  };
  const nodes = [];
  const scopes = [{ prefixes: ["xml"], uris: [XML_NS] }];
  let entities = null;
  let i = 0;
  if (s.startsWith("<?xml") && isSpace(s.charCodeAt(5))) {
    const e = s.indexOf("?>", 5);
    if (e < 0) throw new XmlError("unterminated XML declaration", 0);
    i = e + 2;
  }
  let nextAmp = -2;
  const findAmp = (from) => {
    if (nextAmp !== -1 && nextAmp < from) nextAmp = s.indexOf("&", from);
    return nextAmp;
  };
  let nextLt = -2;
  const findLt = (from) => {
    if (nextLt !== -1 && nextLt < from) nextLt = s.indexOf("<", from);
    return nextLt;
  };
  let nextCdEnd = -2;
  const findCdEnd = (from) => {
    if (nextCdEnd !== -1 && nextCdEnd < from) nextCdEnd = s.indexOf("]]>", from);
    return nextCdEnd;
  };
  const checkReferences = (from, to, where) => {
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
    const lt = s.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const top = nodes.length ? nodes[nodes.length - 1] : void 0;
      if (nameStart.length === 0) {
        for (let k = i; k < end; k++)
          if (!isSpace(s.charCodeAt(k))) throw new XmlError("text outside the root element", k);
      } else {
        checkReferences(i, end, "text");
        const gt = findCdEnd(i);
        if (gt >= 0 && gt < end) throw new XmlError("']]>' is not allowed in text", gt);
        if (top) {
          if (top.textOffset < 0) {
            let k = i;
            while (k < end && isSpace(s.charCodeAt(k))) k++;
            if (k < end) {
              top.textOffset = i;
              top.text = own(s.slice(i, end));
            }
          } else top.text = own(top.text + s.slice(i, end));
        }
      }
    }
    if (lt < 0) break;
    i = lt;
    const c = s.charCodeAt(i + 1);
    if (c === 47) {
      let j = i + 2;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      const len = j - i - 2;
      const name = () => s.substr(i + 2, len);
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 62) throw new XmlError(`malformed end tag </${name()}`, i);
      const top = nameStart.length - 1;
      if (top < 0) throw new XmlError(`end tag </${name()}> without a start tag`, i);
      if (!sameName(top, i + 2, len))
        throw new XmlError(`end tag </${name()}> does not match <${openName(top)}>`, i);
      nameStart.pop();
      nameLen.pop();
      const node = nodes.pop();
      scopes.pop();
      if (node && node.text.includes("&")) node.text = decodeEntities(node.text);
      if (nameStart.length === 0) rootClosed = true;
      i = j + 1;
    } else if (c === 33) {
      if (s.startsWith("<!--", i)) {
        const e = s.indexOf("-->", i + 4);
        if (e < 0) throw new XmlError("unterminated comment", i);
        const dd = s.indexOf("--", i + 4);
        if (dd < e) throw new XmlError("'--' is not allowed inside a comment", dd);
        i = e + 3;
      } else if (s.startsWith("<![CDATA[", i)) {
        if (nameStart.length === 0) throw new XmlError("CDATA section outside the root element", i);
        const e = s.indexOf("]]>", i + 9);
        if (e < 0) throw new XmlError("unterminated CDATA section", i);
        const top = nodes[nodes.length - 1];
        if (top) {
          if (top.textOffset < 0) top.textOffset = i + 9;
          top.text += s.slice(i + 9, e).replace(/&/g, "&amp;");
        }
        i = e + 3;
      } else if (s.startsWith("<!DOCTYPE", i)) {
        if (root) throw new XmlError("DOCTYPE after the root element", i);
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
        if (j >= n) throw new XmlError("unterminated DOCTYPE", i);
        state.doctype = true;
        entities = /* @__PURE__ */ new Set();
        for (const m of s.slice(i, j).matchAll(/<!ENTITY\s+(?:%\s+)?([^\s>]+)/g)) entities.add(m[1]);
        i = j + 1;
      } else throw new XmlError("malformed markup declaration", i);
    } else if (c === 63) {
      const e = s.indexOf("?>", i + 2);
      if (e < 0) throw new XmlError("unterminated processing instruction", i);
      if (/^xml(\s|$)/i.test(s.slice(i + 2, Math.min(e, i + 7))))
        throw new XmlError("the XML declaration is only allowed at the very start of the file", i);
      i = e + 2;
    } else {
      if (!isNameStart(c))
        throw new XmlError(
          c === c ? "'<' must start a tag (write &lt; in text)" : "unexpected end of file",
          i
        );
      if (rootClosed) throw new XmlError("more than one root element", i);
      let j = i + 1;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      const qEnd = j;
      const discarding = nameStart.length > 0 && nodes[nodes.length - 1] === null;
      const qname = discarding ? "" : s.slice(i + 1, qEnd);
      const attrs = {};
      let prefixed;
      let selfClosing = false;
      let scope = scopes[scopes.length - 1];
      let ownScope = false;
      let nAttr = 0;
      for (; ; ) {
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
        const a = j;
        let colonAt = -1;
        for (; j < n; j++) {
          const cc = s.charCodeAt(j);
          if (cc === 58) {
            if (colonAt < 0) colonAt = j;
          } else if (!isNameChar(cc)) break;
        }
        const aLen = j - a;
        for (let m = 0; m < nAttr; m += 2)
          if (attrPos[m + 1] === aLen && sameChars(s, attrPos[m], a, aLen))
            throw new XmlError(`duplicate attribute ${s.substr(a, aLen)} in <${s.slice(i + 1, qEnd)}>`, a);
        if (nAttr + 2 > attrPos.length) attrPos = growTo(attrPos, nAttr + 2);
        attrPos[nAttr++] = a;
        attrPos[nAttr++] = aLen;
        const isNs = aLen >= 5 && s.startsWith("xmlns", a) && (aLen === 5 || colonAt === a + 5);
        if (colonAt >= 0 && !isNs) (prefixed ??= []).push(a, colonAt - a);
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (s.charCodeAt(j) !== 61)
          throw new XmlError(`attribute ${s.substr(a, aLen)} needs a value (${s.substr(a, aLen)}="...")`, a);
        j++;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        const q = s.charCodeAt(j);
        if (q !== 34 && q !== 39)
          throw new XmlError(`the value of attribute ${s.substr(a, aLen)} must be quoted`, j);
        const close = s.indexOf(q === 34 ? '"' : "'", j + 1);
        if (close < 0) throw new XmlError(`unterminated value of attribute ${s.substr(a, aLen)}`, j);
        const lt2 = findLt(j + 1);
        if (lt2 >= 0 && lt2 < close)
          throw new XmlError(`'<' is not allowed in the value of attribute ${s.substr(a, aLen)}`, lt2);
        checkReferences(j + 1, close, "an attribute value");
        if (discarding && !isNs) {
          j = close + 1;
          continue;
        }
        const attr = s.substr(a, aLen);
        let value = s.slice(j + 1, close);
        if (value.includes("&")) value = decodeEntities(value);
        if (value.includes("\n") || value.includes("	") || value.includes("\r"))
          value = value.replace(/\r\n|[\t\n\r]/g, " ");
        if (isNs) value = intern(value);
        else if (value.length >= 13) value = own(value);
        attrs[attr] = value;
        if (isNs) {
          if (!ownScope) {
            scope = { prefixes: [...scope.prefixes], uris: [...scope.uris] };
            ownScope = true;
          }
          scope.prefixes.push(aLen === 5 ? "" : attr.slice(6));
          scope.uris.push(value);
        }
        j = close + 1;
      }
      let colon = -1;
      for (let m = i + 1; m < qEnd; m++)
        if (s.charCodeAt(m) === 58) {
          colon = m - i - 1;
          break;
        }
      const ns = lookup(scope, s, i + 1, colon >= 0 ? colon : 0);
      if (ns === void 0 && colon >= 0)
        throw new XmlError(
          `namespace prefix '${s.substr(i + 1, colon)}' of <${s.slice(i + 1, qEnd)}> is not declared`,
          i
        );
      for (let m = 0; prefixed !== void 0 && m < prefixed.length; m += 2) {
        const at = prefixed[m];
        const len = prefixed[m + 1];
        if (len === 5 && s.startsWith("xmlns", at)) continue;
        if (lookup(scope, s, at, len) === void 0)
          throw new XmlError(
            `namespace prefix '${s.substr(at, len)}' of an attribute of <${s.slice(i + 1, qEnd)}> is not declared`,
            at
          );
      }
      const parent = nodes.length ? nodes[nodes.length - 1] : null;
      let node = null;
      let keep = nameStart.length === 0;
      let name = "";
      if (!keep && parent !== null) {
        name = colon >= 0 ? qname.slice(colon + 1) : qname;
        keep = !((name === "BPMNDiagram" || name === "DMNDI" || name === "incoming" || name === "outgoing") && DISCARDED.has(`${ns ?? ""} ${name}`));
      } else if (keep) name = colon >= 0 ? qname.slice(colon + 1) : qname;
      if (keep) {
        node = {
          name: intern(name),
          ns: ns ?? "",
          attrs,
          children: NO_CHILDREN,
          parent,
          offset: i,
          text: "",
          textOffset: -1
        };
        if (parent) {
          if (parent.children === NO_CHILDREN) parent.children = [node];
          else parent.children.push(node);
        } else root = node;
      }
      if (!selfClosing) {
        nameStart.push(i + 1);
        nameLen.push(qEnd - i - 1);
        nodes.push(node);
        scopes.push(scope);
      } else if (nameStart.length === 0) rootClosed = true;
      i = j;
    }
  }
  if (nameStart.length)
    throw new XmlError(`<${openName(nameStart.length - 1)}> is never closed (the file ends early)`, n);
  if (!root) throw new XmlError("no root element", 0);
  return root;
}
function findTagEnd(source, offset) {
  let quote = "";
  for (let i = offset; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i;
  }
  return source.length - 1;
}
function attributeOffset(source, node, name) {
  const end = findTagEnd(source, node.offset);
  const tagText = source.slice(node.offset, end);
  const re = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*=`);
  const m = re.exec(tagText);
  return m ? node.offset + m.index + 1 : node.offset;
}
function childrenNamed(node, ns, name) {
  return node.children.filter((c) => c.name === name && c.ns === ns);
}
function firstChild(node, ns, name) {
  return node.children.find((c) => c.name === name && c.ns === ns);
}
function* descendants(node) {
  const stack = [...node.children].reverse();
  while (stack.length) {
    const n = stack.pop();
    yield n;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}
var LineIndex = class {
  constructor(text) {
    this.text = text;
  }
  text;
  starts;
  position(offset) {
    if (!this.starts) {
      const starts = [0];
      const t = this.text;
      for (let i = t.indexOf("\n"); i !== -1; i = t.indexOf("\n", i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - s[lo] + 1 };
  }
};

export {
  NS,
  DMN_NAMESPACES,
  NO_CHILDREN,
  parseXml,
  attributeOffset,
  childrenNamed,
  firstChild,
  descendants,
  LineIndex
};
