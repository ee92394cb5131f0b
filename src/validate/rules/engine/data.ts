// Data associations: each must name a data object reference (with its data object) or a data store
// reference (with its data store).
import type { Rule } from '../../rule.js';
import { NS, childrenNamed, flat } from '../../../models/xml.js';

export const dataAssociation: Rule = {
  id: 'data-association',
  severity: 'error',
  scope: 'files',
  description: 'a data input/output association names no data object reference or data store reference',
  fix: 'Reconnect the association to an existing data object or data store.',
  check({ index, analysis, report, shared }) {
    // Data stores are found in any file of the repository: every directory adds its own.
    const dataStoreIds = shared(() => new Set<string>());
    for (const d of index.bpmn.values())
      for (const n of d.elements.get('dataStore') ?? []) if (n.attrs.id) dataStoreIds.add(flat(n.attrs.id));
    for (const [doc, reached] of analysis.reachedByDoc) {
      // A file without data associations has nothing to report.
      if (!doc.elements.has('dataInputAssociation') && !doc.elements.has('dataOutputAssociation')) continue;
      for (const { node, supported, process } of reached) {
        if (!supported) continue;
        for (const assoc of node.children) {
          if (assoc.ns !== NS.bpmn) continue;
          const refName =
            assoc.name === 'dataInputAssociation'
              ? 'sourceRef'
              : assoc.name === 'dataOutputAssociation'
                ? 'targetRef'
                : undefined;
          if (!refName) continue;
          for (const ref of childrenNamed(assoc, NS.bpmn, refName)) {
            const target = ref.text.trim();
            const stores: string[] = [];
            const found = doc.byId.some(target, (n) => {
              if (n.name === 'dataObjectReference')
                return doc.byId.some(n.attrs.dataObjectRef ?? '', (o) => o.name === 'dataObject');
              if (n.name === 'dataStoreReference') stores.push(flat(n.attrs.dataStoreRef ?? ''));
              return false;
            });
            if (!found)
              report({
                file: doc.file,
                node: ref,
                message: `Cannot resolve ${assoc.name} '${target}' of '${node.attrs.id}': it names no data object reference (with a data object) or data store reference`,
                // Only in a process the engine loads, and unless a data store of any file matches.
                later: ({ loaded }) =>
                  loaded.has(process) && !stores.some((id) => dataStoreIds.has(id)) ? {} : undefined,
              });
          }
        }
      }
    }
  },
};
