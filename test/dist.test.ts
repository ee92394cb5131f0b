// The committed bundles must be what `npm run bundle` makes from src/ now: the action runs dist/, not src/.
// Each command loads only its own chunks, and dist/licenses.txt covers every package the bundles include.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from './helpers/runner.js';

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<
    string,
    { entryPoint?: string; imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }
  >;
}

let out: string;
let meta: Metafile;

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-bundle-'));
  const metaFile = path.join(os.tmpdir(), `spiff-bundle-meta-${process.pid}.json`);
  execFileSync(process.execPath, ['scripts/bundle.mjs', path.join(out, 'dist'), '--metafile', metaFile], {
    cwd: REPO_ROOT,
  });
  meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Metafile;
  fs.rmSync(metaFile);
});
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const listFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();

/** Output files a chunk loads before its code runs (static imports, transitively), as dist/ paths. */
function staticClosure(entry: string): Set<string> {
  const key = (p: string) => path.relative(path.join(out, 'dist'), path.resolve(REPO_ROOT, p));
  const byKey = new Map(Object.entries(meta.outputs).map(([p, o]) => [key(p), o]));
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of byKey.get(k)?.imports ?? [])
      if (i.kind === 'import-statement' && byKey.has(key(i.path))) visit(key(i.path));
  };
  visit(entry);
  return seen;
}

function packagesLoadedBy(entryPoint: string): Set<string> {
  const chunk = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entryPoint);
  if (!chunk) throw new Error(`no chunk for ${entryPoint}`);
  const key = (p: string) => path.relative(path.join(out, 'dist'), path.resolve(REPO_ROOT, p));
  const byKey = new Map(Object.entries(meta.outputs).map(([p, o]) => [key(p), o]));
  const pkgs = new Set<string>();
  for (const k of staticClosure(key(chunk[0]))) {
    for (const input of Object.keys(byKey.get(k)?.inputs ?? {})) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      if (m) pkgs.add(m[1]);
    }
    // Node's own modules count too: child_process loads net, worker_threads its own machinery.
    for (const i of byKey.get(k)?.imports ?? [])
      if (i.kind === 'import-statement' && i.path.startsWith('node:')) pkgs.add(i.path);
  }
  return pkgs;
}

describe('dist/', () => {
  it('matches a fresh bundle of src/, file for file', () => {
    const fresh = listFiles(path.join(out, 'dist'));
    const committed = listFiles(path.join(REPO_ROOT, 'dist'));
    if (fresh.join('\n') !== committed.join('\n'))
      throw new Error(`dist/ has other files than a fresh bundle: run \`npm run bundle\` and commit dist/`);
    for (const name of fresh) {
      const a = fs.readFileSync(path.join(out, 'dist', name), 'utf8');
      const b = fs.readFileSync(path.join(REPO_ROOT, 'dist', name), 'utf8');
      if (a !== b) throw new Error(`dist/${name} is stale: run \`npm run bundle\` and commit dist/`);
    }
    expect(committed).toEqual(expect.arrayContaining(['cli.js', 'index.js', 'licenses.txt']));
  });

  it('has a licence notice with the licence text of every bundled package', () => {
    const notice = fs.readFileSync(path.join(REPO_ROOT, 'dist/licenses.txt'), 'utf8');
    const dirs = new Set<string>();
    for (const input of Object.keys(meta.inputs)) {
      const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) dirs.add(m[1]);
    }
    expect(dirs.size).toBeGreaterThan(10);
    for (const dir of dirs) {
      const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, dir, 'package.json'), 'utf8'));
      const at = notice.indexOf(`\n${pkg.name}@${pkg.version}\nLicense: `);
      if (at < 0) throw new Error(`dist/licenses.txt lacks ${pkg.name}@${pkg.version} (${dir})`);
      const licenceFile = fs.readdirSync(path.join(REPO_ROOT, dir)).find((f) => /^licen[cs]e/i.test(f));
      if (licenceFile) {
        const text = fs.readFileSync(path.join(REPO_ROOT, dir, licenceFile), 'utf8').trim();
        expect(notice.slice(at)).toContain(text.split('\n')[0]);
      }
    }
    expect(notice).toMatch(/\ndockerode@[\d.]+\nLicense: Apache-2.0\n/);
  });

  it.each([
    ['src/notify/cli.ts', ['dockerode', 'ssh2', '@actions/github']],
    ['src/promote/cli.ts', ['dockerode', 'ssh2']],
    [
      'src/validate/cli.ts',
      [
        'dockerode',
        '@actions/github',
        '@actions/core',
        'yaml',
        '@lezer/python',
        'node:child_process',
        'node:worker_threads',
        // --cache hashes; a run without it never loads the hashing.
        'node:crypto',
      ],
    ],
    ['src/cli/main.ts', ['dockerode', '@actions/github', 'yaml', '@lezer/python']],
    ['src/notify/action.ts', ['dockerode', 'ssh2']],
    ['src/promote/action.ts', ['dockerode', 'ssh2']],
  ])('%s does not load %j before it runs', (entry, absent) => {
    const loaded = packagesLoadedBy(entry);
    for (const name of absent) expect([...loaded]).not.toContain(name);
  });

  it('switches on the compile cache (where Node has it) before the entries import any chunk', () => {
    for (const entry of ['cli.js', 'index.js', 'parse-worker.js']) {
      const code = fs.readFileSync(path.join(REPO_ROOT, 'dist', entry), 'utf8');
      const enable = code.indexOf('.enableCompileCache?.()');
      expect(enable).toBeGreaterThan(0);
      expect(code.slice(0, enable)).not.toMatch(/from "\.\/chunks\/|import\("\.\/chunks\//);
    }
  });

  it('bake still loads dockerode (the check above can see a package)', () => {
    expect([...packagesLoadedBy('src/image/cli.ts')]).toContain('dockerode');
  });
});
