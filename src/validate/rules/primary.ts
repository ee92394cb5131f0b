// The primary file and process of a model: what validate and instance creation look up first.
import type { Rule } from '../rule.js';
import { primaryProcessOf } from '../reach.js';
import { jsonKeyOffset, str } from './util.js';

export const primaryProcess: Rule = {
  id: 'primary-process',
  severity: 'error',
  scope: 'repo',
  description: 'primary_file_name / primary_process_id do not name an executable process of the model',
  fix: 'Point primary_file_name at a .bpmn file of the model and primary_process_id at a process it defines.',
  check({ index, report }) {
    for (const model of index.models.values()) {
      const info = model.info;
      if (!info) continue;
      const file = model.json.file;
      const primaryFile = str(info.primary_file_name) ?? '';
      const primaryId = str(info.primary_process_id) ?? '';
      if (!primaryFile) {
        if (primaryId)
          report({
            file,
            offset: jsonKeyOffset(file.text, 'primary_process_id'),
            message:
              'primary_process_id is set but primary_file_name is empty: set the file that defines the process',
          });
        continue;
      }
      const at = () => jsonKeyOffset(file.text, 'primary_file_name');
      if (!primaryFile.toLowerCase().endsWith('.bpmn') || primaryFile.includes('/')) {
        report({
          file,
          offset: at(),
          message: `primary_file_name "${primaryFile}" must be the name of a .bpmn file in the model directory`,
        });
        continue;
      }
      const doc = index.bpmn.get(model.dir ? `${model.dir}/${primaryFile}` : primaryFile);
      if (!doc) {
        report({
          file,
          offset: at(),
          message: `primary file "${primaryFile}" does not exist in ${model.dir}`,
        });
        continue;
      }
      if (!primaryId) {
        report({
          file,
          offset: jsonKeyOffset(file.text, 'primary_process_id') ?? at(),
          message: `primary_process_id is empty (no_primary_bpmn_error on validate and run): set it to one of ${doc.processes.map((p) => p.id).join(', ') || '(no processes in the file)'}`,
        });
        continue;
      }
      if (!doc.root) continue; // xml-malformed reports it
      if (!primaryProcessOf(index, model.id, model.dir, primaryFile, primaryId))
        report({
          file,
          offset: jsonKeyOffset(file.text, 'primary_process_id'),
          message: `The process '${primaryId}' was not found in ${primaryFile}${doc.processes.length ? ` (it defines ${doc.processes.map((p) => p.id).join(', ')})` : ''} nor in another .bpmn file of ${model.dir || 'the model'}`,
        });
    }
  },
};

export const primaryEmpty: Rule = {
  id: 'primary-empty',
  severity: 'warning',
  scope: 'repo',
  description: 'a model has no primary file: it is a library model and cannot be started',
  fix: 'Set primary_file_name and primary_process_id, or switch the rule off for library models.',
  check({ index, report }) {
    for (const model of index.models.values()) {
      if (!model.info || str(model.info.primary_file_name)) continue;
      if (str(model.info.primary_process_id)) continue; // primary-process reports it
      report({
        file: model.json.file,
        message: `model '${model.id}' has no primary_file_name: it is not runnable and is hidden from start lists (a library model)`,
      });
    }
  },
};

export const duplicateProcessId: Rule = {
  id: 'duplicate-process-id',
  severity: 'error',
  scope: 'repo',
  description: 'the same process id is defined twice in a model, or in two models of the repo',
  fix: 'Give each process a repository-wide unique id (call activities resolve ids to an arbitrary definition otherwise).',
  check({ index, report }) {
    for (const [id, defs] of index.processes) {
      const inModels = defs.filter((d) => d.modelId !== null);
      if (inModels.length < 2) continue;
      for (const def of inModels) {
        const others = inModels.filter((d) => d !== def);
        const sameModel = others.some((d) => d.modelId === def.modelId);
        report({
          file: def.file,
          node: def.node,
          attr: 'id',
          message: sameModel
            ? `Duplicate process ID '${id}' in model '${def.modelId}' (also in ${others
                .filter((d) => d.modelId === def.modelId)
                .map((d) => d.file.path)
                .join(', ')}): the model cannot be loaded`
            : `process id '${id}' is also defined in ${others.map((d) => d.file.path).join(', ')}: call activities resolve it to an arbitrary one of them`,
        });
      }
    }
  },
};
