// PLACEHOLDER (replaced by the bake implementation).
import type { CliCommand } from '../cli/io.js';
import { SetupError } from '../util/errors.js';

export const bakeCli: CliCommand = {
  name: 'bake',
  summary: '(in progress)',
  usage: 'spiff-models bake\n',
  async run() {
    throw new SetupError('bake is not implemented yet');
  },
};
