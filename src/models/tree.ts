// The one listing of a models root, read by the loader and by bake alike: files, directories and symlinks with one
// symlink policy. A link is kept when it resolves inside the root; a broken link or one leaving the root is a problem.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SetupError } from '../util/errors.js';

/** Where an entry's bytes come from: a file on disk, or a blob in the git object store. */
export type TreeSource = { kind: 'disk'; abs: string } | { kind: 'git'; oid: string };

export interface TreeEntry {
  /** Relative to the models root, `/` separators, sorted by this. */
  path: string;
  type: 'file' | 'directory' | 'symlink';
  executable: boolean;
  /** Bytes of a file (0 for directories and links). */
  size: number;
  /** Files: where the bytes are. */
  source?: TreeSource;
  /** Symlinks: what the link resolves to, relative to the root ('' is the root itself). */
  target?: { path: string; type: 'file' | 'directory' };
  /** Symlinks: the link as it is kept, relative to its own directory ('.' for a link to its own folder). */
  linkname?: string;
  /** Symlinks: the link text as written. */
  link?: string;
}

export type TreeProblemKind = 'broken-link' | 'outside-root' | 'special' | 'unreadable';

export interface TreeProblem {
  path: string;
  kind: TreeProblemKind;
  /** Symlinks: the link text as written. */
  link?: string;
  /** outside-root: where the link points; unreadable: the error; special: what it is. */
  detail: string;
}

export interface SourceTree {
  /** The models root (absolute, as given). */
  root: string;
  /** Disk: the work tree as it lies. Git: the committed tree of `commit`. */
  from: 'disk' | 'git';
  commit: string | null;
  /** The git dir whose objects hold the blobs of a git tree. */
  gitDir: string | null;
  entries: TreeEntry[];
  problems: TreeProblem[];
}

export function comparePaths(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The link as kept in the image: relative to its directory, '.' rather than '' for its own folder. */
export function relativeLink(fromDir: string, to: string): string {
  return path.posix.relative(fromDir, to) || '.';
}

/** Walks the work tree below root (skipping .git at every depth: nested repositories are not models). */
export function walkDisk(root: string): SourceTree {
  const abs = path.resolve(root);
  const realRoot = fs.realpathSync(abs);
  const entries: TreeEntry[] = [];
  const problems: TreeProblem[] = [];
  const toRel = (p: string) => path.relative(realRoot, p).split(path.sep).join('/');
  const stack: string[] = [''];
  while (stack.length) {
    const rel = stack.pop() as string;
    let names: string[];
    try {
      names = fs.readdirSync(rel ? path.join(realRoot, rel) : realRoot);
    } catch (err) {
      problems.push({ path: rel || '.', kind: 'unreadable', detail: (err as Error).message });
      continue;
    }
    for (const name of names) {
      if (name === '.git') continue;
      const childRel = rel ? `${rel}/${name}` : name;
      const childAbs = path.join(realRoot, childRel);
      const info = fs.lstatSync(childAbs);
      if (info.isDirectory()) {
        entries.push({ path: childRel, type: 'directory', executable: true, size: 0 });
        stack.push(childRel);
      } else if (info.isFile()) {
        entries.push({
          path: childRel,
          type: 'file',
          executable: (info.mode & 0o111) !== 0,
          size: info.size,
          source: { kind: 'disk', abs: childAbs },
        });
      } else if (info.isSymbolicLink()) {
        const link = fs.readlinkSync(childAbs);
        let real: string;
        try {
          real = fs.realpathSync(childAbs);
        } catch {
          problems.push({ path: childRel, kind: 'broken-link', link, detail: link });
          continue;
        }
        if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
          problems.push({ path: childRel, kind: 'outside-root', link, detail: real });
          continue;
        }
        const targetRel = toRel(real);
        const dir = rel;
        entries.push({
          path: childRel,
          type: 'symlink',
          executable: false,
          size: 0,
          link,
          linkname: relativeLink(dir, targetRel),
          target: { path: targetRel, type: fs.statSync(real).isDirectory() ? 'directory' : 'file' },
          source: { kind: 'disk', abs: childAbs },
        });
      } else {
        problems.push({ path: childRel, kind: 'special', detail: 'a socket, FIFO or device' });
      }
    }
  }
  entries.sort(comparePaths);
  return { root: abs, from: 'disk', commit: null, gitDir: null, entries, problems };
}

/** The files a reader sees: regular files and links to files (read through the link), by path. */
export function readableFiles(tree: SourceTree): TreeEntry[] {
  return tree.entries.filter((e) => e.type === 'file' || (e.type === 'symlink' && e.target?.type === 'file'));
}

/** Reads blobs from a git dir in one `git cat-file --batch`: oid -> bytes. */
export function readBlobs(gitDir: string, oids: string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const wanted = [...new Set(oids)];
  if (wanted.length === 0) return out;
  const r = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], {
    input: `${wanted.join('\n')}\n`,
    maxBuffer: 1 << 30,
    env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
  });
  if (r.error) throw new SetupError(`cannot run git cat-file in ${gitDir}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new SetupError(`git cat-file --batch failed in ${gitDir}: ${r.stderr.toString().trim()}`);
  }
  const buf = r.stdout;
  let pos = 0;
  for (const oid of wanted) {
    const nl = buf.indexOf(10, pos);
    const header = buf.subarray(pos, nl).toString();
    const [, type, size] = header.split(' ');
    if (type !== 'blob') throw new SetupError(`git object ${oid} in ${gitDir} is missing (${header}).`);
    out.set(oid, buf.subarray(nl + 1, nl + 1 + Number(size)));
    pos = nl + 1 + Number(size) + 1;
  }
  return out;
}

/** The bytes of a file of the tree (its ignore file, say), or null when the tree has no such file. */
export function readTreeFile(tree: SourceTree, relPath: string): Buffer | null {
  const entry = tree.entries.find((e) => e.path === relPath && e.type === 'file');
  if (!entry?.source) return null;
  if (entry.source.kind === 'disk') return fs.readFileSync(entry.source.abs);
  return readBlobs(tree.gitDir as string, [entry.source.oid]).get(entry.source.oid) ?? null;
}
