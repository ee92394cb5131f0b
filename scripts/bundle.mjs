// Builds the two self-contained bundles: dist/index.js (the action) and dist/cli.js (the CLI).
// Usage: node scripts/bundle.mjs [outdir]   (the freshness test bundles into a temp dir and compares)
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { BANNER, EXTERNAL } from './esbuild-shared.mjs';

const outdir = process.argv[2] ?? 'dist';

for (const [entry, out, shebang] of [
  ['src/index.ts', 'index.js', false],
  ['src/cli.ts', 'cli.js', true],
]) {
  await build({
    entryPoints: [entry],
    outfile: path.join(outdir, out),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: EXTERNAL,
    banner: { js: (shebang ? '#!/usr/bin/env node\n' : '') + BANNER },
    legalComments: 'none',
    logLevel: 'warning',
    minifyWhitespace: false,
  });
  if (shebang) chmodSync(path.join(outdir, out), 0o755);
}
