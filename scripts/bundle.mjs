// Builds the self-contained bundles: dist/index.js (the action) and dist/cli.js (the CLI), with each command's
// code in lazily imported chunks under dist/chunks/ (a command loads only what it needs), and
// dist/licenses.txt, the licence notice of every package the bundles include, made from esbuild's metafile.
// Usage: node scripts/bundle.mjs [outdir] [--metafile FILE]   (the dist test bundles into a temp dir)
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BANNER, EXTERNAL, ROOT } from './esbuild-shared.mjs';
import { licenseNotice } from './licenses.mjs';

const args = process.argv.slice(2);
const metaAt = args.indexOf('--metafile');
const metafileOut = metaAt >= 0 ? args.splice(metaAt, 2)[1] : undefined;
const outdir = args[0] ?? 'dist';

// Chunk names carry a content hash: remove the old ones so dist/ holds exactly what this build made.
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts', 'parse-worker': 'src/parse-worker.ts' },
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: EXTERNAL,
  banner: { js: BANNER },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

const cli = path.join(outdir, 'cli.js');
writeFileSync(cli, `#!/usr/bin/env node\n${readFileSync(cli, 'utf8')}`);
chmodSync(cli, 0o755);
writeFileSync(path.join(outdir, 'licenses.txt'), licenseNotice(result.metafile, ROOT));
if (metafileOut) writeFileSync(metafileOut, JSON.stringify(result.metafile));
