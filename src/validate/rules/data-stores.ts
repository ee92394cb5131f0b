// Data stores: the engine only knows a few implementations; JSONFileDataStore writes into the models dir.
import type { Rule } from '../rule.js';
import { bpmnElements } from './util.js';

export const KNOWN_DATA_STORES = new Set([
  'JSONDataStore',
  'JSONFileDataStore',
  'KKVDataStore',
  'TypeaheadDataStore',
]);

export const dataStoreName: Rule = {
  id: 'data-store-name',
  severity: 'error',
  scope: 'files',
  description: 'a bpmn:dataStore names an implementation the backend does not have',
  fix: `Use one of ${[...KNOWN_DATA_STORES].join(', ')}.`,
  check({ index, report }) {
    for (const { file, node } of bpmnElements(index, 'dataStore')) {
      const name = node.attrs.name;
      if (!name || !KNOWN_DATA_STORES.has(name))
        report({
          file,
          node,
          attr: 'name',
          message: `Data Store with name ${name ?? '(none)'} has no implementation: use one of ${[...KNOWN_DATA_STORES].join(', ')}`,
        });
    }
  },
};

export const dataStoreReadOnly: Rule = {
  id: 'data-store-file',
  severity: 'warning',
  scope: 'files',
  description: 'JSONFileDataStore writes into the models directory: it fails on a read-only (baked) image',
  fix: 'Use JSONDataStore or KKVDataStore (kept in the database) for environments with baked models.',
  check({ index, report }) {
    for (const { file, node } of bpmnElements(index, 'dataStore')) {
      if (node.attrs.name === 'JSONFileDataStore')
        report({
          file,
          node,
          attr: 'name',
          message:
            'JSONFileDataStore writes into the models directory: it cannot work where models are baked read-only into the image',
        });
    }
  },
};
