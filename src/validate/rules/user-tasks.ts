// User task forms: resolved by name in the directory of the BPMN file when a person opens the task;
// nothing in the backend checks them before that.
import type { Rule } from '../rule.js';
import { flat, type XNode } from '../../models/xml.js';
import type { ProcessDef } from '../../models/types.js';
import { reachedOf, spiffPropertiesNamed, spiffProperty } from './util.js';

const FORM_KEYS = ['formJsonSchemaFilename', 'formUiSchemaFilename'];

export const userTaskForm: Rule = {
  id: 'user-task-form',
  severity: 'error',
  scope: 'files',
  description: 'a user task names an empty or missing form file (missing_form_file when opened)',
  fix: 'Create the form in the modeler or fix the file name in the task properties.',
  check({ index, report }) {
    for (const doc of index.bpmn.values()) {
      const file = doc.file;
      for (const node of doc.elements.get('userTask') ?? []) {
        const props = spiffPropertiesNamed(node, FORM_KEYS);
        for (let k = 0; k < FORM_KEYS.length; k++) {
          const key = FORM_KEYS[k];
          const prop = props[k];
          if (!prop) continue;
          const value = (prop.attrs.value ?? '').trim();
          if (!value) {
            if (key === 'formJsonSchemaFilename')
              report({
                file,
                node: prop,
                attr: 'value',
                message: `user task '${node.attrs.id}': ${key} is empty`,
              });
            continue;
          }
          const target = file.dir ? `${file.dir}/${value}` : value;
          if (!index.filesByPath.has(target))
            report({
              file,
              node: prop,
              attr: 'value',
              message: `user task '${node.attrs.id}': form file "${value}" does not exist in ${file.dir || 'the models root'} (missing_form_file when a person opens the task)`,
            });
        }
      }
    }
  },
};

export const userTaskNoForm: Rule = {
  id: 'user-task-no-form',
  severity: 'error',
  scope: 'files',
  description:
    'a user task the engine reaches has no form schema file (missing_form_file when a person opens it); an unreachable one is a warning',
  fix: 'Add a form in the modeler (formJsonSchemaFilename), or make it a manual task if it only shows instructions.',
  check({ index, analysis, report }) {
    // The processes that reach each user task (loaded or not: `later` asks which the engine loads); not a set
    // of every reached node, which costs more than this rule.
    let reachedIn: Map<XNode, ProcessDef[]> | undefined;
    for (const doc of index.bpmn.values()) {
      const file = doc.file;
      for (const node of doc.elements.get('userTask') ?? []) {
        if (spiffProperty(node, 'formJsonSchemaFilename')) continue; // user-task-form judges its value
        if (!reachedIn) {
          reachedIn = new Map();
          for (const r of reachedOf(analysis, 'userTask')) {
            const list = reachedIn.get(r.node);
            if (list) list.push(r.process);
            else reachedIn.set(r.node, [r.process]);
          }
        }
        const processes = reachedIn.get(node) ?? [];
        // A flat copy: `later` keeps it past the tree (see models/xml.ts flat).
        const id = flat(node.attrs.id ?? '');
        const fix = `add a form in the modeler (formJsonSchemaFilename), or make it a manual task if it only shows instructions`;
        report({
          file,
          node,
          message: `user task '${id}' has no form: when a person opens it the backend answers missing_form_file (400) and the instance stays stuck there; ${fix}`,
          later: ({ loaded }) =>
            processes.some((p) => loaded.has(p))
              ? {}
              : {
                  severity: 'warning',
                  message: `user task '${id}' has no form (the engine does not reach it from a start event today, so nothing fails yet): ${fix}`,
                },
        });
      }
    }
  },
};
