// bake: plan (validate, read git, decide files, tags, labels and layer) -> dry run or a builder (engine, registry)
// acts on the plan. Returns the outputs the CLI prints and the action sets; knows nothing of either.
import path from 'node:path';
import type { GitHistory } from './context.js';
import { measureContext } from './context.js';
import { AUTO_BUILDER, checkBuilder, DEFAULT_BUILDER, loadBuilder } from './builders/index.js';
import { connectEngine } from './engine.js';
import { planBake, renderDockerfile, writeDryRun, type BakeOptions, type BakePlan } from './plan.js';
import { checkTemplateForRegistry } from './registry/dockerfile.js';
import { parsePlatform } from './registry/image.js';
import { loadTemplate } from './template.js';
import { UsageError } from '../util/errors.js';
import { splitList } from '../util/options.js';

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
  /** The builder that acted on the plan (what auto chose); the one asked for in a dry run. */
  builder: string;
  /** Platforms built by the registry builder (`linux/amd64`); [] for the engine builder. */
  platforms: string[];
  imageId: string;
  /** Manifest digest from the registry (the registry builder: the index digest); '' when not pushed. */
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

function planResult(plan: BakePlan, dryRun: boolean, builder: string): BakeResult {
  return {
    builder,
    platforms: [],
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

/** True when a Docker Engine answers at DOCKER_HOST: auto then picks the engine builder. */
async function engineAnswers(env: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    await connectEngine(env);
    return true;
  } catch {
    return false;
  }
}

export async function bake(options: BakeOptions): Promise<BakeResult> {
  const { log } = options;
  let builderName = checkBuilder(options.builder ?? DEFAULT_BUILDER, '--builder');
  // Builder inputs fail before the models are validated and read.
  // `--platform linux/amd64,linux/arm64` as buildx spells it; the action's input is split already.
  const platforms = (options.platforms ?? [])
    .flatMap((p) => splitList(p, /,/))
    .map((p) => parsePlatform(p, '--platform'));
  if (builderName === AUTO_BUILDER && !options.dryRun) {
    builderName = !options.image || (await engineAnswers(options.env)) ? 'engine' : 'registry';
  }
  if (builderName === 'registry') {
    if (!options.image && !options.dryRun) {
      throw new UsageError(
        '--builder registry needs --image naming the registry repository to push to ' +
          '(e.g. ghcr.io/org/process-models).',
      );
    }
    checkTemplateForRegistry(await loadTemplate(options.template));
  } else if (platforms.length && builderName === 'engine') {
    throw new UsageError(
      '--platform applies to the registry builder (--builder registry, or auto without an engine); ' +
        'the engine builds its own platform.',
    );
  }
  const plan = await planBake(options);
  const result = planResult(plan, options.dryRun, builderName);

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
    platforms: platforms.length ? platforms : null,
    insecureRegistries: options.insecureRegistries ?? [],
    registryClient: options.registryClient,
  });
  Object.assign(result, built);
  return Object.defineProperty(result, 'plan', { value: plan, enumerable: false });
}
