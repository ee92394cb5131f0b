// Python inside models (scripts, pre/post scripts, conditions, timer and loop expressions) is only compiled
// by the engine when it runs: a syntax error there is a production failure. We parse it now with a Python
// grammar and report the error at its line inside the BPMN file.
import type { parser as pythonGrammar } from '@lezer/python';
import { LineIndex, NS } from '../../models/xml.js';
import type { XNode } from '../../models/xml.js';
import type { Rule } from '../rule.js';
import type { ModelsIndex } from '../../models/types.js';

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

let parser: typeof pythonGrammar | undefined;

/**
 * Loads the grammar when the repository has Python to check (validate calls it before the rules run): a
 * repository without any loads nothing. The first text found decides, so it costs little either way.
 */
export async function loadPythonParser(index: ModelsIndex): Promise<void> {
  if (parser || !hasPython(index)) return;
  parser = (await import('@lezer/python')).parser;
}

function hasPython(index: ModelsIndex): boolean {
  try {
    for (const doc of index.bpmn.values())
      if (doc.root && PYTHON.some(([key]) => (doc.elements.get(key) ?? []).some(isChecked))) return true;
    return false;
  } catch {
    return true; // the rule meets the same failure, and reports it as its own rule-error
  }
}

/** The rule checks an element's text when it is not blank and Python (no language given counts as Python). */
function isChecked(node: XNode): boolean {
  if (!node.text.trim()) return false;
  const lang = node.attrs.language;
  return !lang || /python/i.test(lang);
}

/** Scripts repeat across a repository (conditions especially): parse each distinct text once, per kind. */
const verdicts: Record<Kind, Map<string, PythonError | null>> = { script: new Map(), expression: new Map() };

/** The shapes (see shapeOf) of the texts found valid, per kind. */
const validShapes: Record<Kind, Set<string>> = { script: new Set(), expression: new Set() };

/**
 * The text with each digit 2-9 written as 1, so that texts differing only in their numbers (amount < 100,
 * amount < 200) are parsed once: the grammar reads a digit only as a digit (in numbers, names, strings and
 * escapes alike) and tells only 0 from the others, and eval's one-line rule reads no digits, so a text is
 * valid exactly when another of its shape is. Not for a binary or octal literal or an octal escape (0b, 0o,
 * \o), where a digit's value decides: undefined then.
 */
function shapeOf(code: string): string | undefined {
  return /0[bBoO]|\\o/.test(code) ? undefined : code.replace(/[2-9]/g, '1');
}

export interface PythonError {
  line: number;
  column: number;
  near: string;
  /** Why, when the grammar alone does not say it (eval's one-logical-line rule). */
  reason?: string;
}

/** First syntax error of `code` (1-based line/column within the code), or undefined. */
export function pythonSyntaxError(code: string, kind: Kind): PythonError | undefined {
  const cache = verdicts[kind];
  const known = cache.get(code);
  if (known !== undefined) return known ?? undefined;
  const shape = shapeOf(code);
  const shapes = validShapes[kind];
  const found = shape !== undefined && shapes.has(shape) ? undefined : parsePython(code, kind);
  if (cache.size > 25000) cache.clear();
  cache.set(code, found ?? null);
  if (!found && shape !== undefined) {
    if (shapes.size > 25000) shapes.clear();
    shapes.add(shape);
  }
  return found;
}

function parsePython(code: string, kind: Kind): PythonError | undefined {
  if (kind === 'expression') {
    const line = evalLogicalLine(code);
    if ('error' in line) return errorAt(code, line.error, line.reason);
    // Inside brackets a line break is fine: parse the one logical line as a parenthesized expression.
    const err = grammarError(`(\n${line.text}\n)`);
    return err === undefined ? undefined : errorAt(code, line.start + Math.max(err - 2, 0));
  }
  const err = grammarError(code);
  return err === undefined ? undefined : errorAt(code, err);
}

/** Offset of the first error node of the Python grammar in `source`, or undefined. */
function grammarError(source: string): number | undefined {
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
  return at < 0 ? undefined : at;
}

function errorAt(code: string, at: number, reason?: string): PythonError {
  const offset = Math.min(Math.max(at, 0), code.length);
  const pos = new LineIndex(code).position(offset);
  const lineText = code.split('\n')[pos.line - 1] ?? '';
  return { ...pos, near: lineText.trim().slice(0, 60), reason };
}

