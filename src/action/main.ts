// The action shell: reads the `command` input, warns about inputs that command does not read, and hands over
// to that command's action module.
import * as core from '@actions/core';
import { errorMessage } from '../util/errors.js';
import { ACTION_INPUTS, actionInputs, COMMAND_SPECS } from './specs.js';
import { booleanInput, unusedInputs } from '../shell/inputs.js';
import { summarySize, writeFailureSummary } from './summary.js';

/** Each command's action module, imported only when that command runs (notify never loads dockerode). */
const actions: Record<string, () => Promise<void>> = {
  validate: async () => (await import('../validate/action.js')).runValidateAction(),
  bake: async () => (await import('../image/action.js')).runBakeAction(),
  promote: async () => (await import('../promote/action.js')).runPromoteAction(),
  publish: async () => (await import('../promote/action.js')).runPublishAction(),
  notify: async () => (await import('../notify/action.js')).runNotifyAction(),
};

export async function run(): Promise<void> {
  const command = core.getInput('command') || 'validate';
  const action = Object.hasOwn(actions, command) ? actions[command] : undefined;
  const spec = COMMAND_SPECS.find((s) => s.name === command);
  if (!action || !spec) {
    core.setFailed(`Input 'command' must be one of ${Object.keys(actions).join(', ')}; got '${command}'.`);
    return;
  }
  const before = summarySize();
  try {
    const known = new Map(actionInputs().map((e) => [e.name, e.default]));
    for (const name of unusedInputs(spec, known, Object.keys(ACTION_INPUTS))) {
      const users = actionInputs().find((e) => e.name === name)!.commands;
      core.warning(
        `Input '${name}' is set but command '${command}' does not read it (it is for ${[...new Set(users)].join(', ')}): remove it from this step's with:.`,
      );
    }
    // summary: false hides the summary file from the command, so no command has to ask.
    if (!booleanInput('summary', true)) delete process.env.GITHUB_STEP_SUMMARY;
    await action();
  } catch (err) {
    // A command that failed after writing its summary (a refused promotion) said it there already.
    if (summarySize() === before) await writeFailureSummary(command, err);
    core.setFailed(errorMessage(err));
  }
}
