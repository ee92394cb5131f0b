// The builders bake can hand its plan to, by the name --builder (action input builder) takes.
import { UsageError } from '../../util/errors.js';
import type { Builder } from './types.js';

/** Loaded on demand: a builder's dependencies cost nothing when another one is used. */
export const BUILDERS: Record<string, () => Promise<Builder>> = {
  engine: async () => (await import('./engine.js')).engineBuilder,
};

export const DEFAULT_BUILDER = 'engine';

export function checkBuilder(name: string, what: string): string {
  if (!Object.hasOwn(BUILDERS, name)) {
    throw new UsageError(`${what} must be one of ${Object.keys(BUILDERS).join(', ')}; got '${name}'.`);
  }
  return name;
}

export async function loadBuilder(name: string): Promise<Builder> {
  return BUILDERS[checkBuilder(name, 'builder')]();
}
