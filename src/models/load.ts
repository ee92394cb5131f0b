// Loads a models root once into a ModelsIndex: walks the tree (skipping .git), reads and parses every JSON,
// BPMN and DMN file exactly once, and builds the repo-wide maps the rules and commands read.
import fs from 'node:fs';
import path from 'node:path';
import { SetupError } from '../util/errors.js';
import { scratchReader } from '../util/files.js';
import type { Finding } from './finding.js';
import {
  LineIndex,
  NS,
  NO_ATTRS,
  NO_CHILDREN,
  DMN_NAMESPACES,
  childrenNamed,
  flat,
  parseXml,
} from './xml.js';
import { NodesById } from './by-id.js';
import type {
  BpmnDoc,
  CallRef,
  DecisionDef,
  DmnDoc,
  Group,
  JsonDoc,
  Model,
  ModelsIndex,
  ProcessDef,
  RepoFile,
  XmlDoc,
} from './types.js';
import type { XNode, XmlParseResult } from './xml.js';
import { readableFiles, walkDisk, type SourceTree } from './tree.js';
import type { ParsedFiles } from './parallel.js';
import {
  MAX_PARSE_BYTES,
  XML_EXTENSIONS,
  extension,
  readText,
  specialFileFinding,
  type PreParsed,
  type ReadResult,
} from './read.js';

export { MAX_PARSE_BYTES, readText, type PreParsed, type ReadResult };

export interface LoadOptions {
  /** The listing to load (default: the work tree on disk, walked once). bake passes the committed tree. */
  tree?: SourceTree;
  /** Reads a file of `tree` (default: from disk, through links). */
  read?: (f: RepoFile) => Buffer;
  /**
   * Worker threads parsing the BPMN/DMN files (from disk, so only with the default `read`): 0 never, a
   * number forces that many, undefined lets the loader decide from the repository's size and the cores
   * (see models/parallel.ts).
   */
  workers?: number;
  /** See OnShard. */
  onShard?: OnShard;
}

/** How buildIndex may hand the BPMN/DMN files to worker threads: undefined when they are parsed here. */
export type ParseElsewhere = (files: RepoFile[]) => ParsedFiles | undefined;

/**
 * Called with each directory's BPMN and DMN documents as soon as they are indexed, before the next directory
 * is read: validate runs its rules on them and lets their trees go (so the whole repository's trees are never
 * in memory at once). The index's maps hold every directory read so far; the rest comes after.
 */
export type OnShard = (docs: (BpmnDoc | DmnDoc)[], index: ModelsIndex) => void | Promise<void>;

export async function loadModels(root: string, options: LoadOptions = {}): Promise<ModelsIndex> {
  const abs = path.resolve(root);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new SetupError(
      `models root '${root}' does not exist: pass the directory holding your process groups`,
    );
  }
  if (!stat.isDirectory()) throw new SetupError(`models root '${root}' is not a directory`);
  // No lstat per file: the read opens it and checks what it is with fstat (util/files.ts).
  const tree = options.tree ?? walkDisk(abs, { stat: false });
  // Like the backend's os.walk, linked directories are not descended into; linked files are read.
  const files: ListedFile[] = readableFiles(tree).map((e) => ({ path: e.path, size: -1 }));
  // FIFOs, sockets and devices are listed (never opened), so a model file cannot vanish quietly.
  for (const p of tree.problems)
    if (p.kind === 'special') files.push({ path: p.path, size: -1, special: p.detail });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Workers read the files from disk themselves: not with another reader (bake's committed tree). They start
  // as soon as the listing is known, to parse while the JSON files are read here. The pool (worker_threads)
  // is imported only when there is XML to parse: not for an empty root.
  const xml = options.read
    ? []
    : files.filter(
        (f) => !f.special && XML_EXTENSIONS.has(extension(f.path.slice(f.path.lastIndexOf('/') + 1))),
      );
  const elsewhere: ParseElsewhere | undefined = xml.length
    ? (await import('./parallel.js')).startParsing(
        abs,
        // In the order the loader takes them (directory by directory with onShard).
        (options.onShard ? byDirectory(xml, (f) => dirOf(f.path)).flat() : xml).map((f) => f.path),
        options.workers,
      )
    : undefined;
  const index = await buildIndex(
    abs,
    files,
    treeFindings(tree),
    options.read ?? readFromDisk(),
    elsewhere,
    options.onShard,
  );
  index.tree = tree;
  return index;
}

/**
 * The default reader: from disk, into one reused buffer (readText decodes the bytes at once and keeps none of
 * them), refusing what is no regular file or is over the limit.
 */
