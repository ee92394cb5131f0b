// The bake plan: everything an image will hold, computed once from the loaded index and the git facts as plain data
// (validation verdict, commit, files, tags, labels, env, models layer). Builders (engine, registry) only act on it.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadModels } from '../models/load.js';
import { MODEL_FILE, noModelsError } from '../models/empty.js';
import { addFromDisk, readGitTree, treeReader, walkDisk, type SourceTree } from '../models/tree.js';
import { SetupError, UsageError } from '../util/errors.js';
import type { Credentials } from './auth.js';
import {
  contextListing,
  planContext,
  type ContextEntry,
  type ContextPlan,
  type GitHistory,
} from './context.js';
import { readGitInfo, type GitInfo } from './git.js';
import { parseImageName, parseReference, printable } from './reference.js';
import { planTags, type TagPlan } from './tags.js';
import { checkKey, checkModelsDir, loadTemplate, renderTemplate, type Template } from './template.js';
import { validateBeforeBake } from './validation.js';
import { MODELS_DIR_ENV, SUBDIR_ENV } from './verify.js';

/**
 * What messages suggest; there is no default. A moving tag makes builds unreproducible, and Sartography deletes
 * older release tags, so any default pinned here would break once it ages: the base image is the user's choice.
 */
export const EXAMPLE_BASE_IMAGE = 'ghcr.io/sartography/spiffworkflow-backend:v2.2.0';
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

const OCI = 'org.opencontainers.image.';

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
  /** Bake a models root without process models (else a SetupError, with or without validation). */
  allowEmpty?: boolean;
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
  /** Also bake untracked files that no ignore rule matches (default: the committed tree only). */
  includeUntracked?: boolean;
  /** Which builder acts on the plan: engine (default), registry, or auto (engine when one answers). */
  builder?: string;
  /** registry builder: only these platforms of the base (`linux/amd64`); empty: all. */
  platforms?: string[];
  /** Registries spoken to over plain HTTP besides 127.0.0.0/8 and ::1. */
  insecureRegistries?: string[];
  /** registry builder: client knobs for tests (retry delays, upload chunk size). */
  registryClient?: { retry?: { attempts: number; delayMs: number }; chunkSize?: number };
  env: NodeJS.ProcessEnv;
  log: BakeLog;
}

/** Git facts the image records. */
export interface PlanGit {
  /** Full commit sha (org.opencontainers.image.revision, .git/HEAD). */
  commit: string;
  /** What `git rev-parse --short HEAD` prints in the source repo and, through core.abbrev, in the image. */
  shortRevision: string;
  /** core.abbrev written into the image's git config. */
  abbrev: number;
  ref: string | null;
  /** The models root within the repository ('' at the top level). */
  subdir: string;
  objectFormat: string;
  shallow: boolean;
  dirty: boolean;
  /** Committer time of HEAD, seconds since the epoch. */
  commitTime: number;
  originUrl: string | null;
}

/** The one layer a bake adds on top of the base: the same for every builder. */
export interface LayerSpec extends ContextPlan {
  /** Where the repository (or, without git data, the models) lands: --image-models-dir. */
  imagePath: string;
  /** Time of every tar entry (SOURCE_DATE_EPOCH, else 0). */
  mtime: number;
  /** Owner of every entry: root, so the backend reads and nobody else writes. */
  uid: 0;
  gid: 0;
}

export interface BakePlan {
  /** The models root (absolute). */
  dir: string;
  /** Repository the tags belong to (lower case). */
  image: string;
  /** Registry of the repository given with --image (null: a local name, never pushed). */
  registry: string | null;
  baseImage: string;
  /** Null when validation was skipped (--no-validate). */
  validation: { models: number; warnings: number } | null;
  git: PlanGit | null;
  tags: TagPlan;
  /** Every label of the image except the input digest, which the builder adds once it knows the base. */
  labels: Record<string, string>;
  /** ENV on a base without GIT_CONFIG_* entries; envFor(plan, baseEnv) gives it for any base. */
  env: Array<[string, string]>;
  /** WORKDIR the template sets, or null: the base image's stays. */
  workingDir: string | null;
  /** What `git rev-parse --short HEAD` prints in the image ('' without git data). */
  revision: string;
  /** created label, seconds; null when neither SOURCE_DATE_EPOCH nor a commit gives one. */
  created: number | null;
  layer: LayerSpec;
  template: Template;
  warnings: string[];
}

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

/** The env this bake adds on a base image whose config env is `baseEnv`. */
export function envFor(plan: BakePlan, baseEnv: string[]): Array<[string, string]> {
  return buildEnv(plan.layer, baseEnv);
}

/** The Dockerfile for a base image whose env is `baseEnv`, with `extraLabels` (the input digest) added. */
export function renderDockerfile(
  plan: BakePlan,
  baseEnv: string[],
  extraLabels: Record<string, string> = {},
): string {
  return renderTemplate(plan.template, {
    baseImage: plan.baseImage,
    labels: { ...plan.labels, ...extraLabels },
    env: envFor(plan, baseEnv),
    modelsDir: plan.layer.modelsDir,
    revision: plan.git?.commit ?? '',
    shortRevision: plan.revision,
  });
}

