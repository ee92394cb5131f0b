// Bake's declared options (src/image/options.ts) as the BakeOptions they mean, read the same way by the CLI and
// the action: only where the values come from (flags or inputs) and how messages name them differ.
import type { Values } from '../util/options.js';
import type { BakeOptions } from './bake.js';
import { parseGitHistory } from './context.js';
import { bakeSpec, parseLabels } from './options.js';

type SharedOptions = Pick<
  BakeOptions,
  | 'baseImage'
  | 'image'
  | 'tags'
  | 'labels'
  | 'push'
  | 'gitHistory'
  | 'verify'
  | 'dryRun'
  | 'outputDir'
  | 'template'
  | 'imageModelsDir'
  | 'validate'
  | 'allowEmpty'
  | 'configFile'
  | 'includeUntracked'
  | 'platforms'
  | 'insecureRegistries'
>;

/**
 * `resolve` makes a path option absolute (against the working directory or the workspace); `names` says how
 * messages name the options whose values are parsed here (`--label` or `input 'labels'`).
 */
export function bakeOptionsOf(
  values: Values<typeof bakeSpec>,
  resolve: (p: string) => string,
  names: { labels: string; gitHistory: string },
): SharedOptions {
  return {
    baseImage: values.baseImage ?? '',
    // An empty input reads as undefined (readInputs); an empty --image stays a usage error.
    image: values.image ?? null,
    tags: values.tags,
    labels: parseLabels(values.labels, names.labels),
    push: values.push,
    gitHistory: parseGitHistory(values.gitHistory, names.gitHistory),
    verify: values.verify,
    dryRun: values.dryRun,
    outputDir: values.outputDir ? resolve(values.outputDir) : null,
    template: values.template ? resolve(values.template) : null,
    imageModelsDir: values.imageModelsDir,
    validate: values.validate,
    allowEmpty: values.allowEmpty,
    configFile: values.config ? resolve(values.config) : undefined,
    includeUntracked: values.includeUntracked,
    platforms: values.platforms,
    insecureRegistries: values.insecureRegistries,
  };
}
