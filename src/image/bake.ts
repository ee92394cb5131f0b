// bake: validate -> read git -> plan the context -> render the Dockerfile -> build (or skip) -> verify -> tag
// -> push. Returns the outputs the CLI prints and the action sets; knows nothing of either.
import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SetupError, UsageError } from '../util/errors.js';
import { resolveAuth, type Credentials } from './auth.js';
import {
  contextListing,
  measureContext,
  packContext,
  planContext,
  type ContextPlan,
  type GitHistory,
} from './context.js';
import {
  buildImage,
  checkAuth,
  connectEngine,
  findImagesByLabel,
  inspectImage,
  pullImage,
  pushImage,
  removeImage,
  tagImage,
  type Engine,
} from './engine.js';
import { readGitInfo, type GitInfo } from './git.js';
import { parseImageName, parseReference, printable } from './reference.js';
import { planTags } from './tags.js';
import { checkImagePath, checkKey, loadTemplate, renderTemplate } from './template.js';
import { validateBeforeBake } from './validation.js';
import { MODELS_DIR_ENV, SUBDIR_ENV, verifyImage } from './verify.js';

export const DEFAULT_BASE_IMAGE = 'ghcr.io/sartography/spiffworkflow-backend:latest';
export const DEFAULT_IMAGE_MODELS_DIR = '/app/process_models';

/** Our own labels. The input digest covers everything but itself: the Dockerfile is digested without it. */
export const LABEL_PREFIX = 'io.spiff-models.';
export const LABELS = {
  revision: `${LABEL_PREFIX}revision`,
  contentDigest: `${LABEL_PREFIX}content-digest`,
  inputDigest: `${LABEL_PREFIX}input-digest`,
  modelsDir: `${LABEL_PREFIX}models-dir`,
  gitHistory: `${LABEL_PREFIX}git-history`,
} as const;

export interface BakeLog {
  info(message: string): void;
  warning(message: string): void;
  /** Build and push output: a collapsible group in Actions. */
  group<T>(title: string, fn: (line: (text: string) => void) => Promise<T>): Promise<T>;
}

export interface BakeOptions {
  /** The models root. */
  dir: string;
  baseImage: string;
  /** Repository to tag into (and push to); null: a local name from the folder. */
  image: string | null;
  tags: string[];
  labels: Record<string, string>;
  push: boolean;
  gitHistory: GitHistory;
  verify: boolean;
  dryRun: boolean;
  /** Dry-run: where to write the Dockerfile, the context listing and bake.json. */
  outputDir: string | null;
  template: string | null;
  imageModelsDir: string;
  validate: boolean;
  configFile?: string;
  /** Explicit registry credentials (else ~/.docker/config.json). */
  credentials: Credentials | null;
  /** The git ref being built, e.g. GITHUB_REF; default: read from the checkout. */
  ref?: string | null;
  defaultBranch?: string | null;
  /** org.opencontainers.image.source; default: the origin remote. */
  sourceUrl?: string | null;
  /** Build even when an image with the same input exists. */
  noCache?: boolean;
  env: NodeJS.ProcessEnv;
  log: BakeLog;
}

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
}

const OCI = 'org.opencontainers.image.';

function isPinned(ref: string): boolean {
  const parsed = parseReference(ref, 'base image');
  return Boolean(parsed.digest) || Boolean(parsed.tag && !/(^|-)latest$/.test(parsed.tag));
}

function localImageName(dir: string): string {
  const name = path
    .basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|[._-]+$/g, '')
    .replace(/[._-]{2,}/g, '-');
  return name || 'process-models';
}

/** created: SOURCE_DATE_EPOCH, else the commit time; omitted otherwise so identical input stays identical. */
function createdTime(env: NodeJS.ProcessEnv, git: GitInfo | null): number | null {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return Number(epoch);
  return git ? git.commitTime : null;
}

export function buildLabels(args: {
  git: GitInfo | null;
  plan: ContextPlan;
  created: number | null;
  version: string;
  image: string;
  baseImage: string;
  sourceUrl: string | null;
  extra: Record<string, string>;
}): Record<string, string> {
  const { git, plan } = args;
  const title = args.image.split('/').pop() ?? args.image;
  const labels: Record<string, string> = {
    [`${OCI}title`]: title,
    [`${OCI}description`]:
      `spiffworkflow-backend with the process models of ${args.sourceUrl ?? title} baked in` +
      (git ? ` at ${git.shortSha}` : ''),
    [`${OCI}version`]: args.version,
    [`${OCI}base.name`]: args.baseImage,
    [LABELS.contentDigest]: plan.contentDigest,
    [LABELS.modelsDir]: plan.modelsDir,
    [LABELS.gitHistory]: plan.gitHistory,
  };
  if (args.sourceUrl) labels[`${OCI}source`] = args.sourceUrl;
  if (args.created !== null) labels[`${OCI}created`] = new Date(args.created * 1000).toISOString();
  if (git) {
    labels[`${OCI}revision`] = git.sha;
    if (plan.gitHistory !== 'none') labels[LABELS.revision] = git.shortSha;
  }
  for (const [key, value] of Object.entries(args.extra)) {
    checkKey(key, 'label');
    if (key.startsWith(LABEL_PREFIX)) {
      throw new UsageError(
        `label '${key}' uses the prefix ${LABEL_PREFIX}, which bake sets itself; rename it.`,
      );
    }
    labels[key] = value;
  }
  return labels;
}

