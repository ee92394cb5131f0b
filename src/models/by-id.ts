// A BPMN document's elements by id (document-wide, like the engine's `.//bpmn:*[@id=...]`). Nearly every id
// names one element: it is kept as itself, and only a shared id gets a list (a one-element array per id was
// some 10 MB of the corpus's trees in bench/validate).
import type { XNode } from './xml.js';

export class NodesById {
  private readonly map = new Map<string, XNode | XNode[]>();

  get size(): number {
    return this.map.size;
  }

  add(id: string, node: XNode): void {
    const had = this.map.get(id);
    if (had === undefined) this.map.set(id, node);
    else if (Array.isArray(had)) had.push(node);
    else this.map.set(id, [had, node]);
  }

  /** The elements with this id in document order (do not change the list), or undefined. */
  get(id: string): readonly XNode[] | undefined {
    const v = this.map.get(id);
    return v === undefined || Array.isArray(v) ? v : [v];
  }

  /** The first element with this id in document order. */
  first(id: string): XNode | undefined {
    const v = this.map.get(id);
    return Array.isArray(v) ? v[0] : v;
  }

  /** The last element with this id (in document order) that `test` accepts. */
  findLast(id: string, test: (node: XNode) => boolean): XNode | undefined {
    const v = this.map.get(id);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return test(v) ? v : undefined;
    for (let k = v.length - 1; k >= 0; k--) if (test(v[k])) return v[k];
    return undefined;
  }

  /** Whether an element with this id is one that `test` accepts. */
  some(id: string, test: (node: XNode) => boolean): boolean {
    const v = this.map.get(id);
    if (v === undefined) return false;
    return Array.isArray(v) ? v.some(test) : test(v);
  }
}
