// A models root without process models is a mistake (a typo in the path, the wrong folder) unless the user
// says otherwise: the one message every command gives for it. No imports of the loader, so promote can
// check a git tree without loading it.
import { SetupError } from '../util/errors.js';

/** What a models root must hold to count as one. */
export const MODEL_FILE = 'process_model.json';

/**
 * `where`: the models root ("/abs/models", or "'models' in 'dev' (abc1234)"); `fix`: how to point at another
 * one (the option and input naming the path).
 */
export function noModelsError(where: string, fix: string): SetupError {
  return new SetupError(
    `no process models in ${where}: found no ${MODEL_FILE} in it or any sub-folder. ${fix}, or pass ` +
      `--allow-empty (action input allow-empty) if it really holds no model.`,
  );
}
