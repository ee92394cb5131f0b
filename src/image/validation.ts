// Validation before baking: the one place bake reaches into the validate command. Loaded on demand so that
// --dry-run and --no-validate never pay for the models loader.
import type { ModelsIndex } from '../models/types.js';
import type { Finding } from '../models/finding.js';
import { BakeFailure } from './engine.js';
import { printable } from '../util/safe-text.js';

export class ValidationFailure extends BakeFailure {
  override name = 'ValidationFailure';
  constructor(
    message: string,
    readonly findings: Finding[],
  ) {
    super(message);
  }
}

export interface ValidationSummary {
  errors: number;
  warnings: number;
  models: number;
}

const SHOWN = 10;

function describe(f: Finding): string {
  return `${printable(f.file)}:${f.line}:${f.column}: ${f.severity} ${printable(f.message)} (${f.ruleId})`;
}

/**
 * Validates the models root (or the given index of it); throws a ValidationFailure listing the first errors when
 * there are any. Returns the index so that bake packs exactly the listing that was judged.
 */
export async function validateBeforeBake(
  root: string,
  configFile: string | undefined,
  warn: (message: string) => void,
  index?: ModelsIndex,
  allowEmpty = false,
): Promise<{ summary: ValidationSummary; index: ModelsIndex }> {
  const { validateRepo } = await import('../validate/validate.js');
  const report = await validateRepo(root, {
    allowEmpty,
    ...(configFile ? { configFile } : {}),
    ...(index ? { index } : {}),
  });
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const listed = errors.slice(0, SHOWN).map((f) => `  ${describe(f)}`);
    if (errors.length > SHOWN)
      listed.push(`  ... and ${errors.length - SHOWN} more (spiff-models validate lists all)`);
    throw new ValidationFailure(
      `refusing to bake: validation found ${errors.length} error${errors.length === 1 ? '' : 's'} in ${root}:\n` +
        `${listed.join('\n')}\nFix them (spiff-models validate ${root} shows all findings), or bake anyway ` +
        `with --no-validate (action input validate: false).`,
      errors,
    );
  }
  if (report.summary.warnings > 0) {
    warn(`validation found ${report.summary.warnings} warning(s); run spiff-models validate to see them.`);
  }
  return {
    summary: { errors: 0, warnings: report.summary.warnings, models: report.summary.models },
    index: report.index,
  };
}