const BLANK_LINE = /^[ \t\f]*(?:#[^\n]*)?$/;

/**
 * The one logical line Python's eval() reads from `code`, or where it fails: eval strips leading spaces and
 * tabs, skips blank and comment lines, and ends the expression at the first line break outside brackets,
 * strings and backslash continuations. What follows must be blank lines; a last line of only spaces without a
 * line break counts as an indented line (CPython's tokenizer: "unexpected indent").
 */
export function evalLogicalLine(
  code: string,
): { text: string; start: number } | { error: number; reason: string } {
  let i = /^[ \t]*/.exec(code)?.[0].length ?? 0;
  // Blank lines before the expression.
  for (;;) {
    const nl = code.indexOf('\n', i);
    if (nl < 0 || !BLANK_LINE.test(code.slice(i, nl).replace(/\r$/, ''))) break;
    i = nl + 1;
  }
  if (i < code.length && /[ \t\f]/.test(code[i]))
    return { error: i, reason: 'unexpected indent: the expression must start at the beginning of a line' };
  const start = i;
  let depth = 0;
  let end = code.length;
  scan: while (i < code.length) {
    const c = code[i];
    if (c === '#') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      const triple = code.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      i += close.length;
      while (i < code.length && !code.startsWith(close, i)) {
        if (code[i] === '\\') i++;
        else if (!triple && code[i] === '\n') break;
        i++;
      }
      i += close.length;
    } else if (c === '\\' && code[i + 1] === '\n') i += 2;
    else if (c === '\\' && code.startsWith('\r\n', i + 1)) i += 3;
    else if ('([{'.includes(c)) {
      depth++;
      i++;
    } else if (')]}'.includes(c)) {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (c === '\n' && depth === 0) {
      end = i;
      break scan;
    } else i++;
  }
  // After the expression: blank lines only, and no spaces-only last line.
  let j = end + 1;
  while (j < code.length) {
    const nl = code.indexOf('\n', j);
    const lineText = code.slice(j, nl < 0 ? code.length : nl).replace(/\r$/, '');
    if (!BLANK_LINE.test(lineText) || (nl < 0 && /^[ \t\f]+$/.test(lineText)))
      return {
        error: j,
        reason: BLANK_LINE.test(lineText)
          ? 'unexpected indent: spaces after the last line break of an expression fail in eval'
          : 'a line break outside brackets ends the expression (conditions and timer expressions are one Python expression): join the lines or wrap the expression in parentheses',
      };
    if (nl < 0) break;
    j = nl + 1;
  }
  return { text: code.slice(start, end), start };
}

export const pythonSyntax: Rule = {
  id: 'python-syntax',
  severity: 'error',
  scope: 'files',
  description:
    'a script, pre/post script, condition or expression is not valid Python (fails only when it runs)',
  fix: 'Fix the Python at the reported line; run the model in a test environment to confirm.',
  check({ index, report }) {
    for (const doc of index.bpmn.values()) {
      if (!doc.root) continue; // (a parsed file had text: not read again unless a finding needs it)
      let lines: LineIndex | undefined;
      for (const [key, kind] of PYTHON) {
        for (const node of doc.elements.get(key) ?? []) {
          if (!isChecked(node)) continue;
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
            message: `Python syntax error in ${describe(node)}${owner ? ` of '${owner}'` : ''}${err.near ? ` near \`${err.near}\`` : ''}: it fails when it runs${err.reason ? ` (${err.reason})` : ''}`,
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
  scope: 'files',
  description: 'a script task has no script or an empty one: it runs and does nothing',
  fix: 'Write the script, or replace the task with a plain task.',
  check({ index, report }) {
    for (const doc of index.bpmn.values()) {
      for (const node of doc.elements.get('scriptTask') ?? []) {
        // The spiff parser keeps the last bpmn:script child; none at all parses too.
        let script: XNode | undefined;
        for (const c of node.children) if (c.ns === NS.bpmn && c.name === 'script') script = c;
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

/** An ISO 8601 duration or repeating interval written bare (PT5M, P1D, R3/PT10M): valid Python names. */
const BARE_ISO = /^(?:R\d*\/)?P(?=[\dT])(?:\d+[YMWD])*(?:T(?=\d)(?:\d+[HMS])+)?$/;

export const timerIsoUnquoted: Rule = {
  id: 'timer-iso-unquoted',
  severity: 'warning',
  scope: 'files',
  description:
    'a timer expression is an unquoted ISO 8601 duration (PT5M): it is Python, so the timer fails with a NameError when it starts',
  fix: 'Quote it ("PT5M") or write a Python value such as timedelta(minutes=5).',
  check({ index, report }) {
    for (const doc of index.bpmn.values())
      for (const key of ['timeDate', 'timeDuration', 'timeCycle'])
        for (const node of doc.elements.get(key) ?? []) {
          const text = node.text.trim();
          if (!BARE_ISO.test(text)) continue;
          const owner = ownerId(node);
          report({
            file: doc.file,
            offset: node.textOffset + node.text.indexOf(text),
            message: `timer expression ${text}${owner ? ` of '${owner}'` : ''} is Python: unquoted it is a NameError when the timer starts; write "${text}" (quoted) or timedelta(...)`,
          });
        }
  },
};
