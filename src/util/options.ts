// Each command declares its options and outputs once (CLI flag, action input, type, default, doc); the CLI
// parser, the action reader, `--help`, action.yml and the README tables are all read from that declaration.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { distance } from 'fastest-levenshtein';
import { UsageError } from './errors.js';
import { jsonText } from './safe-text.js';

/** string: one value; boolean: a switch; list: repeatable flag / one-per-line (or comma-separated) input. */
export type OptionType = 'string' | 'boolean' | 'list';

export interface OptionSpec {
  type: OptionType;
  /** What the option means, for both shells unless flagDoc/inputDoc say otherwise. */
  doc: string;
  /**
   * The CLI flag without dashes; null: action only. A boolean that defaults to true is offered as `--no-<flag>`.
   * Default: the key in kebab-case.
   */
  flag?: string | null;
  /** The action.yml input; null: CLI only. Default: the key in kebab-case. */
  input?: string | null;
  short?: string;
  /** Placeholder in the CLI usage, e.g. FILE. */
  arg?: string;
  /** Default of both shells (booleans: true/false; strings: the text). */
  default?: string | boolean;
  /** The action's default when it differs (e.g. ${{ github.token }}, the bot's name). */
  inputDefault?: string;
  flagDoc?: string;
  inputDoc?: string;
  /** Lists: split the input on newlines only (values may hold commas, e.g. labels). */
  lines?: boolean;
}

export interface OutputSpec {
  doc: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Usage line(s) without options, e.g. `spiff-models validate [DIR] [options]`. */
  synopsis: string;
  /** Lines under the synopsis, before the options (what the command does). */
  intro?: string;
  /** The positional arguments, as [name, doc], listed above the flags. */
  args?: ReadonlyArray<readonly [string, string]>;
  options: Record<string, OptionSpec>;
  /** Action outputs by their kebab-case name; `--json` prints the same values under the camelCase name. */
  outputs: Record<string, OutputSpec>;
  /** Lines after the options (exit codes, notes). */
  epilogue?: string;
}

type ValueOf<O extends OptionSpec> = O['type'] extends 'boolean'
  ? boolean
  : O['type'] extends 'list'
    ? string[]
    : O extends { default: string }
      ? string
      : string | undefined;

/** The parsed options of a command, by the key they are declared under. */
export type Values<S extends CommandSpec> = { -readonly [K in keyof S['options']]: ValueOf<S['options'][K]> };

export const flagOf = (o: OptionSpec, key: string): string | null =>
  o.flag === null ? null : (o.flag ?? kebab(key));
export const inputOf = (o: OptionSpec, key: string): string | null =>
  o.input === null ? null : (o.input ?? kebab(key));

/** The CLI spelling of an option: `--no-x` for a switch that is on by default. */
export function cliFlag(o: OptionSpec, key: string): string | null {
  const flag = flagOf(o, key);
  if (flag === null) return null;
  return o.type === 'boolean' && o.default === true ? `no-${flag}` : flag;
}

