// process_group.json: loaded leniently, but it must be JSON and have a display_name; messages need a
// well-formed shape because the backend resolves BPMN messages against them.
import type { Rule } from '../rule.js';
import { jsonKeyOffset } from './util.js';

export const groupJson: Rule = {
  id: 'group-json',
  severity: 'error',
  scope: 'repo',
  description: 'process_group.json is not valid JSON (a byte-order mark included) or lacks display_name',
  fix: 'Fix the JSON syntax, and give the group a "display_name" string.',
  check({ index, report }) {
    for (const group of index.groups.values()) {
      const { json } = group;
      if (json.error) {
        report({
          file: json.file,
          line: json.error.line,
          column: json.error.column,
          message: `invalid JSON: ${json.error.message}`,
          modelId: null,
        });
        continue;
      }
      const value = json.value;
      if (value === undefined) continue;
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        report({ file: json.file, message: 'process_group.json must hold a JSON object', modelId: null });
        continue;
      }
      const v = value as Record<string, unknown>;
      if (!('display_name' in v))
        report({ file: json.file, message: 'missing required key "display_name"', modelId: null });
      else if (typeof v.display_name !== 'string')
        report({
          file: json.file,
          offset: jsonKeyOffset(json.file.text, 'display_name'),
          message: '"display_name" must be a string',
          modelId: null,
        });
    }
  },
};

export const groupMessages: Rule = {
  id: 'group-messages',
  severity: 'error',
  scope: 'repo',
  description:
    'messages in process_group.json are malformed or a correlation property has no retrieval expression',
  fix: 'Each message is {"schema": {...}, "correlation_properties": {"prop": {"retrieval_expression": "..."}}}.',
  check({ index, report }) {
    for (const group of index.groups.values()) {
      const v = group.json.value as Record<string, unknown> | undefined;
      if (!v || typeof v !== 'object' || v.messages === undefined || v.messages === null) continue;
      const file = group.json.file;
      const at = (key: string) => jsonKeyOffset(file.text, key);
      const messages = v.messages;
      if (Array.isArray(messages)) {
        messages.forEach((m, i) => {
          if (!m || typeof m !== 'object' || typeof (m as Record<string, unknown>).id !== 'string')
            report({
              file,
              offset: at('messages'),
              message: `messages[${i}] needs an "id" string`,
              modelId: null,
            });
        });
        continue;
      }
      if (typeof messages !== 'object') {
        report({
          file,
          offset: at('messages'),
          message: '"messages" must be an object keyed by message name',
          modelId: null,
        });
        continue;
      }
      for (const [name, m] of Object.entries(messages as Record<string, unknown>)) {
        if (!m || typeof m !== 'object' || Array.isArray(m)) {
          report({ file, offset: at(name), message: `message "${name}" must be an object`, modelId: null });
          continue;
        }
        const props = (m as Record<string, unknown>).correlation_properties;
        if (props === undefined || props === null) continue;
        if (typeof props !== 'object' || Array.isArray(props)) {
          report({
            file,
            offset: at(name),
            message: `message "${name}": "correlation_properties" must be an object`,
            modelId: null,
          });
          continue;
        }
        for (const [prop, def] of Object.entries(props as Record<string, unknown>)) {
          const expr =
            def && typeof def === 'object'
              ? (def as Record<string, unknown>).retrieval_expression
              : undefined;
          if (typeof expr !== 'string' || !expr.trim())
            report({
              file,
              offset: at(prop),
              message: `message "${name}": correlation property "${prop}" has no retrieval_expression`,
              modelId: null,
            });
        }
      }
    }
  },
};
