// The one listing of a models root, read by the loader and by bake alike: files, directories and symlinks with one
// symlink policy. A link is kept when it resolves inside the root; a broken link or one leaving the root is a problem.
import fs from 'node:fs';
import path from 'node:path';
import { SetupError } from '../util/errors.js';
import { specialKind } from '../util/files.js';
import { gitSync, tryGitSync } from '../util/git.js';

/**
 * child_process (and the net module it loads) only when git is run: validate of a work tree never needs it,
 * and it was the largest part of validate's start-up.
 */

/** Where an entry's bytes come from: a file on disk, or a blob in the git object store. */
export type TreeSource = { kind: 'disk'; abs: string } | { kind: 'git'; oid: string };

export interface TreeEntry {
  /** Relative to the models root, `/` separators, sorted by this. */
  path: string;
  type: 'file' | 'directory' | 'symlink';
  /** Files: a mode with an execute bit (false for a walk without `stat`). */
  executable: boolean;
  /** Bytes of a file (0 for directories and links; -1 for a file of a walk without `stat`). */
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

export interface WalkOptions {
  /**
   * lstat every file for its size and mode (default): bake packs them. The loader passes false: it only reads
   * the files, and its read (readRegularFile) checks the file it opened with fstat anyway. Without it a file's
   * `size` is -1 and `executable` false, and the walk takes what a file is from the directory listing.
   */
  stat?: boolean;
}

/**
 * Walks the work tree below root (skipping .git at every depth: nested repositories are not models). What an
 * entry is comes from the directory listing (its d_type; node lstats an entry the file system does not type);
 * only links are resolved and, with `stat`, files stat'ed.
 */
export function walkDisk(root: string, options: WalkOptions = {}): SourceTree {
  const statFiles = options.stat ?? true;
  const abs = path.resolve(root);
  const realRoot = fs.realpathSync(abs);
  const entries: TreeEntry[] = [];
  const problems: TreeProblem[] = [];
  const toRel = (p: string) => path.relative(realRoot, p).split(path.sep).join('/');
  // Names never hold a separator and are never '.' or '..': joining is concatenating (path.join would
  // normalise every path again). Elsewhere than POSIX, path.join keeps the native separators.
  const base = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep;
  const absOf = path.sep === '/' ? (rel: string) => base + rel : (rel: string) => path.join(realRoot, rel);
  const stack: string[] = [''];
  while (stack.length) {
    const rel = stack.pop() as string;
    let listing: fs.Dirent[];
    try {
      listing = fs.readdirSync(rel ? absOf(rel) : realRoot, { withFileTypes: true });
    } catch (err) {
      problems.push({ path: rel || '.', kind: 'unreadable', detail: (err as Error).message });
      continue;
    }
    for (const dirent of listing) {
      const name = dirent.name;
      if (name === '.git') continue;
      const childRel = rel ? `${rel}/${name}` : name;
      const childAbs = absOf(childRel);
      // A file is stat'ed for its size and mode, and then what lstat says it is counts (it may have changed).
      const st = statFiles && dirent.isFile() ? fs.lstatSync(childAbs) : undefined;
      const info = st ?? dirent;
      if (info.isDirectory()) {
        entries.push({ path: childRel, type: 'directory', executable: true, size: 0 });
        stack.push(childRel);
      } else if (info.isFile()) {
        entries.push({
          path: childRel,
          type: 'file',
          executable: st ? (st.mode & 0o111) !== 0 : false,
          size: st ? st.size : -1,
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
        if (real !== realRoot && !real.startsWith(base)) {
          problems.push({ path: childRel, kind: 'outside-root', link, detail: real });
          continue;
        }
        const targetInfo = fs.statSync(real);
        if (!targetInfo.isDirectory() && !targetInfo.isFile()) {
          problems.push({
            path: childRel,
            kind: 'special',
            link,
            detail: `a symbolic link to ${specialKind(targetInfo)}`,
          });
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
          target: { path: targetRel, type: targetInfo.isDirectory() ? 'directory' : 'file' },
          source: { kind: 'disk', abs: childAbs },
        });
      } else {
        problems.push({ path: childRel, kind: 'special', detail: specialKind(info) });
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
  const buf = gitSync(['cat-file', '--batch'], { gitDir, input: `${wanted.join('\n')}\n` });
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

/** How many links a path may pass through before it counts as a loop (the kernel's limit). */
const MAX_LINK_HOPS = 40;

/**
 * Resolves symlinks of a tree lexically, the way the kernel would in a checkout of it: an absolute target or one
 * climbing above the root leaves it; a target the tree does not hold is broken.
 */
function resolveLinks(entries: TreeEntry[], problems: TreeProblem[], root: string): TreeEntry[] {
  const roots = [...new Set([root, fs.realpathSync(root)])];
  const byPath = new Map(entries.map((e) => [e.path, e]));
  type Resolved = { path: string } | { outside: string } | { broken: true };
  const walkPath = (p: string, hops: number): Resolved => {
    if (p === '.' || p === '') return { path: '' };
    if (p === '..' || p.startsWith('../')) return { outside: path.posix.join(root, p) };
    const parts = p.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      const e = byPath.get(prefix);
      if (!e) return { broken: true };
      if (e.type === 'symlink') {
        if (hops >= MAX_LINK_HOPS) return { broken: true };
        const through = resolveLink(e, hops + 1);
        if (!('path' in through)) return through;
        const rest = parts.slice(i).join('/');
        return walkPath(path.posix.normalize(path.posix.join(through.path || '.', rest)), hops + 1);
      }
    }
    return { path: p };
  };
  const resolveLink = (e: TreeEntry, hops: number): Resolved => {
    const link = e.link as string;
    if (path.posix.isAbsolute(link)) {
      // An absolute link into this checkout's models root (what `ln -s "$PWD/x"` writes) resolves like the work
      // tree's does; the image gets it relative. Any other absolute target is outside.
      const inside = roots.find((r) => link === r || link.startsWith(`${r}/`));
      return inside === undefined ? { outside: link } : walkPath(link.slice(inside.length + 1), hops);
    }
    const dir = path.posix.dirname(e.path);
    return walkPath(path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, link)), hops);
  };
  const kept: TreeEntry[] = [];
  for (const e of entries) {
    if (e.type !== 'symlink') {
      kept.push(e);
      continue;
    }
    const r = resolveLink(e, 0);
    if ('outside' in r) {
      problems.push({ path: e.path, kind: 'outside-root', link: e.link, detail: r.outside });
    } else if ('broken' in r) {
      problems.push({ path: e.path, kind: 'broken-link', link: e.link, detail: e.link as string });
    } else {
      const target = byPath.get(r.path);
      const dir = path.posix.dirname(e.path);
      kept.push({
        ...e,
        linkname: relativeLink(dir === '.' ? '' : dir, r.path),
        target: { path: r.path, type: r.path === '' || target?.type === 'directory' ? 'directory' : 'file' },
      });
    }
  }
  // A link to a link to a file reads as that file: its source is the final target's.
  for (const e of kept) {
    if (e.type === 'symlink' && e.target?.type === 'file') e.source = byPath.get(e.target.path)?.source;
  }
  return kept;
}

/**
 * The committed tree of the models root at `commit` (`git ls-tree`), never what merely lies in the checkout:
 * untracked and ignored files do not exist here. Submodules are problems (their files are not in this repository).
 */
export function readGitTree(root: string, commit: string): SourceTree {
  const abs = path.resolve(root);
  const gitDir = path.resolve(
    abs,
    gitSync(['rev-parse', '--git-common-dir'], { cwd: abs }).toString().trim(),
  );
  const prefix = gitSync(['rev-parse', '--show-prefix'], { cwd: abs }).toString().trim();
  const entries: TreeEntry[] = [];
  const problems: TreeProblem[] = [];
  const listing = tryGitSync(['ls-tree', '--full-tree', '-r', '-t', '-l', '-z', `${commit}:${prefix}`], {
    cwd: abs,
  });
  // The models root not in the commit at all: an empty tree (bake says what to do).
  const text = listing.code === 0 ? listing.stdout.toString('utf8') : '';
  const links: TreeEntry[] = [];
  for (const rec of text.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, type, oid, size] = rec.slice(0, tab).split(/\s+/);
    const p = rec.slice(tab + 1);
    if (p.split('/').includes('.git')) continue;
    if (type === 'tree') entries.push({ path: p, type: 'directory', executable: true, size: 0 });
    else if (type === 'commit') problems.push({ path: p, kind: 'special', detail: 'a git submodule' });
    else if (mode === '120000') {
      const e: TreeEntry = {
        path: p,
        type: 'symlink',
        executable: false,
        size: 0,
        source: { kind: 'git', oid },
      };
      links.push(e);
      entries.push(e);
    } else {
      entries.push({
        path: p,
        type: 'file',
        executable: mode === '100755',
        size: Number(size) || 0,
        source: { kind: 'git', oid },
      });
    }
  }
  const targets = readBlobs(
    gitDir,
    links.map((e) => (e.source as { oid: string }).oid),
  );
  for (const e of links) {
    e.link = targets.get((e.source as { oid: string }).oid)?.toString('utf8') ?? '';
    delete e.source;
  }
  entries.sort(comparePaths);
  return {
    root: abs,
    from: 'git',
    commit,
    gitDir,
    entries: resolveLinks(entries, problems, abs),
    problems,
  };
}

/**
 * Adds files from the work tree to a committed tree (--include-untracked): `paths` relative to the root, read
 * from disk with the disk walk's link policy. Their parent folders are added too.
 */
export function addFromDisk(tree: SourceTree, paths: string[]): SourceTree {
  const disk = walkDisk(tree.root);
  const wanted = new Set(paths);
  const have = new Set(tree.entries.map((e) => e.path));
  const entries = [...tree.entries];
  for (const e of disk.entries) {
    if (!wanted.has(e.path) || have.has(e.path)) continue;
    entries.push(e);
    have.add(e.path);
    for (let i = e.path.indexOf('/'); i >= 0; i = e.path.indexOf('/', i + 1)) {
      const dir = e.path.slice(0, i);
      if (!have.has(dir)) {
        entries.push({ path: dir, type: 'directory', executable: true, size: 0 });
        have.add(dir);
      }
    }
  }
  const problems = [...tree.problems, ...disk.problems.filter((p) => wanted.has(p.path))];
  entries.sort(comparePaths);
  return { ...tree, entries, problems };
}

/** Reads files of a tree for the loader: git blobs of the files it parses are fetched in one batch. */
export function treeReader(tree: SourceTree): (relPath: string) => Buffer {
  let loaded: Map<string, Buffer> | null = null;
  const byPath = new Map(tree.entries.map((e) => [e.path, e]));
  return (relPath) => {
    const source = byPath.get(relPath)?.source;
    if (!source) throw new Error(`not in the tree: ${relPath}`);
    if (source.kind === 'disk') return fs.readFileSync(source.abs);
    if (!loaded) {
      const oids = readableFiles(tree)
        .filter((e) => /\.(json|bpmn|dmn)$/i.test(e.path) && e.source?.kind === 'git')
        .map((e) => (e.source as { oid: string }).oid);
      loaded = readBlobs(tree.gitDir as string, oids);
    }
    if (!loaded.has(source.oid)) {
      for (const [oid, bytes] of readBlobs(tree.gitDir as string, [source.oid])) loaded.set(oid, bytes);
    }
    return loaded.get(source.oid) as Buffer;
  };
}
