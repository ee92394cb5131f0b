// The backend rewrites process_model.json / process_group.json as json.dumps(indent=4, sort_keys=True):
// files in another format produce noisy diffs the first time someone saves the model in the UI.
import type { RepoFile } from '../../models/types.js';
import type { Rule } from '../rule.js';

/** Python's json.dumps(value, indent=4, sort_keys=True) (ensure_ascii on, like the default). */
export function pythonJsonDumps(value: unknown, indent = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  if (typeof value === 'string') return pyString(value);
  const inner = indent + '    ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + pythonJsonDumps(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${pyString(k)}: ${pythonJsonDumps(v, inner)}`).join(',\n')}\n${indent}}`;
}

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** Characters json.dumps writes as they are: printable ASCII but the quote and the backslash. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function pyString(s: string): string {
  if (PLAIN.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    if (ESCAPES[c]) out += ESCAPES[c];
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out + '"';
}

export const jsonFormat: Rule = {
  id: 'json-format',
  severity: 'warning',
  scope: 'repo',
  description:
    'process_model.json / process_group.json is not in the format the backend writes (indent 4, sorted keys)',
  fix: 'Reformat with `python -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1])), indent=4, sort_keys=True))" FILE`.',
  check({ index, report }) {
    const check = (file: RepoFile, value: unknown, modelId: string | null) => {
      if (value === undefined || file.text === undefined) return;
      const canonical = pythonJsonDumps(value);
      const text = file.text.replace(/\r\n/g, '\n');
      if (text === canonical || text === canonical + '\n') return;
      let i = 0;
      while (i < text.length && text[i] === canonical[i]) i++;
      report({
        file,
        offset: i,
        modelId,
        message:
          'not in the canonical format (json.dumps with indent=4, sort_keys=True): the first save in the UI rewrites the whole file',
      });
    };
    for (const g of index.groups.values()) check(g.json.file, g.json.value, null);
    for (const m of index.models.values()) check(m.json.file, m.json.value, m.id);
  },
};
