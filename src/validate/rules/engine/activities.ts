// Activities: what the call activity, business rule task, service task and spiff task parsers read from the
// element and from the files around it.
import type { Rule, RuleContext } from '../../rule.js';
import type { BpmnDoc } from '../../../models/types.js';
import type { Reached } from '../../reach.js';
import { NS, descendants, firstChild, flat } from '../../../models/xml.js';
import { reachedOf } from '../util.js';

export const callActivity: Rule = {
  id: 'call-activity',
  severity: 'error',
  scope: 'walk',
  description:
    'a call activity has no calledElement, or calls a process id no process model of the repo offers (defined nowhere, outside every model directory, or in a model with a file that does not load)',
  fix: 'Choose the called process in the modeler; keep called processes in a process model whose files all load.',
  check({ analysis, report }) {
    for (const { node, doc } of reachedOf(analysis, 'callActivity')) {
      // Flat copies: `later` keeps them past the tree (see models/xml.ts flat).
      const id = flat(node.attrs.id ?? '');
      const calledElement = node.attrs.calledElement && flat(node.attrs.calledElement);
      if (!calledElement)
        report({
          file: doc.file,
          node,
          message: `No "calledElement" attribute for Call Activity '${id}': choose the process to call`,
        });
      else
        // What it resolves to is known once every file is read.
        report({
          file: doc.file,
          node,
          attr: 'calledElement',
          message: '',
          later: ({ index, called, callable }) => {
            if (called(calledElement)) return undefined;
            const defs = index.processes.get(calledElement) ?? [];
            return {
              message: defs.length
                ? `The process '${calledElement}' cannot be called (could_not_find_bpmn_process_identifier): the backend finds called processes only in its boot-time reference cache, and ${defs.map((d) => callable.whyNot(d)).join('; ')}`
                : `The process '${calledElement}' was not found: call activity '${id}' calls a process id that no BPMN file in the repository defines`,
            };
          },
        });
    }
  },
};

export const businessRuleTask: Rule = {
  id: 'business-rule-task',
  severity: 'error',
  scope: 'walk',
  description:
    'a business rule task has no calledDecisionId, or its decision is not the first decision of a .dmn in the same folder',
  fix: 'Pick the decision in the modeler and keep the .dmn file beside the .bpmn file.',
  check({ index, analysis, report }) {
    for (const { node, doc } of reachedOf(analysis, 'businessRuleTask')) {
      const file = doc.file;
      const id = node.attrs.id ?? '';
      const ext = firstChild(node, NS.bpmn, 'extensionElements');
      const decisionNode = ext && firstChild(ext, NS.spiff, 'calledDecisionId');
      const decisionId = decisionNode?.text.trim() ?? '';
      if (!decisionId) {
        report({
          file,
          node,
          message: `business rule task '${id}' has no spiffworkflow:calledDecisionId: choose the DMN decision it evaluates`,
        });
        continue;
      }
      const inDir = index.decisionsByDir.get(file.dir) ?? [];
      if (inDir.some((d) => d.first && d.id === decisionId)) continue;
      const notFirst = inDir.find((d) => d.id === decisionId);
      report({
        file,
        node: decisionNode ?? node,
        message: notFirst
          ? `decision '${decisionId}' is not the first decision of ${notFirst.file.name}: the engine only finds the first decision of a DMN file; move it to a file of its own`
          : `No DMN Diagram available with id "${decisionId}": no .dmn file in ${file.dir || 'the models root'} starts with that decision (business rule task '${id}')`,
      });
    }
  },
};

