// PLACEHOLDER (replaced by the notify implementation).
import type { CliCommand } from '../cli/io.js';
import { SetupError } from '../util/errors.js';

export const notifyCli: CliCommand = {
  name: 'notify',
  summary: '(in progress)',
  usage: 'spiff-models notify\n',
  async run() {
    throw new SetupError('notify is not implemented yet');
  },
};
