// The ignore file of the build context (`.spiff-models-ignore`, else `.dockerignore`): gitignore-style
// patterns, last match wins, an ignored directory is not entered (its files cannot be re-included).

export const IGNORE_FILES = ['.spiff-models-ignore', '.dockerignore'] as const;

/** Never in the context: git data is added separately per git-history mode; .spiff-models holds our output. */
export const ALWAYS_IGNORED = ['.git', '.spiff-models', ...IGNORE_FILES];

interface Rule {
  negate: boolean;
  dirOnly: boolean;
  regex: RegExp;
  source: string;
}

export interface IgnoreMatcher {
  /** `path` is relative to the models root with `/` separators. */
  ignores(path: string, isDir: boolean): boolean;
  patterns: string[];
}

function escapeRegex(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** A glob segment list to a regex body: `*` and `?` stay within a segment, `**` crosses them. */
function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (i + 2 === glob.length) out += '.*';
          else {
            out += '(?:.*/)?';
            i++; // the slash after ** is part of the optional group
          }
          i++;
          continue;
        }
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        let body = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        out += `[${body}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      out += escapeRegex(glob[++i]);
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}

export function compileIgnore(text: string): IgnoreMatcher {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
      line = line.slice(1);
    }
    let dirOnly = false;
    if (line.endsWith('/')) {
      dirOnly = true;
      line = line.replace(/\/+$/, '');
    }
    if (!line) continue;
    const anchored = line.includes('/');
    line = line.replace(/^\/+/, '');
    const body = globToRegex(line);
    // Unanchored patterns match a name at any depth; anchored ones match from the root.
    const regex = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
    rules.push({ negate, dirOnly, regex, source: raw });
  }
  return {
    patterns: rules.map((r) => r.source),
    ignores(path, isDir) {
      let ignored = false;
      for (const rule of rules) {
        if (rule.dirOnly && !isDir) continue;
        if (rule.regex.test(path)) ignored = !rule.negate;
      }
      return ignored;
    },
  };
}