/** The last WORKDIR of a rendered Dockerfile (only absolute, plain ones: a variable cannot be planned). */
function workingDirOf(dockerfile: string): string | null {
  let dir: string | null = null;
  for (const m of dockerfile.matchAll(/^\s*WORKDIR\s+(\S+)\s*$/gim)) dir = m[1];
  return dir && dir.startsWith('/') && !dir.includes('$') ? dir : null;
}

/**
 * The files to bake: HEAD's tree of the models root in a git checkout (plus, with --include-untracked, the
 * untracked files no ignore rule matches), the folder as it lies outside git.
 */
function listModels(
  dir: string,
  git: GitInfo | null,
  includeUntracked: boolean,
  warn: (message: string) => void,
  log: BakeLog,
): SourceTree {
  if (!git) return walkDisk(dir);
  let tree = readGitTree(dir, git.sha);
  const shown = (paths: string[]) => paths.slice(0, 10).join(', ') + (paths.length > 10 ? ', ...' : '');
  if (git.untracked.length > 0) {
    if (includeUntracked) {
      tree = addFromDisk(tree, git.untracked);
      warn(
        `--include-untracked: baking ${git.untracked.length} untracked file(s) that no ignore rule matches: ` +
          `${shown(git.untracked)}. Commit them so the revision names what is baked.`,
      );
    } else {
      log.info(
        `left out ${git.untracked.length} untracked file(s) (${shown(git.untracked)}): bake takes the ` +
          `committed tree; --include-untracked adds untracked files that are not ignored.`,
      );
    }
  }
  if (!tree.entries.some((e) => e.type !== 'directory')) {
    throw new SetupError(
      `nothing is committed under ${dir} at HEAD (${git.shortSha}): bake bakes the committed tree. Commit the ` +
        `models, or pass --include-untracked to bake untracked files too.`,
    );
  }
  return tree;
}

/** Everything but acting: inputs checked, models validated, git read, files, tags, labels and layer decided. */
export async function planBake(options: BakeOptions): Promise<BakePlan> {
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
  if (!options.baseImage.trim()) {
    throw new UsageError(
      `--base-image is required (action input base-image): the spiffworkflow-backend release to build on, ` +
        `pinned to a version tag or a digest, e.g. ${EXAMPLE_BASE_IMAGE}.`,
    );
  }
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
  const imagePath = checkModelsDir(options.imageModelsDir, 'image models dir');
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
        `Pin a version tag or a digest (e.g. ${EXAMPLE_BASE_IMAGE}).`,
    );
  }

  const git = await readGitInfo(dir).catch((err: unknown) => {
    if (err instanceof SetupError) throw err;
    return null;
  });
  // One listing of the models root, the committed tree when there is git: the validator's index is built from
  // it and the layer is packed from it, so what was judged is what is baked.
  const tree = listModels(dir, git, options.includeUntracked ?? false, warn, log);
  let validation: BakePlan['validation'] = null;
  if (options.validate) {
    const read = treeReader(tree);
    const index = await loadModels(dir, { tree, read: (f) => read(f.path) });
    const { summary } = await validateBeforeBake(dir, options.configFile, warn, index, options.allowEmpty);
    log.info(`validated ${summary.models} model(s): no errors`);
    validation = { models: summary.models, warnings: summary.warnings };
  }

  const context = await planContext({
    modelsRoot: dir,
    gitHistory: options.gitHistory,
    imagePath,
    git,
    tree,
  });
  // Also without validation (and after the ignore file): an image without models is a wrong path.
  if (
    !options.allowEmpty &&
    !context.entries.some(
      (e) => e.name.endsWith(`/${MODEL_FILE}`) && e.name.startsWith(`${context.modelsDir.slice(1)}/`),
    )
  )
    throw noModelsError(
      `the models root ${dir}`,
      'Check the path (DIR, or the action input path) and the ignore file',
    );
  context.warnings.forEach(warn);
  if (options.gitHistory === 'none') {
    warn(
      `git-history none: new instances record no revision, and the backend's boot script runs ` +
        `'git init' in ${context.modelsDir} (which fails on a read-only filesystem).`,
    );
  }

  const tags = planTags({
    image,
    sha: git?.sha ?? null,
    ref: options.ref ?? git?.ref ?? null,
    defaultBranch: options.defaultBranch ?? git?.defaultBranch ?? null,
    extraTags: options.tags,
  });
  const created = createdTime(env, git);
  const labels = buildLabels({
    git,
    plan: context,
    created,
    version: tags.version,
    image,
    baseImage: options.baseImage,
    sourceUrl: options.sourceUrl ?? git?.originUrl ?? null,
    extra: options.labels,
  });
  const mtime = Number(
    env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH) ? env.SOURCE_DATE_EPOCH : 0,
  );
  const revision = context.gitHistory !== 'none' && git ? git.shortSha : '';
  const plan: BakePlan = {
    dir,
    image,
    registry: options.image ? parseReference(image, 'image').registry : null,
    baseImage: options.baseImage,
    validation,
    git: git
      ? {
          commit: git.sha,
          shortRevision: git.shortSha,
          abbrev: git.shortSha.length,
          ref: git.ref,
          subdir: git.subdir,
          objectFormat: git.objectFormat,
          shallow: git.shallow,
          dirty: git.dirty,
          commitTime: git.commitTime,
          originUrl: git.originUrl,
        }
      : null,
    tags,
    labels,
    env: buildEnv(context, []),
    workingDir: null,
    revision,
    created,
    layer: { ...context, imagePath, mtime, uid: 0, gid: 0 },
    template,
    warnings,
  };
  plan.workingDir = workingDirOf(renderDockerfile(plan, []));
  log.info(
    `models ${printable(dir)} -> ${context.modelsDir} (git-history ${context.gitHistory}` +
      `${revision ? `, revision ${revision}` : ''}; ${context.modelFiles} model files, ${context.gitFiles} git files)`,
  );
  return plan;
}