export const serviceTaskOperator: Rule = {
  id: 'service-task-operator',
  severity: 'error',
  scope: 'walk',
  description:
    'a service task has no spiffworkflow:serviceTaskOperator with an id, or a parameter with a value lacks its id or type (the parser crashes)',
  fix: 'Select an operator for the service task in the modeler.',
  check({ analysis, report }) {
    // Whether a file has a parameter with a value but no id or type: only then are operators' parameters read.
    const badParameters = new Map<BpmnDoc, boolean>();
    for (const { node, doc } of reachedOf(analysis, 'serviceTask')) {
      const id = node.attrs.id ?? '';
      const ext = firstChild(node, NS.bpmn, 'extensionElements');
      const op = ext && firstChild(ext, NS.spiff, 'serviceTaskOperator');
      if (!op || !op.attrs.id) {
        report({
          file: doc.file,
          node,
          message: `service task '${id}' has no spiffworkflow:serviceTaskOperator with an id: the parser crashes on it; pick an operator in the modeler`,
        });
        continue;
      }
      // The spiff parser reads every spiffworkflow:parameter below the operator; one with a value needs an id
      // and a type (KeyError otherwise). No parameters at all is fine.
      let bad = badParameters.get(doc);
      if (bad === undefined) {
        bad = (doc.elements.get('spiffworkflow:parameter') ?? []).some(
          (p) => p.attrs.value !== undefined && (p.attrs.id === undefined || p.attrs.type === undefined),
        );
        badParameters.set(doc, bad);
      }
      if (!bad) continue;
      for (const p of descendants(op)) {
        if (p.ns !== NS.spiff || p.name !== 'parameter' || p.attrs.value === undefined) continue;
        if (p.attrs.id === undefined || p.attrs.type === undefined)
          report({
            file: doc.file,
            node: p,
            message: `service task '${id}': a parameter of operator '${op.attrs.id}' has a value but no ${p.attrs.id === undefined ? 'id' : 'type'}: the parser crashes on it`,
          });
      }
    }
  },
};

/** spiffworkflow extensions the spiff task parser reads with attrib[...] (a KeyError when missing). */
export const spiffExtension: Rule = {
  id: 'spiff-extension',
  severity: 'error',
  scope: 'walk',
  description:
    'a spiffworkflow:property lacks its name or value, or a script unit test its id, inputJson or expectedOutputJson (the parser crashes)',
  fix: 'Re-save the task in the modeler, or add the missing attribute or element.',
  check({ analysis, report }) {
    for (const [doc, reached] of analysis.reachedByDoc) {
      // Only a file with a property that lacks its name or value, or with a unit test, has anything to report.
      const badProperty = (doc.elements.get('spiffworkflow:property') ?? []).some(
        (p) => p.attrs.name === undefined || p.attrs.value === undefined,
      );
      if (badProperty || doc.elements.has('spiffworkflow:unitTest')) spiffExtensionsOf(doc, reached, report);
    }
  },
};

function spiffExtensionsOf(doc: BpmnDoc, reached: Reached[], report: RuleContext['report']): void {
  for (const { node, supported } of reached) {
    // Gateways keep the base parser, which reads no spiffworkflow extensions.
    if (!supported || node.name.endsWith('Gateway')) continue;
    const ext = firstChild(node, NS.bpmn, 'extensionElements');
    if (!ext) continue;
    for (const e of ext.children) {
      if (e.ns !== NS.spiff) continue;
      if (e.name === 'properties') {
        for (const p of descendants(e)) {
          if (p.ns !== NS.spiff || p.name !== 'property') continue;
          const missing =
            p.attrs.name === undefined ? 'name' : p.attrs.value === undefined ? 'value' : undefined;
          if (missing)
            report({
              file: doc.file,
              node: p,
              message: `a spiffworkflow:property of '${node.attrs.id}' has no ${missing} attribute: the parser crashes on it`,
            });
        }
      } else if (e.name === 'unitTests') {
        for (const t of descendants(e)) {
          if (t.ns !== NS.spiff || t.name !== 'unitTest') continue;
          const has = (n: string) => [...descendants(t)].some((c) => c.ns === NS.spiff && c.name === n);
          const missing =
            t.attrs.id === undefined
              ? 'id'
              : !has('inputJson')
                ? 'inputJson'
                : !has('expectedOutputJson')
                  ? 'expectedOutputJson'
                  : undefined;
          if (missing)
            report({
              file: doc.file,
              node: t,
              message: `a script unit test of '${node.attrs.id}' has no ${missing}: the parser crashes on it`,
            });
        }
      }
    }
  }
}