/**
 * The backend's env. safe.directory goes through GIT_CONFIG_COUNT/KEY/VALUE (no RUN, so no shell needed in the
 * base image), appended after any GIT_CONFIG_* entries the base image already sets.
 */
export function buildEnv(plan: ContextPlan, baseEnv: string[]): Array<[string, string]> {
  const env: Array<[string, string]> = [[MODELS_DIR_ENV, plan.modelsDir]];
  if (plan.subdir) env.push([SUBDIR_ENV, plan.subdir]);
  if (plan.gitHistory !== 'none') {
    const count = baseEnv.find((e) => e.startsWith('GIT_CONFIG_COUNT='))?.slice('GIT_CONFIG_COUNT='.length);
    const n = count && /^\d+$/.test(count) ? Number(count) : 0;
    env.push(
      [`GIT_CONFIG_KEY_${n}`, 'safe.directory'],
      [`GIT_CONFIG_VALUE_${n}`, '*'],
      ['GIT_CONFIG_COUNT', `${n + 1}`],
    );
  }
  return env;
}

export function inputDigest(contentDigest: string, dockerfile: string, baseImageId: string): string {
  const hash = createHash('sha256')
    .update(`spiff-models bake 1\n${contentDigest}\n`)
    .update(createHash('sha256').update(dockerfile).digest('hex'))
    .update(`\n${baseImageId}\n`);
  return `sha256:${hash.digest('hex')}`;
}

