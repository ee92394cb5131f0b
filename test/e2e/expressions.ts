// A small evaluator for GitHub Actions `${{ }}` expressions: what the example workflows use (contexts,
// literals, ==, !=, &&, ||, !, parentheses, and the status and string functions), so the end-to-end test can
// run the workflows as the runner would.

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export interface ExprContext {
  contexts: Record<string, Value>;
  /** Job status so far, for success()/failure(). */
  failed: boolean;
}

type Token = { t: 'op' | 'str' | 'num' | 'id' | 'eof'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['==', '!=', '&&', '||', '<=', '>='].includes(two)) {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('()[]!.,<>*'.includes(c)) {
      out.push({ t: 'op', v: c });
      i++;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw new Error(`unterminated string in expression: ${src}`);
        if (src[j] === "'") {
          if (src[j + 1] === "'") {
            s += "'";
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    throw new Error(`unexpected '${c}' in expression: ${src}`);
  }
  out.push({ t: 'eof', v: '' });
  return out;
}

function truthy(v: Value | undefined): boolean {
  return !(v === undefined || v === null || v === false || v === 0 || v === '');
}

function str(v: Value | undefined): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function loose(a: Value | undefined, b: Value | undefined): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b) return a === b;
  return str(a) === str(b);
}

export function evaluate(src: string, ctx: ExprContext): Value {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const take = (v?: string) => {
    const t = toks[p++];
    if (v !== undefined && t.v !== v) throw new Error(`expected '${v}' in expression: ${src}`);
    return t;
  };
  const or = (): Value => {
    let l = and();
    while (peek().v === '||') {
      take();
      const r = and();
      l = truthy(l) ? l : r;
    }
    return l;
  };
  const and = (): Value => {
    let l = cmp();
    while (peek().v === '&&') {
      take();
      const r = cmp();
      l = truthy(l) ? r : l;
    }
    return l;
  };
  const cmp = (): Value => {
    let l = unary();
    while (peek().v === '==' || peek().v === '!=') {
      const op = take().v;
      const r = unary();
      l = op === '==' ? loose(l, r) : !loose(l, r);
    }
    return l;
  };
  const unary = (): Value => {
    if (peek().v === '!') {
      take();
      return !truthy(unary());
    }
    return postfix();
  };
  const postfix = (): Value => {
    let v = primary();
    for (;;) {
      if (peek().v === '.') {
        take();
        const name = take().v;
        v =
          v && typeof v === 'object' && !Array.isArray(v)
            ? ((v as Record<string, Value>)[name] ?? null)
            : null;
      } else if (peek().v === '[') {
        take();
        const key = or();
        take(']');
        v = v && typeof v === 'object' ? ((v as Record<string, Value>)[str(key)] ?? null) : null;
      } else return v;
    }
  };
  const primary = (): Value => {
    const t = take();
    if (t.t === 'str') return t.v;
    if (t.t === 'num') return Number(t.v);
    if (t.v === '(') {
      const v = or();
      take(')');
      return v;
    }
    if (t.t !== 'id') throw new Error(`unexpected '${t.v}' in expression: ${src}`);
    if (t.v === 'true') return true;
    if (t.v === 'false') return false;
    if (t.v === 'null') return null;
    if (peek().v === '(') {
      take();
      const args: Value[] = [];
      while (peek().v !== ')') {
        args.push(or());
        if (peek().v === ',') take();
      }
      take(')');
      return call(t.v, args);
    }
    return ctx.contexts[t.v] ?? null;
  };
  const call = (name: string, args: Value[]): Value => {
    switch (name) {
      case 'always':
        return true;
      case 'success':
        return !ctx.failed;
      case 'failure':
        return ctx.failed;
      case 'cancelled':
        return false;
      case 'startsWith':
        return str(args[0]).toLowerCase().startsWith(str(args[1]).toLowerCase());
      case 'endsWith':
        return str(args[0]).toLowerCase().endsWith(str(args[1]).toLowerCase());
      case 'contains':
        return Array.isArray(args[0])
          ? args[0].some((x) => loose(x, args[1]))
          : str(args[0]).toLowerCase().includes(str(args[1]).toLowerCase());
      case 'format':
        return str(args[0]).replace(/\{(\d+)\}/g, (_m, i: string) => str(args[Number(i) + 1]));
      case 'join':
        return Array.isArray(args[0])
          ? args[0].map(str).join(args.length > 1 ? str(args[1]) : ',')
          : str(args[0]);
      case 'toJSON':
        return JSON.stringify(args[0], null, 2);
      case 'fromJSON':
        return JSON.parse(str(args[0])) as Value;
      default:
        throw new Error(`unknown function ${name}() in expression: ${src}`);
    }
  };
  const v = or();
  if (peek().t !== 'eof') throw new Error(`unexpected '${peek().v}' in expression: ${src}`);
  return v;
}

/** Replaces every `${{ expr }}` in a string. */
export function interpolate(text: string, ctx: ExprContext): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, expr: string) => str(evaluate(expr.trim(), ctx)));
}

/** An `if:` condition: an expression with or without `${{ }}`; success() is implied without a status function. */
export function condition(text: string | boolean | undefined, ctx: ExprContext): boolean {
  if (text === undefined) return !ctx.failed;
  if (typeof text === 'boolean') return text && !ctx.failed;
  const expr = text
    .trim()
    .replace(/^\$\{\{([\s\S]*)\}\}$/, '$1')
    .trim();
  const value = truthy(evaluate(expr, ctx));
  const hasStatus = /\b(always|success|failure|cancelled)\s*\(/.test(expr);
  return hasStatus ? value : value && !ctx.failed;
}
