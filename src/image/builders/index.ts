// The builders bake can hand its plan to, by the name --builder (action input builder) takes; `auto` is not a
// builder but a choice: the engine when one answers, the registry builder otherwise.
import { UsageError } from '../../util/errors.js';
import type { Builder } from './types.js';

/** Loaded on demand: a builder's dependencies cost nothing when another one is used. */
export const BUILDERS: Record<string, () => Promise<Builder>> = {
  engine: async () => (await import('./engine.js')).engineBuilder,
  registry: async () => (await import('./registry.js')).registryBuilder,
};

export const AUTO_BUILDER = 'auto';
export const BUILDER_NAMES = [...Object.keys(BUILDERS), AUTO_BUILDER];
export const DEFAULT_BUILDER = 'engine';

export function checkBuilder(name: string, what: string): string {
  const trimmed = name.trim() || DEFAULT_BUILDER;
  if (trimmed !== AUTO_BUILDER && !Object.hasOwn(BUILDERS, trimmed)) {
    throw new UsageError(`${what} must be one of ${BUILDER_NAMES.join(', ')}; got '${name}'.`);
  }
  return trimmed;
}

export async function loadBuilder(name: string): Promise<Builder> {
  const checked = checkBuilder(name, 'builder');
  if (checked === AUTO_BUILDER) throw new Error('resolve auto before loading a builder');
  return BUILDERS[checked]();
}
