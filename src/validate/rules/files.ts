// Files in model directories: the backend lists a model's files and fails the whole model on any
// extension outside its list; test_X.json needs X.bpmn beside it.
import type { Rule } from '../rule.js';
import { BOM_MESSAGE } from '../../models/load.js';
import { ALLOWED_EXTENSIONS } from '../extensions.js';

export const fileExtension: Rule = {
  id: 'file-extension',
  severity: 'error',
  scope: 'repo',
  description: 'a file in a model directory has an extension the backend refuses (invalid_type)',
  fix: 'Rename or remove the file, or move it to a sub-folder (sub-folders of a model are ignored).',
  check({ index, report }) {
    for (const model of index.models.values()) {
      for (const file of model.files) {
        if (file.name.startsWith('.')) continue;
        if (!ALLOWED_EXTENSIONS.has(file.ext))
          report({
            file,
            message: `extension ${file.ext ? `".${file.ext}"` : '(none)'} is not allowed in a model directory: listing, validating and running model '${model.id}' fail with invalid_type`,
          });
      }
    }
  },
};

export const unitTestOrphan: Rule = {
  id: 'unit-test-orphan',
  severity: 'error',
  scope: 'repo',
  description: 'test_X.json without X.bpmn in the same directory (the whole test run fails)',
  fix: 'Rename the test file after the BPMN file it tests, or delete it.',
  check({ index, report }) {
    for (const model of index.models.values()) {
      let names: Set<string> | undefined; // (only for a model with a test file)
      for (const file of model.files) {
        const m = /^test_(.+)\.json$/i.exec(file.name);
        if (!m) continue;
        names ??= new Set(model.files.map((f) => f.name.toLowerCase()));
        if (!names.has(`${m[1].toLowerCase()}.bpmn`))
          report({
            file,
            message: `BPMN unit test for "${m[1]}.bpmn", which is not in this directory: the model's test run fails`,
          });
      }
    }
  },
};

export const formJson: Rule = {
  id: 'form-json',
  severity: 'error',
  scope: 'repo',
  description:
    'a JSON file of a model (form, test, data store) is not valid JSON (and holds no Jinja markers), or starts with a byte-order mark',
  fix: 'Fix the JSON syntax at the reported position.',
  check({ index, report }) {
    for (const model of index.models.values()) {
      for (const file of model.files) {
        if (file.ext !== 'json' || file.name === 'process_model.json' || file.text === undefined) continue;
        const text = file.text;
        if (file.bom) {
          report({ file, offset: 0, message: BOM_MESSAGE });
          continue;
        }
        // Forms are rendered with Jinja before parsing: templated files are not JSON as stored.
        if (text.includes('{{') || text.includes('{%')) continue;
        try {
          JSON.parse(text);
        } catch (err) {
          const msg = (err as Error).message;
          const m = /position (\d+)/.exec(msg);
          report({
            file,
            offset: m ? Number(m[1]) : 0,
            message: `invalid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '')}`,
          });
        }
      }
    }
  },
};
