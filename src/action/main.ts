// The action shell: reads the `command` input and hands over to that command's action module.
import * as core from '@actions/core';
import { errorMessage } from '../util/errors.js';
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
