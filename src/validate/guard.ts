// A check that throws must not abort the run (bpmnlint does the same): its error becomes one `rule-error`
// finding naming the check and the file it was reading, and the other rules go on.
import type { ModelsIndex } from '../models/types.js';
import { errorMessage } from '../util/errors.js';
import type { Finding } from '../models/finding.js';

export const RULE_ERROR = 'rule-error';

/**
 * Runs `check`; when it throws, returns the rule-error finding. The file is found by running the check once
 * more on a view of the index that notes each file the check takes out of it: the last one is where it
 * failed. Costs nothing unless a check fails (checks are pure, so the second run fails the same way).
 */
export function guarded(
  name: string,
  index: ModelsIndex,
  check: (index: ModelsIndex) => void,
): Finding | undefined {
  try {
    check(index);
    return undefined;
  } catch (err) {
    return failureOf(name, index, err, check);
  }
}

/**
 * The rule-error finding for `check`, which threw `err` on `index`: the file is found by running it once more
 * on a view of the index that notes each file the check takes out of it (for callers that ran it themselves).
 */
export function failureOf(
  name: string,
  index: ModelsIndex,
  err: unknown,
  check: (index: ModelsIndex) => void,
): Finding {
  let file: string | undefined;
  const view = trackingView(index, (f) => (file = f));
  try {
    check(view);
  } catch {
    // the same failure: `file` now names where it happened
  }
  const repoFile = file === undefined ? undefined : index.filesByPath.get(file);
  return ruleError(name, err, repoFile?.path ?? '.', repoFile?.modelId ?? null);
}

/** The rule-error finding for a check `name` that threw `err` while reading `file`. */
export function ruleError(name: string, err: unknown, file: string, modelId: string | null): Finding {
  return {
    ruleId: RULE_ERROR,
    severity: 'error',
    message:
      `rule '${name}' failed: ${errorMessage(err)}. Its findings are incomplete; the other rules ran. ` +
      'This is a bug in spiff-models: please report it with this file.',
    file,
    line: 1,
    column: 1,
    modelId,
  };
}

/** The file a value of the index belongs to (documents, models, groups, definitions, files). */
function fileOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) return value.length ? fileOf(value[0]) : undefined;
  const v = value as { file?: { path?: unknown }; json?: { file?: { path?: unknown } }; path?: unknown };
  const p = v.file?.path ?? v.json?.file?.path ?? v.path;
  return typeof p === 'string' ? p : undefined;
}

function trackingView(index: ModelsIndex, note: (file: string) => void): ModelsIndex {
  const seen = (v: unknown) => {
    const f = fileOf(v);
    if (f !== undefined) note(f);
    return v;
  };
  const map = <K, V>(m: Map<K, V>): Map<K, V> =>
    new Proxy(m, {
      get(target, prop) {
        switch (prop) {
          case 'get':
            return (k: K) => seen(target.get(k));
          case 'values':
            return function* () {
              for (const v of target.values()) yield seen(v) as V;
            };
          case 'entries':
          case Symbol.iterator:
            return function* () {
              for (const [k, v] of target) yield [k, seen(v)] as [K, V];
            };
          case 'forEach':
            return (fn: (v: V, k: K, m: Map<K, V>) => void) =>
              target.forEach((v, k) => fn(seen(v) as V, k, target));
          case 'size':
            return target.size;
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  const list = <T>(a: T[]): T[] =>
    new Proxy(a, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (typeof prop === 'string' && /^\d+$/.test(prop)) seen(value);
        if (prop === Symbol.iterator)
          return function* () {
            for (const v of target) yield seen(v) as T;
          };
        return value;
      },
    });
  const view = { ...index };
  for (const [key, value] of Object.entries(index) as [keyof ModelsIndex, unknown][]) {
    if (value instanceof Map) (view as Record<string, unknown>)[key] = map(value);
    else if (Array.isArray(value)) (view as Record<string, unknown>)[key] = list(value);
  }
  return view;
}