export async function bake(options: BakeOptions): Promise<BakeResult> {
  const { log, env } = options;
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    log.warning(message);
  };
  const dir = path.resolve(options.dir);
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    throw new SetupError(
      `the models root ${dir} is not a directory; pass the folder holding the process groups.`,
    );
  }

  // Inputs first: a typo fails before any slow work.
  parseReference(options.baseImage, 'base-image');
  if (options.push && !options.image) {
    throw new UsageError(
      '--push needs --image naming the registry repository (e.g. ghcr.io/org/process-models).',
    );
  }
  if (options.push && options.dryRun) throw new UsageError('--push and --dry-run exclude each other.');
  const image = parseImageName(
    options.image ?? localImageName(dir),
    options.image ? 'image' : 'image name',
  ).repository;
  const imagePath = checkImagePath(options.imageModelsDir, 'image models dir');
  const template = await loadTemplate(options.template);
  // A bad template or label fails now, not after validating and reading the whole tree.
  renderTemplate(template, {
    baseImage: options.baseImage,
    labels: options.labels,
    env: [],
    modelsDir: imagePath,
    revision: '',
    shortRevision: '',
  });
  if (!isPinned(options.baseImage)) {
    warn(
      `base image ${options.baseImage} is not pinned: a rebuild may pick up another backend release. ` +
        `Pin a version tag or a digest (e.g. ghcr.io/sartography/spiffworkflow-backend:v1.0.0).`,
    );
  }

  if (options.validate) {
    const summary = await validateBeforeBake(dir, options.configFile, warn);
    log.info(`validated ${summary.models} model(s): no errors`);
  }

  const git = await readGitInfo(dir).catch((err: unknown) => {
    if (err instanceof SetupError) throw err;
    return null;
  });
  const plan = await planContext({ modelsRoot: dir, gitHistory: options.gitHistory, imagePath, git });
  plan.warnings.forEach(warn);
  if (options.gitHistory === 'none') {
    warn(
      `git-history none: new instances record no revision, and the backend's boot script runs ` +
        `'git init' in ${plan.modelsDir} (which fails on a read-only filesystem).`,
    );
  }

  const tagPlan = planTags({
    image,
    sha: git?.sha ?? null,
    ref: options.ref ?? git?.ref ?? null,
    defaultBranch: options.defaultBranch ?? git?.defaultBranch ?? null,
    extraTags: options.tags,
  });
  const created = createdTime(env, git);
  const labels = buildLabels({
    git,
    plan,
    created,
    version: tagPlan.version,
    image,
    baseImage: options.baseImage,
    sourceUrl: options.sourceUrl ?? git?.originUrl ?? null,
    extra: options.labels,
  });
  const mtime = Number(
    env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH) ? env.SOURCE_DATE_EPOCH : 0,
  );
  const revision = plan.gitHistory !== 'none' && git ? git.shortSha : '';
  const render = (baseEnv: string[], extraLabels: Record<string, string> = {}) =>
    renderTemplate(template, {
      baseImage: options.baseImage,
      labels: { ...labels, ...extraLabels },
      env: buildEnv(plan, baseEnv),
      modelsDir: plan.modelsDir,
      revision: git?.sha ?? '',
      shortRevision: revision,
    });
  const result: BakeResult = {
    imageId: '',
    digest: '',
    tags: tagPlan.references,
    revision,
    commit: git?.sha ?? '',
    labels,
    contextBytes: 0,
    skipped: false,
    pushed: false,
    dryRun: options.dryRun,
    image,
    baseImage: options.baseImage,
    modelsDir: plan.modelsDir,
    gitHistory: plan.gitHistory,
    contentDigest: plan.contentDigest,
    inputDigest: '',
    verified: [],
    warnings,
    outputDir: null,
  };
  log.info(
    `models ${printable(dir)} -> ${plan.modelsDir} (git-history ${plan.gitHistory}` +
      `${revision ? `, revision ${revision}` : ''}; ${plan.modelFiles} model files, ${plan.gitFiles} git files)`,
  );

  if (options.dryRun) {
    const dockerfile = render([]);
    result.contextBytes = await measureContext(plan, dockerfile, mtime);
    if (options.outputDir) {
      const out = path.resolve(options.outputDir);
      await mkdir(out, { recursive: true });
      await writeFile(path.join(out, 'Dockerfile'), dockerfile);
      await writeFile(path.join(out, 'context.txt'), contextListing(plan, dockerfile));
      result.outputDir = out;
      await writeFile(path.join(out, 'bake.json'), `${JSON.stringify(result, null, 2)}\n`);
      log.info(`dry run: wrote Dockerfile, context.txt and bake.json to ${out}`);
    } else {
      log.info(`dry run: the Dockerfile would be\n${dockerfile}`);
    }
    return result;
  }

  const engine = await connectEngine(env);
  const base = await ensureBaseImage(engine, options, log);
  const baseEnv = base.Config?.Env ?? [];
  // The digest covers the Dockerfile without its own label; the label then goes into the Dockerfile (no extra
  // build step), or through the build API when a user template has no {{labels}}.
  result.inputDigest = inputDigest(plan.contentDigest, render(baseEnv), base.Id);
  const digestLabel = { [LABELS.inputDigest]: result.inputDigest };
  const dockerfile = render(baseEnv, digestLabel);
  const labelledByTemplate = dockerfile.includes(result.inputDigest);

  const existing = options.noCache
    ? []
    : await findImagesByLabel(engine, LABELS.inputDigest, result.inputDigest);
  if (existing[0]) {
    result.imageId = existing[0];
    result.skipped = true;
    log.info(
      `unchanged input (${result.inputDigest.slice(0, 19)}): reusing image ${existing[0].slice(0, 19)}`,
    );
  } else {
    const packed = packContext(plan, dockerfile, mtime);
    result.imageId = await log.group(`Build ${image} (${tagPlan.tags.join(', ')})`, (line) =>
      buildImage(
        engine,
        { context: packed.stream, labels: labelledByTemplate ? {} : digestLabel, noCache: options.noCache },
        line,
      ),
    );
    result.contextBytes = packed.bytes();
    log.info(`built ${result.imageId.slice(0, 19)} from a ${formatBytes(result.contextBytes)} context`);
  }
  result.labels = { ...labels, [LABELS.inputDigest]: result.inputDigest };

  if (options.verify) {
    try {
      const verified = await verifyImage(engine, result.imageId, {
        modelsDir: plan.modelsDir,
        gitHistory: plan.gitHistory,
        shortRevision: revision,
      });
      result.verified = verified.checks;
      log.info(`verified: ${verified.checks.join('; ')}`);
    } catch (err) {
      // A broken image must not be reused as "unchanged" by the next run.
      if (!result.skipped) await removeImage(engine, result.imageId);
      throw err;
    }
  }

  for (const reference of result.tags) await tagImage(engine, result.imageId, reference);
  log.info(`tagged ${result.tags.join(', ')}`);

  if (options.push) {
    const registry = parseReference(image, 'image').registry;
    const auth = await resolveAuth(registry, options.credentials, env);
    if (auth) await checkAuth(engine, auth, registry);
    const digests = await log.group(`Push ${image}`, async (line) => {
      const out: string[] = [];
      for (const reference of result.tags) out.push(await pushImage(engine, reference, auth, line));
      return out;
    });
    result.digest = digests[0] ?? '';
    result.pushed = true;
    log.info(`pushed ${result.tags.join(', ')} (${result.digest})`);
  }
  return result;
}

async function ensureBaseImage(engine: Engine, options: BakeOptions, log: BakeLog) {
  const found = await inspectImage(engine, options.baseImage);
  if (found) return found;
  const registry = parseReference(options.baseImage, 'base image').registry;
  // The credentials given for pushing only apply when the base image lives on the same registry.
  const pushRegistry = options.image ? parseReference(options.image.toLowerCase(), 'image').registry : null;
  const auth = await resolveAuth(
    registry,
    registry === pushRegistry ? options.credentials : null,
    options.env,
  );
  await log.group(`Pull ${options.baseImage}`, (line) => pullImage(engine, options.baseImage, auth, line));
  const pulled = await inspectImage(engine, options.baseImage);
  if (!pulled)
    throw new SetupError(`pulled ${printable(options.baseImage)} but the engine does not list it.`);
  return pulled;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
