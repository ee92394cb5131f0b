// What every builder takes and gives: a BakePlan in, an image (built or reused, tagged, maybe pushed) out.
import type { Credentials } from '../auth.js';
import type { BakeLog, BakePlan } from '../plan.js';
import type { ClientOptions } from '../registry/client.js';
import type { Platform } from '../registry/media-types.js';

export interface BuildOptions {
  push: boolean;
  verify: boolean;
  /** Build even when an image with the same input exists. */
  noCache: boolean;
  /** Explicit registry credentials (else ~/.docker/config.json). */
  credentials: Credentials | null;
  env: NodeJS.ProcessEnv;
  log: BakeLog;
  /** registry builder: these platforms of the base; null: all of them. */
  platforms?: Platform[] | null;
  /** Registries spoken to over plain HTTP besides 127.0.0.0/8 and ::1. */
  insecureRegistries?: string[];
  /** registry builder: client knobs for tests (retry delays, upload chunk size). */
  registryClient?: Pick<ClientOptions, 'retry' | 'chunkSize'>;
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
  /** Platforms built (`linux/amd64`); the engine builder leaves this out. */
  platforms?: string[];
}

export interface Builder {
  readonly name: string;
  build(plan: BakePlan, options: BuildOptions): Promise<BuildResult>;
}
