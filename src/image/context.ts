// The models layer: the models files (from the tree the loader listed) and the git data the image needs, laid out
// as they will be in the image, packed as a deterministic tar (sorted entries, fixed times, owners and modes) so
// the same input gives the same layer digest; the engine's build context wraps it. Also a digest and a listing.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import {
  readBlobs,
  readGitTree,
  readTreeFile,
  walkDisk,
  type SourceTree,
  type TreeSource,
} from '../models/tree.js';
import { SetupError, UsageError } from '../util/errors.js';
import { gitSync } from '../util/git.js';
import type { GitInfo } from './git.js';
import {
  ALWAYS_IGNORED,
  IGNORE_FILES,
  compileIgnore,
  compileIgnoreFile,
  type IgnoreMatcher,
} from './ignore.js';
import { ROOTFS_TAR } from './template.js';

export type GitHistory = 'full' | 'minimal' | 'none';
export const GIT_HISTORY_MODES: GitHistory[] = ['full', 'minimal', 'none'];

export function parseGitHistory(value: string | undefined, what: string): GitHistory {
  const mode = (value || 'full').trim() as GitHistory;
  if (!GIT_HISTORY_MODES.includes(mode)) {
    throw new UsageError(`${what} must be one of ${GIT_HISTORY_MODES.join(', ')}; got '${value}'.`);
  }
  return mode;
}

export interface ContextEntry {
  /** Name in the tar, `/` separators, no trailing slash. */
  name: string;
  type: 'file' | 'directory' | 'symlink';
  mode: number;
  size: number;
  /** File on disk to stream from. */
  source?: string;
  /** Blob in the git dir (ContextPlan.blobDir) to read the content from. */
  blob?: string;
  /** Generated content (minimal .git files, HEAD, config, the Dockerfile). */
  content?: Buffer;
  linkname?: string;
  /** sha256 of the content, or for content-addressed git object files their name and size. */
  hash: string;
}

export interface ContextOptions {
  /** The models root on disk (absolute). */
  modelsRoot: string;
  gitHistory: GitHistory;
  /** Where the models land in the image when they are the repo root (default /app/process_models). */
  imagePath: string;
  git: GitInfo | null;
  /** The listing of the models root (the loaded index's); default: the work tree on disk. */
  tree?: SourceTree;
}

export interface ContextPlan {
  /** What the image gets: names are image paths without the leading slash; sorted, parents first. */
  entries: ContextEntry[];
  /** SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR. */
  modelsDir: string;
  /** Where the repository's work tree (and .git) sits in the image; null without git data. */
  repoDir: string | null;
  /** SPIFFWORKFLOW_BACKEND_BPMN_SPEC_SUBDIR_WITHIN_REPO, '' when not needed. */
  subdir: string;
  /** The mode actually used: `none` when the models are not in a git repository. */
  gitHistory: GitHistory;
  /** core.abbrev written in the image's git config (the short sha's length), 0 without git data. */
  abbrev: number;
  /** sha256 over every entry (names, types, modes, sizes, contents). */
  contentDigest: string;
  modelFiles: number;
  gitFiles: number;
  ignoreFile: string | null;
  /** The git dir whose objects hold the entries' blobs (null when every file is on disk). */
  blobDir: string | null;
  warnings: string[];
}

const DIR_MODE = 0o755;
const FILE_MODE = 0o644;
const EXEC_MODE = 0o755;

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Files up to this size are read whole and synchronously: models repos are thousands of small files, where
 * the thread-pool round trips of async reads cost more than the reads. Larger ones are streamed.
 */
const SMALL_FILE = 1024 * 1024;
/** Parallel reads while hashing and packing: many small files make per-file latency the cost. */
const READ_CONCURRENCY = 16;
/** Bytes of git blobs read per `git cat-file --batch` while packing. */
const BLOB_BATCH = 64 * 1024 * 1024;

