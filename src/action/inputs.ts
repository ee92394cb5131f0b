// Action inputs read the same way for every command: booleans, lists and required values, with errors that
// name the input and what it accepts.
import * as core from '@actions/core';
import { UsageError } from '../util/errors.js';

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

/** Newline- or comma-separated values, blanks dropped. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** An input the current command cannot do without. */
export function requiredInput(name: string): string {
  const value = core.getInput(name);
  if (!value) throw new UsageError(`Input '${name}' is required for command '${core.getInput('command')}'.`);
  return value;
}
