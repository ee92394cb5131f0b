// The ignore file of the models layer: `.spiff-models-ignore` with gitignore rules (last match wins, an ignored
// directory is not entered), else `.dockerignore` with Docker's own rules (through @balena/dockerignore, a port of
// moby's matcher), so the layer holds what `docker build` would send.
import dockerignoreModule from '@balena/dockerignore';

// A CommonJS package whose types declare an ES default export: at run time the default import is the function.
const dockerignore = ((dockerignoreModule as unknown as { default?: unknown }).default ??
  dockerignoreModule) as unknown as typeof dockerignoreModule.default;

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
  /** gitignore: an ignored folder's contents stay out. Docker: each path is judged (a file can be re-included). */
  prunesDirectories: boolean;
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
    prunesDirectories: true,
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

/** A `.dockerignore` as Docker reads it: patterns anchored at the root, `*` within a folder, parents matching. */
export function compileDockerignore(text: string): IgnoreMatcher {
  const patterns = text.split(/\r?\n/);
  const matcher = dockerignore().add(patterns);
  return {
    patterns: patterns.filter((p) => p.trim() && !p.trim().startsWith('#')),
    prunesDirectories: false,
    ignores: (path) => matcher.ignores(path),
  };
}

/** The matcher for an ignore file by its name. */
export function compileIgnoreFile(name: (typeof IGNORE_FILES)[number], text: string): IgnoreMatcher {
  return name === '.dockerignore' ? compileDockerignore(text) : compileIgnore(text);
}
