// The build context without an engine: what goes in per git-history mode, the ignore file, symlinks, and the
// deterministic tar (same input, same bytes).
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import tar from 'tar-stream';
import {
  contextListing,
  packContext,
  planContext,
  type ContextPlan,
  type GitHistory,
} from '../../src/image/context.js';
import { readGitInfo } from '../../src/image/git.js';
import { compileIgnore } from '../../src/image/ignore.js';
import { SetupError } from '../../src/util/errors.js';
import { git, makeRepo, modelFiles, removeDir, tempDir, writeFiles } from './fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function track<T extends { root: string }>(repo: T): T {
  dirs.push(repo.root);
  return repo;
}

async function plan(
  dir: string,
  gitHistory: GitHistory = 'full',
  imagePath = '/app/process_models',
): Promise<ContextPlan> {
  return planContext({ modelsRoot: dir, gitHistory, imagePath, git: await readGitInfo(dir) });
}

interface TarEntry {
  name: string;
  type: string;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  linkname: string | null;
  content: string;
}

async function untar(bytes: Buffer): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const parts: Buffer[] = [];
      stream.on('data', (d: unknown) => parts.push(d as Buffer));
      stream.on('end', () => {
        entries.push({
          name: header.name,
          type: header.type ?? 'file',
          mode: header.mode ?? 0,
          uid: header.uid ?? -1,
          gid: header.gid ?? -1,
          mtime: (header.mtime ?? new Date()).getTime() / 1000,
          linkname: header.linkname ?? null,
          content: Buffer.concat(parts).toString('latin1'),
        });
        next();
      });
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  extract.end(bytes);
  await done;
  return entries;
}

