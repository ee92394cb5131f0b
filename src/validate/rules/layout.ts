// Ids and layout: ids come from directory names; the UI only creates some, URLs break on others, and a
// model outside any group is invisible in the UI's group tree.
import type { Rule } from '../rule.js';

const GROUP_ID = /^[a-z0-9][0-9a-z.-]*[a-z0-9]$/;
const MODEL_ID = /^[a-z0-9][0-9a-z.-]+[a-z0-9]$/;

export const idInvalid: Rule = {
  id: 'id-invalid',
  severity: 'error',
  scope: 'repo',
  description: "a group or model directory name contains ':' or '\\' (ids use '/', URLs use ':')",
  fix: 'Rename the directory.',
  check({ index, report }) {
    for (const item of [...index.groups.values(), ...index.models.values()]) {
      const bad = item.dir.split('/').find((s) => s.includes(':') || s.includes('\\'));
      if (bad !== undefined)
        report({
          file: item.json.file,
          message: `directory name "${bad}" contains ':' or '\\': the id '${item.id}' cannot be used in the backend's URLs`,
          modelId: index.models.has(item.id) ? item.id : null,
        });
    }
  },
};

export const idPattern: Rule = {
  id: 'id-pattern',
  severity: 'warning',
  scope: 'repo',
  description:
    'a group or model directory name is outside the pattern the web UI creates (lower-case, digits, . and -)',
  fix: 'Rename the directory to lower-case letters, digits, dots and dashes.',
  check({ index, report }) {
    for (const group of index.groups.values()) {
      if (!group.dir) continue;
      const seg = group.dir.slice(group.dir.lastIndexOf('/') + 1);
      if (!GROUP_ID.test(seg))
        report({
          file: group.json.file,
          message: `group directory "${seg}" does not match ${GROUP_ID} (what the web UI creates)`,
          modelId: null,
        });
    }
    for (const model of index.models.values()) {
      if (!model.dir) continue;
      const seg = model.dir.slice(model.dir.lastIndexOf('/') + 1);
      if (!MODEL_ID.test(seg))
        report({
          file: model.json.file,
          message: `model directory "${seg}" does not match ${MODEL_ID} (what the web UI creates)`,
        });
    }
  },
};

export const modelOutsideGroup: Rule = {
  id: 'model-outside-group',
  severity: 'warning',
  scope: 'repo',
  description: 'a model is not inside any process group: it runs but the UI group tree does not show it',
  fix: 'Add a process_group.json to the folder holding the model.',
  check({ index, report }) {
    for (const model of index.models.values()) {
      if (model.groupId === null)
        report({
          file: model.json.file,
          message: `model '${model.id}' is not inside a process group (no process_group.json above it): the UI does not show it`,
        });
    }
  },
};

export const modelInGroupFolder: Rule = {
  id: 'model-in-group-folder',
  severity: 'warning',
  scope: 'repo',
  description:
    "a folder holds both process_group.json and process_model.json: the backend loads the model, but the UI's group tree shows the folder as a group and never the model",
  fix: 'Move the model into a sub-folder of the group, or remove the process_group.json from the model folder.',
  check({ index, report }) {
    for (const model of index.models.values())
      if (index.groups.has(model.id))
        report({
          file: model.json.file,
          message: `${model.dir || 'the models root'} has a process_group.json too: the backend loads this model (and validates it at boot), but the UI's group tree shows the folder as a group, so nobody finds the model there`,
        });
  },
};
