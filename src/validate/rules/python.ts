// Python inside models (scripts, pre/post scripts, conditions, timer and loop expressions) is only compiled
// by the engine when it runs: a syntax error there is a production failure. We parse it now with a Python
// grammar and report the error at its line inside the BPMN file.
import type { LRParser } from '@lezer/lr';
import { LineIndex, NS } from '../../models/xml.js';
import type { XNode } from '../../models/xml.js';
import type { Rule } from '../rule.js';

type Kind = 'script' | 'expression';

/** Elements holding Python, by their key in BpmnDoc.elements. */
const PYTHON: [string, Kind][] = [
  ['script', 'script'],
  ['spiffworkflow:preScript', 'script'],
  ['spiffworkflow:postScript', 'script'],
  ['conditionExpression', 'expression'],
  ['condition', 'expression'],
  ['timeDate', 'expression'],
  ['timeDuration', 'expression'],
  ['timeCycle', 'expression'],
  ['loopCondition', 'expression'],
  ['completionCondition', 'expression'],
  ['spiffworkflow:messagePayload', 'expression'],
];

let parser: LRParser | undefined;

/** Loads the grammar; validate calls it only when there is BPMN to check, so an empty root starts faster. */
export async function loadPythonParser(): Promise<void> {
  parser ??= (await import('@lezer/python')).parser;
}

/** Scripts repeat across a repository (conditions especially): parse each distinct text once. */
const verdicts = new Map<string, PythonError | null>();

export interface PythonError {
  line: number;
  column: number;
  near: string;
}

/** First syntax error of `code` (1-based line/column within the code), or undefined. */
export function pythonSyntaxError(code: string, kind: Kind): PythonError | undefined {
  const key = kind[0] + code;
  const known = verdicts.get(key);
  if (known !== undefined) return known ?? undefined;
  const found = parsePython(code, kind);
  if (verdicts.size > 50000) verdicts.clear();
  verdicts.set(key, found ?? null);
  return found;
}

function parsePython(code: string, kind: Kind): PythonError | undefined {
  const source = kind === 'expression' ? `(\n${code}\n)` : code;
  if (!parser) throw new Error('internal: loadPythonParser() must run before Python is checked');
  const tree = parser.parse(source);
  let at = -1;
  tree.iterate({
    enter(n) {
      if (at >= 0) return false;
      if (n.type.isError) {
        at = n.from;
        return false;
      }
      return undefined;
    },
  });
  if (at < 0) return undefined;
  const shift = kind === 'expression' ? 2 : 0;
  const offset = Math.min(Math.max(at - shift, 0), code.length);
  const pos = new LineIndex(code).position(offset);
  const lineText = code.split('\n')[pos.line - 1] ?? '';
  return { ...pos, near: lineText.trim().slice(0, 60) };
}

export const pythonSyntax: Rule = {
  id: 'python-syntax',
  severity: 'error',
  description:
    'a script, pre/post script, condition or expression is not valid Python (fails only when it runs)',
  fix: 'Fix the Python at the reported line; run the model in a test environment to confirm.',
  check({ index, report }) {
    for (const doc of index.bpmn.values()) {
      if (!doc.root) continue; // (a parsed file had text: not read again unless a finding needs it)
      let lines: LineIndex | undefined;
      for (const [key, kind] of PYTHON) {
        for (const node of doc.elements.get(key) ?? []) {
          if (!node.text.trim()) continue;
          const lang = node.attrs.language;
          if (lang && !/python/i.test(lang)) continue;
          const err = pythonSyntaxError(node.text, kind);
          if (!err) continue;
          lines ??= new LineIndex(doc.file.text ?? '');
          const start = lines.position(node.textOffset);
          const line = start.line + err.line - 1;
          const column = err.line === 1 ? start.column + err.column - 1 : err.column;
          const owner = ownerId(node);
          report({
            file: doc.file,
            line,
            column,
            message: `Python syntax error in ${describe(node)}${owner ? ` of '${owner}'` : ''}${err.near ? ` near \`${err.near}\`` : ''}: it fails when it runs`,
          });
        }
      }
    }
  },
};

function describe(node: XNode): string {
  switch (node.name) {
    case 'script':
      return 'script';
    case 'preScript':
      return 'pre-script';
    case 'postScript':
      return 'post-script';
    case 'conditionExpression':
      return 'condition';
    default:
      return `${node.name} expression`;
  }
}

function ownerId(node: XNode): string | undefined {
  for (let p: XNode | null = node.parent; p; p = p.parent)
    if (p.ns === NS.bpmn && p.attrs.id) return p.attrs.id;
  return undefined;
}

export const scriptEmpty: Rule = {
  id: 'script-empty',
  severity: 'warning',
  description: 'a script task has no script or an empty one: it runs and does nothing',
  fix: 'Write the script, or replace the task with a plain task.',
  check({ index, report }) {
    for (const doc of index.bpmn.values()) {
      for (const node of doc.elements.get('scriptTask') ?? []) {
        // The spiff parser keeps the last bpmn:script child; none at all parses too.
        const scripts = node.children.filter((c) => c.ns === NS.bpmn && c.name === 'script');
        const script = scripts[scripts.length - 1];
        if (!script?.text.trim())
          report({
            file: doc.file,
            node,
            message: `script task '${node.attrs.id}' has ${script ? 'an empty script' : 'no script'}: it does nothing`,
          });
      }
    }
  },
};
