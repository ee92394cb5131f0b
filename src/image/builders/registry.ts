// The registry builder: no engine builds anything. The plan's models layer (the same tar the engine builder
// unpacks) is appended to every platform of the base image in the registry (registry/build.ts); --verify runs the
// native image when an engine answers, and otherwise reads back what was pushed.
import { errorMessage, UsageError } from '../../util/errors.js';
import { resolveAuth } from '../auth.js';
import { connectEngine, pullImage, removeImage, type Engine } from '../engine.js';
import { layerTar } from '../layer.js';
import { LABELS, renderDockerfile, type BakePlan } from '../plan.js';
import { parseReference } from '../reference.js';
import { registryBuild, verifyPushed, type RegistryBuildRequest } from '../registry/build.js';
import { platformMatches } from '../registry/image.js';
import { formatPlatform, type Platform } from '../registry/media-types.js';
import { MODELS_DIR_ENV, VerifyError, verifyImage } from '../verify.js';
import { formatBytes, inputDigest } from './engine.js';
import type { Builder, BuildOptions, BuildResult } from './types.js';

/** The registry builder's view of the plan: plain data, plus the two things that depend on each base config. */
export function registryRequest(plan: BakePlan, options: BuildOptions): RegistryBuildRequest {
  return {
    baseImage: plan.baseImage,
    image: plan.image,
    tags: plan.tags.tags,
    template: plan.template,
    render: (baseEnv, extraLabels) => renderDockerfile(plan, baseEnv, extraLabels),
    // The base digest pins every platform's config, so the Dockerfile without base env is enough next to it.
    inputDigest: (baseDigest) =>
      inputDigest(plan.layer.contentDigest, renderDockerfile(plan, []), baseDigest),
    inputDigestLabel: LABELS.inputDigest,
    layerTar: () => layerTar(plan.layer),
    created: plan.created !== null ? new Date(plan.created * 1000).toISOString() : null,
    platforms: options.platforms ?? null,
    push: options.push,
    credentials: options.credentials,
    insecureRegistries: options.insecureRegistries ?? [],
    env: options.env,
    log: options.log,
    client: options.registryClient,
  };
}

/** Docker's names for the engine's `uname -m`. */
const ARCHITECTURES: Record<string, string> = {
  x86_64: 'amd64',
  amd64: 'amd64',
  aarch64: 'arm64',
  arm64: 'arm64',
  armv7l: 'arm',
  armv6l: 'arm',
  i386: '386',
  i686: '386',
  ppc64le: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
};

/** The platform the engine runs images of, or null when it does not say. */
async function enginePlatform(engine: Engine): Promise<Platform | null> {
  try {
    const info = (await engine.docker.info()) as { Architecture?: string; OSType?: string };
    const architecture = ARCHITECTURES[info.Architecture ?? ''] ?? info.Architecture;
    if (!architecture) return null;
    const variant = info.Architecture === 'armv7l' ? 'v7' : info.Architecture === 'armv6l' ? 'v6' : undefined;
    return { os: info.OSType || 'linux', architecture, ...(variant ? { variant } : {}) };
  } catch {
    return null;
  }
}

export const registryBuilder: Builder = {
  name: 'registry',
  async build(plan: BakePlan, options: BuildOptions): Promise<BuildResult> {
    const { log } = options;
    if (!plan.registry) {
      throw new UsageError('--builder registry needs --image naming the registry repository to push to.');
    }
    if (options.verify && !options.push) {
      throw new UsageError('--verify with the registry builder checks the pushed image: add --push.');
    }
    const request = registryRequest(plan, options);
    const built = await registryBuild(request);
    const result: BuildResult = {
      // No image exists outside the registry: the first platform's config digest stands for the image id.
      imageId: built.platforms[0]?.configDigest ?? '',
      digest: built.digest,
      tags: plan.tags.references,
      labels: { ...plan.labels, [LABELS.inputDigest]: built.inputDigest },
      inputDigest: built.inputDigest,
      contextBytes: built.unchanged ? 0 : built.layer.size,
      skipped: built.unchanged,
      pushed: built.pushed,
      verified: [],
      platforms: built.platforms.map((p) => formatPlatform(p.platform)),
    };
    if (built.pushed) {
      log.info(
        `pushed ${result.tags.join(', ')} (${result.digest}): ${built.mounted} base layer(s) mounted, ` +
          `${built.copied} copied, ${formatBytes(built.uploadedBytes)} uploaded`,
      );
    }
    if (!options.verify) return result;

    const found = await connectEngine(options.env).catch(() => null);
    const native = found ? await enginePlatform(found) : null;
    const runnable = native !== null && built.platforms.some((p) => platformMatches(native, p.platform));
    if (found && native && !runnable) {
      log.info(
        `verify: the engine runs ${formatPlatform(native)}, which was not built: the pushed configs and layers are ` +
          `read back instead of running the image.`,
      );
    }
    const engine = runnable ? found : null;
    if (engine) {
      // The engine pulls the index and picks its own platform: the image the backend would run there.
      const reference = `${plan.image}@${built.digest}`;
      const auth = await resolveAuth(
        parseReference(plan.image, 'image').registry,
        options.credentials,
        options.env,
      );
      await log
        .group(`Pull ${reference} (verify)`, (line) => pullImage(engine, reference, auth, line))
        .catch((err: unknown) => {
          throw new VerifyError(
            `verify: the engine could not pull ${reference}, just pushed: ${errorMessage(err)}`,
          );
        });
      try {
        result.verified = (
          await verifyImage(engine, reference, {
            modelsDir: plan.layer.modelsDir,
            gitHistory: plan.layer.gitHistory,
            shortRevision: plan.revision,
          })
        ).checks;
      } finally {
        await removeImage(engine, reference);
      }
    } else {
      const labels: Record<string, string> = {};
      if (plan.git) labels['org.opencontainers.image.revision'] = plan.git.commit;
      if (plan.labels[LABELS.revision]) labels[LABELS.revision] = plan.labels[LABELS.revision];
      result.verified = await verifyPushed(request, built, {
        modelsDir: plan.layer.modelsDir,
        modelsDirEnv: MODELS_DIR_ENV,
        labels,
      });
    }
    log.info(`verified: ${result.verified.join('; ')}`);
    return result;
  },
};
