// The options and outputs of `bake`, declared once for the CLI and the action (see src/util/options.ts).
import { UsageError } from '../util/errors.js';
import { PATH_OPTION, type CommandSpec } from '../util/options.js';
import { ALLOW_EMPTY_OPTION, CONFIG_OPTION } from '../validate/options.js';
import { DEFAULT_IMAGE_MODELS_DIR, EXAMPLE_BASE_IMAGE } from './bake.js';
import { BUILDER_NAMES, DEFAULT_BUILDER } from './builders/index.js';

export const REGISTRY_PASSWORD_ENV = 'SPIFF_MODELS_REGISTRY_PASSWORD';

export const bakeSpec = {
  name: 'bake',
  summary:
    'build a spiffworkflow-backend image with the models baked in (Docker Engine API, or straight in the registry)',
  synopsis: 'spiff-models bake [DIR] [options]',
  intro:
    'Build a spiffworkflow-backend image with the models in DIR (default .) baked in: through the Docker Engine\n' +
    '(one platform), or straight in the registry (every platform of the base, no engine).',
  options: {
    path: PATH_OPTION,
    baseImage: {
      type: 'string',
      input: 'base-image',
      arg: 'REF',
      doc: `the spiffworkflow-backend image to build on, required (no default): a version tag or digest, e.g. ${EXAMPLE_BASE_IMAGE} (a moving tag gets a warning)`,
    },
    image: {
      type: 'string',
      arg: 'NAME',
      doc: 'the repository to tag and push, e.g. ghcr.io/org/process-models (lower-cased; default: the models folder name, local only)',
    },
    tags: {
      type: 'list',
      flag: 'tag',
      input: 'tags',
      arg: 'TAG',
      doc: 'extra tags (sha-<7>, the branch, X.Y.Z/X.Y/X from a vX.Y.Z tag, pr-<n> and latest on the default branch come by themselves)',
      inputDoc:
        'extra tags, one per line or comma-separated (sha-<7>, the branch, X.Y.Z/X.Y/X from a vX.Y.Z tag, pr-<n> and latest on the default branch come by themselves)',
    },
    labels: {
      type: 'list',
      flag: 'label',
      input: 'labels',
      arg: 'KEY=VALUE',
      lines: true,
      doc: 'extra image labels, KEY=VALUE one per line (the io.spiff-models. prefix is reserved)',
      flagDoc: 'extra image label (the io.spiff-models. prefix is reserved)',
    },
    push: {
      type: 'boolean',
      default: false,
      doc: 'push every tag; credentials from registry-username/registry-password, else what docker/login-action stored',
      flagDoc: `push every tag (credentials: ~/.docker/config.json, or --registry-username with the password in $${REGISTRY_PASSWORD_ENV})`,
    },
    registryUsername: {
      type: 'string',
      input: 'registry-username',
      arg: 'USER',
      doc: 'registry user for push (and for pulling the base image from the same registry)',
    },
    registryPassword: {
      type: 'string',
      flag: null,
      input: 'registry-password',
      doc: 'registry password or token (masked in the log; pass it from secrets)',
    },
    gitHistory: {
      type: 'string',
      input: 'git-history',
      arg: 'MODE',
      default: 'full',
      doc: 'how the image records the commit: full (the history, so forms of instances started on older revisions load; needs fetch-depth: 0), minimal (a tiny .git for rev-parse only) or none',
    },
    verify: {
      type: 'boolean',
      default: false,
      doc: 'run the built image once (no network, as an unprivileged user) to check the models dir, its env var and the recorded revision; builder registry without an engine: read back and check the pushed configs and layers',
    },
    template: {
      type: 'string',
      arg: 'FILE',
      doc: 'your own Dockerfile template, relative to the workspace (placeholders: see the README); default: templates/Dockerfile.bake',
    },
    imageModelsDir: {
      type: 'string',
      input: 'image-models-dir',
      arg: 'PATH',
      default: DEFAULT_IMAGE_MODELS_DIR,
      doc: 'where the repository lands in the image; the models dir is this path, or this path/<sub-folder> when the models are a sub-folder of the repo',
    },
    includeUntracked: {
      type: 'boolean',
      input: 'include-untracked',
      default: false,
      doc: 'also bake untracked files that no ignore rule matches (listed in a warning); default: only the committed tree of the models root. Ignored files are never baked',
    },
    builder: {
      type: 'string',
      arg: 'NAME',
      default: DEFAULT_BUILDER,
      doc: `who builds from the plan: engine (a Docker Engine builds its native platform), registry (no engine: the models layer is appended to every platform of the base image straight in the registry; needs image, pushes with push) or auto (engine when one answers, registry otherwise)`,
      flagDoc: `who builds from the plan: ${BUILDER_NAMES.join(' | ')}. engine: a Docker Engine builds its native platform; registry: no engine, the models layer is appended to every platform of the base in the registry (needs --image); auto: engine when one answers, registry otherwise`,
    },
    platforms: {
      type: 'list',
      flag: 'platform',
      arg: 'OS/ARCH',
      doc: 'with builder registry, the platforms of the base image to build, e.g. linux/amd64 (default: all of them; attestation entries are never platforms)',
      inputDoc:
        'with builder registry, the platforms of the base image to build, one per line or comma-separated, e.g. linux/amd64 (default: all of them; attestation entries are never platforms)',
      flagDoc: 'registry builder: only this platform of the base, or a comma-separated list (default: all)',
    },
    insecureRegistries: {
      type: 'list',
      flag: 'insecure-registry',
      input: 'insecure-registries',
      arg: 'HOST',
      doc: 'with builder registry, the registries to speak plain HTTP to, one per line or comma-separated (127.0.0.0/8 and ::1 always are)',
      flagDoc: 'speak plain HTTP to registry HOST (127.0.0.0/8 and ::1 always are)',
    },
    dryRun: {
      type: 'boolean',
      input: 'dry-run',
      default: false,
      doc: 'print the plan (files, tags, labels, env, layer) and write the rendered Dockerfile and the context listing to output-dir, no engine needed',
    },
    outputDir: {
      type: 'string',
      input: 'output-dir',
      arg: 'DIR',
      doc: 'with dry-run, the folder (relative to the workspace) that gets the Dockerfile, context.txt, bake.json and plan.json',
    },
    ref: {
      type: 'string',
      input: null,
      arg: 'REF',
      doc: "git ref the tags derive from (default: $GITHUB_REF, else the checkout's branch/tag)",
    },
    defaultBranch: {
      type: 'string',
      flag: 'default-branch',
      input: null,
      arg: 'NAME',
      doc: "branch whose builds are also tagged latest (default: origin's HEAD)",
    },
    config: CONFIG_OPTION,
    allowEmpty: ALLOW_EMPTY_OPTION,
    validate: {
      type: 'boolean',
      default: true,
      doc: 'validate first and refuse to bake a repository with errors',
      flagDoc: 'bake even when validation finds errors',
    },
    cache: {
      type: 'boolean',
      input: null,
      default: true,
      doc: 'reuse an image with the same input',
      flagDoc: 'build even when an image with the same input already exists',
    },
    json: { type: 'boolean', input: null, default: false, doc: 'print the outputs as JSON on stdout' },
  },
  outputs: {
    image: { doc: 'the repository the image was tagged into (the image input, lower-cased)' },
    'image-id': {
      doc: 'the image id (sha256:...); builder registry: the config digest of the first platform',
    },
    digest: {
      doc: 'the manifest digest the registry reported (empty without push); builder registry: the index digest over every platform (computed, also without push)',
    },
    tags: { doc: 'the full references tagged (and pushed), one per line' },
    revision: {
      doc: 'what git rev-parse --short HEAD prints in the image, i.e. the revision new instances record (empty with git-history none)',
    },
    labels: { doc: 'the image labels, KEY=VALUE one per line' },
    'context-bytes': {
      doc: "size of the build context sent to the engine (0 when skipped); builder registry: size of the gzip'ed models layer",
    },
    skipped: {
      doc: 'true when an image with the same input (models, git data, Dockerfile, base image id) existed: re-tagged (and pushed) without a build; builder registry: every tag already pointed at the same index, nothing was pushed',
    },
    builder: { doc: 'the builder that ran, engine or registry (what auto chose)' },
    platforms: {
      doc: 'the platforms built by the registry builder, one per line (empty for the engine builder)',
    },
  },
  epilogue:
    'Exit codes: 0 baked, 1 validation/build/verify/push failed (registry builder: the registry refused the\n' +
    'credentials or kept failing; no tag points at a partial image), 2 usage or setup problem (no engine, base image\n' +
    'missing, a media type or template the registry builder cannot apply).',
} as const satisfies CommandSpec;

/** KEY=VALUE labels, one way for the CLI and the action: the key and the value trimmed. */
export function parseLabels(values: string[], what: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UsageError(`${what}: '${v}' must be KEY=VALUE.`);
    labels[v.slice(0, eq).trim()] = v.slice(eq + 1).trim();
  }
  return labels;
}