function readFromDisk(): (f: RepoFile) => Buffer {
  const read = scratchReader(MAX_PARSE_BYTES);
  return (f) => read(f.abs);
}

/**
 * Builds an index from a list of files (paths relative to root) and a reader: shared by disk and git loads.
 * The reader's bytes are decoded at once and not kept, so a reader may reuse one buffer.
 */
export function buildIndex(
  root: string,
  entries: ListedFile[],
  loadFindings: Finding[],
  read: (f: RepoFile) => Buffer,
): ModelsIndex;
export function buildIndex(
  root: string,
  entries: ListedFile[],
  loadFindings: Finding[],
  read: (f: RepoFile) => Buffer,
  elsewhere?: ParseElsewhere,
  onShard?: OnShard,
): Promise<ModelsIndex> | ModelsIndex;
export function buildIndex(
  root: string,
  entries: ListedFile[],
  loadFindings: Finding[],
  read: (f: RepoFile) => Buffer,
  elsewhere?: ParseElsewhere,
  onShard?: OnShard,
): Promise<ModelsIndex> | ModelsIndex {
  const files: RepoFile[] = entries
    .map((e) => {
      const slash = e.path.lastIndexOf('/');
      const name = e.path.slice(slash + 1);
      return {
        path: e.path,
        abs: `${root}/${e.path}`,
        dir: slash >= 0 ? e.path.slice(0, slash) : '',
        name,
        ext: extension(name),
        size: e.size,
        modelId: null,
        ...(e.special ? { special: e.special } : {}),
      } as RepoFile;
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const filesByPath = new Map(files.map((f) => [f.path, f]));

  const groups = new Map<string, Group>();
  const models = new Map<string, Model>();
  const groupDirs = new Set<string>();
  for (const f of files) if (f.name === 'process_group.json') groupDirs.add(f.dir);

  const index: ModelsIndex = {
    root,
    files,
    filesByPath,
    groups,
    models,
    bpmn: new Map(),
    dmn: new Map(),
    processes: new Map(),
    decisionsByDir: new Map(),
    calls: [],
    modelCalls: new Map(),
    loadFindings,
  };

  const specialFinding = (f: RepoFile) => loadFindings.push(specialFileFinding(f, f.special as string));
  const apply = (f: RepoFile, got: Omit<ReadResult, 'text'>) => {
    f.size = got.size;
    if (got.bom) f.bom = true;
    if (got.special) f.special = got.special;
    if (got.finding) loadFindings.push(got.finding);
  };
  /** Reads a file once: its findings and facts go on the file, the text is returned (and not kept). */
  const readOnce = (f: RepoFile): string | undefined => {
    // Never opened: reported once all files know their model (below).
    if (f.special) return undefined;
    const got = readText(f, () => read(f));
    apply(f, got);
    return got.text;
  };
  /** JSON: the text stays on the file (rules point into it). */
  const text = (f: RepoFile): string | undefined => {
    if (f.text !== undefined || f.special) return f.text;
    return (f.text = readOnce(f));
  };

  for (const f of files) {
    if (f.name === 'process_group.json') {
      const id = f.dir;
      const json = parseJson(f, text(f));
      const value = json.value as Record<string, unknown> | undefined;
      groups.set(id, {
        id,
        dir: f.dir,
        json,
        displayName: typeof value?.display_name === 'string' ? value.display_name : undefined,
      });
    }
  }
  for (const f of files) {
    // Also in a folder that is a group: the backend's model listing (get_process_models) walks every
    // folder for process_model.json, so the boot loads it; only the UI's group tree hides it.
    if (f.name === 'process_model.json') {
      const json = parseJson(f, text(f));
      const info =
        json.value && typeof json.value === 'object' && !Array.isArray(json.value)
          ? (json.value as Record<string, unknown>)
          : undefined;
      models.set(f.dir, {
        id: f.dir,
        dir: f.dir,
        json,
        info,
        files: [],
        groupId: nearestGroup(f.dir, groupDirs),
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

  // Other JSON files of models (forms, tests, data stores) are read for the JSON rules, which judge them once
  // every directory is read. With onShard they are read with their directory's BPMN/DMN files (a directory's
  // rules read no other directory's JSON), so the loader takes the workers' first trees at once instead of
  // reading every JSON file of the repository first while the workers wait at their bound (MAX_AHEAD).
  const modelJson = files.filter((f) => f.ext === 'json' && f.modelId !== null);
  const jsonByDir = onShard ? groupedByDirectory(modelJson, (f) => f.dir) : undefined;
  if (!jsonByDir) for (const f of modelJson) text(f);
  const xmlFiles = files.filter((f) => XML_EXTENSIONS.has(f.ext));
  const indexFile = (f: RepoFile, done: PreParsed | undefined): BpmnDoc | DmnDoc => {
    let parsed: XmlParseResult;
    let hasText: boolean;
    if (done) {
      // Same order of findings as a parse here: the worker's are added at this file's turn.
      apply(f, done);
      hasText = done.hadText;
      parsed = done.parsed;
    } else {
      const t = readOnce(f);
      hasText = t !== undefined;
      parsed = t === undefined ? { hasDoctype: false } : parseXml(t);
    }
    const base: XmlDoc = { file: f, root: parsed.root, error: parsed.error, hasDoctype: parsed.hasDoctype };
    if (!hasText && !parsed.root) base.error = undefined;
    if (hasText) readAgainWhenNeeded(f, read);
    return f.ext === 'bpmn' ? indexBpmn(index, base) : indexDmn(index, base);
  };
  const indexXml = (pre?: ParsedFiles): ModelsIndex | Promise<ModelsIndex> => {
    if (!onShard && !pre) {
      for (const f of xmlFiles) indexFile(f, undefined);
      linkCalls(index);
      return index;
    }
    return (async () => {
      // With onShard, one directory at a time, its trees handed over (and maybe let go) before the next.
      for (const inDir of onShard ? byDirectory(xmlFiles, (f) => f.dir) : [xmlFiles]) {
        const json = jsonByDir?.get(inDir[0].dir);
        if (json) {
          jsonByDir?.delete(inDir[0].dir);
          for (const f of json) text(f);
        }
        const docs: (BpmnDoc | DmnDoc)[] = [];
        for (const f of inDir) {
          // Special files are never opened, by a worker either.
          const got = pre && !f.special ? pre.take(f.path) : undefined;
          docs.push(indexFile(f, got instanceof Promise ? await got : got));
        }
        if (onShard) await onShard(docs, index);
      }
      // The JSON files of directories without BPMN/DMN files (each file is read once: an unreadable one
      // would be reported twice).
      if (jsonByDir) for (const json of jsonByDir.values()) for (const f of json) text(f);
      if (onShard) inPathOrder(index);
      linkCalls(index);
      return index;
    })();
  };
  return indexXml(elsewhere?.(xmlFiles.filter((f) => !f.special)));
}

/**
 * Items grouped by directory: each directory's in the given order, the directories in the order of their
 * first item. The order the loader hands directories to onShard in, and so the order the workers parse in.
 */
export function byDirectory<T>(items: T[], dirOf: (item: T) => string): T[][] {
  return [...groupedByDirectory(items, dirOf).values()];
}

/** byDirectory, each list under its directory. */
function groupedByDirectory<T>(items: T[], dirOf: (item: T) => string): Map<string, T[]> {
  const dirs = new Map<string, T[]>();
  for (const item of items) {
    const dir = dirOf(item);
    const list = dirs.get(dir);
    if (list) list.push(item);
    else dirs.set(dir, [item]);
  }
  return dirs;
}

/**
 * The documents, definitions and calls of an index filled one directory at a time, put back in the order of
 * the files' paths (the order a load of every file at once gives): which of two definitions of an id comes
 * first decides what a call resolves to.
 */
function inPathOrder(index: ModelsIndex): void {
  const byPath = <V>(m: Map<string, V>) => new Map([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const bpmn = byPath(index.bpmn);
  const dmn = byPath(index.dmn);
  index.bpmn.clear();
  for (const [k, v] of bpmn) index.bpmn.set(k, v);
  index.dmn.clear();
  for (const [k, v] of dmn) index.dmn.set(k, v);
  const rank = new Map<string, number>();
  let n = 0;
  for (const k of index.bpmn.keys()) rank.set(k, n++);
  const order = <T extends { file: RepoFile }>(list: T[]) =>
    list.sort((a, b) => (rank.get(a.file.path) ?? 0) - (rank.get(b.file.path) ?? 0));
  for (const defs of index.processes.values()) if (defs.length > 1) order(defs);
  order(index.calls);
}

function dirOf(p: string): string {
  const slash = p.lastIndexOf('/');
  return slash >= 0 ? p.slice(0, slash) : '';
}

/** Where a file whose text was let go keeps how to read it again. */
const REREAD = Symbol('reread');
interface Rereadable extends RepoFile {
  [REREAD]: { read: (f: RepoFile) => Buffer; text: string | undefined; known: boolean };
}

/**
 * `text` of a file read again on demand: one getter and setter for every file, so the files keep one shape
 * (a closure per file made each of them a dictionary-mode object, slower for every rule reading its fields).
 */
const TEXT_AGAIN: PropertyDescriptor = {
  configurable: true,
  enumerable: true,
  get(this: Rereadable): string | undefined {
    const state = this[REREAD];
    if (!state.known) {
      state.text = readText(this, () => state.read(this)).text;
      state.known = true;
    }
    return state.text;
  },
  set(this: Rereadable, value: string | undefined) {
    const state = this[REREAD];
    state.text = value;
    state.known = true;
  },
};

/**
 * Lets go of a parsed XML file's text, most of a repository's memory once the tree is built (the tree's
 * strings are copies, see xml.ts): `file.text` reads it again, once, for the few files a finding points
 * into (positions, attribute offsets).
 */
function readAgainWhenNeeded(f: RepoFile, read: (f: RepoFile) => Buffer): void {
  // Not enumerable: the file's fields (and what comparing two files sees) are as before.
  Object.defineProperty(f, REREAD, { value: { read, text: undefined, known: false } });
  Object.defineProperty(f, 'text', TEXT_AGAIN);
}

/**
 * Lets the trees of some documents go once their rules have run (validate, one directory at a time): each
 * document keeps its root element and each process, decision and call its element, without children or
 * parent (what the repository-wide rules read: names, attributes, offsets); the element maps empty. The
 * texts read again for findings are let go too.
 */
export function letTreesGo(index: ModelsIndex, docs: XmlDoc[]): void {
  const files = new Set<RepoFile>();
  for (const doc of docs) {
    files.add(doc.file);
    forgetText(doc.file);
    if (!doc.root) continue;
    doc.root = bare(doc.root);
    if ('processes' in doc) {
      const bpmn = doc as BpmnDoc;
      for (const def of bpmn.processes) def.node = bare(def.node);
      bpmn.rootElements = new Map();
      bpmn.byId = new NodesById();
      bpmn.elements = new Map();
    }
    if ('decisions' in doc) for (const def of (doc as DmnDoc).decisions) def.node = bare(def.node);
  }
  // The documents' calls are the last ones indexed (a directory's calls come together, in its documents).
  for (let i = index.calls.length - 1; i >= 0 && files.has(index.calls[i].file); i--)
    index.calls[i].node = bare(index.calls[i].node);
}

function bare(node: XNode): XNode {
  if (node.parent === null && node.children === NO_CHILDREN) return node;
  // Flat copies of the values: a tree built from a worker's message holds views into the message's text.
  let attrs = NO_ATTRS;
  for (const key in node.attrs) {
    if (attrs === NO_ATTRS) attrs = {};
    attrs[key] = flat(node.attrs[key]);
  }
  return { ...node, attrs, children: NO_CHILDREN, parent: null, text: '' };
}

/** A file's text read again for a finding is let go: read once more if another finding needs it. */
export function forgetText(f: RepoFile): void {
  const state = (f as Partial<Rereadable>)[REREAD];
  if (!state) return;
  state.text = undefined;
  state.known = false;
}

function linkCalls(index: ModelsIndex): void {
  for (const call of index.calls) {
    if (!call.modelId) continue;
    for (const def of index.processes.get(call.processId) ?? []) {
      if (!def.modelId || def.modelId === call.modelId) continue;
      let set = index.modelCalls.get(call.modelId);
      if (!set) index.modelCalls.set(call.modelId, (set = new Set()));
      set.add(def.modelId);
    }
  }
}

function indexBpmn(index: ModelsIndex, base: XmlDoc): BpmnDoc {
  const doc: BpmnDoc = {
    ...base,
    processes: [],
    rootElements: new Map(),
    byId: new NodesById(),
    elements: new Map(),
  };
  index.bpmn.set(doc.file.path, doc);
  const root = doc.root;
  if (!root) return doc;
  const stack = [root];
  while (stack.length) {
    const node = stack.pop() as XNode;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    if (node === root) continue;
    if (node.ns === NS.spiff) {
      addTo(doc.elements, spiffKey(node.name), node);
      continue;
    }
    if (node.ns !== NS.bpmn) continue;
    addTo(doc.elements, node.name, node);
    const id = node.attrs.id;
    if (id !== undefined) {
      doc.byId.add(id, node);
    }
    if (node.name === 'callActivity' && node.attrs.calledElement) {
      const call: CallRef = {
        processId: node.attrs.calledElement,
        file: doc.file,
        node,
        modelId: doc.file.modelId,
      };
      index.calls.push(call);
    }
  }
  if (root.ns !== NS.bpmn || root.name !== 'definitions') return doc;
  for (const child of root.children) {
    if (child.ns !== NS.bpmn) continue;
    if (child.attrs.id !== undefined) doc.rootElements.set(child.attrs.id, child);
    if (child.name === 'process' && child.attrs.id) {
      const def: ProcessDef = {
        id: child.attrs.id,
        name: child.attrs.name,
        file: doc.file,
        node: child,
        executable: (child.attrs.isExecutable ?? 'true') === 'true',
        modelId: doc.file.modelId,
      };
      doc.processes.push(def);
      const list = index.processes.get(def.id);
      if (list) list.push(def);
      else index.processes.set(def.id, [def]);
    }
  }
  return doc;
}

function indexDmn(index: ModelsIndex, base: XmlDoc): DmnDoc {
  const doc: DmnDoc = { ...base, decisions: [] };
  index.dmn.set(doc.file.path, doc);
  const root = doc.root;
  if (!root || !DMN_NAMESPACES.has(root.ns) || root.name !== 'definitions') return doc;
  const decisions = childrenNamed(root, root.ns, 'decision');
  decisions.forEach((node, i) => {
    const def: DecisionDef = { id: node.attrs.id ?? '', file: doc.file, node, first: i === 0 };
    doc.decisions.push(def);
  });
  const list = index.decisionsByDir.get(doc.file.dir);
  if (list) list.push(...doc.decisions);
  else index.decisionsByDir.set(doc.file.dir, [...doc.decisions]);
  return doc;
}

/** `spiffworkflow:<name>` keys, one string per name: no string built and hashed per extension element. */
const SPIFF_KEYS = new Map<string, string>();
function spiffKey(name: string): string {
  let key = SPIFF_KEYS.get(name);
  if (key === undefined) {
    key = `spiffworkflow:${name}`;
    if (SPIFF_KEYS.size < 10000) SPIFF_KEYS.set(name, key);
  }
  return key;
}

function addTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function nearestGroup(dir: string, groupDirs: Set<string>): string | null {
  let d = dir;
  while (d) {
    const slash = d.lastIndexOf('/');
    d = slash >= 0 ? d.slice(0, slash) : '';
    if (groupDirs.has(d) && d !== '') return d;
  }
  return null;
}

export const BOM_MESSAGE =
  "Unexpected UTF-8 BOM: the file starts with a byte-order mark, which Python's json.load refuses; save it as UTF-8 without BOM";

export function parseJson(file: RepoFile, text: string | undefined): JsonDoc {
  if (text === undefined) return { file };
  // The backend reads JSON with json.load(open(path)): a byte-order mark is "Unexpected UTF-8 BOM" there.
  if (file.bom) return { file, error: { message: BOM_MESSAGE, line: 1, column: 1 } };
  try {
    return { file, value: JSON.parse(text) };
  } catch (err) {
    const message = (err as Error).message;
    const m = /position (\d+)/.exec(message);
    const pos = m ? new LineIndex(text).position(Number(m[1])) : { line: 1, column: 1 };
    return { file, error: { message: message.replace(/ in JSON at position \d+.*$/, ''), ...pos } };
  }
}

/** A file of the tree; `special` says what it is when it is no regular file (it is then never opened). */
export interface ListedFile {
  path: string;
  size: number;
  special?: string;
}

/** The tree's problems as the loader reports them. */
function treeFindings(tree: SourceTree): Finding[] {
  const findings: Finding[] = [];
  for (const p of tree.problems) {
    if (p.kind === 'broken-link') findings.push(symlinkFinding(p.path, 'points at nothing (broken link)'));
    else if (p.kind === 'outside-root')
      findings.push(symlinkFinding(p.path, `leaves the models root (points at ${p.detail}); not followed`));
    else if (p.kind === 'unreadable')
      findings.push({
        ruleId: 'unreadable-file',
        severity: 'error',
        message: `cannot list directory: ${p.detail}`,
        file: p.path,
        line: 1,
        column: 1,
        modelId: null,
      });
  }
  return findings;
}

function symlinkFinding(file: string, what: string): Finding {
  return {
    ruleId: 'symlink-outside-root',
    severity: 'error',
    message: `symbolic link ${what}: copy the files into the repository instead`,
    file,
    line: 1,
    column: 1,
    modelId: null,
  };
}

export type { XNode };
