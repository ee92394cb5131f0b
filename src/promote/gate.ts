// The validation gate: a promotion may keep errors the target already has but must not add new ones.
import { existsSync } from 'node:fs';
import type { Finding } from '../models/finding.js';
import { checkout, type WorkArea } from './workarea.js';

export interface GateOutcome {
  /** Errors of the result the target did not have: these block. */
  newErrors: Finding[];
  /** Errors the target already had and the result keeps: reported, not blocking. */
  existingErrors: Finding[];
  /** Warnings of the result, for the report. */
  warnings: number;
}

const key = (f: Finding): string => `${f.ruleId}\0${f.file}\0${f.message}`;

/**
 * Compares by (ruleId, file, message): line numbers move when a file changes elsewhere, so they are no part
 * of an error's identity. `targetFindings` is only needed when the result has errors.
 */
export function judge(resultFindings: Finding[], targetFindings: Finding[]): GateOutcome {
  const before = new Set(targetFindings.filter((f) => f.severity === 'error').map(key));
  const errors = resultFindings.filter((f) => f.severity === 'error');
  return {
    newErrors: errors.filter((f) => !before.has(key(f))),
    existingErrors: errors.filter((f) => before.has(key(f))),
    warnings: resultFindings.filter((f) => f.severity === 'warning').length,
  };
}

/**
 * Validates `result` (checked out in the work area) and, only when it has errors, `target` too; leaves
 * `result` checked out.
 */
export async function validateResult(
  a: WorkArea,
  result: string,
  target: string,
  configFile?: string,
  allowEmpty = false,
): Promise<GateOutcome> {
  const { findingsOf } = await import('./validation.js');
  await checkout(a, result);
  // The result must hold models unless allowEmpty: an empty tree must never count as "no new errors".
  const after =
    !allowEmpty || existsSync(a.modelsRoot) ? await findingsOf(a.modelsRoot, configFile, allowEmpty) : [];
  if (!after.some((f) => f.severity === 'error')) return judge(after, []);
  await checkout(a, target);
  // Whether the target may be empty the caller has judged (promote refuses it, publish fills it).
  const before = existsSync(a.modelsRoot) ? await findingsOf(a.modelsRoot, configFile, true) : [];
  await checkout(a, result);
  return judge(after, before);
}