async function hashFile(file: string, size: number): Promise<string> {
  if (size <= SMALL_FILE) return sha256(readFileSync(file));
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Fills in the content hash of every file entry that has none yet. */
async function hashEntries(entries: ContextEntry[]): Promise<void> {
  const pending = entries.filter((e) => e.type === 'file' && !e.hash && e.source);
  await forEachLimit(pending, READ_CONCURRENCY, async (e) => {
    e.hash = await hashFile(e.source as string, e.size);
  });
}

/** The ignore file of the tree: `.spiff-models-ignore`, else `.dockerignore`, read from the tree itself. */
function loadIgnore(tree: SourceTree): { matcher: IgnoreMatcher; file: string | null } {
  for (const name of IGNORE_FILES) {
    const bytes = readTreeFile(tree, name);
    if (bytes) return { matcher: compileIgnoreFile(name, bytes.toString('utf8')), file: name };
  }
  return { matcher: compileIgnore(''), file: null };
}

interface Collected {
  entries: ContextEntry[];
  warnings: string[];
}

/**
 * The models part of the layer, from the tree the loader listed: every entry the ignore file keeps (an ignored
 * directory's contents stay out), links as relative links. Links that are broken or leave the root are refused
 * unless ignored.
 */
async function collectModels(tree: SourceTree, prefix: string, matcher: IgnoreMatcher): Promise<Collected> {
  const entries: ContextEntry[] = [];
  const warnings: string[] = [];
  const ignoredDirs = new Set<string>();
  const ignored = (p: string, isDir: boolean): boolean => {
    // .git is added per git-history mode; .spiff-models holds our own output; the ignore files configure us.
    if (ALWAYS_IGNORED.includes(p.split('/')[0])) return true;
    for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
      if (ignoredDirs.has(p.slice(0, i))) return true;
    }
    if (!matcher.ignores(p, isDir)) return false;
    if (isDir && matcher.prunesDirectories) ignoredDirs.add(p);
    return true;
  };
  for (const problem of tree.problems) {
    if (ignored(problem.path, false)) continue;
    const ignoreHint = `list it in ${IGNORE_FILES[0]} to leave it out of the image`;
    if (problem.kind === 'broken-link') {
      throw new SetupError(
        `${problem.path} is a symlink to '${problem.link}', which does not exist. Remove the link, or ${ignoreHint}.`,
      );
    }
    if (problem.kind === 'outside-root') {
      throw new SetupError(
        `${problem.path} is a symlink to '${problem.link}', outside the models root ${tree.root}: the image ` +
          `would not hold its target. Replace the link with a copy of the file, or list it in ${IGNORE_FILES[0]}.`,
      );
    }
    if (problem.kind === 'unreadable') {
      throw new SetupError(
        `cannot read ${problem.path} under ${tree.root}: ${problem.detail}; or ${ignoreHint}.`,
      );
    }
    warnings.push(
      `${problem.path} is not a regular file, directory or symlink (${problem.detail}): left out.`,
    );
  }
  for (const e of tree.entries) {
    if (ignored(e.path, e.type === 'directory')) continue;
    const name = `${prefix}/${e.path}`;
    if (e.type === 'directory') {
      entries.push(directory(name));
    } else if (e.type === 'symlink') {
      const linkname = e.linkname as string;
      entries.push({ name, type: 'symlink', mode: 0o777, size: 0, linkname, hash: `link:${linkname}` });
    } else {
      const source = e.source as TreeSource;
      entries.push({
        name,
        type: 'file',
        mode: e.executable ? EXEC_MODE : FILE_MODE,
        size: e.size,
        ...(source.kind === 'disk' ? { source: source.abs } : { blob: source.oid }),
        hash: source.kind === 'git' ? `git:${source.oid}` : '',
      });
    }
  }
  await hashEntries(entries);
  return { entries, warnings };
}

/** Refs the image keeps: branches, tags, remote-tracking branches. Never refs/stash (work-tree edits), notes. */
const KEPT_REFS = ['refs/heads', 'refs/tags', 'refs/remotes'];

/**
 * The repository's history as the image gets it: one pack of the objects reachable from HEAD and the kept refs
 * (so stashes, dangling objects of files added but never committed, and other repositories' objects stay out),
 * the kept refs as loose refs, the shallow list. HEAD and config are written fresh by the caller.
 */
