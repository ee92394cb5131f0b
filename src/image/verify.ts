// --verify: runs the built image once (no network, as an unprivileged user so git's ownership check is
// exercised) and checks what the backend relies on: the models dir, its env var, the recorded revision.
import { BakeFailure, runOnce, type Engine } from './engine.js';
import type { GitHistory } from './context.js';

export const MODELS_DIR_ENV = 'SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR';
export const SUBDIR_ENV = 'SPIFFWORKFLOW_BACKEND_BPMN_SPEC_SUBDIR_WITHIN_REPO';

/** nobody:nogroup: not the owner of the baked files, like a backend run with `--user`. */
export const VERIFY_USER = '65534:65534';

export interface VerifyExpectation {
  modelsDir: string;
  gitHistory: GitHistory;
  /** What `git rev-parse --short HEAD` must print ('' without git data). */
  shortRevision: string;
}

export interface VerifyResult {
  checks: string[];
}

export class VerifyError extends BakeFailure {
  override name = 'VerifyError';
}

export async function verifyImage(
  engine: Engine,
  imageId: string,
  expected: VerifyExpectation,
): Promise<VerifyResult> {
  const fail = (what: string): never => {
    throw new VerifyError(`verify failed for image ${imageId.slice(0, 19)}: ${what}`);
  };
  const info = await engine.docker.getImage(imageId).inspect();
  const env = new Map(
    (info.Config?.Env ?? []).map((e) => {
      const eq = e.indexOf('=');
      return [e.slice(0, eq), e.slice(eq + 1)] as const;
    }),
  );
  const checks: string[] = [];
  if (env.get(MODELS_DIR_ENV) !== expected.modelsDir) {
    fail(
      `${MODELS_DIR_ENV} is '${env.get(MODELS_DIR_ENV) ?? '(unset)'}', expected '${expected.modelsDir}'. ` +
        `A custom template must keep {{env}}.`,
    );
  }
  checks.push(`${MODELS_DIR_ENV}=${expected.modelsDir}`);

  const withGit = expected.gitHistory !== 'none';
  const run = await runOnce(
    engine,
    imageId,
    withGit ? ['git', '-C', expected.modelsDir, 'rev-parse', '--short', 'HEAD'] : null,
    VERIFY_USER,
    [expected.modelsDir],
  );
  if (!run.exists[expected.modelsDir])
    fail(`the models dir ${expected.modelsDir} does not exist in the image.`);
  checks.push(`models dir ${expected.modelsDir} exists`);
  if (withGit) {
    const printed = run.stdout.trim();
    if (run.exitCode !== 0 || printed !== expected.shortRevision) {
      fail(
        `'git -C ${expected.modelsDir} rev-parse --short HEAD' as user ${VERIFY_USER} ` +
          (run.exitCode !== 0
            ? `exited ${run.exitCode}: ${run.stderr.trim() || run.stdout.trim()}`
            : `printed '${printed}', expected '${expected.shortRevision}'`) +
          '. The base image needs git, and the template must keep {{env}} (safe.directory) and {{copy}}.',
      );
    }
    checks.push(`git rev-parse --short HEAD = ${printed} (as ${VERIFY_USER})`);
  }
  return { checks };
}
