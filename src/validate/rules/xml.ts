// XML well-formedness and document shape of .bpmn and .dmn files.
import { DMN_NAMESPACES, NS } from '../../models/xml.js';
import type { Rule } from '../rule.js';

export const xmlMalformed: Rule = {
  id: 'xml-malformed',
  severity: 'error',
  description:
    'a .bpmn or .dmn file is not well-formed XML, or its root is not a BPMN/DMN definitions element',
  fix: 'Fix the XML at the reported position (re-export it from the modeler if unsure).',
  check({ index, report }) {
    for (const doc of [...index.bpmn.values(), ...index.dmn.values()]) {
      if (doc.error) {
        report({
          file: doc.file,
          line: doc.error.line,
          column: doc.error.column,
          message: `malformed XML: ${doc.error.message}`,
        });
        continue;
      }
      const root = doc.root;
      if (!root) continue;
      const isBpmn = doc.file.ext === 'bpmn';
      const ok = root.name === 'definitions' && (isBpmn ? root.ns === NS.bpmn : DMN_NAMESPACES.has(root.ns));
      if (!ok)
        report({
          file: doc.file,
          node: root,
          message: `root element must be ${isBpmn ? 'bpmn:definitions (' + NS.bpmn + ')' : 'a DMN definitions element'}, found '${root.name}'${root.ns ? ` in namespace ${root.ns}` : ''}`,
        });
    }
  },
};

export const xmlDoctype: Rule = {
  id: 'xml-doctype',
  severity: 'warning',
  description: 'a .bpmn or .dmn file has a DOCTYPE: the backend never loads DTDs nor expands entities',
  fix: 'Remove the DOCTYPE declaration; entity references in the file stay unexpanded.',
  check({ index, report }) {
    for (const doc of [...index.bpmn.values(), ...index.dmn.values()]) {
      if (!doc.hasDoctype || !doc.file.text) continue;
      const offset = doc.file.text.search(/<!DOCTYPE/i);
      report({
        file: doc.file,
        offset: Math.max(0, offset),
        message:
          'DOCTYPE declaration: the backend parses without DTDs and never expands entities, so what it declares has no effect',
      });
    }
  },
};

export const dmnStructure: Rule = {
  id: 'dmn-structure',
  severity: 'error',
  description: 'a DMN file does not hold exactly one decision with a decision table',
  fix: 'Keep one decision (with one decision table) per .dmn file.',
  check({ index, report }) {
    for (const doc of index.dmn.values()) {
      const root = doc.root;
      if (!root || !DMN_NAMESPACES.has(root.ns) || root.name !== 'definitions') continue;
      if (doc.decisions.length === 0) {
        report({
          file: doc.file,
          node: root,
          message: 'No decisions found: the file defines no decision, and loading it fails',
        });
        continue;
      }
      if (doc.decisions.length > 1)
        report({
          file: doc.file,
          node: doc.decisions[1].node,
          message: `Multiple decision tables are not current supported: the file has ${doc.decisions.length} decisions; move each into its own .dmn file`,
        });
      const d = doc.decisions[0];
      if (!d.id) report({ file: doc.file, node: d.node, message: 'the decision has no id' });
      const tables = d.node.children.filter((c) => c.name === 'decisionTable');
      if (tables.length === 0)
        report({ file: doc.file, node: d.node, message: `decision '${d.id}' has no decision table` });
      for (const t of tables)
        if (!t.attrs.id)
          report({
            file: doc.file,
            node: t,
            message: `a decision table of '${d.id}' has no id (the parser needs it)`,
          });
    }
  },
};