function entrySource(e: ContextEntry): string {
  if (e.blob) return `git:${e.blob}`;
  if (e.source) return `file:${e.source}`;
  if (e.content) return 'generated';
  return '';
}

/** The plan as JSON (what `bake --dry-run --json` prints under `plan`): no Buffers, image paths absolute. */
export function planJson(plan: BakePlan): Record<string, unknown> {
  const { layer } = plan;
  return {
    dir: plan.dir,
    image: plan.image,
    registry: plan.registry,
    baseImage: plan.baseImage,
    validation: plan.validation,
    git: plan.git,
    tags: plan.tags.references,
    labels: plan.labels,
    env: Object.fromEntries(plan.env),
    workingDir: plan.workingDir,
    revision: plan.revision,
    template: plan.template.source,
    layer: {
      imagePath: layer.imagePath,
      modelsDir: layer.modelsDir,
      repoDir: layer.repoDir,
      subdir: layer.subdir,
      gitHistory: layer.gitHistory,
      abbrev: layer.abbrev,
      contentDigest: layer.contentDigest,
      modelFiles: layer.modelFiles,
      gitFiles: layer.gitFiles,
      ignoreFile: layer.ignoreFile,
      mtime: layer.mtime,
      uid: layer.uid,
      gid: layer.gid,
      entries: layer.entries.map((e) => ({
        path: `/${e.name}`,
        type: e.type,
        mode: `0${e.mode.toString(8)}`,
        size: e.size,
        ...(e.linkname !== undefined ? { linkname: e.linkname } : {}),
        ...(entrySource(e) ? { source: entrySource(e) } : {}),
      })),
    },
    warnings: plan.warnings,
  };
}

/** The plan for people: what goes where, one fact a line (the file list is in context.txt / --json). */
export function describePlan(plan: BakePlan): string {
  const { layer } = plan;
  const lines = [
    `plan for ${plan.dir}`,
    `  validation    ${plan.validation ? `${plan.validation.models} model(s), no errors, ${plan.validation.warnings} warning(s)` : 'skipped'}`,
    `  commit        ${plan.git ? `${plan.git.commit} (revision ${plan.revision || 'not recorded'})` : 'none (not a git checkout)'}`,
    `  base image    ${plan.baseImage}`,
    `  tags          ${plan.tags.references.join(' ')}`,
    `  models        ${layer.modelsDir} (${layer.modelFiles} files; git-history ${layer.gitHistory}, ${layer.gitFiles} git files)`,
    `  layer         ${layer.entries.length} entries, owner ${layer.uid}:${layer.gid}, mtime ${layer.mtime}, ${layer.contentDigest}`,
    `  working dir   ${plan.workingDir ?? '(the base image’s)'}`,
    ...plan.env.map(([k, v], i) => `  ${i === 0 ? 'env' : ''}`.padEnd(16) + `${k}=${v}`),
    ...Object.entries(plan.labels)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v], i) => `  ${i === 0 ? 'labels' : ''}`.padEnd(16) + `${k}=${v}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Dry run: the Dockerfile, the listing and the plan written to `outputDir`. */
export async function writeDryRun(
  plan: BakePlan,
  dockerfile: string,
  outputDir: string,
  result: unknown,
): Promise<void> {
  const out = path.resolve(outputDir);
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'Dockerfile'), dockerfile);
  await writeFile(path.join(out, 'context.txt'), contextListing(plan.layer, dockerfile));
  await writeFile(path.join(out, 'bake.json'), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(path.join(out, 'plan.json'), `${JSON.stringify(planJson(plan), null, 2)}\n`);
}
