// The Docker Engine builder: base image on the engine (pulled when missing), the plan's Dockerfile and layer tar
// sent as the build context, an unchanged input reused, then verify, tag and push through the engine.
import { createHash } from 'node:crypto';
import { SetupError } from '../../util/errors.js';
import { resolveAuth } from '../auth.js';
import { packContext } from '../context.js';
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
} from '../engine.js';
import { envFor, LABELS, renderDockerfile, type BakeLog, type BakePlan } from '../plan.js';
import { parseReference, printable } from '../reference.js';
import { whyNotReusable, type ReuseExpectation } from '../reuse.js';
import { verifyImage } from '../verify.js';
import type { Builder, BuildOptions, BuildResult } from './types.js';

export function inputDigest(contentDigest: string, dockerfile: string, baseImageId: string): string {
  const hash = createHash('sha256')
    .update(`spiff-models bake 1\n${contentDigest}\n`)
    .update(createHash('sha256').update(dockerfile).digest('hex'))
    .update(`\n${baseImageId}\n`);
  return `sha256:${hash.digest('hex')}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

async function ensureBaseImage(engine: Engine, plan: BakePlan, options: BuildOptions, log: BakeLog) {
  const found = await inspectImage(engine, plan.baseImage);
  if (found) return found;
  const registry = parseReference(plan.baseImage, 'base image').registry;
  // The credentials given for pushing only apply when the base image lives on the same registry.
  const pushRegistry = plan.registry;
  const auth = await resolveAuth(
    registry,
    registry === pushRegistry ? options.credentials : null,
    options.env,
  );
  await log.group(`Pull ${plan.baseImage}`, (line) => pullImage(engine, plan.baseImage, auth, line));
  const pulled = await inspectImage(engine, plan.baseImage);
  if (!pulled) throw new SetupError(`pulled ${printable(plan.baseImage)} but the engine does not list it.`);
  return pulled;
}

/** The newest image carrying the input digest that really is what this bake would build, or null. */
async function firstReusable(
  engine: Engine,
  candidates: string[],
  expected: ReuseExpectation,
  log: BakeLog,
): Promise<string | null> {
  for (const id of candidates) {
    const why = await whyNotReusable(engine, id, expected);
    if (!why) return id;
    log.warning(
      `image ${id.slice(0, 19)} carries this bake's input digest but is not what it would build (${why}): not reused.`,
    );
  }
  return null;
}

export const engineBuilder: Builder = {
  name: 'engine',
  async build(plan: BakePlan, options: BuildOptions): Promise<BuildResult> {
    const { log, env } = options;
    const engine = await connectEngine(env);
    const base = await ensureBaseImage(engine, plan, options, log);
    const baseEnv = base.Config?.Env ?? [];
    // The digest covers the Dockerfile without its own label; the label then goes into the Dockerfile (no extra
    // build step), or through the build API when a user template has no {{labels}}.
    const digest = inputDigest(plan.layer.contentDigest, renderDockerfile(plan, baseEnv), base.Id);
    const digestLabel = { [LABELS.inputDigest]: digest };
    const dockerfile = renderDockerfile(plan, baseEnv, digestLabel);
    const labelledByTemplate = dockerfile.includes(digest);
    const result: BuildResult = {
      imageId: '',
      digest: '',
      tags: plan.tags.references,
      labels: { ...plan.labels, [LABELS.inputDigest]: digest },
      inputDigest: digest,
      contextBytes: 0,
      skipped: false,
      pushed: false,
      verified: [],
    };

    const existing = options.noCache ? [] : await findImagesByLabel(engine, LABELS.inputDigest, digest);
    const reusable = await firstReusable(
      engine,
      existing,
      {
        plan,
        base,
        // A template without {{labels}} gets only the input digest, through the build API.
        labels: labelledByTemplate ? result.labels : digestLabel,
        env: envFor(plan, baseEnv).map(([k, v]) => `${k}=${v}`),
      },
      log,
    );
    if (reusable) {
      result.imageId = reusable;
      result.skipped = true;
      log.info(`unchanged input (${digest.slice(0, 19)}): reusing image ${reusable.slice(0, 19)}`);
    } else {
      const packed = packContext(plan.layer, dockerfile, plan.layer.mtime);
      result.imageId = await log.group(`Build ${plan.image} (${plan.tags.tags.join(', ')})`, (line) =>
        buildImage(
          engine,
          { context: packed.stream, labels: labelledByTemplate ? {} : digestLabel, noCache: options.noCache },
          line,
        ),
      );
      result.contextBytes = packed.bytes();
      log.info(`built ${result.imageId.slice(0, 19)} from a ${formatBytes(result.contextBytes)} context`);
    }

    if (options.verify) {
      try {
        const verified = await verifyImage(engine, result.imageId, {
          modelsDir: plan.layer.modelsDir,
          gitHistory: plan.layer.gitHistory,
          shortRevision: plan.revision,
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
      const registry = parseReference(plan.image, 'image').registry;
      const auth = await resolveAuth(registry, options.credentials, env);
      if (auth) await checkAuth(engine, auth, registry);
      const digests = await log.group(`Push ${plan.image}`, async (line) => {
        const out: string[] = [];
        for (const reference of result.tags) out.push(await pushImage(engine, reference, auth, line));
        return out;
      });
      result.digest = digests[0] ?? '';
      result.pushed = true;
      log.info(`pushed ${result.tags.join(', ')} (${result.digest})`);
    }
    return result;
  },
};
