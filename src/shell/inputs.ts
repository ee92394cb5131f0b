// Action inputs read the same way for every command, from the command's declaration (src/util/options.ts):
// booleans, lists and required values, with errors that name the input and what it accepts.
import * as core from '@actions/core';
import { UsageError } from '../util/errors.js';
import { inputOf, splitList, type CommandSpec, type OptionSpec, type Values } from '../util/options.js';

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

/** A true/false input; empty means `fallback`. */
export function booleanInput(name: string, fallback = false): boolean {
  const raw = core.getInput(name).trim().toLowerCase();
  if (!raw) return fallback;
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  throw new UsageError(`Input '${name}' must be true or false; got '${core.getInput(name)}'.`);
}

/** Newline- or comma-separated values (newline only for `lines`: values that may hold commas), blanks dropped. */
export function listInput(name: string, lines = false): string[] {
  return splitList(core.getInput(name), lines ? /\n/ : /[\n,]/);
}

/** The action's default of an input, as action.yml declares it. */
export function inputDefault(o: OptionSpec): string | undefined {
  if (o.inputDefault !== undefined) return o.inputDefault;
  if (o.default === undefined) return undefined;
  return String(o.default);
}

/**
 * Every input of a command by the key it is declared under, typed as the CLI parser types them. Options the
 * action does not have (CLI only) get their default.
 */
export function readInputs<S extends CommandSpec>(spec: S): Values<S> {
  const values: Record<string, unknown> = {};
  for (const [key, o] of Object.entries(spec.options)) {
    const name = inputOf(o, key);
    if (o.type === 'boolean')
      values[key] = name ? booleanInput(name, o.default === true) : o.default === true;
    else if (o.type === 'list') values[key] = name ? listInput(name, o.lines) : [];
    else {
      const raw = name ? core.getInput(name) : '';
      const fallback = o.inputDefault?.startsWith('${{') ? undefined : inputDefault(o);
      values[key] = raw || fallback;
    }
  }
  return values as Values<S>;
}

/**
 * Inputs the workflow set that `spec`'s command does not read (a value other than action.yml's default), so a
 * misplaced `with:` key is a warning rather than silently ignored. `known` maps every input of action.yml to its
 * default; the runner itself warns about inputs action.yml lacks.
 */
export function unusedInputs(
  spec: CommandSpec,
  known: Map<string, string | undefined>,
  always: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const used = new Set<string>(always);
  for (const [key, o] of Object.entries(spec.options)) {
    const name = inputOf(o, key);
    if (name) used.add(name);
  }
  const unused: string[] = [];
  for (const [name, fallback] of known) {
    // An expression default (${{ github.token }}) arrives evaluated: nothing to compare with.
    if (used.has(name) || fallback?.startsWith('${{')) continue;
    const value = (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
    if (value && value !== (fallback ?? '')) unused.push(name);
  }
  return unused;
}

/** Sets a command's outputs; a name its declaration lacks is a bug here, not a silent extra output. */
export function setOutputs(spec: CommandSpec, outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) {
    if (!(name in spec.outputs)) throw new Error(`${spec.name} sets output '${name}' it does not declare`);
    core.setOutput(name, value);
  }
}
