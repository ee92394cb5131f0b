// bake: plan (validate, read git, decide files, tags, labels and layer) -> dry run or a builder (engine, registry)
// acts on the plan. Returns the outputs the CLI prints and the action sets; knows nothing of either.
import path from 'node:path';
import type { GitHistory } from './context.js';
import { measureContext } from './context.js';
import { checkBuilder, DEFAULT_BUILDER, loadBuilder } from './builders/index.js';
import { planBake, renderDockerfile, writeDryRun, type BakeOptions, type BakePlan } from './plan.js';

export {
  buildEnv,
  buildLabels,
  DEFAULT_IMAGE_MODELS_DIR,
  EXAMPLE_BASE_IMAGE,
  LABEL_PREFIX,
  LABELS,
  type BakeLog,
  type BakeOptions,
  type BakePlan,
} from './plan.js';
export { formatBytes, inputDigest } from './builders/engine.js';

export interface BakeResult {
  imageId: string;
  /** Manifest digest from the registry; '' when not pushed. */
  digest: string;
  /** Full references (`repository:tag`). */
  tags: string[];
  /** What `git rev-parse --short HEAD` prints in the image: the revision new instances record. */
  revision: string;
  /** The full commit sha (org.opencontainers.image.revision). */
  commit: string;
  labels: Record<string, string>;
  /** Bytes of the build context sent to the engine (0 when skipped). */
  contextBytes: number;
  skipped: boolean;
  pushed: boolean;
  dryRun: boolean;
  image: string;
  baseImage: string;
  modelsDir: string;
  gitHistory: GitHistory;
  contentDigest: string;
  inputDigest: string;
  verified: string[];
  warnings: string[];
  outputDir: string | null;
  /** The plan the result was built from (not part of bake.json or the outputs). */
  plan?: BakePlan;
}

function planResult(plan: BakePlan, dryRun: boolean): BakeResult {
  return {
    imageId: '',
    digest: '',
    tags: plan.tags.references,
    revision: plan.revision,
    commit: plan.git?.commit ?? '',
    labels: plan.labels,
    contextBytes: 0,
    skipped: false,
    pushed: false,
    dryRun,
    image: plan.image,
    baseImage: plan.baseImage,
    modelsDir: plan.layer.modelsDir,
    gitHistory: plan.layer.gitHistory,
    contentDigest: plan.layer.contentDigest,
    inputDigest: '',
    verified: [],
    warnings: plan.warnings,
    outputDir: null,
  };
}

export async function bake(options: BakeOptions): Promise<BakeResult> {
  const { log } = options;
  const builderName = checkBuilder(options.builder ?? DEFAULT_BUILDER, '--builder');
  const plan = await planBake(options);
  const result = planResult(plan, options.dryRun);

  if (options.dryRun) {
    const dockerfile = renderDockerfile(plan, []);
    result.contextBytes = await measureContext(plan.layer, dockerfile, plan.layer.mtime);
    if (options.outputDir) {
      result.outputDir = path.resolve(options.outputDir);
      await writeDryRun(plan, dockerfile, result.outputDir, result);
      log.info(`dry run: wrote Dockerfile, context.txt and bake.json (and plan.json) to ${result.outputDir}`);
    } else {
      log.info(`dry run: the Dockerfile would be\n${dockerfile}`);
    }
    return Object.defineProperty(result, 'plan', { value: plan, enumerable: false });
  }

  const builder = await loadBuilder(builderName);
  const built = await builder.build(plan, {
    push: options.push,
    verify: options.verify,
    noCache: options.noCache ?? false,
    credentials: options.credentials,
    env: options.env,
    log,
  });
  Object.assign(result, built);
  return Object.defineProperty(result, 'plan', { value: plan, enumerable: false });
}