async function collectFullGit(git: GitInfo, prefix: string): Promise<Collected> {
  const entries: ContextEntry[] = [directory(`${prefix}/objects`), directory(`${prefix}/objects/pack`)];
  entries.push(
    directory(`${prefix}/refs`),
    directory(`${prefix}/refs/heads`),
    directory(`${prefix}/refs/tags`),
  );
  const refs = gitSync(['for-each-ref', '--format=%(objectname) %(refname)', ...KEPT_REFS], {
    gitDir: git.commonDir,
  })
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const space = line.indexOf(' ');
      return { oid: line.slice(0, space), name: line.slice(space + 1) };
    });
  for (const ref of refs) entries.push(generated(`${prefix}/${ref.name}`, `${ref.oid}\n`));
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'spiff-models-pack-'));
  try {
    // One thread: the same objects give the same pack bytes, so the layer stays reproducible.
    const tips = [git.sha, ...refs.map((r) => r.oid)].join('\n');
    gitSync(['pack-objects', '--revs', '--threads=1', '-q', path.join(tmp, 'pack')], {
      gitDir: git.commonDir,
      input: `${tips}\n`,
    });
    for (const name of (await readdir(tmp)).sort()) {
      const e = generatedBytes(`${prefix}/objects/pack/${name}`, readFileSync(path.join(tmp, name)));
      entries.push(e);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  if (git.shallow) {
    const shallow = path.join(git.commonDir, 'shallow');
    entries.push(generatedBytes(`${prefix}/shallow`, readFileSync(shallow)));
  }
  return { entries, warnings: [] };
}

/** The git config the image gets: format, and core.abbrev so `rev-parse --short` prints the same length. */
export function gitConfig(git: GitInfo, abbrev: number): string {
  const sha256Repo = git.objectFormat === 'sha256';
  return [
    '[core]',
    `\trepositoryformatversion = ${sha256Repo ? 1 : 0}`,
    '\tfilemode = true',
    '\tbare = false',
    `\tabbrev = ${abbrev}`,
    ...(sha256Repo ? ['[extensions]', '\tobjectformat = sha256'] : []),
    '',
  ].join('\n');
}

function generated(name: string, text: string): ContextEntry {
  return generatedBytes(name, Buffer.from(text, 'utf8'));
}

function generatedBytes(name: string, content: Buffer): ContextEntry {
  return { name, type: 'file', mode: FILE_MODE, size: content.length, content, hash: sha256(content) };
}

function directory(name: string): ContextEntry {
  return { name, type: 'directory', mode: DIR_MODE, size: 0, hash: '' };
}

function compareNames(a: ContextEntry, b: ContextEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export async function planContext(options: ContextOptions): Promise<ContextPlan> {
  const warnings: string[] = [];
  const rootInfo = await stat(options.modelsRoot).catch(() => null);
  if (!rootInfo?.isDirectory()) {
    throw new SetupError(
      `the models root ${options.modelsRoot} is not a directory; pass the folder to bake.`,
    );
  }
  const git = options.git;
  let gitHistory = options.gitHistory;
  if (!git && gitHistory !== 'none') {
    warnings.push(
      `${options.modelsRoot} is not in a git repository (or has no commit): the image gets no git data, new ` +
        `instances record no revision, and the backend's boot script runs 'git init' in the models dir (which ` +
        `fails on a read-only filesystem). Bake a git checkout to record the revision.`,
    );
    gitHistory = 'none';
  }
  const withGit = git !== null && gitHistory !== 'none';
  const subdir = withGit ? git.subdir : '';
  const repoDir = withGit ? options.imagePath : null;
  const modelsDir = subdir ? `${options.imagePath}/${subdir}` : options.imagePath;
  // Entry names are image paths without the leading slash.
  const rootfs = (p: string) => p.slice(1);

  // The committed tree when there is git: nothing that merely lies in the checkout reaches the image.
  const tree =
    options.tree ?? (git ? readGitTree(options.modelsRoot, git.sha) : walkDisk(options.modelsRoot));
  const { matcher, file: ignoreFile } = loadIgnore(tree);
  const models = await collectModels(tree, rootfs(modelsDir), matcher);
  warnings.push(...models.warnings);
  const entries: ContextEntry[] = [...models.entries];

  let abbrev = 0;
  let gitFiles = 0;
  if (withGit && repoDir) {
    const gitDir = rootfs(`${repoDir}/.git`);
    abbrev = git.shortSha.length;
    entries.push(directory(gitDir));
    entries.push(generated(`${gitDir}/HEAD`, `${git.sha}\n`));
    entries.push(generated(`${gitDir}/config`, gitConfig(git, abbrev)));
    if (gitHistory === 'full') {
      if (git.alternates) {
        throw new SetupError(
          `${git.commonDir} borrows objects from another repository (objects/info/alternates), so its history ` +
            `cannot be baked. Run 'git repack -a -d' and delete objects/info/alternates, or use git-history minimal.`,
        );
      }
      if (git.shallow) {
        warnings.push(
          `the checkout is shallow: git-history full bakes only the fetched commits, so forms of instances ` +
            `started on older revisions will not load. Check out with 'fetch-depth: 0' (actions/checkout) or ` +
            `'git fetch --unshallow'.`,
        );
      }
      const history = await collectFullGit(git, gitDir);
      warnings.push(...history.warnings);
      entries.push(...history.entries);
      gitFiles = history.entries.filter((e) => e.type === 'file').length + 2;
    } else {
      entries.push(directory(`${gitDir}/objects`), directory(`${gitDir}/refs`));
      gitFiles = 2;
    }
    if (git.dirty && tree.from === 'git') {
      const shown = git.modified.slice(0, 10).join(', ') + (git.modified.length > 10 ? ', ...' : '');
      warnings.push(
        `uncommitted changes under ${options.modelsRoot} (${shown || 'staged'}): bake leaves them out; the image ` +
          `holds the committed files and records revision ${git.shortSha}. Commit them first to bake them.`,
      );
    } else if (git.dirty) {
      warnings.push(
        `uncommitted changes under ${options.modelsRoot}: the image holds them but records revision ` +
          `${git.shortSha}. Commit them first so the revision names what is baked.`,
      );
    }
  }

  // Parents of every entry, down from /, so each directory in the tar has fixed metadata.
  const names = new Set(entries.map((e) => e.name));
  for (const entry of [...entries]) {
    const parts = entry.name.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (!names.has(parent)) {
        names.add(parent);
        entries.push(directory(parent));
      }
    }
  }
  if (!names.has(rootfs(modelsDir))) entries.push(directory(rootfs(modelsDir)));
  entries.sort(compareNames);

  const digest = createHash('sha256');
  for (const e of entries) {
    digest.update(`${e.type} ${e.mode.toString(8)} ${e.size} ${e.hash} ${e.name}\n`);
  }
  return {
    entries,
    modelsDir,
    repoDir,
    subdir,
    gitHistory,
    abbrev,
    contentDigest: `sha256:${digest.digest('hex')}`,
    modelFiles: models.entries.filter((e) => e.type === 'file').length,
    gitFiles,
    ignoreFile,
    blobDir: tree.gitDir,
    warnings,
  };
}

/** The Dockerfile entry at the context root (a plain function so tests and dry-run use the same bytes). */
export function dockerfileEntry(dockerfile: string): ContextEntry {
  return generated('Dockerfile', dockerfile);
}

export interface PackedContext {
  stream: Readable;
  /** Bytes emitted so far (the total once the stream has ended). */
  bytes(): number;
}

function entryHeader(e: ContextEntry, name: string, date: Date): tar.Header {
  return {
    name,
    type: e.type,
    mode: e.mode,
    mtime: date,
    uid: 0,
    gid: 0,
    uname: '',
    gname: '',
    size: e.type === 'file' ? e.size : 0,
    linkname: e.linkname ?? '',
    devmajor: 0,
    devminor: 0,
  };
}

function addEntry(pack: tar.Pack, header: tar.Header, body: Buffer | string | null): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (err?: Error | null) => (err ? reject(err) : resolve());
    if (body === null) {
      // Directories and symlinks have no body: the entry completes on its own.
      pack.entry(header, done);
      return;
    }
    if (typeof body !== 'string') {
      pack.entry(header, body, done);
      return;
    }
    const source = createReadStream(body);
    source.on('error', (err) =>
      reject(new SetupError(`cannot read ${body} while packing the build context: ${err.message}`)),
    );
    source.pipe(pack.entry(header, done));
  });
}

