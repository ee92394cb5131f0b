import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  checkTemplateForRegistry,
  parsePlatform
} from "./chunk-U5NRQ4NM.js";
import {
  DEFAULT_IMAGE_MODELS_DIR,
  EXAMPLE_BASE_IMAGE,
  connectEngine,
  loadTemplate,
  measureContext,
  planBake,
  renderDockerfile,
  writeDryRun
} from "./chunk-DBZL2GQ3.js";
import {
  ALLOW_EMPTY_OPTION,
  CONFIG_OPTION
} from "./chunk-Q42CMDPG.js";
import {
  PATH_OPTION,
  splitList
} from "./chunk-7T6BHRGV.js";
import {
  UsageError
} from "./chunk-YIX2ZCHG.js";

// src/image/builders/index.ts
var BUILDERS = {
  engine: async () => (await import("./engine-BM7QLTUL.js")).engineBuilder,
  registry: async () => (await import("./registry-VBNBFQ2N.js")).registryBuilder
};
var AUTO_BUILDER = "auto";
var BUILDER_NAMES = [...Object.keys(BUILDERS), AUTO_BUILDER];
var DEFAULT_BUILDER = "engine";
function checkBuilder(name, what) {
  const trimmed = name.trim() || DEFAULT_BUILDER;
  if (trimmed !== AUTO_BUILDER && !Object.hasOwn(BUILDERS, trimmed)) {
    throw new UsageError(`${what} must be one of ${BUILDER_NAMES.join(", ")}; got '${name}'.`);
  }
  return trimmed;
}
async function loadBuilder(name) {
  const checked = checkBuilder(name, "builder");
  if (checked === AUTO_BUILDER) throw new Error("resolve auto before loading a builder");
  return BUILDERS[checked]();
}

// src/image/bake.ts
import path from "node:path";
function planResult(plan, dryRun, builder) {
  return {
    builder,
    platforms: [],
    imageId: "",
    digest: "",
    tags: plan.tags.references,
    revision: plan.revision,
    commit: plan.git?.commit ?? "",
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
    inputDigest: "",
    verified: [],
    warnings: plan.warnings,
    outputDir: null
  };
}
async function engineAnswers(env) {
  try {
    await connectEngine(env);
    return true;
  } catch {
    return false;
  }
}
async function bake(options) {
  const { log } = options;
  let builderName = checkBuilder(options.builder ?? DEFAULT_BUILDER, "--builder");
  const platforms = (options.platforms ?? []).flatMap((p) => splitList(p, /,/)).map((p) => parsePlatform(p, "--platform"));
  if (builderName === AUTO_BUILDER && !options.dryRun) {
    builderName = !options.image || await engineAnswers(options.env) ? "engine" : "registry";
  }
  if (builderName === "registry") {
    if (!options.image && !options.dryRun) {
      throw new UsageError(
        "--builder registry needs --image naming the registry repository to push to (e.g. ghcr.io/org/process-models)."
      );
    }
    checkTemplateForRegistry(await loadTemplate(options.template));
  } else if (platforms.length && builderName === "engine") {
    throw new UsageError(
      "--platform applies to the registry builder (--builder registry, or auto without an engine); the engine builds its own platform."
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
      log.info(`dry run: the Dockerfile would be
${dockerfile}`);
    }
    return Object.defineProperty(result, "plan", { value: plan, enumerable: false });
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
    registryClient: options.registryClient
  });
  Object.assign(result, built);
  return Object.defineProperty(result, "plan", { value: plan, enumerable: false });
}

