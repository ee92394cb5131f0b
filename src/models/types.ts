// The in-memory index of a models repository: built once by the loader, read by every rule and command.
import type { XNode } from './xml.js';
import type { Finding } from './finding.js';
import type { SourceTree } from './tree.js';
import type { NodesById } from './by-id.js';

export interface RepoFile {
  /** Path relative to the models root, '/' separators. */
  path: string;
  abs: string;
  /** Directory relative to the root ('' for the root itself). */
  dir: string;
  name: string;
  /** Lower-case extension without the dot ('' when none). */
  ext: string;
  /** Bytes, once the file has been read (-1 for files the loader does not read). */
  size: number;
  /** Id of the model whose directory holds this file directly, else null. */
  modelId: string | null;
  /** Decoded text for the files the loader reads (json, bpmn, dmn); undefined otherwise. */
  text?: string;
  /** Set for a FIFO, socket or device (what it is): such a file is never opened. */
  special?: string;
  /** The bytes start with a UTF-8 byte-order mark (stripped from `text`; Python's json.load refuses it). */
  bom?: boolean;
}

export interface JsonDoc {
  file: RepoFile;
  /** Parsed value, undefined when `error` is set. */
  value?: unknown;
  error?: { message: string; line: number; column: number };
}

export interface Group {
  id: string;
  dir: string;
  json: JsonDoc;
  displayName?: string;
}

export interface Model {
  id: string;
  dir: string;
  json: JsonDoc;
  /** The parsed process_model.json when it is a JSON object. */
  info?: Record<string, unknown>;
  /** Files directly inside the model directory (not in sub-folders). */
  files: RepoFile[];
  /** Nearest ancestor group id, or null when the model is not inside any group. */
  groupId: string | null;
}

export interface ProcessDef {
  id: string;
  name?: string;
  file: RepoFile;
  node: XNode;
  /** isExecutable is absent or "true" (the engine treats a missing attribute as executable). */
  executable: boolean;
  modelId: string | null;
}

export interface DecisionDef {
  id: string;
  file: RepoFile;
  node: XNode;
  /** Only the first decision of a DMN file can be called from a business rule task. */
  first: boolean;
}

export interface XmlDoc {
  file: RepoFile;
  /** Root element, absent when the file is not well-formed XML. */
  root?: XNode;
  error?: { message: string; line: number; column: number };
  hasDoctype: boolean;
}

export interface BpmnDoc extends XmlDoc {
  processes: ProcessDef[];
  /** bpmn:message, bpmn:signal, bpmn:error, bpmn:escalation, bpmn:correlationProperty... by id. */
  rootElements: Map<string, XNode>;
  /** Every element carrying an id, by id (document-wide, like the engine's `.//bpmn:*[@id=...]`). */
  byId: NodesById;
  /** BPMN elements by local name ('userTask') and spiffworkflow ones as 'spiffworkflow:preScript'. */
  elements: Map<string, XNode[]>;
}

export interface DmnDoc extends XmlDoc {
  decisions: DecisionDef[];
}

export interface CallRef {
  /** The calledElement value (a process id). */
  processId: string;
  file: RepoFile;
  node: XNode;
  modelId: string | null;
}

export interface ModelsIndex {
  root: string;
  files: RepoFile[];
  filesByPath: Map<string, RepoFile>;
  groups: Map<string, Group>;
  models: Map<string, Model>;
  bpmn: Map<string, BpmnDoc>;
  dmn: Map<string, DmnDoc>;
  /** process id -> every definition in the repo. */
  processes: Map<string, ProcessDef[]>;
  /** directory -> decisions of the .dmn files directly in it. */
  decisionsByDir: Map<string, DecisionDef[]>;
  /** Every call activity with a calledElement. */
  calls: CallRef[];
  /** model id -> ids of the models whose processes it calls (direct calls only). */
  modelCalls: Map<string, Set<string>>;
  /** Problems met while loading: unreadable files, symlinks leaving the root, bad encodings. */
  loadFindings: Finding[];
  /** The listing the index was built from (files, directories, links): bake packs the image from it. */
  tree?: SourceTree;
}
