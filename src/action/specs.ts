// Every command's declaration, in the order the help, action.yml and the README list them, and the action's
// inputs and outputs merged across commands (one input may serve several commands, with one default).
import { inputDefault } from '../shell/inputs.js';
import { ACTION_INPUTS, inputOf, type CommandSpec, type OptionSpec } from '../util/options.js';
import { validateSpec } from '../validate/options.js';
import { bakeSpec } from '../image/options.js';
import { promoteSpec, publishSpec } from '../promote/options.js';
import { notifySpec } from '../notify/options.js';

export const COMMAND_SPECS: readonly CommandSpec[] = [
  validateSpec,
  bakeSpec,
  promoteSpec,
  publishSpec,
  notifySpec,
];
export { ACTION_INPUTS };

export interface ActionEntry {
  name: string;
  /** The commands that read it; empty for the action's own inputs (command, path-like ones used by all). */
  commands: string[];
  /** The description per command, in command order. */
  docs: Array<{ commands: string[]; doc: string }>;
  default?: string;
}

function addDoc(entry: ActionEntry, command: string, doc: string): void {
  entry.commands.push(command);
  const same = entry.docs.find((d) => d.doc === doc);
  if (same) same.commands.push(command);
  else entry.docs.push({ commands: [command], doc });
}

/** The inputs of action.yml: the action's own, then each command's in declaration order. */
export function actionInputs(specs: readonly CommandSpec[] = COMMAND_SPECS): ActionEntry[] {
  const entries = new Map<string, ActionEntry>();
  for (const [name, o] of Object.entries(ACTION_INPUTS))
    entries.set(name, { name, commands: [], docs: [{ commands: [], doc: o.doc }], default: inputDefault(o) });
  for (const spec of specs)
    for (const [key, o] of Object.entries(spec.options) as Array<[string, OptionSpec]>) {
      const name = inputOf(o, key);
      if (!name) continue;
      let entry = entries.get(name);
      if (!entry) {
        entry = { name, commands: [], docs: [], default: inputDefault(o) };
        entries.set(name, entry);
      } else if (entry.default !== inputDefault(o)) {
        throw new Error(
          `input '${name}' has default '${entry.default}' for ${entry.commands.join(', ')} but '${inputDefault(o)}' for ${spec.name}: one input, one default`,
        );
      }
      addDoc(entry, spec.name, o.inputDoc ?? o.doc);
    }
  return [...entries.values()];
}

/** The outputs of action.yml, merged across commands like the inputs. */
export function actionOutputs(specs: readonly CommandSpec[] = COMMAND_SPECS): ActionEntry[] {
  const entries = new Map<string, ActionEntry>();
  for (const spec of specs)
    for (const [name, o] of Object.entries(spec.outputs)) {
      let entry = entries.get(name);
      if (!entry) entries.set(name, (entry = { name, commands: [], docs: [] }));
      addDoc(entry, spec.name, o.doc);
    }
  return [...entries.values()];
}

/** One description line: "promote, publish: ...", segments joined when commands say different things. */
export function describe(entry: ActionEntry): string {
  return entry.docs
    .map((d) =>
      d.commands.length && entry.commands.length < COMMAND_SPECS.length
        ? `${d.commands.join(', ')}: ${d.doc}`
        : d.doc,
    )
    .join('. ');
}