// src/image/options.ts
var REGISTRY_PASSWORD_ENV = "SPIFF_MODELS_REGISTRY_PASSWORD";
var bakeSpec = {
  name: "bake",
  summary: "build a spiffworkflow-backend image with the models baked in (Docker Engine API, or straight in the registry)",
  synopsis: "spiff-models bake [DIR] [options]",
  intro: "Build a spiffworkflow-backend image with the models in DIR (default .) baked in: through the Docker Engine\n(one platform), or straight in the registry (every platform of the base, no engine).",
  options: {
    path: PATH_OPTION,
    baseImage: {
      type: "string",
      input: "base-image",
      arg: "REF",
      doc: `the spiffworkflow-backend image to build on, required (no default): a version tag or digest, e.g. ${EXAMPLE_BASE_IMAGE} (a moving tag gets a warning)`
    },
    image: {
      type: "string",
      arg: "NAME",
      doc: "the repository to tag and push, e.g. ghcr.io/org/process-models (lower-cased; default: the models folder name, local only)"
    },
    tags: {
      type: "list",
      flag: "tag",
      input: "tags",
      arg: "TAG",
      doc: "extra tags (sha-<7>, the branch, X.Y.Z/X.Y/X from a vX.Y.Z tag, pr-<n> and latest on the default branch come by themselves)",
      inputDoc: "extra tags, one per line or comma-separated (sha-<7>, the branch, X.Y.Z/X.Y/X from a vX.Y.Z tag, pr-<n> and latest on the default branch come by themselves)"
    },
    labels: {
      type: "list",
      flag: "label",
      input: "labels",
      arg: "KEY=VALUE",
      lines: true,
      doc: "extra image labels, KEY=VALUE one per line (the io.spiff-models. prefix is reserved)",
      flagDoc: "extra image label (the io.spiff-models. prefix is reserved)"
    },
    push: {
      type: "boolean",
      default: false,
      doc: "push every tag; credentials from registry-username/registry-password, else what docker/login-action stored",
      flagDoc: `push every tag (credentials: ~/.docker/config.json, or --registry-username with the password in $${REGISTRY_PASSWORD_ENV})`
    },
    registryUsername: {
      type: "string",
      input: "registry-username",
      arg: "USER",
      doc: "registry user for push (and for pulling the base image from the same registry)"
    },
    registryPassword: {
      type: "string",
      flag: null,
      input: "registry-password",
      doc: "registry password or token (masked in the log; pass it from secrets)"
    },
    gitHistory: {
      type: "string",
      input: "git-history",
      arg: "MODE",
      default: "full",
      doc: "how the image records the commit: full (the history, so forms of instances started on older revisions load; needs fetch-depth: 0), minimal (a tiny .git for rev-parse only) or none"
    },
    verify: {
      type: "boolean",
      default: false,
      doc: "run the built image once (no network, as an unprivileged user) to check the models dir, its env var and the recorded revision; builder registry without an engine: read back and check the pushed configs and layers"
    },
    template: {
      type: "string",
      arg: "FILE",
      doc: "your own Dockerfile template, relative to the workspace (placeholders: see the README); default: templates/Dockerfile.bake"
    },
    imageModelsDir: {
      type: "string",
      input: "image-models-dir",
      arg: "PATH",
      default: DEFAULT_IMAGE_MODELS_DIR,
      doc: "where the repository lands in the image; the models dir is this path, or this path/<sub-folder> when the models are a sub-folder of the repo"
    },
    includeUntracked: {
      type: "boolean",
      input: "include-untracked",
      default: false,
      doc: "also bake untracked files that no ignore rule matches (listed in a warning); default: only the committed tree of the models root. Ignored files are never baked"
    },
    builder: {
      type: "string",
      arg: "NAME",
      default: DEFAULT_BUILDER,
      doc: `who builds from the plan: engine (a Docker Engine builds its native platform), registry (no engine: the models layer is appended to every platform of the base image straight in the registry; needs image, pushes with push) or auto (engine when one answers, registry otherwise)`,
      flagDoc: `who builds from the plan: ${BUILDER_NAMES.join(" | ")}. engine: a Docker Engine builds its native platform; registry: no engine, the models layer is appended to every platform of the base in the registry (needs --image); auto: engine when one answers, registry otherwise`
    },
    platforms: {
      type: "list",
      flag: "platform",
      arg: "OS/ARCH",
      doc: "with builder registry, the platforms of the base image to build, e.g. linux/amd64 (default: all of them; attestation entries are never platforms)",
      inputDoc: "with builder registry, the platforms of the base image to build, one per line or comma-separated, e.g. linux/amd64 (default: all of them; attestation entries are never platforms)",
      flagDoc: "registry builder: only this platform of the base, or a comma-separated list (default: all)"
    },
    insecureRegistries: {
      type: "list",
      flag: "insecure-registry",
      input: "insecure-registries",
      arg: "HOST",
      doc: "with builder registry, the registries to speak plain HTTP to, one per line or comma-separated (127.0.0.0/8 and ::1 always are)",
      flagDoc: "speak plain HTTP to registry HOST (127.0.0.0/8 and ::1 always are)"
    },
    dryRun: {
      type: "boolean",
      input: "dry-run",
      default: false,
      doc: "print the plan (files, tags, labels, env, layer) and write the rendered Dockerfile and the context listing to output-dir, no engine needed"
    },
    outputDir: {
      type: "string",
      input: "output-dir",
      arg: "DIR",
      doc: "with dry-run, the folder (relative to the workspace) that gets the Dockerfile, context.txt, bake.json and plan.json"
    },
    ref: {
      type: "string",
      input: null,
      arg: "REF",
      doc: "git ref the tags derive from (default: $GITHUB_REF, else the checkout's branch/tag)"
    },
    defaultBranch: {
      type: "string",
      flag: "default-branch",
      input: null,
      arg: "NAME",
      doc: "branch whose builds are also tagged latest (default: origin's HEAD)"
    },
    config: CONFIG_OPTION,
    allowEmpty: ALLOW_EMPTY_OPTION,
    validate: {
      type: "boolean",
      default: true,
      doc: "validate first and refuse to bake a repository with errors",
      flagDoc: "bake even when validation finds errors"
    },
    cache: {
      type: "boolean",
      input: null,
      default: true,
      doc: "reuse an image with the same input",
      flagDoc: "build even when an image with the same input already exists"
    },
    json: { type: "boolean", input: null, default: false, doc: "print the outputs as JSON on stdout" }
  },
  outputs: {
    image: { doc: "the repository the image was tagged into (the image input, lower-cased)" },
    "image-id": {
      doc: "the image id (sha256:...); builder registry: the config digest of the first platform"
    },
    digest: {
      doc: "the manifest digest the registry reported (empty without push); builder registry: the index digest over every platform (computed, also without push)"
    },
    tags: { doc: "the full references tagged (and pushed), one per line" },
    revision: {
      doc: "what git rev-parse --short HEAD prints in the image, i.e. the revision new instances record (empty with git-history none)"
    },
    labels: { doc: "the image labels, KEY=VALUE one per line" },
    "context-bytes": {
      doc: "size of the build context sent to the engine (0 when skipped); builder registry: size of the gzip'ed models layer"
    },
    skipped: {
      doc: "true when an image with the same input (models, git data, Dockerfile, base image id) existed: re-tagged (and pushed) without a build; builder registry: every tag already pointed at the same index, nothing was pushed"
    },
    builder: { doc: "the builder that ran, engine or registry (what auto chose)" },
    platforms: {
      doc: "the platforms built by the registry builder, one per line (empty for the engine builder)"
    }
  },
  epilogue: "Exit codes: 0 baked, 1 validation/build/verify/push failed (registry builder: the registry refused the\ncredentials or kept failing; no tag points at a partial image), 2 usage or setup problem (no engine, base image\nmissing, a media type or template the registry builder cannot apply)."
};
function parseLabels(values, what) {
  const labels = {};
  for (const v of values) {
    const eq = v.indexOf("=");
    if (eq <= 0) throw new UsageError(`${what}: '${v}' must be KEY=VALUE.`);
    labels[v.slice(0, eq).trim()] = v.slice(eq + 1).trim();
  }
  return labels;
}

export {
  checkBuilder,
  bake,
  REGISTRY_PASSWORD_ENV,
  bakeSpec,
  parseLabels
};
