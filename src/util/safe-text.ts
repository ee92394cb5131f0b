// Repository text (file and directory names, model ids, commit subjects, what files and servers say) must never
// steer the Actions runner, which reads every line a step prints for workflow commands: `::name::` at the start
// of a line after white space (ActionCommand.TryParseV2) and the legacy `##[name]` anywhere in a line
// (ActionCommand.TryParse); its reader ends a line at \n and at \r. Every reporter and logger goes through here.

// C0 and C1 controls, DEL, the Unicode line and paragraph separators and the bidi overrides (which make a
// terminal show text in another order than it is).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One repository-controlled piece (a path, an id, a quoted value) as one printable line: control characters
 * become escapes (`\n`, `\r`, `\t`, `\x1b`, `\u2028`). Backslashes are left alone, so Windows-style text reads
 * as it is.
 */
export function printable(text: string): string {
  return text.replace(
    CONTROL,
    (c) =>
      NAMED[c] ??
      (c.charCodeAt(0) < 0x100
        ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
        : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

// What .NET's String.TrimStart removes (Char.IsWhiteSpace); JavaScript's \s lacks only U+0085.
const isSpace = (c: string) => /[\s\u0085]/.test(c);

/**
 * Makes a stream of output inert for the runner, chunk by chunk (a command may be split across writes): a `::`
 * that would start a line becomes `:\:`, and `##[` becomes `##\[`. Nothing else changes. One guard per stream,
 * since it remembers where the current line stands.
 */
export class CommandGuard {
  /** The current line so far is white space only (then a `:` may start a command). */
  private blank = true;
  /** The current line so far is white space and one `:`. */
  private colon = false;
  /** How many `#` end the current line so far (0, 1 or 2). */
  private hashes = 0;

  write(chunk: string): string {
    let out = '';
    for (const c of chunk) {
      if (c === '\n' || c === '\r') {
        this.blank = true;
        this.colon = false;
        this.hashes = 0;
        out += c;
        continue;
      }
      if (c === ':' && this.colon) out += '\\';
      if (c === '[' && this.hashes === 2) out += '\\';
      this.colon = c === ':' && this.blank;
      this.blank = this.blank && isSpace(c);
      this.hashes = c === '#' ? Math.min(2, this.hashes + 1) : 0;
      out += c;
    }
    return out;
  }
}

/** `text` made inert as a whole (it starts a line, as `core.info` text does). */
export function inert(text: string): string {
  return new CommandGuard().write(text);
}

/**
 * JSON for standard output: `##[` becomes `##\u005b`, which is still valid JSON for the same value, so the guard
 * on the stream has nothing to change (its `\[` would not be valid JSON). Indented JSON never starts a line with
 * `::` (every line starts with white space, a bracket, a quote or a literal).
 */
export function jsonText(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(/##\[/g, '##\\u005b');
}
