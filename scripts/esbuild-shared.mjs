// What every esbuild run of this repository shares: the ESM banner CommonJS dependencies need, the modules
// that cannot be bundled, and a helper that bundles a few `export ... from './src/...'` lines for benches and
// scripts that run the TypeScript sources without a build step.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// dockerode pulls in ssh2, whose native parts cannot be bundled (ssh2 falls back to pure JS without them).
export const EXTERNAL = ['cpu-features', '*.node'];

// CommonJS dependencies inside an ESM bundle need require/__filename/__dirname.
export const BANNER = [
  "import { createRequire as __smCreateRequire } from 'node:module';",
  "import { fileURLToPath as __smFileURLToPath } from 'node:url';",
  "import { dirname as __smDirname } from 'node:path';",
  'const require = __smCreateRequire(import.meta.url);',
  'const __filename = __smFileURLToPath(import.meta.url);',
  'const __dirname = __smDirname(__filename);',
].join('\n');

/** Bundles `contents` (ESM, resolved from the repository root) into `outfile`; returns outfile. */
export async function bundleSource(contents, outfile) {
  await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    external: EXTERNAL,
    banner: { js: BANNER },
    logLevel: 'error',
  });
  return outfile;
}
