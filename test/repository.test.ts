// This repository as a published action: its own workflows (CI, check-dist, release), the release notes script,
// the licence, and package metadata that matches what the action runs and what the dependencies need.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import YAML from 'yaml';
import { REPO_ROOT } from './helpers/runner.js';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const read = (p: string) => fs.readFileSync(path.join(REPO_ROOT, p), 'utf8');
const workflow = (name: string) =>
  YAML.parse(read(`.github/workflows/${name}`), { uniqueKeys: true }) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const runs = (w: Workflow) => steps(w).map((s) => s.run ?? '');
const pkg = JSON.parse(read('package.json')) as Record<string, unknown> & {
  engines: { node: string };
  version: string;
};
const actionNode = Number(/node(\d+)/.exec(read('action.yml'))![1]);

describe('repository workflows', () => {
  const files = fs.readdirSync(path.join(REPO_ROOT, '.github/workflows')).sort();

  it('are CI, check-dist and release', () => {
    expect(files).toEqual(['check-dist.yml', 'ci.yml', 'release.yml']);
  });

  it.each(files)('%s: sets up the Node version of .node-version, the one action.yml runs', (file) => {
    const setup = steps(workflow(file)).filter((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setup.length).toBe(1);
    expect(setup[0].with?.['node-version-file']).toBe('.node-version');
    expect(read('.node-version').trim()).toBe(String(actionNode));
    expect(steps(workflow(file))[0].uses).toMatch(/^actions\/checkout@v\d+$/);
  });

  it("ci.yml runs the README's test command under CI=true, with the registry tools installed", () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
    expect(read('README.md')).toContain('npm test ');
    const test = steps(ci).find((s) => s.run === 'npm test')!;
    expect(test.env?.CI).toBe('true');
    expect(runs(ci).join('\n')).toMatch(/apt-get install .*docker-registry.*apache2-utils/);
    expect(runs(ci)).toContain('npm ci');
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('check-dist.yml rebuilds dist/ and fails on a difference', () => {
    const w = workflow('check-dist.yml');
    const r = runs(w);
    const bundle = r.indexOf('npm run bundle');
    expect(bundle).toBeGreaterThan(r.indexOf('npm ci'));
    const compare = r.findIndex((s) => /git status --porcelain -- dist\//.test(s) && /exit 1/.test(s));
    expect(compare).toBeGreaterThan(bundle);
  });

  it('release.yml: on vX.Y.Z tags, verifies, releases with CHANGELOG notes and moves the major tag', () => {
    const w = workflow('release.yml');
    expect(w.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+'] } });
    expect(w.permissions).toEqual({ contents: 'write' });
    const r = runs(w);
    const at = (re: RegExp) => r.findIndex((s) => re.test(s));
    const notes = at(/scripts\/release-notes\.mjs "\$GITHUB_REF_NAME"/);
    const test = r.indexOf('npm test');
    const dist = at(/git diff --exit-code .*dist\//);
    const release = at(/gh release create "\$GITHUB_REF_NAME" .*--notes-file/);
    const major = at(
      /major="\$\{GITHUB_REF_NAME%%\.\*\}"[\s\S]*git push --force origin "refs\/tags\/\$major"/,
    );
    for (const i of [notes, test, dist, release, major]) expect(i).toBeGreaterThanOrEqual(0);
    expect([notes < release, test < release, dist < release, release < major]).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });
});

describe('scripts/release-notes.mjs', () => {
  function notes(tag: string, version: string, changelog: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-release-'));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ version }));
    fs.writeFileSync(path.join(dir, 'CHANGELOG.md'), changelog);
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/release-notes.mjs'), tag], {
      encoding: 'utf8',
      env: { ...process.env, SPIFF_MODELS_RELEASE_ROOT: dir },
    });
    fs.rmSync(dir, { recursive: true, force: true });
    return r;
  }
  const changelog =
    '# Changelog\n\n## [Unreleased]\n\n- next\n\n## [1.2.0] - 2026-12-01\n\n### Fixed\n\n- a thing\n\n## [1.1.0]\n\n- older\n';

  it('prints the section of the tagged version', () => {
    const r = notes('v1.2.0', '1.2.0', changelog);
    expect([r.status, r.stdout]).toEqual([0, '### Fixed\n\n- a thing\n']);
  });

  it.each([
    ['1.2.0', '1.2.0', /is not vX\.Y\.Z/],
    ['v1.2', '1.2.0', /is not vX\.Y\.Z/],
    ['v1.3.0', '1.2.0', /package\.json says version 1\.2\.0, the tag says 1\.3\.0/],
    ['v1.0.0', '1.0.0', /no "## \[1\.0\.0\]/],
  ])('refuses tag %s with package version %s', (tag, version, message) => {
    const r = notes(tag, version, changelog);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it("accepts this repository's own package.json version and CHANGELOG", () => {
    const r = spawnSync(process.execPath, ['scripts/release-notes.mjs', `v${pkg.version}`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

/** Whether Node `major` (any minor) is inside an engines range such as ">= 20", "^18.14.0 || >=20" or "8.*". */
function supports(range: string, major: number): boolean {
  return range.split('||').some((alt) => {
    const a = alt.trim();
    const ge = /^>=\s*(\d+)/.exec(a);
    if (ge) return major >= Number(ge[1]);
    const exact = /^[\^~]?(\d+)(\.[\d*x]+)*$/.exec(a);
    if (exact) return major === Number(exact[1]);
    throw new Error(`cannot read the engines range '${range}'`);
  });
}

describe('package metadata', () => {
  it('has a LICENSE matching package.json, and marks dist/ generated', () => {
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License\n/);
    expect(read('.gitattributes')).toMatch(/^dist\/\*\* linguist-generated=true/m);
  });

  it('names repository, homepage, bugs, keywords and the files a package needs', () => {
    for (const key of ['repository', 'homepage', 'bugs', 'keywords', 'files'])
      expect(pkg).toHaveProperty(key);
    expect(pkg.files).toEqual(expect.arrayContaining(['dist/', 'action.yml']));
  });

  it('does not promise `npx spiff-models` from the registry while the package is private', () => {
    if (pkg.private) expect(read('README.md')).not.toMatch(/npx spiff-models\b/);
  });

  it("engines: the lowest Node every runtime dependency supports, and the action's Node satisfies it", () => {
    const floor = Number(/^>=(\d+)$/.exec(pkg.engines.node)?.[1]);
    expect(floor).toBeLessThanOrEqual(actionNode);
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { dev?: boolean; engines?: { node?: string } }>;
    };
    const ranges = Object.entries(lock.packages)
      .filter(([name, p]) => name && !p.dev && p.engines?.node)
      .map(([name, p]) => [name, p.engines!.node!] as const);
    const unsupported = (major: number) =>
      ranges.filter(([, range]) => !supports(range, major)).map(([name, range]) => `${name} ${range}`);
    expect(unsupported(floor)).toEqual([]);
    expect(unsupported(actionNode)).toEqual([]);
    expect(unsupported(floor - 1)).not.toEqual([]);
  });

  it('declares only dependencies the sources import', () => {
    const deps = Object.keys(pkg.dependencies as Record<string, string>);
    const sources = fs
      .readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => read(path.join('src', f)))
      .join('\n');
    for (const d of deps) expect([d, sources.includes(`from '${d}`)]).toEqual([d, true]);
  });
});
