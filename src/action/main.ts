// The action shell: reads the `command` input, warns about inputs that command does not read, and hands over
// to that command's action module.
import * as core from '@actions/core';
import { errorMessage } from '../util/errors.js';
import { ACTION_INPUTS, actionInputs, COMMAND_SPECS } from '../specs.js';
import { booleanInput, unusedInputs } from './inputs.js';
import { runValidateAction } from '../validate/action.js';
import { runBakeAction } from '../image/action.js';
import { runPromoteAction, runPublishAction } from '../promote/action.js';
import { runNotifyAction } from '../notify/action.js';
import { summarySize, writeFailureSummary } from './summary.js';

const actions: Record<string, () => Promise<void>> = {
  validate: runValidateAction,
  bake: runBakeAction,
  promote: runPromoteAction,
  publish: runPublishAction,
  notify: runNotifyAction,
};

export async function run(): Promise<void> {
  const command = core.getInput('command') || 'validate';
  const action = actions[command];
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