export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The `--json` key of an output: `image-id` -> `imageId`. */
export function camel(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** Newline- or comma-separated values, trimmed, blanks dropped: the one way lists are read. */
export function splitList(text: string, separators: RegExp = /[\n,]/): string[] {
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The closest of `candidates` to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function suggestion(word: string, candidates: Iterable<string>, prefix = ''): string {
  const hit = closest(word, candidates);
  return hit ? `; did you mean ${prefix}${hit}?` : '';
}

/** Every spelling the CLI accepts for a command, with dashes (for suggestions and checks). */
export function cliFlags(spec: CommandSpec): string[] {
  const flags = ['--help'];
  for (const [key, o] of Object.entries(spec.options)) {
    const f = cliFlag(o, key);
    if (f) flags.push(`--${f}`);
  }
  return flags;
}

/**
 * Parses a command line by the command's declaration. Unknown or malformed options become one-line
 * UsageErrors, with the nearest flag when it looks like a typo.
 */
export function parseFlags<S extends CommandSpec>(
  spec: S,
  argv: string[],
): { values: Values<S>; positionals: string[] } {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [key, o] of Object.entries(spec.options)) {
    const flag = cliFlag(o, key);
    if (!flag) continue;
    options[flag] = {
      type: o.type === 'boolean' ? 'boolean' : 'string',
      ...(o.type === 'list' ? { multiple: true } : {}),
      ...(o.short ? { short: o.short } : {}),
    };
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw parseError(err, spec);
  }
  const values: Record<string, unknown> = {};
  for (const [key, o] of Object.entries(spec.options)) {
    const flag = cliFlag(o, key);
    const raw = flag ? parsed.values[flag] : undefined;
    if (o.type === 'boolean') values[key] = o.default === true ? raw !== true : raw === true;
    else if (o.type === 'list') values[key] = ((raw as string[] | undefined) ?? []).map((s) => s.trim());
    else values[key] = (raw as string | undefined) ?? (typeof o.default === 'string' ? o.default : undefined);
  }
  return { values: values as Values<S>, positionals: parsed.positionals };
}

function parseError(err: unknown, spec: CommandSpec): Error {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const word = /'(-{1,2}[^'\s]+)'/.exec(message)?.[1] ?? '';
    const name = word.replace(/^-+/, '').replace(/=.*$/, '');
    const hit = closest(
      `--${name}`,
      cliFlags(spec).filter((f) => f !== '--help'),
    );
    return new UsageError(`unknown option ${word}${hit ? `; did you mean ${hit}?` : ''}`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // e.g. "Option '-o, --output <value>' argument missing"
    const flag = /--([a-z0-9-]+)/.exec(message)?.[1];
    if (/argument missing/.test(message) && flag) return new UsageError(`--${flag} needs a value`);
    return new UsageError(message.split('\n')[0]);
  }
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
    return new UsageError(message.split('\n')[0]);
  return err instanceof Error ? err : new Error(message);
}

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The `--help` text: synopsis, intro, one line per flag, epilogue. */
export function usageText(spec: CommandSpec): string {
  const rows: Array<[string, string]> = [];
  for (const [key, o] of Object.entries(spec.options)) {
    const flag = cliFlag(o, key);
    if (!flag) continue;
    const arg = o.type === 'boolean' ? '' : ` ${o.arg ?? 'VALUE'}`;
    const short = o.short ? `-${o.short}, ` : '';
    let doc = o.flagDoc ?? o.doc;
    if (o.type === 'list') doc += ' (repeatable)';
    if (typeof o.default === 'string' && o.default && !/\(default/.test(doc))
      doc += ` (default ${o.default})`;
    rows.push([`${short}--${flag}${arg}`, doc]);
  }
  const width = 24;
  rows.unshift(...(spec.args ?? []).map(([name, doc]) => [name, doc] as [string, string]));
  const indent = ' '.repeat(width + 4);
  const lines = rows.map(([f, d]) => {
    const text = wrap(d, 110 - indent.length).join(`\n${indent}`);
    return f.length > width ? `  ${f}\n${indent}${text}` : `  ${f.padEnd(width)}  ${text}`;
  });
  return [
    spec.synopsis,
    '',
    ...(spec.intro ? [spec.intro.trimEnd(), ''] : []),
    ...lines,
    '',
    ...(spec.epilogue ? [spec.epilogue.trimEnd(), ''] : []),
  ].join('\n');
}

/** A command's outputs for `--json`: the action's output names in camelCase, then any extras. */
export function jsonOutputs(
  spec: CommandSpec,
  outputs: Record<string, unknown>,
  extras: Record<string, unknown> = {},
): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const name of Object.keys(spec.outputs)) if (name in outputs) json[camel(name)] = outputs[name];
  for (const [k, v] of Object.entries(extras)) if (!(k in json)) json[k] = v;
  return json;
}

/** The models root: a positional DIR on the command line of validate and bake, the `path` input of every command. */
export const PATH_OPTION = {
  type: 'string',
  flag: null,
  input: 'path',
  default: '.',
  doc: 'Models root (the directory SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR points at), relative to the workspace',
} as const satisfies OptionSpec;

/** Inputs of the action itself, read before a command is chosen. */
export const ACTION_INPUTS = {
  command: {
    type: 'string',
    flag: null,
    default: 'validate',
    doc: 'What to do: validate, bake, promote, publish or notify',
  },
  summary: {
    type: 'boolean',
    flag: null,
    default: true,
    doc: 'Write the job summary (false: only the log, annotations and outputs)',
  },
} as const satisfies Record<string, OptionSpec>;

/**
 * A report for `--json` that also carries every action output under its camelCase name; the report's own field
 * wins where both exist (it holds the richer value, e.g. the commits rather than their count).
 */
export function reportJson(spec: CommandSpec, report: object, outputs: Record<string, string>): string {
  const json: Record<string, unknown> = { ...report };
  for (const [name, value] of Object.entries(outputs)) {
    const key = camel(name);
    if (!(key in json)) json[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return `${jsonText(json)}\n`;
}
