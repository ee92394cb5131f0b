// What every builder takes and gives: a BakePlan in, an image (built or reused, tagged, maybe pushed) out.
import type { Credentials } from '../auth.js';
import type { BakeLog, BakePlan } from '../plan.js';

export interface BuildOptions {
  push: boolean;
  verify: boolean;
  /** Build even when an image with the same input exists. */
  noCache: boolean;
  /** Explicit registry credentials (else ~/.docker/config.json). */
  credentials: Credentials | null;
  env: NodeJS.ProcessEnv;
  log: BakeLog;
}

export interface BuildResult {
  /** Image id (config digest). */
  imageId: string;
  /** Manifest (or index) digest from the registry; '' when not pushed. */
  digest: string;
  /** Full references tagged (and pushed). */
  tags: string[];
  /** Every label of the image, the input digest included. */
  labels: Record<string, string>;
  inputDigest: string;
  /** Bytes sent to build (0 when reused). */
  contextBytes: number;
  /** Reused an existing image: nothing was built. */
  skipped: boolean;
  pushed: boolean;
  verified: string[];
}

export interface Builder {
  readonly name: string;
  build(plan: BakePlan, options: BuildOptions): Promise<BuildResult>;
}
