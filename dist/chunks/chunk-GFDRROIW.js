import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  readableFiles,
  walkDisk
} from "./chunk-TZGPA7EC.js";
import {
  SetupError
} from "./chunk-YIX2ZCHG.js";
import {
  DMN_NAMESPACES,
  LineIndex,
  MAX_PARSE_BYTES,
  NO_ATTRS,
  NO_CHILDREN,
  NS,
  XML_EXTENSIONS,
  childrenNamed,
  extension,
  flat,
  parseXml,
  readText,
  specialFileFinding
} from "./chunk-QFASGRCW.js";
import {
  scratchReader
} from "./chunk-G3P6OGWQ.js";

// src/models/load.ts
import fs from "node:fs";
import path from "node:path";

// src/models/by-id.ts
var NodesById = class {
  map = /* @__PURE__ */ new Map();
  get size() {
    return this.map.size;
  }
  add(id, node) {
    const had = this.map.get(id);
    if (had === void 0) this.map.set(id, node);
    else if (Array.isArray(had)) had.push(node);
    else this.map.set(id, [had, node]);
  }
  /** The elements with this id in document order (do not change the list), or undefined. */
  get(id) {
    const v = this.map.get(id);
    return v === void 0 || Array.isArray(v) ? v : [v];
  }
  /** The first element with this id in document order. */
  first(id) {
    const v = this.map.get(id);
    return Array.isArray(v) ? v[0] : v;
  }
  /** The last element with this id (in document order) that `test` accepts. */
  findLast(id, test) {
    const v = this.map.get(id);
    if (v === void 0) return void 0;
    if (!Array.isArray(v)) return test(v) ? v : void 0;
    for (let k = v.length - 1; k >= 0; k--) if (test(v[k])) return v[k];
    return void 0;
  }
  /** Whether an element with this id is one that `test` accepts. */
  some(id, test) {
    const v = this.map.get(id);
    if (v === void 0) return false;
    return Array.isArray(v) ? v.some(test) : test(v);
  }
};

