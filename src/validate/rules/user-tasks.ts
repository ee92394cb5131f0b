// User task forms: resolved by name in the directory of the BPMN file when a person opens the task;
// nothing in the backend checks them before that.
import type { Rule } from '../rule.js';
import { bpmnElements, spiffProperties } from './util.js';

export const userTaskForm: Rule = {
  id: 'user-task-form',
  severity: 'error',
  description: 'a user task names an empty or missing form file (missing_form_file when opened)',
  fix: 'Create the form in the modeler or fix the file name in the task properties.',
  check({ index, report }) {
    for (const { file, node } of bpmnElements(index, 'userTask')) {
      const props = spiffProperties(node);
      for (const key of ['formJsonSchemaFilename', 'formUiSchemaFilename']) {
        const prop = props.get(key);
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
  },
};

export const userTaskNoForm: Rule = {
  id: 'user-task-no-form',
  severity: 'warning',
  description: 'a user task has no form schema file',
  fix: 'Add a form in the modeler (formJsonSchemaFilename), or use a manual task for instructions only.',
  check({ index, report }) {
    for (const { file, node } of bpmnElements(index, 'userTask')) {
      if (!spiffProperties(node).has('formJsonSchemaFilename'))
        report({
          file,
          node,
          message: `user task '${node.attrs.id}' has no form (formJsonSchemaFilename): opening it fails with missing_form_file`,
        });
    }
  },
};
