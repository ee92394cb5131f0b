// PLACEHOLDER (replaced by the promote/publish implementation).
import type { CliCommand } from '../cli/io.js';
import { SetupError } from '../util/errors.js';

export const promoteCli: CliCommand = {
  name: 'promote',
  summary: '(in progress)',
  usage: 'spiff-models promote\n',
  async run() {
    throw new SetupError('promote is not implemented yet');
  },
};
export const publishCli: CliCommand = {
  name: 'publish',
  summary: '(in progress)',
  usage: 'spiff-models publish\n',
  async run() {
    throw new SetupError('publish is not implemented yet');
  },
};