// src/models/load.ts
async function loadModels(root, options = {}) {
  const abs = path.resolve(root);
  let stat;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new SetupError(
      `models root '${root}' does not exist: pass the directory holding your process groups`
    );
  }
  if (!stat.isDirectory()) throw new SetupError(`models root '${root}' is not a directory`);
  const tree = options.tree ?? walkDisk(abs, { stat: false });
  const files = readableFiles(tree).map((e) => ({ path: e.path, size: -1 }));
  for (const p of tree.problems)
    if (p.kind === "special") files.push({ path: p.path, size: -1, special: p.detail });
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const xml = options.read ? [] : files.filter(
    (f) => !f.special && XML_EXTENSIONS.has(extension(f.path.slice(f.path.lastIndexOf("/") + 1)))
  );
  const elsewhere = xml.length ? (await import("./parallel-EJGDE2P6.js")).startParsing(
    abs,
    // In the order the loader takes them (directory by directory with onShard).
    (options.onShard ? byDirectory(xml, (f) => dirOf(f.path)).flat() : xml).map((f) => f.path),
    options.workers
  ) : void 0;
  const index = await buildIndex(
    abs,
    files,
    treeFindings(tree),
    options.read ?? readFromDisk(),
    elsewhere,
    options.onShard
  );
  index.tree = tree;
  return index;
}
function readFromDisk() {
  const read = scratchReader(MAX_PARSE_BYTES);
  return (f) => read(f.abs);
}
function buildIndex(root, entries, loadFindings, read, elsewhere, onShard) {
  const files = entries.map((e) => {
    const slash = e.path.lastIndexOf("/");
    const name = e.path.slice(slash + 1);
    return {
      path: e.path,
      abs: `${root}/${e.path}`,
      dir: slash >= 0 ? e.path.slice(0, slash) : "",
      name,
      ext: extension(name),
      size: e.size,
      modelId: null,
      ...e.special ? { special: e.special } : {}
    };
  }).sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const filesByPath = new Map(files.map((f) => [f.path, f]));
  const groups = /* @__PURE__ */ new Map();
  const models = /* @__PURE__ */ new Map();
  const groupDirs = /* @__PURE__ */ new Set();
  for (const f of files) if (f.name === "process_group.json") groupDirs.add(f.dir);
  const index = {
    root,
    files,
    filesByPath,
    groups,
    models,
    bpmn: /* @__PURE__ */ new Map(),
    dmn: /* @__PURE__ */ new Map(),
    processes: /* @__PURE__ */ new Map(),
    decisionsByDir: /* @__PURE__ */ new Map(),
    calls: [],
    modelCalls: /* @__PURE__ */ new Map(),
    loadFindings
  };
  const specialFinding = (f) => loadFindings.push(specialFileFinding(f, f.special));
  const apply = (f, got) => {
    f.size = got.size;
    if (got.bom) f.bom = true;
    if (got.special) f.special = got.special;
    if (got.finding) loadFindings.push(got.finding);
  };
  const readOnce = (f) => {
    if (f.special) return void 0;
    const got = readText(f, () => read(f));
    apply(f, got);
    return got.text;
  };
  const text = (f) => {
    if (f.text !== void 0 || f.special) return f.text;
    return f.text = readOnce(f);
  };
  for (const f of files) {
    if (f.name === "process_group.json") {
      const id = f.dir;
      const json = parseJson(f, text(f));
      const value = json.value;
      groups.set(id, {
        id,
        dir: f.dir,
        json,
        displayName: typeof value?.display_name === "string" ? value.display_name : void 0
      });
    }
  }
  for (const f of files) {
    if (f.name === "process_model.json") {
      const json = parseJson(f, text(f));
      const info = json.value && typeof json.value === "object" && !Array.isArray(json.value) ? json.value : void 0;
      models.set(f.dir, {
        id: f.dir,
        dir: f.dir,
        json,
        info,
        files: [],
        groupId: nearestGroup(f.dir, groupDirs)
      });
    }
  }
  for (const f of files) {
    const model = models.get(f.dir);
    if (model) {
      f.modelId = model.id;
      model.files.push(f);
    }
  }
  for (const f of files) if (f.special) specialFinding(f);
  const modelJson = files.filter((f) => f.ext === "json" && f.modelId !== null);
  const jsonByDir = onShard ? groupedByDirectory(modelJson, (f) => f.dir) : void 0;
  if (!jsonByDir) for (const f of modelJson) text(f);
  const xmlFiles = files.filter((f) => XML_EXTENSIONS.has(f.ext));
  const indexFile = (f, done) => {
    let parsed;
    let hasText;
    if (done) {
      apply(f, done);
      hasText = done.hadText;
      parsed = done.parsed;
    } else {
      const t = readOnce(f);
      hasText = t !== void 0;
      parsed = t === void 0 ? { hasDoctype: false } : parseXml(t);
    }
    const base = { file: f, root: parsed.root, error: parsed.error, hasDoctype: parsed.hasDoctype };
    if (!hasText && !parsed.root) base.error = void 0;
    if (hasText) readAgainWhenNeeded(f, read);
    return f.ext === "bpmn" ? indexBpmn(index, base) : indexDmn(index, base);
  };
  const indexXml = (pre) => {
    if (!onShard && !pre) {
      for (const f of xmlFiles) indexFile(f, void 0);
      linkCalls(index);
      return index;
    }
    return (async () => {
      for (const inDir of onShard ? byDirectory(xmlFiles, (f) => f.dir) : [xmlFiles]) {
        const json = jsonByDir?.get(inDir[0].dir);
        if (json) {
          jsonByDir?.delete(inDir[0].dir);
          for (const f of json) text(f);
        }
        const docs = [];
        for (const f of inDir) {
          const got = pre && !f.special ? pre.take(f.path) : void 0;
          docs.push(indexFile(f, got instanceof Promise ? await got : got));
        }
        if (onShard) await onShard(docs, index);
      }
      if (jsonByDir) for (const json of jsonByDir.values()) for (const f of json) text(f);
      if (onShard) inPathOrder(index);
      linkCalls(index);
      return index;
    })();
  };
  return indexXml(elsewhere?.(xmlFiles.filter((f) => !f.special)));
}
function byDirectory(items, dirOf2) {
  return [...groupedByDirectory(items, dirOf2).values()];
}
function groupedByDirectory(items, dirOf2) {
  const dirs = /* @__PURE__ */ new Map();
  for (const item of items) {
    const dir = dirOf2(item);
    const list = dirs.get(dir);
    if (list) list.push(item);
    else dirs.set(dir, [item]);
  }
  return dirs;
}
function inPathOrder(index) {
  const byPath = (m) => new Map([...m].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
  const bpmn = byPath(index.bpmn);
  const dmn = byPath(index.dmn);
  index.bpmn.clear();
  for (const [k, v] of bpmn) index.bpmn.set(k, v);
  index.dmn.clear();
  for (const [k, v] of dmn) index.dmn.set(k, v);
  const rank = /* @__PURE__ */ new Map();
  let n = 0;
  for (const k of index.bpmn.keys()) rank.set(k, n++);
  const order = (list) => list.sort((a, b) => (rank.get(a.file.path) ?? 0) - (rank.get(b.file.path) ?? 0));
  for (const defs of index.processes.values()) if (defs.length > 1) order(defs);
  order(index.calls);
}
function dirOf(p) {
  const slash = p.lastIndexOf("/");
  return slash >= 0 ? p.slice(0, slash) : "";
}
var REREAD = /* @__PURE__ */ Symbol("reread");
var TEXT_AGAIN = {
  configurable: true,
  enumerable: true,
  get() {
    const state = this[REREAD];
    if (!state.known) {
      state.text = readText(this, () => state.read(this)).text;
      state.known = true;
    }
    return state.text;
  },
  set(value) {
    const state = this[REREAD];
    state.text = value;
    state.known = true;
  }
};
function readAgainWhenNeeded(f, read) {
  Object.defineProperty(f, REREAD, { value: { read, text: void 0, known: false } });
  Object.defineProperty(f, "text", TEXT_AGAIN);
}
function letTreesGo(index, docs) {
  const files = /* @__PURE__ */ new Set();
  for (const doc of docs) {
    files.add(doc.file);
    forgetText(doc.file);
    if (!doc.root) continue;
    doc.root = bare(doc.root);
    if ("processes" in doc) {
      const bpmn = doc;
      for (const def of bpmn.processes) def.node = bare(def.node);
      bpmn.rootElements = /* @__PURE__ */ new Map();
      bpmn.byId = new NodesById();
      bpmn.elements = /* @__PURE__ */ new Map();
    }
    if ("decisions" in doc) for (const def of doc.decisions) def.node = bare(def.node);
  }
  for (let i = index.calls.length - 1; i >= 0 && files.has(index.calls[i].file); i--)
    index.calls[i].node = bare(index.calls[i].node);
}
function bare(node) {
  if (node.parent === null && node.children === NO_CHILDREN) return node;
  let attrs = NO_ATTRS;
  for (const key in node.attrs) {
    if (attrs === NO_ATTRS) attrs = {};
    attrs[key] = flat(node.attrs[key]);
  }
  return { ...node, attrs, children: NO_CHILDREN, parent: null, text: "" };
}
function forgetText(f) {
  const state = f[REREAD];
  if (!state) return;
  state.text = void 0;
  state.known = false;
}
function linkCalls(index) {
  for (const call of index.calls) {
    if (!call.modelId) continue;
    for (const def of index.processes.get(call.processId) ?? []) {
      if (!def.modelId || def.modelId === call.modelId) continue;
      let set = index.modelCalls.get(call.modelId);
      if (!set) index.modelCalls.set(call.modelId, set = /* @__PURE__ */ new Set());
      set.add(def.modelId);
    }
  }
}
function indexBpmn(index, base) {
  const doc = {
    ...base,
    processes: [],
    rootElements: /* @__PURE__ */ new Map(),
    byId: new NodesById(),
    elements: /* @__PURE__ */ new Map()
  };
  index.bpmn.set(doc.file.path, doc);
  const root = doc.root;
  if (!root) return doc;
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    if (node === root) continue;
    if (node.ns === NS.spiff) {
      addTo(doc.elements, spiffKey(node.name), node);
      continue;
    }
    if (node.ns !== NS.bpmn) continue;
    addTo(doc.elements, node.name, node);
    const id = node.attrs.id;
    if (id !== void 0) {
      doc.byId.add(id, node);
    }
    if (node.name === "callActivity" && node.attrs.calledElement) {
      const call = {
        processId: node.attrs.calledElement,
        file: doc.file,
        node,
        modelId: doc.file.modelId
      };
      index.calls.push(call);
    }
  }
  if (root.ns !== NS.bpmn || root.name !== "definitions") return doc;
  for (const child of root.children) {
    if (child.ns !== NS.bpmn) continue;
    if (child.attrs.id !== void 0) doc.rootElements.set(child.attrs.id, child);
    if (child.name === "process" && child.attrs.id) {
      const def = {
        id: child.attrs.id,
        name: child.attrs.name,
        file: doc.file,
        node: child,
        executable: (child.attrs.isExecutable ?? "true") === "true",
        modelId: doc.file.modelId
      };
      doc.processes.push(def);
      const list = index.processes.get(def.id);
      if (list) list.push(def);
      else index.processes.set(def.id, [def]);
    }
  }
  return doc;
}
function indexDmn(index, base) {
  const doc = { ...base, decisions: [] };
  index.dmn.set(doc.file.path, doc);
  const root = doc.root;
  if (!root || !DMN_NAMESPACES.has(root.ns) || root.name !== "definitions") return doc;
  const decisions = childrenNamed(root, root.ns, "decision");
  decisions.forEach((node, i) => {
    const def = { id: node.attrs.id ?? "", file: doc.file, node, first: i === 0 };
    doc.decisions.push(def);
  });
  const list = index.decisionsByDir.get(doc.file.dir);
  if (list) list.push(...doc.decisions);
  else index.decisionsByDir.set(doc.file.dir, [...doc.decisions]);
  return doc;
}
var SPIFF_KEYS = /* @__PURE__ */ new Map();
function spiffKey(name) {
  let key = SPIFF_KEYS.get(name);
  if (key === void 0) {
    key = `spiffworkflow:${name}`;
    if (SPIFF_KEYS.size < 1e4) SPIFF_KEYS.set(name, key);
  }
  return key;
}
function addTo(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function nearestGroup(dir, groupDirs) {
  let d = dir;
  while (d) {
    const slash = d.lastIndexOf("/");
    d = slash >= 0 ? d.slice(0, slash) : "";
    if (groupDirs.has(d) && d !== "") return d;
  }
  return null;
}
var BOM_MESSAGE = "Unexpected UTF-8 BOM: the file starts with a byte-order mark, which Python's json.load refuses; save it as UTF-8 without BOM";
function parseJson(file, text) {
  if (text === void 0) return { file };
  if (file.bom) return { file, error: { message: BOM_MESSAGE, line: 1, column: 1 } };
  try {
    return { file, value: JSON.parse(text) };
  } catch (err) {
    const message = err.message;
    const m = /position (\d+)/.exec(message);
    const pos = m ? new LineIndex(text).position(Number(m[1])) : { line: 1, column: 1 };
    return { file, error: { message: message.replace(/ in JSON at position \d+.*$/, ""), ...pos } };
  }
}
function treeFindings(tree) {
  const findings = [];
  for (const p of tree.problems) {
    if (p.kind === "broken-link") findings.push(symlinkFinding(p.path, "points at nothing (broken link)"));
    else if (p.kind === "outside-root")
      findings.push(symlinkFinding(p.path, `leaves the models root (points at ${p.detail}); not followed`));
    else if (p.kind === "unreadable")
      findings.push({
        ruleId: "unreadable-file",
        severity: "error",
        message: `cannot list directory: ${p.detail}`,
        file: p.path,
        line: 1,
        column: 1,
        modelId: null
      });
  }
  return findings;
}
function symlinkFinding(file, what) {
  return {
    ruleId: "symlink-outside-root",
    severity: "error",
    message: `symbolic link ${what}: copy the files into the repository instead`,
    file,
    line: 1,
    column: 1,
    modelId: null
  };
}

export {
  loadModels,
  buildIndex,
  byDirectory,
  letTreesGo,
  forgetText,
  BOM_MESSAGE
};
