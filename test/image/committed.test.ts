// What bake includes: the committed tree of the models root, never what merely lies in the checkout (untracked
// and ignored files, work-tree edits), whatever the template; --include-untracked as the explicit opt-in.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import tar from 'tar-stream';
import { packContext } from '../../src/image/context.js';
import { layerTar } from '../../src/image/layer.js';
import { planBake, renderDockerfile, type BakePlan } from '../../src/image/plan.js';
import {
  bakeOptions,
  git,
  makeRepo,
  recordingLog,
  removeDir,
  tempDir,
  writeFiles,
  type Repo,
} from './fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

const suite = { baseImage: 'spiff-models-test-base:1', image: null, push: false, env: {} };

/** What actions/checkout plus google-github-actions/auth and a developer leave in a workspace. */
const SECRETS = {
  '.git-credentials': 'https://x:ghp_secret@github.com\n',
  'gha-creds-0123456789abcdef.json': '{"type": "external_account"}\n',
  '.env.local': 'DATABASE_PASSWORD=hunter2\n',
};

function repoWithSecrets(subdir?: string): Repo {
  const r = makeRepo({
    commits: 1,
    subdir,
    extra: { '.gitignore': '.env.local\ngha-creds-*.json\n.git-credentials\n' },
  });
  dirs.push(r.root);
  writeFiles(r.models, { ...SECRETS, 'notes/todo.txt': 'untracked, not ignored\n' });
  return r;
}

/** Every path and content of the build context: the outer tar and the rootfs.tar inside it. */
async function contextFiles(p: BakePlan): Promise<Map<string, string>> {
  const chunks: Buffer[] = [];
  for await (const c of packContext(p.layer, renderDockerfile(p, []), 0).stream) chunks.push(c as Buffer);
  const files = new Map<string, string>();
  const read = async (bytes: Buffer, prefix: string) => {
    const extract = tar.extract();
    const inner: Buffer[] = [];
    const done = new Promise<void>((resolve, reject) => {
      extract.on('entry', (header, stream, next) => {
        const parts: Buffer[] = [];
        stream.on('data', (d: unknown) => parts.push(d as Buffer));
        stream.on('end', () => {
          const body = Buffer.concat(parts);
          files.set(`${prefix}${header.name.replace(/^\.\//, '')}`, body.toString('utf8'));
          if (header.name === 'rootfs.tar') inner.push(body);
          next();
        });
      });
      extract.on('finish', resolve);
      extract.on('error', reject);
    });
    extract.end(bytes);
    await done;
    for (const b of inner) await read(b, 'rootfs.tar:');
  };
  await read(Buffer.concat(chunks), '');
  return files;
}

function plan(r: Repo, extra: Parameters<typeof bakeOptions>[2] = {}) {
  return planBake(bakeOptions(r, suite, { dryRun: true, ...extra }));
}

describe('the committed tree, nothing else', () => {
  it.each([[undefined], ['models']])(
    'untracked and gitignored files never reach the context (models sub-folder %s)',
    async (subdir) => {
      const r = repoWithSecrets(subdir);
      const files = await contextFiles(await plan(r));
      const names = [...files.keys()];
      for (const leaked of [...Object.keys(SECRETS), 'todo.txt']) {
        expect(names.filter((n) => n.endsWith(leaked))).toEqual([]);
      }
      expect([...files.values()].some((v) => v.includes('hunter2') || v.includes('ghp_secret'))).toBe(false);
      expect(names.some((n) => n.endsWith('finance/request/request.bpmn'))).toBe(true);
    },
  );

  it('a custom template that copies the whole context still gets only the Dockerfile and the committed layer', async () => {
    const r = repoWithSecrets();
    const template = path.join(tempDir(), 'Dockerfile.all');
    dirs.push(path.dirname(template));
    writeFileSync(template, 'FROM {{base_image}}\nCOPY . /everything\n{{copy}}\n');
    const files = await contextFiles(await plan(r, { template }));
    const outer = [...files.keys()].filter((n) => !n.startsWith('rootfs.tar:'));
    expect(outer).toEqual(['Dockerfile', 'rootfs.tar']);
    expect([...files.keys()].some((n) => /todo\.txt|\.env\.local|gha-creds|git-credentials/.test(n))).toBe(
      false,
    );
  });

  it('a tracked file modified in the work tree: warned about, baked as committed', async () => {
    const r = makeRepo({ commits: 1 });
    dirs.push(r.root);
    const form = 'finance/request/request-schema.json';
    writeFiles(r.models, { [form]: '{"title": "edited, not committed"}\n' });
    const log = recordingLog();
    const p = await plan(r, { log });
    expect(log.warnings.join('\n')).toMatch(
      new RegExp(
        `uncommitted changes under .* \\(${form}\\): bake leaves them out; the image holds the committed files`,
      ),
    );
    const files = await contextFiles(p);
    expect(files.get(`rootfs.tar:app/process_models/${form}`)).toContain('Request v1');
  });

  it('validation judges the committed tree, which is what gets baked', async () => {
    const r = makeRepo({ commits: 1 });
    dirs.push(r.root);
    // Broken in the work tree only: not what the image would hold.
    writeFiles(r.models, { 'finance/request/process_model.json': '{ "broken": ' });
    const p = await plan(r, { validate: true });
    expect(p.validation).toEqual({ models: 1, warnings: 0 });
  });

  it('--include-untracked adds untracked files that no ignore rule matches, with a warning naming them', async () => {
    const r = repoWithSecrets();
    const log = recordingLog();
    const p = await plan(r, { includeUntracked: true, log });
    const files = await contextFiles(p);
    expect(files.get('rootfs.tar:app/process_models/notes/todo.txt')).toBe('untracked, not ignored\n');
    expect(log.warnings.join('\n')).toMatch(
      /--include-untracked: baking 1 untracked file\(s\).*notes\/todo\.txt/,
    );
    for (const leaked of Object.keys(SECRETS)) {
      expect([...files.keys()].filter((n) => n.endsWith(leaked))).toEqual([]);
    }
  });

  it('refuses a models root with nothing committed, saying what to do', async () => {
    const r = makeRepo({ commits: 1 });
    dirs.push(r.root);
    const fresh = path.join(r.root, 'new-models');
    writeFiles(fresh, { 'g/process_group.json': '{}' });
    await expect(planBake(bakeOptions({ ...r, models: fresh }, suite, { dryRun: true }))).rejects.toThrow(
      /nothing is committed under .*new-models at HEAD .*Commit the models, or pass --include-untracked/,
    );
  });
});