/**
 * The image's new files as a tar rooted at `/` (`./`, `./app`, `./app/process_models/...`), times fixed at
 * `mtime`: what `ADD rootfs.tar /` unpacks. Unpacking it gives the same layer as copying the files would, but
 * the engine handles one context file instead of thousands (about twice as fast on a models repo).
 */
export function packRootfs(plan: ContextPlan, mtime: number): tar.Pack {
  const pack = tar.pack();
  const date = new Date(mtime * 1000);
  const all = plan.entries;
  // Small files are read ahead, READ_CONCURRENCY at a time, so the tar is never waiting on one open/read.
  const reads = new Map<number, Promise<Buffer | null>>();
  // Blobs come from git in batches of up to BLOB_BATCH bytes, read when the first of a batch is reached.
  let blobs = new Map<string, Buffer>();
  const loadBlobs = (from: number) => {
    const oids: string[] = [];
    let bytes = 0;
    for (let j = from; j < all.length && (bytes < BLOB_BATCH || oids.length === 0); j++) {
      const blob = all[j].blob;
      if (blob) {
        oids.push(blob);
        bytes += all[j].size;
      }
    }
    blobs = readBlobs(plan.blobDir as string, oids);
  };
  const readAhead = (i: number) => {
    const e = all[i];
    if (!e || reads.has(i) || e.blob) return;
    const small = e.type === 'file' && !e.content && e.size <= SMALL_FILE;
    reads.set(
      i,
      small ? Promise.resolve().then(() => readFileSync(e.source as string)) : Promise.resolve(null),
    );
  };
  const readBlob = (i: number): Promise<Buffer | null> => {
    const oid = all[i].blob as string;
    if (!blobs.has(oid)) loadBlobs(i);
    return Promise.resolve(blobs.get(oid) ?? null);
  };
  const write = async () => {
    await addEntry(pack, entryHeader(directory('.'), './', date), null);
    for (const [i, e] of all.entries()) {
      for (let j = i; j < i + READ_CONCURRENCY; j++) readAhead(j);
      const read = await (e.blob ? readBlob(i) : (reads.get(i) as Promise<Buffer | null>)).catch(
        (err: Error) => {
          if (err instanceof SetupError) throw err;
          throw new SetupError(`cannot read ${e.source} while packing the build context: ${err.message}`);
        },
      );
      reads.delete(i);
      if (read && read.length !== e.size) {
        throw new SetupError(
          `${e.source} changed while baking (size ${e.size} -> ${read.length}); run bake again.`,
        );
      }
      const body = e.type !== 'file' ? null : (e.content ?? read ?? (e.source as string));
      await addEntry(pack, entryHeader(e, `./${e.name}`, date), body);
    }
    pack.finalize();
  };
  write().catch((err) => pack.destroy(err));
  return pack;
}

