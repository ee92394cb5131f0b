// Small readers shared by rules.
import type { Model, ModelsIndex, RepoFile } from '../../models/types.js';
import { NS } from '../../models/xml.js';
import type { XNode } from '../../models/xml.js';
import type { Analysis, Reached } from '../reach.js';

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function modelFile(model: Model): RepoFile {
  return model.json.file;
}

/** Every bpmn element of a given local name in the repo's BPMN files, with its file. */
export function* bpmnElements(index: ModelsIndex, name: string): Generator<{ file: RepoFile; node: XNode }> {
  for (const doc of index.bpmn.values())
    for (const node of doc.elements.get(name) ?? []) yield { file: doc.file, node };
}

/** Offset of `"key"` in a JSON text (first occurrence), for pointing at a key. */
export function jsonKeyOffset(text: string | undefined, key: string): number | undefined {
  if (!text) return undefined;
  const i = text.indexOf(JSON.stringify(key));
  return i >= 0 ? i : undefined;
}

/** Calls `visit` with each spiffworkflow:properties/property of an element, in document order. */
function eachSpiffProperty(node: XNode, visit: (property: XNode) => void): void {
  for (const ext of node.children) {
    if (ext.ns !== NS.bpmn || ext.name !== 'extensionElements') continue;
    for (const props of ext.children) {
      if (props.ns !== NS.spiff || props.name !== 'properties') continue;
      for (const p of props.children) if (p.ns === NS.spiff && p.name === 'property') visit(p);
    }
  }
}

/** The spiffworkflow:properties/property of an element with that name (the last one of that name). */
export function spiffProperty(node: XNode, name: string): XNode | undefined {
  let found: XNode | undefined;
  eachSpiffProperty(node, (p) => {
    if (p.attrs.name === name) found = p;
  });
  return found;
}

/** spiffProperty for several names in one pass over the element: the properties by position of the names. */
export function spiffPropertiesNamed(node: XNode, names: string[]): (XNode | undefined)[] {
  const found = new Array<XNode | undefined>(names.length).fill(undefined);
  eachSpiffProperty(node, (p) => {
    const k = p.attrs.name === undefined ? -1 : names.indexOf(p.attrs.name);
    if (k >= 0) found[k] = p;
  });
  return found;
}

/** The reached nodes of the given kinds, in walk order per kind. */
export function reachedOf(analysis: Analysis, ...kinds: string[]): Reached[] {
  return kinds.flatMap((k) => analysis.byKind.get(k) ?? []);
}
