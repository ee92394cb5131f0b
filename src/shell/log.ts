// The action's log: what we print goes through the command guard, so repository text in it cannot start a
// workflow command. Annotations, groups and masks go through @actions/core, which escapes their data itself.
import * as core from '@actions/core';
import { inert } from '../util/safe-text.js';

/** core.info for text that may hold repository-controlled pieces (that is: all of it). */
export function info(text: string): void {
  // eslint-disable-next-line no-restricted-properties
  core.info(inert(text));
}