/**
 * Streams the build context: the Dockerfile and rootfs.tar (written to a temporary file first: a tar entry
 * needs its size up front). Deterministic: the same plan, Dockerfile and mtime give the same bytes.
 */
export function packContext(plan: ContextPlan, dockerfile: string, mtime: number): PackedContext {
  let bytes = 0;
  const date = new Date(mtime * 1000);
  const stream = Readable.from(
    (async function* () {
      const tmp = await mkdtemp(path.join(os.tmpdir(), 'spiff-models-context-'));
      try {
        const inner = path.join(tmp, ROOTFS_TAR);
        await pipeline(packRootfs(plan, mtime), createWriteStream(inner));
        const size = (await stat(inner)).size;
        const outer = tar.pack();
        const write = async () => {
          const df = dockerfileEntry(dockerfile);
          await addEntry(outer, entryHeader(df, df.name, date), df.content as Buffer);
          const rootfs = { ...generated(ROOTFS_TAR, ''), size };
          await addEntry(outer, entryHeader(rootfs, ROOTFS_TAR, date), inner);
          outer.finalize();
        };
        write().catch((err) => outer.destroy(err));
        for await (const chunk of outer) {
          bytes += (chunk as Buffer).length;
          yield chunk as Buffer;
        }
      } finally {
        await rm(tmp, { recursive: true, force: true });
      }
    })(),
    { objectMode: false },
  );
  return { stream, bytes: () => bytes };
}

/** Counts the tar bytes without an engine (dry-run). */
export async function measureContext(plan: ContextPlan, dockerfile: string, mtime: number): Promise<number> {
  const packed = packContext(plan, dockerfile, mtime);
  for await (const _chunk of packed.stream) {
    // drain
  }
  return packed.bytes();
}

/**
 * What --dry-run writes next to the Dockerfile: one line per entry (type and mode, size, path), the Dockerfile
 * first, then every path rootfs.tar puts in the image.
 */
export function contextListing(plan: ContextPlan, dockerfile: string): string {
  const line = (e: ContextEntry, name: string) => {
    const kind = e.type === 'directory' ? 'd' : e.type === 'symlink' ? 'l' : '-';
    const link = e.linkname !== undefined ? ` -> ${e.linkname}` : '';
    return `${kind}${e.mode.toString(8).padStart(4, '0')} ${String(e.size).padStart(10)} ${name}${link}`;
  };
  const lines = [
    line(dockerfileEntry(dockerfile), 'Dockerfile'),
    `# ${ROOTFS_TAR}, unpacked onto / in the image:`,
    ...plan.entries.map((e) => line(e, `/${e.name}${e.type === 'directory' ? '/' : ''}`)),
  ];
  return `${lines.join('\n')}\n`;
}
