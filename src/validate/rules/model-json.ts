// process_model.json: loaded with ProcessModelInfo(**data); invalid JSON, unknown keys or missing required
// keys crash the backend's boot script, so these are errors.
import type { Rule } from '../rule.js';
import { jsonKeyOffset, str } from './util.js';

export const MODEL_KEYS = new Set([
  'display_name',
  'description',
  'primary_file_name',
  'primary_process_id',
  'fault_or_suspend_on_exception',
  'exception_notification_addresses',
  'metadata_extraction_paths',
]);
/** Keys the backend drops or tolerates for compatibility. */
export const LEGACY_MODEL_KEYS = new Set([
  'display_order',
  'files',
  'is_executable',
  'process_group',
  'parent_groups',
  'bpmn_version_control_identifier',
  'actions',
  'process_group_id',
]);

export const modelJsonInvalid: Rule = {
  id: 'model-json-invalid',
  severity: 'error',
  scope: 'repo',
  description:
    'process_model.json is not a JSON object (or starts with a byte-order mark: process_model_json_file_corrupted)',
  fix: 'Fix the JSON syntax at the reported position (the backend cannot load the model, and its boot script stops).',
  check({ index, report }) {
    for (const model of index.models.values()) {
      const { json } = model;
      if (json.error)
        report({
          file: json.file,
          line: json.error.line,
          column: json.error.column,
          message: `invalid JSON: ${json.error.message}`,
        });
      else if (json.value !== undefined && !model.info)
        report({ file: json.file, message: 'process_model.json must hold a JSON object' });
    }
  },
};

export const modelJsonUnknownKey: Rule = {
  id: 'model-json-unknown-key',
  severity: 'error',
  scope: 'repo',
  description: 'process_model.json has a key ProcessModelInfo does not accept (crashes the backend at boot)',
  fix: 'Remove the key, or move the information to the description.',
  check({ index, report }) {
    for (const model of index.models.values()) {
      if (!model.info) continue;
      for (const key of Object.keys(model.info)) {
        if (MODEL_KEYS.has(key) || LEGACY_MODEL_KEYS.has(key)) continue;
        report({
          file: model.json.file,
          offset: jsonKeyOffset(model.json.file.text, key),
          message: `unknown key "${key}": ProcessModelInfo rejects it and the backend's boot script crashes; remove it (accepted: ${[...MODEL_KEYS].join(', ')})`,
        });
      }
    }
  },
};

export const modelJsonRequired: Rule = {
  id: 'model-json-required',
  severity: 'error',
  scope: 'repo',
  description: 'process_model.json lacks display_name or description, or a key has the wrong type',
  fix: 'Add "display_name" (a string) and "description" (a string, may be empty).',
  check({ index, report }) {
    for (const model of index.models.values()) {
      const info = model.info;
      if (!info) continue;
      const file = model.json.file;
      for (const key of ['display_name', 'description']) {
        if (!(key in info)) report({ file, message: `missing required key "${key}"` });
        else if (typeof info[key] !== 'string')
          report({ file, offset: jsonKeyOffset(file.text, key), message: `"${key}" must be a string` });
      }
      for (const key of ['primary_file_name', 'primary_process_id']) {
        if (info[key] !== undefined && info[key] !== null && typeof info[key] !== 'string')
          report({ file, offset: jsonKeyOffset(file.text, key), message: `"${key}" must be a string` });
      }
      const fault = info.fault_or_suspend_on_exception;
      if (fault !== undefined && fault !== 'fault' && fault !== 'suspend')
        report({
          file,
          offset: jsonKeyOffset(file.text, 'fault_or_suspend_on_exception'),
          message: `"fault_or_suspend_on_exception" must be "fault" or "suspend", not ${JSON.stringify(fault)}`,
        });
      const addresses = info.exception_notification_addresses;
      if (
        addresses !== undefined &&
        (!Array.isArray(addresses) || addresses.some((a) => typeof a !== 'string'))
      )
        report({
          file,
          offset: jsonKeyOffset(file.text, 'exception_notification_addresses'),
          message: '"exception_notification_addresses" must be a list of strings',
        });
      const paths = info.metadata_extraction_paths;
      if (
        paths !== undefined &&
        paths !== null &&
        (!Array.isArray(paths) ||
          paths.some(
            (p) =>
              !p ||
              typeof p !== 'object' ||
              str((p as Record<string, unknown>).key) === undefined ||
              str((p as Record<string, unknown>).path) === undefined,
          ))
      )
        report({
          file,
          offset: jsonKeyOffset(file.text, 'metadata_extraction_paths'),
          message: '"metadata_extraction_paths" must be null or a list of {"key": string, "path": string}',
        });
    }
  },
};

/**
 * The backend's boot (DataSetupService.save_all_process_models) takes every file whose name ends in
 * process_model.json for a model file and loads the process_model.json of its folder, outside any try.
 */
export const modelJsonLookalike: Rule = {
  id: 'model-json-lookalike',
  severity: 'error',
  scope: 'repo',
  description:
    'a file named like *process_model.json (a backup, a copy) in a folder without process_model.json: the boot takes it for a model file and crashes (missing_name_of_process_model)',
  fix: 'Rename or remove the file (e.g. old-process_model.json.bak), or keep it out of the models repository.',
  check({ index, report }) {
    for (const file of index.files) {
      if (file.name === 'process_model.json' || !file.name.endsWith('process_model.json')) continue;
      if (index.models.has(file.dir))
        report({
          file,
          severity: 'warning',
          message: `the backend's boot takes "${file.name}" for a model file (its name ends in process_model.json) and loads the model '${file.dir}' a second time; rename it`,
        });
      else
        report({
          file,
          message: `the backend's boot takes "${file.name}" for a model file (its name ends in process_model.json), finds no process_model.json in ${file.dir || 'the models root'} and crashes (missing_name_of_process_model); rename or remove it`,
        });
    }
  },
};