describe('the git data of git-history full', () => {
  /** Unpacks the layer into a folder so git itself can be asked what the image's .git holds. */
  async function unpackLayer(p: BakePlan): Promise<string> {
    const out = tempDir();
    dirs.push(out);
    const files = await contextFiles(p);
    for (const [name, content] of files) {
      if (!name.startsWith('rootfs.tar:')) continue;
      const rel = name.slice('rootfs.tar:'.length);
      if (!rel || rel.endsWith('/')) continue;
      const entry = p.layer.entries.find((e) => e.name === rel);
      if (entry?.type !== 'file') continue;
      const target = path.join(out, rel);
      mkdirSync(path.dirname(target), { recursive: true });
      const bytes =
        entry.content ?? (entry.source ? readFileSync(entry.source) : Buffer.from(content, 'utf8'));
      writeFileSync(target, bytes);
    }
    for (const e of p.layer.entries)
      if (e.type === 'directory') mkdirSync(path.join(out, e.name), { recursive: true });
    return path.join(out, 'app/process_models');
  }

  it('holds the history of HEAD and the branches, not stashes or objects of files never committed', async () => {
    const r = makeRepo();
    dirs.push(r.root);
    // A stash of a secret edit, and a secret added then unstaged: both leave objects in .git/objects.
    writeFiles(r.models, { 'README.md': 'stashed: token=ghp_stashed\n' });
    git(r.root, ['stash', '-q']);
    writeFiles(r.models, { 'creds.json': '{"token": "ghp_dangling"}\n' });
    git(r.root, ['add', 'creds.json']);
    git(r.root, ['reset', '-q', 'creds.json']);
    const dangling = git(r.root, ['hash-object', 'creds.json']);
    const stash = git(r.root, ['rev-parse', 'refs/stash']);
    const p = await plan(r);
    expect(p.layer.entries.map((e) => e.name).filter((n) => n.includes('stash'))).toEqual([]);
    const repo = await unpackLayer(p);
    const inImage = (args: string[]) => git(repo, args);
    expect(inImage(['rev-parse', 'HEAD'])).toBe(r.commits[1]);
    expect(inImage(['show', `${r.commits[0]}:finance/request/request-schema.json`])).toContain('Request v1');
    expect(() => inImage(['cat-file', '-e', dangling])).toThrow();
    expect(() => inImage(['cat-file', '-e', stash])).toThrow();
    expect(inImage(['for-each-ref', '--format=%(refname)'])).toBe('refs/heads/main');
  });
});

describe('symlinks in the layer', () => {
  it('a link to its own folder (grp/self -> .) is kept as "." and the layer unpacks with tar -x', async () => {
    const r = makeRepo({ commits: 1 });
    dirs.push(r.root);
    mkdirSync(path.join(r.models, 'grp'), { recursive: true });
    writeFileSync(path.join(r.models, 'grp/readme.txt'), 'x\n');
    symlinkSync('.', path.join(r.models, 'grp/self'));
    symlinkSync('..', path.join(r.models, 'grp/up'));
    git(r.root, ['add', '-A']);
    git(r.root, ['commit', '-q', '-m', 'links']);
    const p = await plan(r, { gitHistory: 'none' });
    const link = (n: string) => p.layer.entries.find((e) => e.name === `app/process_models/grp/${n}`);
    expect(link('self')).toMatchObject({ type: 'symlink', linkname: '.' });
    expect(link('up')).toMatchObject({ type: 'symlink', linkname: '..' });
    const out = tempDir();
    dirs.push(out);
    const bytes: Buffer[] = [];
    for await (const c of layerTar(p.layer)) bytes.push(c as Buffer);
    execFileSync('tar', ['-x', '-C', out], { input: Buffer.concat(bytes) });
    expect(readlinkSync(path.join(out, 'app/process_models/grp/self'))).toBe('.');
    expect(readFileSync(path.join(out, 'app/process_models/grp/self/readme.txt'), 'utf8')).toBe('x\n');
  });
});
