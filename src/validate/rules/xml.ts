// XML well-formedness and document shape of .bpmn and .dmn files.
import { DMN_NAMESPACES, NS } from '../../models/xml.js';
import type { Rule } from '../rule.js';

export const xmlMalformed: Rule = {
  id: 'xml-malformed',
  severity: 'error',
  scope: 'files',
  description:
    'a .bpmn or .dmn file is not well-formed XML, or a .dmn file is not a DMN definitions document',
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
      // A well-formed .bpmn with another root is loaded and yields nothing (bpmn-not-definitions warns);
      // a .dmn without a decision crashes the DMN parser when it is loaded.
      if (doc.file.ext === 'dmn' && !(root.name === 'definitions' && DMN_NAMESPACES.has(root.ns)))
        report({
          file: doc.file,
          node: root,
          message: `root element must be a DMN definitions element, found '${root.name}'${root.ns ? ` in namespace ${root.ns}` : ''}: loading the file fails`,
        });
    }
  },
};

export const bpmnNotDefinitions: Rule = {
  id: 'bpmn-not-definitions',
  severity: 'warning',
  scope: 'files',
  description:
    'a well-formed .bpmn file is not a bpmn:definitions document (an SVG export, say): the backend finds nothing in it',
  fix: 'Rename or remove the file, or re-export the diagram as BPMN.',
  check({ index, report }) {
    for (const doc of index.bpmn.values()) {
      const root = doc.root;
      if (!root || (root.name === 'definitions' && root.ns === NS.bpmn)) continue;
      report({
        file: doc.file,
        node: root,
        message: `root element is '${root.name}'${root.ns ? ` in namespace ${root.ns}` : ''}, not bpmn:definitions (${NS.bpmn}): the backend loads the file and finds no process in it`,
      });
    }
  },
};

export const xmlDoctype: Rule = {
  id: 'xml-doctype',
  severity: 'warning',
  scope: 'files',
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
  scope: 'files',
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
