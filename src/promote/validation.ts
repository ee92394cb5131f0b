// The only door to the loader and the validator: promote and publish import this module lazily, so a run with
// --no-validate (and no dependencies to resolve) never loads them.
import { validateRepo } from '../validate/validate.js';
import { loadModels } from '../models/load.js';
import type { Finding } from '../models/finding.js';
import type { ModelsIndex } from '../models/types.js';

export async function findingsOf(
  modelsRoot: string,
  configFile?: string,
  allowEmpty = false,
): Promise<Finding[]> {
  const report = await validateRepo(modelsRoot, { configFile, allowEmpty });
  return report.findings;
}

export async function indexOf(modelsRoot: string): Promise<ModelsIndex> {
  return loadModels(modelsRoot);
}
