// The rule table: adding a rule is one import and one entry.
import type { Rule } from '../rule.js';
import {
  modelJsonInvalid,
  modelJsonLookalike,
  modelJsonRequired,
  modelJsonUnknownKey,
} from './model-json.js';
import { groupJson, groupMessages } from './group-json.js';
import { fileExtension, formJson, unitTestOrphan } from './files.js';
import { bpmnNotDefinitions, dmnStructure, xmlDoctype, xmlMalformed } from './xml.js';
import { duplicateProcessId, primaryEmpty, primaryProcess } from './primary.js';
import { engineRules } from './engine/index.js';
import {
  correlationExpressionEmpty,
  messageDefinition,
  messageStartConflict,
  messageStartRef,
} from './messages.js';
import { dataStoreName, dataStoreReadOnly } from './data-stores.js';
import { userTaskForm, userTaskNoForm } from './user-tasks.js';
import { pythonSyntax, scriptEmpty, timerIsoUnquoted } from './python.js';
import { idInvalid, idPattern, modelInGroupFolder, modelOutsideGroup } from './layout.js';
import { jsonFormat } from './json-format.js';

export const rules: Rule[] = [
  modelJsonInvalid,
  modelJsonUnknownKey,
  modelJsonRequired,
  modelJsonLookalike,
  groupJson,
  groupMessages,
  fileExtension,
  xmlMalformed,
  dmnStructure,
  primaryProcess,
  duplicateProcessId,
  ...engineRules,
  messageDefinition,
  messageStartRef,
  messageStartConflict,
  dataStoreName,
  userTaskForm,
  formJson,
  unitTestOrphan,
  pythonSyntax,
  idInvalid,
  primaryEmpty,
  userTaskNoForm,
  scriptEmpty,
  timerIsoUnquoted,
  idPattern,
  modelOutsideGroup,
  modelInGroupFolder,
  dataStoreReadOnly,
  jsonFormat,
  xmlDoctype,
  bpmnNotDefinitions,
  correlationExpressionEmpty,
];

/** Findings the loader itself produces (not switchable by rule config except by these ids). */
export const loaderRules: Pick<Rule, 'id' | 'severity' | 'description' | 'fix'>[] = [
  {
    id: 'symlink-outside-root',
    severity: 'error',
    description: 'a symbolic link points outside the models root (or nowhere); it is not followed',
    fix: 'Copy the files into the repository instead of linking them.',
  },
  {
    id: 'invalid-encoding',
    severity: 'error',
    description:
      'a JSON file is not UTF-8, or a BPMN or DMN file is neither UTF-8, UTF-16 nor the encoding its XML declaration names',
    fix: 'Save the file as UTF-8.',
  },
  {
    id: 'special-file',
    severity: 'error',
    description:
      'a FIFO, socket or device (or a link to one) stands in the models tree: it is never opened, the backend would block or fail on it',
    fix: 'Replace it with a regular file, or remove it.',
  },
  {
    id: 'unreadable-file',
    severity: 'error',
    description: 'a file or directory cannot be read',
    fix: 'Fix its permissions.',
  },
  {
    id: 'file-too-large',
    severity: 'warning',
    description: 'a file over 64 MiB is listed but not checked',
    fix: 'Keep large attachments out of the models repository.',
  },
  {
    id: 'rule-error',
    severity: 'error',
    description:
      'a rule failed with an internal error on a file: its findings there are incomplete (the other rules ran)',
    fix: 'Report it to spiff-models with the file; it cannot be switched off, so a crashing rule never passes quietly.',
  },
  {
    id: 'removed-since-base',
    severity: 'warning',
    description: 'with --base: a model, process id or primary process that existed at the base ref is gone',
    fix: 'Running instances and callers of the removed process break: keep the id, or migrate callers first.',
  },
];
