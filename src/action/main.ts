// The action shell: reads the `command` input and hands over to that command's action module.
import * as core from '@actions/core';
import { errorMessage } from '../util/errors.js';
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
  if (!action) {
    core.setFailed(`Input 'command' must be one of ${Object.keys(actions).join(', ')}; got '${command}'.`);
    return;
  }
  const before = summarySize();
  try {
    await action();
  } catch (err) {
    // A command that failed after writing its summary (a refused promotion) said it there already.
    if (summarySize() === before) await writeFailureSummary(command, err);
    core.setFailed(errorMessage(err));
  }
}
