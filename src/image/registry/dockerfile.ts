// What the registry builder can take from a Dockerfile template: FROM the base, ENV, LABEL, WORKDIR and the one
// {{copy}} line. Anything else (RUN, USER, CMD, a second stage, ...) needs an engine to run or to mean anything,
// and is refused naming the template line. Words are parsed as Docker does: quotes, `\` escapes, `$VAR` and
// `${VAR}` (with `:-` and `:+`) expanded against the env set so far, line continuations, comments.
import { UsageError } from '../../util/errors.js';
import { ROOTFS_TAR, type Template } from '../template.js';

export type Instruction =
  | { kind: 'env'; pairs: Array<[string, string]>; text: string }
  | { kind: 'label'; pairs: Array<[string, string]>; text: string }
  | { kind: 'workdir'; path: string; text: string }
  | { kind: 'copy'; text: string };

const ALLOWED = new Set(['FROM', 'ENV', 'LABEL', 'WORKDIR', 'ADD', 'COPY']);
const PLACEHOLDER_KEYWORD: Record<string, string> = {
  '{{env}}': 'ENV',
  '{{labels}}': 'LABEL',
  '{{copy}}': 'ADD',
};

interface Logical {
  line: number;
  keyword: string;
  rest: string;
}

/** Instructions with their first line; comments and blank lines dropped, `\`-continued lines joined. */
function logicalLines(text: string): Logical[] {
  const out: Logical[] = [];
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const start = i;
    let line = lines[i++].replace(/\r$/, '');
    if (/^\s*(#|$)/.test(line)) continue;
    while (/\\\s*$/.test(line) && i < lines.length) {
      line = line.replace(/\\\s*$/, '');
      let next = lines[i++].replace(/\r$/, '');
      while (/^\s*#/.test(next) && i < lines.length) next = lines[i++].replace(/\r$/, '');
      line += /^\s*#/.test(next) ? '' : next;
    }
    const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(line);
    if (!m) continue;
    out.push({ line: start + 1, keyword: m[1], rest: m[2].trim() });
  }
  return out;
}

function refuse(template: Template, line: number, what: string): never {
  throw new UsageError(
    `template ${template.source}:${line}: ${what} The registry builder (builder: registry) does not run a build: ` +
      `it appends the models layer to the base image in the registry and can only set FROM {{base_image}}, ENV, ` +
      `LABEL, WORKDIR and {{copy}}. Use builder engine (--builder engine) for this template, or remove the ` +
      `instruction.`,
  );
}

/**
 * Checks the template's own lines (so line numbers are the file's), before anything is read from a registry.
 * Placeholder lines count as the instruction they render to.
 */
export function checkTemplateForRegistry(template: Template): void {
  let froms = 0;
  // `{{ env }}` is `{{env}}` to the renderer.
  const text = template.text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, '{{$1}}');
  for (const l of logicalLines(text)) {
    const keyword = PLACEHOLDER_KEYWORD[l.keyword] ?? l.keyword.toUpperCase();
    if (!ALLOWED.has(keyword))
      refuse(template, l.line, `${keyword} cannot be applied without a Docker Engine.`);
    if (keyword === 'FROM') {
      froms++;
      if (froms > 1) refuse(template, l.line, 'a second FROM (a multi-stage build) needs a Docker Engine.');
      if (!/^\{\{\s*base_image\s*\}\}$/.test(l.rest)) {
        refuse(
          template,
          l.line,
          `FROM ${l.rest} is not FROM {{base_image}}: the registry builder reads the base image named by ` +
            `base-image (--base-image), so the template must build on it.`,
        );
      }
    }
    if ((keyword === 'ADD' || keyword === 'COPY') && l.keyword !== '{{copy}}') {
      refuse(
        template,
        l.line,
        `${keyword} ${l.rest} copies files the registry builder does not have; only {{copy}} (the models) is ` +
          `applied.`,
      );
    }
  }
}

/** Docker's word splitting with quotes, escapes and variable expansion (`env` is the env before the line). */
export function splitWords(input: string, env: Map<string, string>, what: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const expand = (): string => {
    // at '$'
    i++;
    if (input[i] === '{') {
      const close = input.indexOf('}', i);
      if (close < 0) throw new UsageError(`${what}: '\${' without a closing '}'.`);
      const body = input.slice(i + 1, close);
      i = close + 1;
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([\s\S]*))?$/.exec(body);
      if (!m)
        throw new UsageError(
          `${what}: unsupported substitution '\${${body}}' (use \${VAR}, \${VAR:-x}, \${VAR:+x}).`,
        );
      const value = env.get(m[1]);
      if (m[2] === '-') return value ? value : m[3];
      if (m[2] === '+') return value ? m[3] : '';
      return value ?? '';
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(input.slice(i));
    if (!m) return '$';
    i += m[0].length;
    return env.get(m[0]) ?? '';
  };
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (c === '\\') {
      word += input[i + 1] ?? '';
      i += 2;
    } else if (c === "'") {
      const close = input.indexOf("'", i + 1);
      if (close < 0) throw new UsageError(`${what}: a single quote without its closing quote.`);
      word += input.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      i++;
      while (i < input.length && input[i] !== '"') {
        if (input[i] === '\\' && /["\\$]/.test(input[i + 1] ?? '')) {
          word += input[i + 1];
          i += 2;
        } else if (input[i] === '$') {
          word += expand();
        } else {
          word += input[i++];
        }
      }
      if (input[i] !== '"') throw new UsageError(`${what}: a double quote without its closing quote.`);
      i++;
    } else if (c === '$') {
      word += expand();
    } else {
      word += c;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function pairs(words: string[], keyword: string, what: string): Array<[string, string]> {
  return words.map((w) => {
    const eq = w.indexOf('=');
    if (eq <= 0) throw new UsageError(`${what}: '${w}' is not KEY=VALUE (${keyword} KEY=VALUE ...).`);
    return [w.slice(0, eq), w.slice(eq + 1)];
  });
}

/**
 * The instructions of a rendered template, in order, with their values (quotes removed, variables expanded
 * against the base image's env and the ENV lines before). `checkTemplateForRegistry` has refused the rest.
 */
export function readInstructions(rendered: string, source: string, baseEnv: string[]): Instruction[] {
  const env = new Map(
    baseEnv.map((e) => {
      const eq = e.indexOf('=');
      return eq < 0 ? ([e, ''] as const) : ([e.slice(0, eq), e.slice(eq + 1)] as const);
    }),
  );
  const out: Instruction[] = [];
  let copies = 0;
  for (const l of logicalLines(rendered)) {
    const keyword = l.keyword.toUpperCase();
    const what = `template ${source}, ${keyword} (rendered line ${l.line})`;
    const text = `${keyword} ${l.rest}`.replace(/\s*\\?\n\s*/g, ' ');
    if (keyword === 'FROM') continue;
    if (keyword === 'ENV') {
      const words = splitWords(l.rest, env, what);
      // The legacy form `ENV KEY value with spaces`.
      const list: Array<[string, string]> =
        words.length >= 1 && !words[0].includes('=')
          ? [[words[0], splitWords(l.rest.replace(/^\S+\s*/, ''), env, what).join(' ')]]
          : pairs(words, 'ENV', what);
      list.forEach(([k, v]) => env.set(k, v));
      out.push({ kind: 'env', pairs: list, text });
    } else if (keyword === 'LABEL') {
      out.push({ kind: 'label', pairs: pairs(splitWords(l.rest, env, what), 'LABEL', what), text });
    } else if (keyword === 'WORKDIR') {
      const words = splitWords(l.rest, env, what);
      if (words.length !== 1) throw new UsageError(`${what}: WORKDIR takes one path.`);
      out.push({ kind: 'workdir', path: words[0], text });
    } else if (keyword === 'ADD' || keyword === 'COPY') {
      if (l.rest !== `${ROOTFS_TAR} /`) {
        throw new UsageError(`${what}: only {{copy}} can put files in the image with the registry builder.`);
      }
      copies++;
      out.push({ kind: 'copy', text });
    } else {
      throw new UsageError(`${what}: ${keyword} cannot be applied without a Docker Engine.`);
    }
  }
  if (copies !== 1) throw new UsageError(`template ${source}: it must use {{copy}} exactly once.`);
  return out;
}