/** The context tar's two entries, and the entries of the rootfs.tar inside it (names without './'). */
async function packed(
  p: ContextPlan,
  mtime = 0,
): Promise<{ bytes: Buffer; outer: TarEntry[]; root: TarEntry; entries: TarEntry[]; counted: number }> {
  const ctx = packContext(p, 'FROM scratch\n', mtime);
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const outer = await untar(bytes);
  const inner = await untar(Buffer.from(outer[1].content, 'latin1'));
  const entries = inner.slice(1).map((e) => ({ ...e, name: e.name.replace(/^\.\//, '') }));
  return { bytes, outer, root: inner[0], entries, counted: ctx.bytes() };
}

const names = (p: ContextPlan) => p.entries.map((e) => e.name);

/** bake takes the committed tree: commit what a test put in the work tree. */
function commitAll(root: string, message = 'more'): void {
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', message]);
}

describe('git-history modes', () => {
  it('full: the models, HEAD, a fresh config and the objects/refs; nothing else of .git', async () => {
    const repo = track(makeRepo());
    const p = await plan(repo.models);
    const gitNames = names(p).filter((n) => n.includes('/.git'));
    expect(gitNames).toContain('app/process_models/.git/HEAD');
    expect(gitNames).toContain('app/process_models/.git/config');
    // The objects reachable from HEAD and the branches and tags, as one pack (no stash, no dangling objects).
    expect(gitNames.some((n) => /\.git\/objects\/pack\/pack-[0-9a-f]{40}\.pack$/.test(n))).toBe(true);
    expect(gitNames.some((n) => n.endsWith('.git/refs/heads/main'))).toBe(true);
    expect(
      gitNames.filter((n) => /\.git\/(index|hooks|logs|description|info|COMMIT_EDITMSG)/.test(n)),
    ).toEqual([]);
    const { entries } = await packed(p);
    const head = entries.find((e) => e.name === 'app/process_models/.git/HEAD');
    expect(head?.content).toBe(`${repo.commits[1]}\n`);
    expect(entries.find((e) => e.name.endsWith('.git/config'))?.content).toBe(
      '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n\tabbrev = 7\n',
    );
    expect(p).toMatchObject({
      modelsDir: '/app/process_models',
      repoDir: '/app/process_models',
      subdir: '',
      abbrev: 7,
    });
    expect(names(p)).toContain('app/process_models/finance/request/request-schema.json');
  });

  it('minimal: HEAD with the full sha, config with core.abbrev, empty objects/ and refs/', async () => {
    const repo = track(makeRepo());
    const p = await plan(repo.models, 'minimal');
    expect(names(p).filter((n) => n.includes('/.git'))).toEqual([
      'app/process_models/.git',
      'app/process_models/.git/HEAD',
      'app/process_models/.git/config',
      'app/process_models/.git/objects',
      'app/process_models/.git/refs',
    ]);
    expect(p.gitFiles).toBe(2);
  });

  it('none: no .git at all', async () => {
    const repo = track(makeRepo());
    const p = await plan(repo.models, 'none');
    expect(names(p).some((n) => n.includes('.git'))).toBe(false);
    expect(p).toMatchObject({ gitHistory: 'none', repoDir: null, abbrev: 0 });
  });

  it('models in a sub-folder: the repo lands at the image path, the models at <path>/<subdir>', async () => {
    const repo = track(makeRepo({ subdir: 'models/prod' }));
    const p = await plan(repo.models);
    expect(p).toMatchObject({
      modelsDir: '/app/process_models/models/prod',
      repoDir: '/app/process_models',
      subdir: 'models/prod',
    });
    expect(names(p)).toContain('app/process_models/.git/HEAD');
    expect(names(p)).toContain('app/process_models/models/prod/finance/process_group.json');
    // The rest of the work tree stays out.
    expect(names(p).some((n) => n.includes('ci/notes.txt'))).toBe(false);
    // With none there is no repo around the models: they go straight to the image path.
    expect((await plan(repo.models, 'none')).modelsDir).toBe('/app/process_models');
  });

  it('a folder outside git falls back to none with a warning', async () => {
    const dir = tempDir();
    dirs.push(dir);
    writeFiles(dir, modelFiles());
    const p = await plan(dir);
    expect(p.gitHistory).toBe('none');
    expect(p.warnings.join('\n')).toMatch(/is not in a git repository.*new instances record no revision/);
  });

  it('warns about a shallow checkout with full history, naming fetch-depth: 0', async () => {
    const repo = track(makeRepo());
    const clone = tempDir();
    dirs.push(clone);
    git(clone, ['clone', '-q', '--depth', '1', `file://${repo.root}`, 'c']);
    const p = await plan(path.join(clone, 'c'));
    expect(p.warnings.join('\n')).toMatch(/the checkout is shallow.*'fetch-depth: 0'/);
    expect(names(p)).toContain('app/process_models/.git/shallow');
    expect((await plan(path.join(clone, 'c'), 'minimal')).warnings).toEqual([]);
  });

  it('warns when the models have uncommitted changes', async () => {
    const repo = track(makeRepo({ commits: 1 }));
    writeFiles(repo.models, { 'finance/request/request-schema.json': '{}\n' });
    const p = await plan(repo.models);
    expect(p.warnings.join('\n')).toMatch(
      /uncommitted changes .* records revision [0-9a-f]{7}\. Commit them first/,
    );
  });

  it('refuses full history when objects live in another repository (alternates)', async () => {
    const repo = track(makeRepo({ commits: 1 }));
    const clone = tempDir();
    dirs.push(clone);
    git(clone, ['clone', '-q', '--shared', repo.root, 'c']);
    await expect(plan(path.join(clone, 'c'))).rejects.toThrow(
      /borrows objects from another repository.*git repack -a -d/,
    );
    await expect(plan(path.join(clone, 'c'), 'minimal')).resolves.toMatchObject({ gitHistory: 'minimal' });
  });

  it('reads a linked work tree through the common git dir', async () => {
    const repo = track(makeRepo());
    const wt = path.join(tempDir(), 'wt');
    dirs.push(path.dirname(wt));
    git(repo.root, ['worktree', 'add', '-q', '--detach', wt, repo.commits[0]]);
    const p = await plan(wt);
    const { entries } = await packed(p);
    expect(entries.find((e) => e.name.endsWith('.git/HEAD'))?.content).toBe(`${repo.commits[0]}\n`);
    expect(names(p).some((n) => /\.git\/objects\/pack\/pack-[0-9a-f]{40}\.pack$/.test(n))).toBe(true);
  });
});

describe('what the models part holds', () => {
  it('honours .spiff-models-ignore (gitignore-style) and always leaves out .git and .spiff-models', async () => {
    const repo = track(
      makeRepo({
        commits: 1,
        extra: {
          '.spiff-models-ignore': '# comments\n*.log\n/docs/\nscratch/\n!keep.log\nfinance/**/draft-*.json\n',
          'debug.log': 'x',
          'keep.log': 'x',
          'finance/request/old.log': 'x',
          'docs/how.md': 'x',
          'finance/docs/kept.md': 'x',
          'finance/scratch/tmp.json': '{}',
          'finance/request/draft-1.json': '{}',
          '.spiff-models/bake-dry-run/Dockerfile': 'x',
        },
      }),
    );
    const p = await plan(repo.models, 'none');
    const rel = names(p)
      .filter((n) => n.startsWith('app/process_models/'))
      .map((n) => n.slice('app/process_models/'.length));
    expect(rel).toEqual(
      expect.arrayContaining([
        'keep.log',
        'finance/docs/kept.md',
        'finance/request/request.bpmn',
        'README.md',
      ]),
    );
    for (const gone of [
      'debug.log',
      'finance/request/old.log',
      'docs',
      'finance/scratch',
      'finance/request/draft-1.json',
      '.spiff-models',
      '.spiff-models-ignore',
      '.git',
    ]) {
      expect(rel).not.toContain(gone);
    }
    expect(p.ignoreFile).toBe('.spiff-models-ignore');
  });

  it('falls back to .dockerignore', async () => {
    const repo = track(makeRepo({ commits: 1, extra: { '.dockerignore': 'README.md\n' } }));
    const p = await plan(repo.models, 'none');
    expect(p.ignoreFile).toBe('.dockerignore');
    expect(names(p).some((n) => n.endsWith('README.md'))).toBe(false);
  });

  it('keeps a symlink inside the root as a relative link', async () => {
    const repo = track(makeRepo({ commits: 1 }));
    symlinkSync(
      path.join(repo.models, 'finance/request/request-schema.json'),
      path.join(repo.models, 'finance/shared.json'),
    );
    commitAll(repo.root);
    const p = await plan(repo.models, 'none');
    const link = p.entries.find((e) => e.name.endsWith('finance/shared.json'));
    expect(link).toMatchObject({ type: 'symlink', linkname: 'request/request-schema.json' });
  });

  it('refuses a symlink that leaves the models root, saying what to do', async () => {
    const repo = track(makeRepo({ commits: 1, subdir: 'models' }));
    symlinkSync('../../ci/notes.txt', path.join(repo.models, 'finance/notes.txt'));
    commitAll(repo.root);
    const error = await plan(repo.models).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message).toMatch(
      /finance\/notes\.txt is a symlink to '\.\.\/\.\.\/ci\/notes\.txt', outside the models root .*Replace the link with a copy of the file, or list it in \.spiff-models-ignore/,
    );
    // Ignored, it is no problem.
    writeFileSync(path.join(repo.models, '.spiff-models-ignore'), 'finance/notes.txt\n');
    commitAll(repo.root);
    await expect(plan(repo.models)).resolves.toBeDefined();
  });

  it('refuses a dangling symlink', async () => {
    const repo = track(makeRepo({ commits: 1 }));
    symlinkSync('missing.json', path.join(repo.models, 'finance/dangling.json'));
    commitAll(repo.root);
    await expect(plan(repo.models)).rejects.toThrow(
      /finance\/dangling\.json is a symlink to 'missing\.json', which does not exist/,
    );
  });
});

describe('the deterministic tar', () => {
  it('same input, same bytes: sorted entries, mtime 0, root owner, fixed modes, Dockerfile first', async () => {
    const repo = track(makeRepo());
    writeFileSync(path.join(repo.models, 'finance/run.sh'), '#!/bin/sh\n', { mode: 0o775 });
    const a = await packed(await plan(repo.models));
    // Touching files changes nothing.
    utimesSync(path.join(repo.models, 'finance/request/request.bpmn'), new Date(), new Date(2001, 1, 1));
    const b = await packed(await plan(repo.models));
    expect(b.bytes.equals(a.bytes)).toBe(true);
    expect(a.counted).toBe(a.bytes.length);
    expect(a.outer.map((e) => [e.name, e.mode, e.mtime, e.uid])).toEqual([
      ['Dockerfile', 0o644, 0, 0],
      ['rootfs.tar', 0o644, 0, 0],
    ]);
    expect(a.outer[0].content).toBe('FROM scratch\n');
    // rootfs.tar is rooted at / so unpacking it fixes the metadata of every directory it touches.
    expect(a.root).toMatchObject({ name: './', type: 'directory', mode: 0o755, mtime: 0, uid: 0, gid: 0 });
    const names = a.entries.map((e) => e.name);
    expect(names).toEqual([...names].sort());
    expect(names.slice(0, 2)).toEqual(['app', 'app/process_models']);
    for (const e of a.entries) {
      expect([e.uid, e.gid, e.mtime]).toEqual([0, 0, 0]);
      const expected = e.type === 'directory' || e.name.endsWith('run.sh') ? 0o755 : 0o644;
      expect([e.name, e.mode]).toEqual([e.name, expected]);
    }
    expect(a.entries.find((e) => e.name.endsWith('request/request.bpmn'))?.content).toContain(
      'Process_request',
    );
  });

  it('uses SOURCE_DATE_EPOCH-style fixed times when given', async () => {
    const repo = track(makeRepo({ commits: 1 }));
    const { entries, outer } = await packed(await plan(repo.models), 1_700_000_000);
    expect(new Set([...entries, ...outer].map((e) => e.mtime))).toEqual(new Set([1_700_000_000]));
  });

  it('the content digest follows the content, not the file times', async () => {
    const repo = track(makeRepo({ commits: 1 }));
    const first = await plan(repo.models, 'none');
    utimesSync(path.join(repo.models, 'README.md'), new Date(), new Date(2010, 1, 1));
    expect((await plan(repo.models, 'none')).contentDigest).toBe(first.contentDigest);
    writeFileSync(path.join(repo.models, 'README.md'), 'changed\n');
    commitAll(repo.root);
    expect((await plan(repo.models, 'none')).contentDigest).not.toBe(first.contentDigest);
    // git keeps no empty folder: a group folder holds at least one file.
    mkdirSync(path.join(repo.models, 'empty-group'));
    writeFileSync(path.join(repo.models, 'empty-group/.keep'), '');
    commitAll(repo.root);
    const withDir = await plan(repo.models, 'none');
    expect(names(withDir)).toContain('app/process_models/empty-group');
  });

  it('lists the context one entry per line, with the paths the image gets', async () => {
    const repo = track(makeRepo({ commits: 1 }));
    const listing = contextListing(await plan(repo.models, 'minimal'), 'FROM scratch\n').split('\n');
    expect(listing.slice(0, 2)).toEqual([
      '-0644         13 Dockerfile',
      '# rootfs.tar, unpacked onto / in the image:',
    ]);
    expect(listing).toContain('d0755          0 /app/process_models/.git/objects/');
    expect(
      listing.some((l) => /^-0644 +\d+ \/app\/process_models\/finance\/request\/request\.bpmn$/.test(l)),
    ).toBe(true);
  });
});

describe('compileIgnore', () => {
  const cases: Array<[string, string, boolean, boolean]> = [
    ['*.log', 'a.log', false, true],
    ['*.log', 'deep/dir/a.log', false, true],
    ['/top.txt', 'top.txt', false, true],
    ['/top.txt', 'sub/top.txt', false, false],
    ['build/', 'build', true, true],
    ['build/', 'build', false, false],
    ['docs/*.md', 'docs/a.md', false, true],
    ['docs/*.md', 'x/docs/a.md', false, false],
    ['**/tmp', 'a/b/tmp', true, true],
    ['a/**', 'a/b/c', false, true],
    ['a/**/z', 'a/z', false, true],
    ['a/**/z', 'a/b/c/z', false, true],
    ['file?.json', 'file1.json', false, true],
    ['file[0-9].json', 'fileA.json', false, false],
    ['*.log\n!keep.log', 'keep.log', false, false],
    ['\\#hash', '#hash', false, true],
  ];
  it.each(cases)('%j on %s (dir %s) -> %s', (patterns, p, isDir, ignored) => {
    expect(compileIgnore(patterns).ignores(p, isDir)).toBe(ignored);
  });
});
