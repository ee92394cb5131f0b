// Builds the two self-contained bundles: dist/index.js (the action) and dist/cli.js (the CLI).
// Usage: node scripts/bundle.mjs [outdir]   (the freshness test bundles into a temp dir and compares)
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import path from 'node:path';

const outdir = process.argv[2] ?? 'dist';
// dockerode pulls in ssh2, whose native parts cannot be bundled (ssh2 falls back to pure JS without them);
// CommonJS dependencies inside an ESM bundle need require/__filename/__dirname.
const banner = [
  "import { createRequire as __smCreateRequire } from 'node:module';",
  "import { fileURLToPath as __smFileURLToPath } from 'node:url';",
  "import { dirname as __smDirname } from 'node:path';",
  'const require = __smCreateRequire(import.meta.url);',
  'const __filename = __smFileURLToPath(import.meta.url);',
  'const __dirname = __smDirname(__filename);',
].join('\n');

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
    external: ['cpu-features', '*.node'],
    banner: { js: (shebang ? '#!/usr/bin/env node\n' : '') + banner },
    legalComments: 'none',
    logLevel: 'warning',
    minifyWhitespace: false,
  });
  if (shebang) chmodSync(path.join(outdir, out), 0o755);
}
